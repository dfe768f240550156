-- 049_replytpl_savedfilter.sql -- a handler's daily work (issue 16):
-- the reply templates coordinators keep for messages to the reporter
-- (owner lib/replytpl.c), and the work list's saved filters, each of
-- one user (owner lib/savedfilter.c).

-- A standard text: for one signal type, or general (NULL).  Switched
-- off rather than removed when it should no longer be offered, so a
-- coordinator can switch it on again; removed when it was a mistake.
-- Messages sent from it are copies: removing it changes none.
CREATE TABLE IF NOT EXISTS reply_template (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT,
	title		VARCHAR(100) NOT NULL,
	body		TEXT NOT NULL,
	signal_type_id	INT UNSIGNED NULL,
	active		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_by	VARCHAR(64) NOT NULL,
	PRIMARY KEY (id),
	KEY reply_template_offer (active, signal_type_id, title),
	CONSTRAINT reply_template_type_fk FOREIGN KEY (signal_type_id)
	    REFERENCES signal_type (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A saved filter: the work list's query string as lib/savedfilter.c
-- stored it after the dashboard checked it (only the characters of a
-- URL-encoded query; checked again on every use).  One name once per
-- user, case-insensitive as the collation compares.
CREATE TABLE IF NOT EXISTS saved_filter (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT,
	user_id		INT UNSIGNED NOT NULL,
	name		VARCHAR(60) NOT NULL,
	query		VARCHAR(2000) CHARACTER SET ascii
			    COLLATE ascii_bin NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (id),
	UNIQUE KEY saved_filter_name (user_id, name),
	CONSTRAINT saved_filter_user_fk FOREIGN KEY (user_id)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
