-- 048_notices.sql -- notices by mail to staff (issue 16): a team hears
-- that a report arrived in its queue, a handler that a report was
-- assigned to them, and once a day whoever has overdue tasks gets a
-- digest; each user chooses on the dashboard (/meldingen-per-mail)
-- whether they want the team's arrivals and the digest.  As for every
-- notice, an outbox row holds no address and no text (sql/004).

-- A user's choices; no row means the defaults (both on), so existing
-- accounts need no row and a new account is told like its team.
CREATE TABLE IF NOT EXISTS user_notice (
	user_id		INT UNSIGNED NOT NULL,
	team_arrival	TINYINT(1) NOT NULL DEFAULT 1,
	digest		TINYINT(1) NOT NULL DEFAULT 1,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (user_id),
	CONSTRAINT user_notice_user_fk FOREIGN KEY (user_id)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- New kinds: 'team' (user_id, a member of team_id, about report_id),
-- 'assigned' (user_id, the new handler of report_id) and 'digest'
-- (user_id, for the Amsterdam day digest_day, no report).  The unique
-- key makes the digest at most one per user and day, whoever runs
-- "meldpuntctl mail digest" how often (NULL days never collide).  The
-- coordinators' delivery log pages by id within a status or a kind.
ALTER TABLE mail_outbox
	ADD COLUMN team_id INT UNSIGNED NULL AFTER request_id,
	ADD COLUMN digest_day DATE NULL AFTER team_id,
	ADD UNIQUE KEY mail_outbox_digest (user_id, digest_day),
	ADD KEY mail_outbox_team (team_id),
	ADD KEY mail_outbox_log_status (status, id),
	ADD KEY mail_outbox_log_kind (kind, id),
	ADD CONSTRAINT mail_outbox_team_fk FOREIGN KEY (team_id)
	    REFERENCES team (id),
	DROP CONSTRAINT mail_outbox_kind,
	DROP CONSTRAINT mail_outbox_about;

ALTER TABLE mail_outbox
	ADD CONSTRAINT mail_outbox_kind CHECK (kind IN ('reporter',
	    'handler', 'grant', 'team', 'assigned', 'digest')),
	ADD CONSTRAINT mail_outbox_about CHECK (CASE kind
	    WHEN 'grant' THEN request_id IS NOT NULL AND user_id IS NOT NULL
	    WHEN 'digest' THEN user_id IS NOT NULL AND digest_day IS NOT NULL
	    WHEN 'team' THEN report_id IS NOT NULL AND user_id IS NOT NULL
		AND team_id IS NOT NULL
	    WHEN 'assigned' THEN report_id IS NOT NULL AND user_id IS NOT NULL
	    ELSE report_id IS NOT NULL END);

-- The team's notice, as DEFINER like outbox_notify_handler() (013):
-- the intake, which stores a routed report, may read no account, no
-- team membership and no choice.  One row per member who is not
-- disabled, has an address and wants team arrivals, but not p_except
-- (who made the change; 0 for none).  Returns the rows queued.
DELIMITER //

CREATE OR REPLACE FUNCTION outbox_notify_team(p_report BIGINT UNSIGNED,
    p_except INT UNSIGNED)
RETURNS INT
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	INSERT INTO mail_outbox (kind, report_id, user_id, team_id,
	    created_at, next_try_at)
	SELECT 'team', r.id, u.id, r.team_id, UTC_TIMESTAMP(),
	    UTC_TIMESTAMP()
	FROM report r JOIN user_team ut ON ut.team_id = r.team_id
	JOIN app_user u ON u.id = ut.user_id
	LEFT JOIN user_notice n ON n.user_id = u.id
	WHERE r.id = p_report AND u.disabled = 0 AND u.email IS NOT NULL
	    AND u.email <> '' AND COALESCE(n.team_arrival, 1) = 1
	    AND u.id <> COALESCE(p_except, 0);
	RETURN ROW_COUNT();
END
//

DELIMITER ;
