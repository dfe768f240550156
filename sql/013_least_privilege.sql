-- 013_least_privilege.sql -- what lets each program have a database
-- account with only the rights it needs (sql/grants-<program>.sql,
-- created by meldpuntctl grants; issue 10, "least privilege").
--
-- The public programs must not be able to read other reports, yet two
-- of their writes read rows they may not see:
--
--  * intake_store() (009, 010) inserts the report, then updates its
--    reference, shares it by the partners' rules (reading partner_rule,
--    partner and export_counter) and counts the rate limit.  As SQL
--    SECURITY INVOKER it needed the caller to hold all of those rights,
--    reading ones included.  As DEFINER it runs with the rights of the
--    account that ran this migration (the administrator), and the
--    intake's account needs EXECUTE on it and nothing on report but the
--    three columns of its duplicate check (grants-intake.sql).  The
--    function's parameters and body are unchanged, so it can do no more
--    for its caller than before: store one new report.
--
--  * A reporter's reply queues "the reporter answered" for the report's
--    handler, which joins app_user for the handler's address
--    (lib/outbox.c).  outbox_notify_handler() does that insert as
--    DEFINER, so meldpunt-feedback reads no account at all.  It returns
--    the number of rows queued (0 or 1).
--
-- Both run as the definer: MariaDB records the account that ran this
-- file (db.admin.user), which must keep existing while they are used.

ALTER FUNCTION intake_store SQL SECURITY DEFINER;

DELIMITER //

CREATE OR REPLACE FUNCTION outbox_notify_handler(p_report BIGINT UNSIGNED)
RETURNS INT
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	INSERT INTO mail_outbox (kind, report_id, user_id, created_at,
	    next_try_at)
	SELECT 'handler', r.id, u.id, UTC_TIMESTAMP(), UTC_TIMESTAMP()
	FROM report r JOIN app_user u ON u.id = r.handler_id
	WHERE r.id = p_report AND u.disabled = 0 AND u.email IS NOT NULL
	    AND u.email <> '';
	RETURN ROW_COUNT();
END
//

DELIMITER ;
