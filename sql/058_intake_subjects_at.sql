-- 058_intake_subjects_at.sql -- a report the intake stores is marked
-- indexed by intake_store() itself, because its subjects are now linked
-- in the same transaction (lib/report.c, store_subjects).
--
-- The intake linked a report's subjects in a transaction of its own
-- after the report's, and marked the report indexed there with an
-- UPDATE of report.subjects_at: a second commit, and an UPDATE of the
-- report that runs its AFTER UPDATE triggers.  bench/intake measured
-- the intake at 321-338 stored reports/s with that, and 565 without
-- any indexing ("Subjects in the intake" in bench/README.md).  Now the
-- links follow intake_store() in the report's transaction, and
-- intake_store() writes subjects_at with the row.  The rare report
-- whose subjects cannot be linked (an error that is not transient)
-- loses that transaction and is stored again without them, with
-- subjects_at set NULL through intake_own_subjects_done, for
-- `meldpuntctl subjects rebuild`; one cut off at the maximum sets
-- subjects_cut there too.
--
-- The body is 026's with subjects_at in the INSERT; the signature is
-- unchanged, so its grants (grants-intake.sql) stay as they are.

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
	p_check2	BIGINT)
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
	-- The right to add this report's contact row and files (above).
	SET @meldpunt_intake_report = v_id,
	    @meldpunt_intake_proof = intake_report_proof(v_id);
	RETURN v_id;
END
//

DELIMITER ;
