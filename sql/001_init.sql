-- 001_init.sql -- the intake: audiences, signal types, reports, reporter
-- contact, attachments, events, rate-limit counters.
--
-- Every table is InnoDB, utf8mb4 and has a primary key (Galera needs
-- both); no LOCK TABLES, no MyISAM.  schema_migrations is created by
-- meldpuntctl migrate itself before it applies this file.

CREATE TABLE audience (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT,
	slug		VARCHAR(32) NOT NULL,
	name		VARCHAR(100) NOT NULL,
	intro		TEXT NOT NULL,
	is_default	TINYINT(1) NOT NULL DEFAULT 0,
	active		TINYINT(1) NOT NULL DEFAULT 1,
	sort		INT NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (id),
	UNIQUE KEY audience_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE signal_type (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT,
	slug		VARCHAR(32) NOT NULL,
	name		VARCHAR(100) NOT NULL,
	description	VARCHAR(500) NOT NULL DEFAULT '',
	active		TINYINT(1) NOT NULL DEFAULT 1,
	sort		INT NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (id),
	UNIQUE KEY signal_type_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which signal types the form of an audience offers.
CREATE TABLE audience_signal_type (
	audience_id	INT UNSIGNED NOT NULL,
	signal_type_id	INT UNSIGNED NOT NULL,
	PRIMARY KEY (audience_id, signal_type_id),
	KEY ast_signal_type (signal_type_id),
	CONSTRAINT ast_audience FOREIGN KEY (audience_id)
	    REFERENCES audience (id),
	CONSTRAINT ast_signal_type FOREIGN KEY (signal_type_id)
	    REFERENCES signal_type (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A report.  The reference (M-2026-000123) is set in the transaction that
-- inserts the row, from its id; a report taken while the database was
-- down carries the reference its spool file was given (M-2026-S...).
-- submission_id is the nonce of the one-time form token: a second
-- submission of the same form hits its unique key.  No IP address is
-- ever stored.
CREATE TABLE report (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	reference	VARCHAR(24) NULL,
	submission_id	BINARY(16) NULL,
	channel		VARCHAR(16) NOT NULL,
	audience_id	INT UNSIGNED NOT NULL,
	signal_type_id	INT UNSIGNED NOT NULL,
	description	TEXT NOT NULL,
	observed_date	DATE NOT NULL,
	observed_time	TIME NULL,
	street		VARCHAR(100) NOT NULL DEFAULT '',
	house_number	VARCHAR(16) NOT NULL DEFAULT '',
	postcode	CHAR(7) NOT NULL DEFAULT '',
	city		VARCHAR(80) NOT NULL DEFAULT '',
	involved_people	TEXT NOT NULL,
	involved_companies TEXT NOT NULL,
	involved_vehicles TEXT NOT NULL,
	anonymous	TINYINT(1) NOT NULL,
	code_hash	BINARY(32) NULL,
	status		VARCHAR(24) NOT NULL DEFAULT 'nieuw',
	received_at	DATETIME NOT NULL,
	taken_at	DATETIME NULL,
	closed_at	DATETIME NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
			    ON UPDATE CURRENT_TIMESTAMP,
	PRIMARY KEY (id),
	UNIQUE KEY report_reference (reference),
	UNIQUE KEY report_submission (submission_id),
	KEY report_received (received_at),
	KEY report_status (status, received_at),
	KEY report_signal_type (signal_type_id, received_at),
	KEY report_audience (audience_id, received_at),
	CONSTRAINT report_channel CHECK (channel IN
	    ('web', 'intranet', 'telefoon', 'email')),
	CONSTRAINT report_audience_fk FOREIGN KEY (audience_id)
	    REFERENCES audience (id),
	CONSTRAINT report_signal_type_fk FOREIGN KEY (signal_type_id)
	    REFERENCES signal_type (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reporter contact details, kept apart from the report and sealed with
-- AES-256-GCM under the contact key (lib/keys.h); each value's box is
-- bound to its report id and field name.  Absent for anonymous reports.
CREATE TABLE reporter_contact (
	report_id	BIGINT UNSIGNED NOT NULL,
	name_enc	VARBINARY(1024) NULL,
	email_enc	VARBINARY(1024) NULL,
	phone_enc	VARBINARY(256) NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (report_id),
	CONSTRAINT contact_report FOREIGN KEY (report_id)
	    REFERENCES report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Attachments: JPEG, PNG or PDF, recognised by content.
CREATE TABLE attachment (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	report_id	BIGINT UNSIGNED NOT NULL,
	filename	VARCHAR(255) NOT NULL,
	mime		VARCHAR(64) NOT NULL,
	size		INT UNSIGNED NOT NULL,
	sha256		BINARY(32) NOT NULL,
	data		LONGBLOB NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (id),
	KEY attachment_report (report_id),
	CONSTRAINT attachment_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The history of a report: every status change, assignment, note, edit.
CREATE TABLE event (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	report_id	BIGINT UNSIGNED NOT NULL,
	at		DATETIME NOT NULL,
	kind		VARCHAR(32) NOT NULL,
	actor		VARCHAR(64) NOT NULL DEFAULT '',
	detail		TEXT NOT NULL,
	PRIMARY KEY (id),
	KEY event_report (report_id, at),
	CONSTRAINT event_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Rate-limit counters per fixed window.  bucket is an HMAC of the client
-- address (or of the word "global"), never the address itself; each
-- bucket is spread over a few slots so concurrent submissions do not
-- queue on one row.
CREATE TABLE rate_counter (
	bucket		BINARY(32) NOT NULL,
	window_start	INT UNSIGNED NOT NULL,
	slot		TINYINT UNSIGNED NOT NULL,
	hits		INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (bucket, window_start, slot),
	KEY rate_window (window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
