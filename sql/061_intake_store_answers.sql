-- 061_intake_store_answers.sql -- a report's answers go in with the
-- report, in intake_store() itself (issue 17's benchmark).
--
-- Since sql/059 the answers went in with a call of their own,
-- intake_store_answers(), after intake_store().  A profile of mariadbd
-- during bench/intake (perf, runs with and without eight questions in
-- the same run) put 12 % of a report's server CPU in that call: a
-- statement of its own, the second proof of the report
-- (intake_own_report(): the keyed hash again, 3 % alone), opening its
-- tables, and the rows.  intake_store() knows the report it has just
-- inserted, so it needs no proof, and the client sends one statement
-- fewer.
--
-- intake_store() takes two parameters more: p_answers, the JSON array
-- of [question_id, position, kind, label, value] that lib/question.c
-- writes (NULL: no answers), and p_words, their values one a line for
-- report_answer_text (sql/060).  The checks are 059's: malformed JSON
-- or anything but an array fails the call, as does a missing field
-- (ERROR ON EMPTY), a text too long for its column (strict mode: the
-- columns of JSON_TABLE are wider than the table's) and a count of rows
-- that is not the array's; a NULL p_words with answers fails the
-- words' NOT NULL.  A failed call stores nothing: the report's
-- transaction fails whole.
--
-- intake_store_answers() is dropped: nothing calls it.  CREATE OR
-- REPLACE keeps the grants on intake_store().

DROP FUNCTION IF EXISTS intake_store_answers;

DELIMITER //

CREATE OR REPLACE FUNCTION intake_store(
	p_reference	VARCHAR(24) CHARACTER SET utf8mb4,
	p_submission	BINARY(16),
	p_channel	VARCHAR(16) CHARACTER SET utf8mb4,
	p_audience	INT UNSIGNED,
	p_signal_type	INT UNSIGNED,
	p_description	TEXT CHARACTER SET utf8mb4,
	p_observed_date	DATE,
	p_observed_time	TIME,
	p_street	VARCHAR(100) CHARACTER SET utf8mb4,
	p_house_number	VARCHAR(16) CHARACTER SET utf8mb4,
	p_postcode	CHAR(7) CHARACTER SET utf8mb4,
	p_city		VARCHAR(80) CHARACTER SET utf8mb4,
	p_people	TEXT CHARACTER SET utf8mb4,
	p_companies	TEXT CHARACTER SET utf8mb4,
	p_vehicles	TEXT CHARACTER SET utf8mb4,
	p_anonymous	TINYINT,
	p_code_hash	BINARY(32),
	p_received	DATETIME,
	p_team		BIGINT UNSIGNED,
	p_year		INT,
	p_actor		VARCHAR(64) CHARACTER SET utf8mb4,
	p_detail	TEXT CHARACTER SET utf8mb4,
	p_window	INT UNSIGNED,
	p_bucket1	BINARY(32),
	p_slot1		TINYINT UNSIGNED,
	p_limit1	BIGINT,
	p_check1	BIGINT,
	p_bucket2	BINARY(32),
	p_slot2		TINYINT UNSIGNED,
	p_limit2	BIGINT,
	p_check2	BIGINT,
	p_answers	LONGTEXT CHARACTER SET utf8mb4,
	p_words		MEDIUMTEXT CHARACTER SET utf8mb4)
RETURNS BIGINT UNSIGNED
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_id BIGINT UNSIGNED;
	DECLARE v_hits BIGINT;

	INSERT INTO report (reference, submission_id, channel, audience_id,
	    signal_type_id, description, observed_date, observed_time,
	    street, house_number, postcode, city, involved_people,
	    involved_companies, involved_vehicles, anonymous, code_hash,
	    status, received_at, team_id, subjects_at)
	VALUES (p_reference, p_submission, p_channel, p_audience,
	    p_signal_type, p_description, p_observed_date, p_observed_time,
	    p_street, p_house_number, p_postcode, p_city, p_people,
	    p_companies, p_vehicles, p_anonymous, p_code_hash, 'nieuw',
	    p_received, p_team, UTC_TIMESTAMP());
	SET v_id = LAST_INSERT_ID();
	IF p_reference IS NULL THEN
		UPDATE report SET reference = CONCAT('M-', LPAD(p_year, 4,
		    '0'), '-', IF(v_id < 1000000, LPAD(v_id, 6, '0'), v_id))
		WHERE id = v_id;
	END IF;
	INSERT INTO event (report_id, at, kind, actor, detail)
	VALUES (v_id, p_received, 'ontvangen', p_actor, p_detail);
	INSERT INTO report_share (partner_id, report_id, seq, via, shared_at,
	    changed_at)
	SELECT pr.partner_id, v_id, 0, 'regel', UTC_TIMESTAMP(),
	    UTC_TIMESTAMP()
	FROM partner_rule pr
	JOIN partner p ON p.id = pr.partner_id AND p.disabled = 0
	WHERE pr.signal_type_id = p_signal_type;
	IF ROW_COUNT() > 0 THEN
		UPDATE export_counter SET seq = LAST_INSERT_ID(seq + 1)
		WHERE id = 1;
		UPDATE report_share SET seq = LAST_INSERT_ID()
		WHERE report_id = v_id;
	END IF;
	IF p_bucket1 IS NOT NULL THEN
		INSERT INTO rate_counter (bucket, window_start, slot, hits)
		VALUES (p_bucket1, p_window, p_slot1, 1)
		ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1);
		SET v_hits = IF(ROW_COUNT() = 1, 1, LAST_INSERT_ID());
		IF v_hits > p_check1 THEN
			SELECT COALESCE(SUM(hits), 0) INTO v_hits
			FROM rate_counter
			WHERE bucket = p_bucket1 AND window_start = p_window;
		END IF;
		IF v_hits > p_limit1 THEN
			SIGNAL SQLSTATE '45000' SET MYSQL_ERRNO = 45429,
			    MESSAGE_TEXT = 'rate limit';
		END IF;
	END IF;
	IF p_bucket2 IS NOT NULL THEN
		INSERT INTO rate_counter (bucket, window_start, slot, hits)
		VALUES (p_bucket2, p_window, p_slot2, 1)
		ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1);
		SET v_hits = IF(ROW_COUNT() = 1, 1, LAST_INSERT_ID());
		IF v_hits > p_check2 THEN
			SELECT COALESCE(SUM(hits), 0) INTO v_hits
			FROM rate_counter
			WHERE bucket = p_bucket2 AND window_start = p_window;
		END IF;
		IF v_hits > p_limit2 THEN
			SIGNAL SQLSTATE '45000' SET MYSQL_ERRNO = 45429,
			    MESSAGE_TEXT = 'rate limit';
		END IF;
	END IF;
	-- The answers to the follow-up questions and their words for the
	-- search (sql/060), checked as intake_store_answers() checks them.
	IF p_answers IS NOT NULL THEN
		-- JSON_TABLE makes no rows of malformed text, and says so
		-- only in a warning.
		IF JSON_VALID(p_answers) IS NOT TRUE OR
		    JSON_TYPE(p_answers) <> 'ARRAY' THEN
			SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT =
			    'intake_store: answers not a JSON array';
		END IF;
		INSERT INTO report_answer (report_id, question_id, position,
		    kind, label, value)
		SELECT v_id, j.question_id, j.position, j.kind, j.label,
		    j.value
		FROM JSON_TABLE(p_answers, '$[*]' COLUMNS (
		    question_id BIGINT PATH '$[0]'
			ERROR ON EMPTY ERROR ON ERROR,
		    position INT PATH '$[1]' ERROR ON EMPTY ERROR ON ERROR,
		    kind VARCHAR(64) CHARACTER SET utf8mb4 PATH '$[2]'
			ERROR ON EMPTY ERROR ON ERROR,
		    label VARCHAR(1200) CHARACTER SET utf8mb4 PATH '$[3]'
			ERROR ON EMPTY ERROR ON ERROR,
		    value LONGTEXT CHARACTER SET utf8mb4 PATH '$[4]'
			ERROR ON EMPTY ERROR ON ERROR)) j;
		IF ROW_COUNT() <> JSON_LENGTH(p_answers) THEN
			SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT =
			    'intake_store: not every answer stored';
		END IF;
		IF JSON_LENGTH(p_answers) > 0 THEN
			INSERT INTO report_answer_text (report_id, words)
			VALUES (v_id, p_words);
		END IF;
	END IF;
	-- The right to add this report's contact row and files (above).
	SET @meldpunt_intake_report = v_id,
	    @meldpunt_intake_proof = intake_report_proof(v_id);
	RETURN v_id;
END
//

DELIMITER ;
