-- 017_galera_definer.sql -- intake_store() runs as its definer on every
-- node of a Galera cluster, not only on the node that ran migrate.
--
-- 013 made it SQL SECURITY DEFINER with ALTER FUNCTION, and Galera
-- (MariaDB 10.11 with galera-4) does not replicate ALTER FUNCTION: the
-- node that ran the migration had DEFINER, the others kept INVOKER.
-- There the intake's own account, which has EXECUTE and no right on
-- report, event or report_share (grants-intake.sql), was refused
-- inside the function, and every report through an intake connected
-- to another node went to the spool (tests/cluster/run.sh found it:
-- half the burst's receipts spooled, and drain-spool on that node
-- failed the same way).  CREATE FUNCTION is replicated (013's
-- outbox_notify_handler() and 016's intake_submission_is_own() were
-- DEFINER on every node), so the function is created again here with
-- the body of 010 unchanged and SQL SECURITY DEFINER in its
-- definition.  On a cluster that ran 013 this also repairs the nodes
-- that still have INVOKER.  Later migrations change a routine with
-- CREATE OR REPLACE, never ALTER.
--
-- CREATE OR REPLACE keeps the EXECUTE grants on the function
-- (mysql.procs_priv is not touched); meldpuntctl grants, run after
-- migrate in any case, gives them again.

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
	RETURN v_id;
END
//

DELIMITER ;
