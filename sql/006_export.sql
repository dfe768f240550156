-- 006_export.sql -- the XML export for partners (meldpunt-export):
-- partners and their keys, profiles and rules, what is shared with whom,
-- the change sequence the partners' cursors walk, and the record of
-- every pull.
--
-- Everything InnoDB with a primary key, so it runs on Galera.

-- A partner (police, tax office, housing corporation).  The key is
-- never stored: key_hash is an HMAC-SHA-256 of its secret part under
-- the partner subkey (lib/keys.h), compared in constant time.  fields
-- is the profile: the report fields the partner receives, as a comma
-- list (lib/partner.c knows the names; reporter identity, notes and
-- attachments are not among them).  cert_subject, when set, must equal
-- the TLS client certificate subject the web server passes.
-- pulls_per_minute 0 means the configured default (export.pulls_per
-- _minute); window_* count the pulls of the current minute.
CREATE TABLE partner (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT,
	name		VARCHAR(32) NOT NULL,
	display_name	VARCHAR(100) NOT NULL,
	key_hash	BINARY(32) NOT NULL,
	fields		VARCHAR(255) NOT NULL,
	cert_subject	VARCHAR(255) NULL,
	pulls_per_minute INT UNSIGNED NOT NULL DEFAULT 0,
	window_start	INT UNSIGNED NOT NULL DEFAULT 0,
	window_pulls	INT UNSIGNED NOT NULL DEFAULT 0,
	disabled	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	key_set_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (id),
	UNIQUE KEY partner_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Rule-based sharing: every report of these signal types is shared
-- with the partner when it is stored or changed (lib/export.c).
CREATE TABLE partner_rule (
	partner_id	INT UNSIGNED NOT NULL,
	signal_type_id	INT UNSIGNED NOT NULL,
	PRIMARY KEY (partner_id, signal_type_id),
	KEY partner_rule_type (signal_type_id),
	CONSTRAINT partner_rule_partner FOREIGN KEY (partner_id)
	    REFERENCES partner (id),
	CONSTRAINT partner_rule_type_fk FOREIGN KEY (signal_type_id)
	    REFERENCES signal_type (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The change sequence: one row, raised by every transaction that
-- shares a report or changes a shared one.  Its row lock is held to
-- the commit, so sequence numbers become visible in the order they
-- were given, and a cursor on (seq, report_id) misses nothing
-- (docs/architecture.md, "Partner export").
CREATE TABLE export_counter (
	id		TINYINT UNSIGNED NOT NULL,
	seq		BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO export_counter (id, seq) VALUES (1, 0);

-- A report shared with a partner.  seq is the change sequence of the
-- last change the partner has to see (the share itself or a later
-- change of the report); the partner's feed is this table in (seq,
-- report_id) order.  via: 'actie' (a coordinator) or 'regel' (a rule).
CREATE TABLE report_share (
	partner_id	INT UNSIGNED NOT NULL,
	report_id	BIGINT UNSIGNED NOT NULL,
	seq		BIGINT UNSIGNED NOT NULL,
	via		VARCHAR(8) NOT NULL,
	shared_by	VARCHAR(64) NOT NULL DEFAULT '',
	shared_at	DATETIME NOT NULL,
	changed_at	DATETIME NOT NULL,
	PRIMARY KEY (partner_id, report_id),
	KEY report_share_feed (partner_id, seq, report_id),
	KEY report_share_report (report_id),
	CONSTRAINT report_share_partner FOREIGN KEY (partner_id)
	    REFERENCES partner (id),
	CONSTRAINT report_share_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id),
	CONSTRAINT report_share_via CHECK (via IN ('actie', 'regel'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every pull, append-only like audit_log: one row when it starts, one
-- export_pull_page per page sent with the references in it, so the
-- record of what left the building does not depend on the pull's size
-- fitting in one audit entry.  The audit_log entry at the end names
-- the pull id and the count.
CREATE TABLE export_pull (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	partner_id	INT UNSIGNED NOT NULL,
	at		DATETIME NOT NULL,
	what		VARCHAR(40) NOT NULL,
	since		VARCHAR(48) NOT NULL DEFAULT '',
	client_addr	VARCHAR(45) NOT NULL DEFAULT '',
	PRIMARY KEY (id),
	KEY export_pull_partner (partner_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE export_pull_page (
	pull_id		BIGINT UNSIGNED NOT NULL,
	page		INT UNSIGNED NOT NULL,
	count		INT UNSIGNED NOT NULL,
	next		VARCHAR(48) NOT NULL,
	refs		MEDIUMTEXT NOT NULL,
	PRIMARY KEY (pull_id, page)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
