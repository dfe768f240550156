-- 042_routing.sql -- reports reach the right person (issue 16): the
-- routing rules, a coordinator's cover of one handler for another, the
-- way every channel writes the routing's history row, and the index
-- that keeps "Mijn meldingen" in the navigation cheap.

-- A rule: signal type and audience -> team; 0 stands for "any" (a
-- NOT NULL column, so the unique key keeps one rule per pair: with
-- NULL for "any" MariaDB would accept the same pair twice).  Which
-- rule wins is lib/routing.c's (most specific first).
CREATE TABLE IF NOT EXISTS routing_rule (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT,
	signal_type_id	INT UNSIGNED NOT NULL DEFAULT 0,
	audience_id	INT UNSIGNED NOT NULL DEFAULT 0,
	team_id		INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (id),
	UNIQUE KEY routing_rule_pair (signal_type_id, audience_id),
	KEY routing_rule_team (team_id),
	CONSTRAINT routing_rule_team_fk FOREIGN KEY (team_id)
	    REFERENCES team (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Cover: user_id sees what colleague_id sees through teams, from
-- starts_on to ends_on (Europe/Amsterdam, both days included).  The
-- bounds as UTC instants (starts_at inclusive, ends_at exclusive: the
-- midnight after ends_on) are computed by lib/routing.c, so the rule
-- needs no time zone tables in the server.  Ended early: ended_at.
CREATE TABLE IF NOT EXISTS cover (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT,
	user_id		INT UNSIGNED NOT NULL,
	colleague_id	INT UNSIGNED NOT NULL,
	starts_on	DATE NOT NULL,
	ends_on		DATE NOT NULL,
	starts_at	DATETIME NOT NULL,
	ends_at		DATETIME NOT NULL,
	created_by	VARCHAR(64) NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	ended_at	DATETIME NULL,
	ended_by	VARCHAR(64) NULL,
	PRIMARY KEY (id),
	KEY cover_user (user_id, ends_at),
	KEY cover_colleague (colleague_id),
	CONSTRAINT cover_user_fk FOREIGN KEY (user_id)
	    REFERENCES app_user (id),
	CONSTRAINT cover_colleague_fk FOREIGN KEY (colleague_id)
	    REFERENCES app_user (id),
	CONSTRAINT cover_order CHECK (ends_on >= starts_on
	    AND user_id <> colleague_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The teams whose reports a user sees (lib/access.c's rule): their own
-- and, while a cover runs, their colleague's.  It ends by itself: the
-- view compares with the clock on every read.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW user_team_access AS
SELECT ut.user_id, ut.team_id FROM user_team ut
UNION
SELECT c.user_id, ut.team_id FROM cover c
JOIN user_team ut ON ut.user_id = c.colleague_id
WHERE c.ended_at IS NULL AND c.starts_at <= UTC_TIMESTAMP()
AND c.ends_at > UTC_TIMESTAMP();

-- The routing's history row of the report intake_store() stored just
-- now on this connection, and of no other (the rule of sql/026): the
-- intake's account has no right on event.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW intake_own_event AS
SELECT report_id, at, kind, actor, detail
FROM event WHERE report_id = intake_own_report()
WITH CHECK OPTION;

-- "Mijn meldingen": handler and status, with the team for the
-- visibility rule, so the count in the navigation reads this index only.
ALTER TABLE report
    ADD KEY IF NOT EXISTS report_handler_status (handler_id, status,
    team_id);
