-- 009_intake_perf.sql -- store a report in one round trip.
--
-- Storing a report took 7.5 statements, each a round trip to the
-- server: insert, its reference, the contact row (half the reports),
-- the event, two for the rate limit, plus begin and commit.  Measured
-- (bench/intake) the server spent most of its CPU on the protocol
-- around these statements, not on the rows.  intake_store() does the
-- insert, reference, event and rate limit inside the server, so the
-- intake sends begin, one SELECT intake_store(...), the contact row
-- when there is one, and commit.
--
-- A function, not a procedure: its result (the new id) comes back as
-- an ordinary one-column row of a prepared SELECT, while a procedure's
-- result or OUT parameter needs multi-result handling in the client.
-- The contact row stays outside: its values are sealed bound to the
-- report id, which exists only after the insert.
--
-- The reference is M-<year>-<id, at least 6 digits>, as
-- mp_report_reference() makes it; p_reference is given (and kept) only
-- for a report that was spooled and already has one.  p_year is the
-- local year of receipt.
--
-- Rate limit (lib/ratelimit.c): p_bucket1/2 are the HMAC-named buckets
-- (NULL: not limited), p_slot1/2 the random slot of this hit, p_limit1/2
-- the hits allowed per window.  A hit beyond a limit raises SQLSTATE
-- 45000 with MYSQL_ERRNO 45429 (MP_DB_ERRNO_LIMIT in lib/db.h), which
-- undoes the whole statement; the caller rolls back.  The counter rows
-- are touched last, so their locks are held from here to the commit.
--
-- Every statement cost the server 70-100 us of CPU on the 2-core
-- development machine, whether sent or run in here, and summing a bucket's slots is one per bucket.  So the
-- upsert reads back its own slot's count (LAST_INSERT_ID(expr)), and
-- the slots are summed only when that count is above p_check1/2, which
-- the caller sets to limit / (2 * slots): a bucket over its limit has
-- an average slot above limit / slots, and the slot of a hit is drawn
-- at random, so a sum beyond the limit with this slot under half the
-- average is practically impossible for large limits, while for small
-- limits (below 2 * slots) p_check is 0 and every hit is summed.
--
-- Functions that write need log_bin_trust_function_creators=1 (or
-- SUPER) to be created where the binary log is on (Galera); the
-- function writes the same rows on every node, whatever the binlog
-- format, since with row-based replication the rows are logged.

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
SQL SECURITY INVOKER
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
