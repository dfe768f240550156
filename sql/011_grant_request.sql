-- 011_grant_request.sql -- two people for every grant that lets an
-- account read reports (issue 10, finding 1), and an audit log without
-- report content (finding 2).
--
-- Everything InnoDB with a primary key, so it runs on Galera.

-- Reporter identity is a right of its own (DESIGN.md: "a separate
-- permission"), held per account by a role that may hold it (handler,
-- coordinator; lib/access.c), no longer by every coordinator.  The
-- coordinators of today keep what they had.
--
-- password_change: the password was set by someone else (a confirmed
-- reset in the dashboard); the account must choose its own at its next
-- sign-in before it can do anything else.
ALTER TABLE app_user
	ADD COLUMN reporter_identity TINYINT(1) NOT NULL DEFAULT 0 AFTER role,
	ADD COLUMN password_change TINYINT(1) NOT NULL DEFAULT 0
	    AFTER password_hash;

UPDATE app_user SET reporter_identity = 1 WHERE role = 'coordinator';

-- A change of an account that widens what it may read or grant, asked
-- for by one administrator and waiting for a second person (another
-- administrator or a coordinator, never the requester and never the
-- account concerned) to confirm it (lib/grant.c).  kind: 'rol' (role
-- becomes role), 'team' (team_id added), 'identiteit' (the identity
-- right), 'actief' (the account switched on), 'wachtwoord' and
-- 'tweede-factor' (a reset, local sign-in only).
--
-- was_*: the account's role, disabled flag and identity right when the
-- request was made.  A confirmation applies the change only while they
-- are unchanged; otherwise the request lapses ('vervallen'), so nobody
-- confirms a change to an account that is no longer what the request
-- was made for.  status: 'open', then exactly once 'bevestigd',
-- 'afgewezen', 'ingetrokken' or 'vervallen', by decided_by at
-- decided_at; rows are never deleted (the record of who granted what).
--
-- open_key is set only while a request is open, and unique: one open
-- request per account and change (per team for 'team'), however many
-- administrators click at once.
CREATE TABLE grant_request (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	kind		VARCHAR(16) NOT NULL,
	target_id	INT UNSIGNED NOT NULL,
	role		VARCHAR(16) NULL,
	team_id		INT UNSIGNED NULL,
	was_role	VARCHAR(16) NOT NULL,
	was_disabled	TINYINT(1) NOT NULL,
	was_identity	TINYINT(1) NOT NULL,
	requested_by	INT UNSIGNED NOT NULL,
	requested_at	DATETIME NOT NULL,
	status		VARCHAR(16) NOT NULL DEFAULT 'open',
	decided_by	INT UNSIGNED NULL,
	decided_at	DATETIME NULL,
	open_key	VARCHAR(48) AS (IF(status = 'open',
	    CONCAT(target_id, ':', kind, ':', COALESCE(team_id, 0)), NULL))
	    PERSISTENT,
	PRIMARY KEY (id),
	UNIQUE KEY grant_request_open (open_key),
	KEY grant_request_status (status, requested_at),
	KEY grant_request_target (target_id),
	KEY grant_request_by (requested_by),
	KEY grant_request_decided (decided_by),
	KEY grant_request_team (team_id),
	CONSTRAINT grant_request_target_fk FOREIGN KEY (target_id)
	    REFERENCES app_user (id),
	CONSTRAINT grant_request_by_fk FOREIGN KEY (requested_by)
	    REFERENCES app_user (id),
	CONSTRAINT grant_request_decided_fk FOREIGN KEY (decided_by)
	    REFERENCES app_user (id),
	CONSTRAINT grant_request_team_fk FOREIGN KEY (team_id)
	    REFERENCES team (id),
	CONSTRAINT grant_request_kind CHECK (kind IN ('rol', 'team',
	    'identiteit', 'actief', 'wachtwoord', 'tweede-factor')),
	CONSTRAINT grant_request_status_ck CHECK (status IN ('open',
	    'bevestigd', 'afgewezen', 'ingetrokken', 'vervallen')),
	CONSTRAINT grant_request_args CHECK ((kind = 'rol') =
	    (role IS NOT NULL) AND (kind = 'team') = (team_id IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The coordinators hear of every request by mail: kind 'grant', one
-- row per coordinator (user_id) and request (request_id), no report.
-- As for the other kinds, the row holds no address and no text.
ALTER TABLE mail_outbox
	MODIFY report_id BIGINT UNSIGNED NULL,
	ADD COLUMN request_id BIGINT UNSIGNED NULL AFTER user_id,
	ADD KEY mail_outbox_request (request_id),
	ADD CONSTRAINT mail_outbox_request_fk FOREIGN KEY (request_id)
	    REFERENCES grant_request (id),
	DROP CONSTRAINT mail_outbox_kind;

ALTER TABLE mail_outbox
	ADD CONSTRAINT mail_outbox_kind CHECK (kind IN ('reporter',
	    'handler', 'grant')),
	ADD CONSTRAINT mail_outbox_about CHECK (IF(kind = 'grant',
	    request_id IS NOT NULL AND user_id IS NOT NULL,
	    report_id IS NOT NULL));

-- Finding 2: the audit log names the field or the event, never a
-- report's words.  Entries written before this migration held them:
-- an edit's old and new value, a closing's reason, an attachment's
-- file name, an export's search text.  They are cut back here to what
-- the new code writes (lib/dashboard-report.c, lib/dashboard-export.c);
-- the values stay in the report's history, which only those who may
-- see the report can open.  This is the one change ever made to
-- audit_log rows, by the migrating administrator: the application may
-- only insert (grants.sql).
UPDATE audit_log SET detail = CONCAT('veld: ',
	SUBSTRING_INDEX(detail, ' gewijzigd; was: ', 1))
	WHERE action = 'wijzigen' AND detail LIKE '% gewijzigd; was: %';

UPDATE audit_log SET detail = CONCAT(SUBSTRING_INDEX(detail, '; reden: ',
	1), '; reden in de geschiedenis')
	WHERE action = 'status' AND detail LIKE '%; reden: %';

UPDATE audit_log a LEFT JOIN attachment t ON t.id = a.object_id
	SET a.detail = IF(t.id IS NULL, '', CONCAT('melding ', t.report_id))
	WHERE a.action = 'bijlage downloaden' AND a.object_type = 'bijlage';

-- The search text is the last filter (dash_filter_query), url-encoded.
UPDATE audit_log SET detail = CONCAT(REGEXP_REPLACE(detail, '&q=[^&]*$',
	''), '; met zoektekst')
	WHERE action = 'export csv' AND detail REGEXP '^filter: .*&q=[^&]*$';

UPDATE audit_log SET detail = 'filter: geen; met zoektekst'
	WHERE action = 'export csv' AND detail REGEXP '^filter: q=[^&]*$';
