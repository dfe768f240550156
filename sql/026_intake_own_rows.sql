-- 026_intake_own_rows.sql -- meldpunt-intake adds a contact row and
-- attachments only to the report it has just stored (issue 10).
--
-- Its account had INSERT on reporter_contact and attachment, for any
-- report id: a taken-over intake could hang files on other people's
-- reports, or a contact row on an anonymous one, and the handlers would
-- take them for the reporter's.  Report ids are no secret (the account
-- reads report.id for a form sent twice), so the right must come from
-- something only intake_store() can give: when it stores a report it
-- puts the id in @meldpunt_intake_report and a keyed hash of the id in
-- @meldpunt_intake_proof, keyed with intake_secret.secret, which no
-- program's account can read.  The account may set the variables to
-- anything, but without the secret it can make the proof of no other
-- report than one it stored itself on this connection.
-- intake_own_report() answers with that report, NULL otherwise, and
-- the views intake_own_contact and intake_own_attachment take rows of
-- that report only (WITH CHECK OPTION); the direct INSERT rights are
-- gone (grants-intake.sql).
--
-- intake_store() is created again with the body of 017 and these two
-- assignments at its end, so a report without contact row or files is
-- still one statement (lib/report.c).  Reports that add rows run in one
-- transaction with the call (mp_db_txn), and a retry calls it again,
-- so the variables always name this attempt's report.

CREATE TABLE IF NOT EXISTS intake_secret (
	id		TINYINT UNSIGNED NOT NULL,
	secret		BINARY(32) NOT NULL,
	PRIMARY KEY (id)
) ENGINE=InnoDB;

-- RANDOM_BYTES (MariaDB 10.10) draws from the server's CSPRNG; the row
-- (not the call) is replicated, so every Galera node has the same one.
INSERT IGNORE INTO intake_secret (id, secret) VALUES (1, RANDOM_BYTES(32));

DELIMITER //

-- The keyed hash that proves report p_id was stored on this connection.
CREATE OR REPLACE FUNCTION intake_report_proof(p_id BIGINT UNSIGNED)
RETURNS BINARY(32)
NOT DETERMINISTIC
READS SQL DATA
SQL SECURITY DEFINER
RETURN (SELECT UNHEX(SHA2(CONCAT(secret, ':', p_id), 256))
    FROM intake_secret WHERE id = 1)
//

-- The report this connection's intake_store() stored last, or NULL.
-- The hashes are compared through SHA2 like sql/021's, so the time of
-- the comparison tells nothing about the proof.
CREATE OR REPLACE FUNCTION intake_own_report()
RETURNS BIGINT UNSIGNED
NOT DETERMINISTIC
READS SQL DATA
SQL SECURITY DEFINER
RETURN IF(@meldpunt_intake_report IS NOT NULL
    AND SHA2(intake_report_proof(@meldpunt_intake_report), 256) =
    SHA2(@meldpunt_intake_proof, 256), @meldpunt_intake_report, NULL)
//

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
	    status, received_at, team_id)
	VALUES (p_reference, p_submission, p_channel, p_audience,
	    p_signal_type, p_description, p_observed_date, p_observed_time,
	    p_street, p_house_number, p_postcode, p_city, p_people,
	    p_companies, p_vehicles, p_anonymous, p_code_hash, 'nieuw',
	    p_received, p_team);
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

-- The contact row and files of the report just stored: insert only,
-- one row at a time, so the function's call per checked row costs
-- nothing.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW intake_own_contact AS
SELECT report_id, name_enc, email_enc, phone_enc
FROM reporter_contact WHERE report_id = intake_own_report()
WITH CHECK OPTION;

CREATE OR REPLACE SQL SECURITY DEFINER VIEW intake_own_attachment AS
SELECT id, report_id, message_id, filename, mime, size, sha256, data
FROM attachment WHERE report_id = intake_own_report()
WITH CHECK OPTION;
