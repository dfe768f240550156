-- 060_answer_words.sql -- the answers' words in one FULLTEXT row a
-- report, in place of one an answer (issue 17).
--
-- sql/055 put a FULLTEXT index on report_answer.value, so that the
-- work list's search finds reports by their answers.  InnoDB indexes
-- every FULLTEXT row as a document of its own: a document id (a hidden
-- column and its unique index) and, at commit, the row's words into
-- the cache.  Eight answers were eight documents, and a search of two
-- words found a report only when one answer held both.  A loop of
-- 5,000 transactions of eight answers on an idle server: 141-158 us
-- each with the index on every answer, 131-146 us with one row of
-- words, 89-120 us with no FULLTEXT index at all.
--
-- report_answer_text holds one row a report that has answers: their
-- values, one a line, in the questions' order.  The intake's
-- intake_store_answers() writes it in the same call as the answers; the
-- search (lib/question.c's mp_question_sql_search) reads its index.
-- The answers themselves never change once stored (a changed question
-- keeps the answers given, sql/052), so the row never goes stale;
-- retention erases it with them (lib/question.c), and deleting the
-- report deletes it (the foreign key).
--
-- A search of several words now finds a report whose answers hold them
-- between them, not only within one answer.

CREATE TABLE IF NOT EXISTS report_answer_text (
	report_id	BIGINT UNSIGNED NOT NULL,
	words		MEDIUMTEXT NOT NULL,
	PRIMARY KEY (report_id),
	FULLTEXT KEY report_answer_text_words (words),
	CONSTRAINT report_answer_text_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The answers stored before this migration.  Twenty answers of at most
-- a TEXT each fit in 16 MB.
SET SESSION group_concat_max_len = 16777216;
INSERT IGNORE INTO report_answer_text (report_id, words)
SELECT report_id, GROUP_CONCAT(value ORDER BY position, question_id
    SEPARATOR '\n')
FROM report_answer GROUP BY report_id;

-- FORCE rebuilds the table without the hidden document id column that
-- InnoDB keeps after its last FULLTEXT index is dropped.
ALTER TABLE report_answer DROP INDEX IF EXISTS report_answer_value, FORCE;

DELIMITER //

-- 059's function with the words' row written after the answers.  The
-- caller gives the words (lib/question.c: the values it sends, one a
-- line): a GROUP_CONCAT of the rows just written cost 350 us a call, a
-- temporary table for its result, more than storing the answers (a
-- loop of 5,000 calls on an idle server).  A NULL fails the call (the
-- column is NOT NULL), so answers are never stored without them.  The
-- grants on the function stay: CREATE OR REPLACE keeps them.
CREATE OR REPLACE FUNCTION intake_store_answers(p_answers LONGTEXT
    CHARACTER SET utf8mb4, p_words MEDIUMTEXT CHARACTER SET utf8mb4)
RETURNS INT UNSIGNED
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_report BIGINT UNSIGNED DEFAULT intake_own_report();
	DECLARE v_n INT UNSIGNED;

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
	SET v_n = ROW_COUNT();
	IF v_n > 0 THEN
		INSERT INTO report_answer_text (report_id, words)
		VALUES (v_report, p_words);
	END IF;
	RETURN v_n;
END
//

DELIMITER ;
