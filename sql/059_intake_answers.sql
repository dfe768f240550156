-- 059_intake_answers.sql -- a report's answers to the follow-up
-- questions in one definer call that checks the intake's proof once
-- (issue 17's benchmark).
--
-- The answers went in as one multi-row INSERT through the view
-- intake_own_answer (sql/052), WITH CHECK OPTION: the check runs
-- intake_own_report() for every row, and one call costs 25-45 us
-- (a definer function, the nested proof function, a read of
-- intake_secret; measured with BENCHMARK()).  Eight answers made the
-- intake 82 % as fast as without them (bench/README.md, "Subjects in
-- the intake"); the target is 90 %.
--
-- intake_store_answers() takes the answers as a JSON array of
-- [question_id, position, kind, label, value] (lib/question.c writes
-- it), proves the report once, and inserts them with JSON_TABLE in one
-- statement.  A missing field fails the call (ERROR ON EMPTY); the
-- columns of JSON_TABLE are wider than the table's, so that a text too
-- long or a number out of range fails at the INSERT (strict mode, as
-- the function is created) instead of being cut by JSON_TABLE: the
-- report's transaction fails, and the intake never stores a
-- shortened or empty answer.  Only the report intake_store() stored on
-- this connection, as before (sql/026); the programs' accounts get
-- EXECUTE on it in place of INSERT on the view.

DELIMITER //

CREATE OR REPLACE FUNCTION intake_store_answers(p_answers LONGTEXT
    CHARACTER SET utf8mb4)
RETURNS INT UNSIGNED
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_report BIGINT UNSIGNED DEFAULT intake_own_report();

	IF v_report IS NULL THEN
		SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT =
		    'intake_store_answers: no report stored on this connection';
	END IF;
	-- JSON_TABLE makes no rows of malformed text, and says so only
	-- in a warning.
	IF JSON_VALID(p_answers) IS NOT TRUE OR
	    JSON_TYPE(p_answers) <> 'ARRAY' THEN
		SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT =
		    'intake_store_answers: not a JSON array';
	END IF;
	INSERT INTO report_answer (report_id, question_id, position, kind,
	    label, value)
	SELECT v_report, j.question_id, j.position, j.kind, j.label,
	    j.value
	FROM JSON_TABLE(p_answers, '$[*]' COLUMNS (
	    question_id BIGINT PATH '$[0]' ERROR ON EMPTY ERROR ON ERROR,
	    position INT PATH '$[1]' ERROR ON EMPTY ERROR ON ERROR,
	    kind VARCHAR(64) CHARACTER SET utf8mb4 PATH '$[2]'
		ERROR ON EMPTY ERROR ON ERROR,
	    label VARCHAR(1200) CHARACTER SET utf8mb4 PATH '$[3]'
		ERROR ON EMPTY ERROR ON ERROR,
	    value LONGTEXT CHARACTER SET utf8mb4 PATH '$[4]'
		ERROR ON EMPTY ERROR ON ERROR)) j;
	RETURN ROW_COUNT();
END
//

DELIMITER ;
