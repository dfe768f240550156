-- 020_feedback_own_report.sql -- meldpunt-feedback reaches the rows of
-- the one report its reporter signed in to, and no other (issue 10,
-- "a compromised public program can then not read other reports").
--
-- Until now its account could SELECT every message, every report's
-- code hash and status, every reporter session, every share, and
-- INSERT messages, events and attachments for any report id: the
-- statements named the signed-in report, the grants did not.
--
-- The secret that proves a sign-in is the session id, which the
-- program holds only as long as a reporter sends its cookie.  The
-- program puts its keyed hash in @meldpunt_reporter_session for the
-- connection (lib/session.c, mp_db_bind keeps it over a reconnect);
-- feedback_bound_report() reads it and answers with the report of
-- that session while it has not expired, NULL otherwise.  The account
-- may set the variable to anything, but only the hash of a live
-- session opens a report, and it cannot read reporter_session, so the
-- only hashes it can use are those of cookies it is sent.
--
-- The account gets no right on report, message, event, attachment,
-- reporter_session, report_share, export_counter, partner_rule or
-- partner (grants-feedback.sql): it reads through the views below and
-- writes through the functions, all of which run as their definer.
--
-- The views read the bound report through a one-row derived table
-- (LIMIT 1 keeps it from being merged): the function runs once per
-- statement, and the join then uses the primary key or the report's
-- index as if the id were a constant.  "WHERE report_id =
-- feedback_bound_report()" would call it for every row of the table
-- and use no index.

DELIMITER //

-- The bound session's hash (NULL when none): an accessor, so that the
-- views, which may not name a variable, can use it.
CREATE OR REPLACE FUNCTION feedback_session_hash()
RETURNS VARBINARY(32)
NOT DETERMINISTIC
NO SQL
SQL SECURITY DEFINER
RETURN @meldpunt_reporter_session
//

CREATE OR REPLACE FUNCTION feedback_bound_report()
RETURNS BIGINT UNSIGNED
NOT DETERMINISTIC
READS SQL DATA
SQL SECURITY DEFINER
RETURN (SELECT report_id FROM reporter_session
    WHERE id_hash = @meldpunt_reporter_session
    AND expires_at > UTC_TIMESTAMP())
//

-- Sign-in: the report of reference p_ref when p_code is the keyed
-- hash of its code, with a new session p_id (the keyed hash of the
-- cookie) in the same statement; 0 otherwise.  The code hashes never
-- leave the database.  The hashes are compared through SHA2 so that
-- the comparison's time tells nothing about the stored one, and a
-- reference that does not exist costs the same work.  The session
-- lasts at most a day (feedback.session.absolute's limit), whatever
-- the caller asks.
CREATE OR REPLACE FUNCTION feedback_session_open(p_ref VARCHAR(32),
    p_code BINARY(32), p_id BINARY(32), p_csrf VARCHAR(64),
    p_stage TINYINT UNSIGNED, p_now BIGINT, p_expires BIGINT)
RETURNS BIGINT UNSIGNED
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_id BIGINT UNSIGNED DEFAULT NULL;
	DECLARE v_hash BINARY(32) DEFAULT NULL;
	DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_id = NULL;

	SELECT id, code_hash INTO v_id, v_hash FROM report
	    WHERE reference = p_ref;
	IF (SHA2(COALESCE(v_hash, REPEAT(0x00, 32)), 256) <=>
	    SHA2(p_code, 256)) = 0 OR v_id IS NULL OR v_hash IS NULL OR
	    p_code IS NULL OR p_id IS NULL THEN
		RETURN 0;
	END IF;
	INSERT INTO reporter_session (id_hash, report_id, csrf, stage,
	    created_at, last_seen, expires_at)
	VALUES (p_id, v_id, p_csrf, p_stage, FROM_UNIXTIME(p_now),
	    FROM_UNIXTIME(p_now), LEAST(FROM_UNIXTIME(p_expires),
	    UTC_TIMESTAMP() + INTERVAL 1 DAY));
	RETURN v_id;
END
//

-- The session's last use; only one whose id hash the caller holds.
CREATE OR REPLACE FUNCTION feedback_session_touch(p_now BIGINT,
    p_id BINARY(32))
RETURNS INT
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	UPDATE reporter_session SET last_seen = FROM_UNIXTIME(p_now)
	    WHERE id_hash = p_id;
	RETURN ROW_COUNT();
END
//

-- Sign-out, or a session found expired.
CREATE OR REPLACE FUNCTION feedback_session_end(p_id BINARY(32))
RETURNS INT
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DELETE FROM reporter_session WHERE id_hash = p_id;
	RETURN ROW_COUNT();
END
//

-- Expired and idle sessions.  The time is the database's at the
-- latest and the idle time a minute at the least, so the worst a
-- caller can do is what the purge does anyway: sign reporters out
-- who stopped using their session.
CREATE OR REPLACE FUNCTION feedback_session_purge(p_now BIGINT,
    p_idle_before BIGINT)
RETURNS INT
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_now BIGINT DEFAULT LEAST(p_now, UNIX_TIMESTAMP());

	DELETE FROM reporter_session
	    WHERE expires_at < FROM_UNIXTIME(v_now)
	    OR last_seen < FROM_UNIXTIME(LEAST(p_idle_before, v_now - 60));
	RETURN ROW_COUNT();
END
//

-- A report changed in what partners see (its status): the partners'
-- rules are applied to it, and when it is shared its shares get the
-- next number of the change sequence.  lib/share.c calls this for the
-- dashboard (mp_share_touch) and feedback_reply() below for the
-- reporter's side, so the rule lives in one place.  Returns the number
-- of partners it is shared with.
CREATE OR REPLACE FUNCTION share_touch(p_report BIGINT UNSIGNED)
RETURNS INT
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_n INT DEFAULT 0;
	DECLARE v_seq BIGINT UNSIGNED;

	INSERT INTO report_share (partner_id, report_id, seq, via,
	    shared_at, changed_at)
	SELECT pr.partner_id, r.id, 0, 'regel', UTC_TIMESTAMP(),
	    UTC_TIMESTAMP()
	FROM report r JOIN partner_rule pr
	    ON pr.signal_type_id = r.signal_type_id
	JOIN partner p ON p.id = pr.partner_id AND p.disabled = 0
	WHERE r.id = p_report AND NOT EXISTS (SELECT 1 FROM report_share s
	    WHERE s.partner_id = pr.partner_id AND s.report_id = r.id);
	-- A locking read, so a share just committed counts.
	SELECT COUNT(*) INTO v_n FROM report_share
	    WHERE report_id = p_report FOR UPDATE;
	IF v_n = 0 THEN
		RETURN 0;
	END IF;
	UPDATE export_counter SET seq = seq + 1 WHERE id = 1;
	SELECT seq INTO v_seq FROM export_counter WHERE id = 1;
	UPDATE report_share SET seq = v_seq, changed_at = UTC_TIMESTAMP()
	    WHERE report_id = p_report;
	RETURN v_n;
END
//

-- The reporter's reply to the bound report (lib/message.c): the
-- message, "unread replies" for the handler, the event, and a report
-- that waited for the reporter taken back into handling, with its
-- event and its shares renumbered; the handler's notice is queued.
-- p_files is the number of attachments, which the caller inserts next
-- through feedback_own_attachment.  Returns the message's id, 0 when
-- no live session is bound.
CREATE OR REPLACE FUNCTION feedback_reply(p_body TEXT,
    p_files INT UNSIGNED)
RETURNS BIGINT UNSIGNED
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_report BIGINT UNSIGNED DEFAULT feedback_bound_report();
	DECLARE v_status VARCHAR(32) DEFAULT NULL;
	DECLARE v_msg BIGINT UNSIGNED;

	IF v_report IS NULL THEN
		RETURN 0;
	END IF;
	SELECT status INTO v_status FROM report WHERE id = v_report
	    FOR UPDATE;
	INSERT INTO message (report_id, at, direction, kind, author_id,
	    author, body)
	VALUES (v_report, UTC_TIMESTAMP(), 'in', 'antwoord', NULL, '',
	    COALESCE(p_body, ''));
	SET v_msg = LAST_INSERT_ID();
	DO outbox_notify_handler(v_report);
	UPDATE report SET unread_replies = LEAST(unread_replies + 1, 9999)
	    WHERE id = v_report;
	INSERT INTO event (report_id, at, kind, actor, detail)
	VALUES (v_report, UTC_TIMESTAMP(), 'antwoord melder', '',
	    CONCAT(p_files, ' bijlage(n)'));
	IF v_status = 'wacht op melder' THEN
		UPDATE report SET status = 'in behandeling',
		    version = version + 1
		    WHERE id = v_report AND status = 'wacht op melder';
		DO share_touch(v_report);
		INSERT INTO event (report_id, at, kind, actor, detail)
		VALUES (v_report, UTC_TIMESTAMP(), 'status', '',
		    'wacht op melder -> in behandeling (antwoord van de melder)');
	END IF;
	RETURN v_msg;
END
//

DELIMITER ;

-- What the reporter's pages read: the session (never its hash), the
-- report's reference, status and date, and the conversation.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW feedback_own_session AS
SELECT s.report_id, s.csrf, s.stage, s.created_at, s.last_seen,
    s.expires_at
FROM (SELECT feedback_session_hash() AS h LIMIT 1) me
JOIN reporter_session s ON s.id_hash = me.h;

CREATE OR REPLACE SQL SECURITY DEFINER VIEW feedback_own_report AS
SELECT r.id, r.reference, r.status, r.received_at
FROM (SELECT feedback_bound_report() AS id LIMIT 1) me
JOIN report r ON r.id = me.id;

CREATE OR REPLACE SQL SECURITY DEFINER VIEW feedback_own_message AS
SELECT m.id, m.report_id, m.at, m.direction, m.body
FROM (SELECT feedback_bound_report() AS id LIMIT 1) me
JOIN message m ON m.report_id = me.id;

-- A reply's files: insert only (grants-feedback.sql), and the check
-- option refuses a row of any other report.  One row at a time, so
-- the function's call per checked row costs nothing.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW feedback_own_attachment AS
SELECT id, report_id, message_id, filename, mime, size, sha256, data
FROM attachment WHERE report_id = feedback_bound_report()
WITH CHECK OPTION;
