-- 002_dashboard.sql -- the handlers' dashboard: teams, users, sessions,
-- sign-in throttling, the append-only audit log, and what a report needs
-- to be worked on (team, handler, reason for closing) with the indexes
-- of the work list.
--
-- Everything InnoDB with a primary key, so it runs on Galera.

CREATE TABLE team (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT,
	name		VARCHAR(100) NOT NULL,
	active		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (id),
	UNIQUE KEY team_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A user of the dashboard.  In portal mode password_hash stays NULL:
-- the intranet portal signs people in and username is what it passes.
-- totp_secret is sealed (AES-256-GCM under the session key's sibling,
-- bound to the user id); totp_last_step is the last accepted time step,
-- so a code cannot be used twice.  Users are disabled, never deleted:
-- reports and the audit log refer to them.
CREATE TABLE app_user (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT,
	username	VARCHAR(64) NOT NULL,
	display_name	VARCHAR(100) NOT NULL,
	role		VARCHAR(16) NOT NULL,
	password_hash	VARCHAR(128) NULL,
	totp_secret	VARBINARY(128) NULL,
	totp_enabled	TINYINT(1) NOT NULL DEFAULT 0,
	totp_last_step	BIGINT NOT NULL DEFAULT 0,
	disabled	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (id),
	UNIQUE KEY app_user_username (username),
	CONSTRAINT app_user_role CHECK (role IN
	    ('handler', 'coordinator', 'admin', 'auditor'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_team (
	user_id		INT UNSIGNED NOT NULL,
	team_id		INT UNSIGNED NOT NULL,
	PRIMARY KEY (user_id, team_id),
	KEY user_team_team (team_id),
	CONSTRAINT user_team_user FOREIGN KEY (user_id)
	    REFERENCES app_user (id),
	CONSTRAINT user_team_team_fk FOREIGN KEY (team_id)
	    REFERENCES team (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sessions.  The cookie holds a random id; only its HMAC is stored, so
-- a copy of this table signs nobody in.  stage: 0 signed in, 1 password
-- given and a TOTP code still due, 2 a TOTP enrolment still due.
CREATE TABLE session (
	id_hash		BINARY(32) NOT NULL,
	user_id		INT UNSIGNED NOT NULL,
	csrf		VARCHAR(64) NOT NULL,
	stage		TINYINT UNSIGNED NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL,
	last_seen	DATETIME NOT NULL,
	expires_at	DATETIME NOT NULL,
	PRIMARY KEY (id_hash),
	KEY session_user (user_id),
	KEY session_expires (expires_at),
	CONSTRAINT session_user_fk FOREIGN KEY (user_id)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed local sign-ins, for throttling per account and per client.
-- Both are HMACs (MP_KEY_CLIENT): neither the name typed nor the
-- address is kept here.  Rows older than a day are purged.
CREATE TABLE login_attempt (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	at		DATETIME NOT NULL,
	user_hash	BINARY(32) NOT NULL,
	client_hash	BINARY(32) NOT NULL,
	PRIMARY KEY (id),
	KEY login_attempt_user (user_hash, at),
	KEY login_attempt_client (client_hash, at),
	KEY login_attempt_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who saw or changed what.  Append-only: the application's database
-- user may only INSERT and SELECT here (grants.sql).  username is
-- copied so the entry stays readable whatever becomes of the user;
-- client_addr is the address of a member of staff, never of a reporter.
CREATE TABLE audit_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	at		DATETIME NOT NULL,
	user_id		INT UNSIGNED NULL,
	username	VARCHAR(64) NOT NULL,
	action		VARCHAR(32) NOT NULL,
	object_type	VARCHAR(16) NOT NULL DEFAULT '',
	object_id	BIGINT UNSIGNED NULL,
	client_addr	VARCHAR(45) NOT NULL DEFAULT '',
	detail		VARCHAR(1000) NOT NULL DEFAULT '',
	PRIMARY KEY (id),
	KEY audit_at (at),
	KEY audit_user (username, at),
	KEY audit_object (object_type, object_id, at),
	KEY audit_action (action, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A report is worked on by a team and a handler.  Notes are events of
-- kind 'notitie'; an edited field keeps its old value in its event.
--
-- The work list is "newest first" with any combination of filters, so
-- each filterable column leads an index ending in received_at: the
-- server walks one index backwards and stops after a page.  The text
-- search is a FULLTEXT index (InnoDB's, which Galera replicates) rather
-- than LIKE '%...%', which would read every row of a million.
ALTER TABLE report
	ADD COLUMN team_id INT UNSIGNED NULL AFTER status,
	ADD COLUMN handler_id INT UNSIGNED NULL AFTER team_id,
	ADD COLUMN closed_reason VARCHAR(500) NULL AFTER closed_at,
	ADD KEY report_team (team_id, received_at),
	ADD KEY report_team_status (team_id, status, received_at),
	ADD KEY report_handler (handler_id, received_at),
	ADD KEY report_channel (channel, received_at),
	ADD FULLTEXT KEY report_text (description, street, city),
	ADD CONSTRAINT report_team_fk FOREIGN KEY (team_id)
	    REFERENCES team (id),
	ADD CONSTRAINT report_handler_fk FOREIGN KEY (handler_id)
	    REFERENCES app_user (id);
