-- 003_feedback.sql -- the conversation with the reporter (issue 4):
-- messages in both directions, attachments sent with a reply, a
-- counter of replies no handler has read yet, and the reporter's
-- short sessions on /melding/.
--
-- Nothing here identifies a reporter: a message belongs to a report,
-- and a reporter's session to the report whose code was typed.

-- One message.  direction: 'uit' from the meldpunt to the reporter,
-- 'in' from the reporter.  kind: 'bericht' (written by a handler),
-- 'automatisch' (the configured text for a status change, perhaps
-- with the handler's personal line), 'antwoord' (the reporter's).
-- author_id/author name the handler for 'bericht' and 'automatisch'
-- (the name is copied so the thread stays readable); the reporter
-- never sees them.  Only what is in this table reaches the reporter:
-- notes and history are events.
CREATE TABLE message (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	report_id	BIGINT UNSIGNED NOT NULL,
	at		DATETIME NOT NULL,
	direction	VARCHAR(8) NOT NULL,
	kind		VARCHAR(16) NOT NULL,
	author_id	INT UNSIGNED NULL,
	author		VARCHAR(100) NOT NULL DEFAULT '',
	body		TEXT NOT NULL,
	PRIMARY KEY (id),
	KEY message_report (report_id, at),
	KEY message_author (author_id),
	CONSTRAINT message_direction CHECK (direction IN ('uit', 'in')),
	CONSTRAINT message_kind CHECK (kind IN
	    ('bericht', 'automatisch', 'antwoord')),
	CONSTRAINT message_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id),
	CONSTRAINT message_author_fk FOREIGN KEY (author_id)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A file sent with a reply belongs to the report (so the dashboard
-- lists and serves it like the intake's) and to its message.
ALTER TABLE attachment
	ADD COLUMN message_id BIGINT UNSIGNED NULL AFTER report_id,
	ADD KEY attachment_message (message_id),
	ADD CONSTRAINT attachment_message_fk FOREIGN KEY (message_id)
	    REFERENCES message (id);

-- Replies of the reporter that no handler has marked as read: the
-- marker in the work list, without counting messages per row.
ALTER TABLE report
	ADD COLUMN unread_replies SMALLINT UNSIGNED NOT NULL DEFAULT 0
	    AFTER closed_reason;

-- The reporter's sessions, like the dashboard's (lib/session.c): only
-- the HMAC of the cookie's id is stored; the owner is the report.
CREATE TABLE reporter_session (
	id_hash		BINARY(32) NOT NULL,
	report_id	BIGINT UNSIGNED NOT NULL,
	csrf		VARCHAR(64) NOT NULL,
	stage		TINYINT UNSIGNED NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL,
	last_seen	DATETIME NOT NULL,
	expires_at	DATETIME NOT NULL,
	PRIMARY KEY (id_hash),
	KEY reporter_session_report (report_id),
	KEY reporter_session_expires (expires_at),
	CONSTRAINT reporter_session_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
