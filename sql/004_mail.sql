-- 004_mail.sql -- the mail outbox (issue 4) and handlers' addresses.
--
-- A row is one notification to send: written by the application in
-- the same transaction as the change that causes it, so a change that
-- is rolled back leaves no mail behind, and delivered later by
-- "meldpuntctl mail send".  A row holds no address and no text: only
-- the report and whom to tell.  A reporter's address stays sealed in
-- reporter_contact and is opened only to send; a handler's address is
-- read from app_user when sending, so a corrected address is used.
--
-- status: 'pending' (to be sent at next_try_at or later), 'sent', or
-- 'failed' (given up; last_error says why, never the address).  A
-- sender claims a row by writing its random claim_token and a lease
-- (claim_until) in a committed UPDATE before it runs the sendmail
-- command, so two senders never send the same row, and a sender that
-- dies leaves a row that is claimable again when the lease runs out.
CREATE TABLE mail_outbox (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	kind		VARCHAR(16) NOT NULL,
	report_id	BIGINT UNSIGNED NOT NULL,
	user_id		INT UNSIGNED NULL,
	status		VARCHAR(16) NOT NULL DEFAULT 'pending',
	tries		SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL,
	next_try_at	DATETIME NOT NULL,
	sent_at		DATETIME NULL,
	claim_token	BINARY(16) NULL,
	claim_until	DATETIME NULL,
	last_error	VARCHAR(200) NOT NULL DEFAULT '',
	PRIMARY KEY (id),
	KEY mail_outbox_due (status, next_try_at),
	KEY mail_outbox_report (report_id),
	KEY mail_outbox_user (user_id),
	CONSTRAINT mail_outbox_kind CHECK (kind IN ('reporter', 'handler')),
	CONSTRAINT mail_outbox_status CHECK (status IN
	    ('pending', 'sent', 'failed')),
	CONSTRAINT mail_outbox_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id),
	CONSTRAINT mail_outbox_user_fk FOREIGN KEY (user_id)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A handler's work address, for "the reporter replied" notices
-- (meldpuntctl user set-email).  Staff addresses are not secret, so
-- this one is stored as it is.
ALTER TABLE app_user
	ADD COLUMN email VARCHAR(254) NULL AFTER display_name;
