-- 034_dossier.sql -- dossiers (issue 14): a case built from reports,
-- with its team, members, analysis, subjects, history, journal and
-- documents.  All the SQL on these tables is in lib/dossier.c (the
-- journal's and the documents' pages come later, on these tables).
--
-- number: 'D-YYYY-NNNN', allocated from dossier_seq (one row a year,
-- locked FOR UPDATE in the creating transaction, so that two creators
-- in the same second never get the same number and a Galera conflict
-- is a retried deadlock, not a duplicate).
-- status: 'open', 'in onderzoek', 'interventie', 'afgesloten'
-- (lib/dossier.c holds the transitions).  outcome: one of the
-- configured outcomes (dossier.outcomes), set when closed.
-- version: optimistic locking of the summary and status.
CREATE TABLE dossier_seq (
	year		SMALLINT UNSIGNED NOT NULL,
	last		INT UNSIGNED NOT NULL,
	PRIMARY KEY (year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dossier (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	number		VARCHAR(16) NOT NULL,
	title		VARCHAR(200) NOT NULL,
	theme		VARCHAR(100) NOT NULL,
	status		VARCHAR(16) NOT NULL DEFAULT 'open',
	team_id		INT UNSIGNED NOT NULL,
	outcome		VARCHAR(100) NULL,
	created_by	INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL,
	closed_at	DATETIME NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	PRIMARY KEY (id),
	UNIQUE KEY dossier_number (number),
	-- The list: newest first (id), by status, theme or team; each
	-- filter walks its own index in id order and stops after a page.
	KEY dossier_status (status, id),
	KEY dossier_theme (theme, status, id),
	KEY dossier_team (team_id, status, id),
	KEY dossier_created (created_at),
	KEY dossier_closed (closed_at),
	CONSTRAINT dossier_status_ck CHECK (status IN ('open',
	    'in onderzoek', 'interventie', 'afgesloten')),
	CONSTRAINT dossier_closed_ck CHECK (status <> 'afgesloten' OR
	    (outcome IS NOT NULL AND closed_at IS NOT NULL)),
	CONSTRAINT dossier_team_fk FOREIGN KEY (team_id) REFERENCES team (id),
	CONSTRAINT dossier_user_fk FOREIGN KEY (created_by)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The users besides the team who may see the dossier (need-to-know).
CREATE TABLE dossier_member (
	dossier_id	BIGINT UNSIGNED NOT NULL,
	user_id		INT UNSIGNED NOT NULL,
	added_by	INT UNSIGNED NOT NULL,
	added_at	DATETIME NOT NULL,
	PRIMARY KEY (dossier_id, user_id),
	KEY dossier_member_user (user_id, dossier_id),
	CONSTRAINT dossier_member_dossier_fk FOREIGN KEY (dossier_id)
	    REFERENCES dossier (id) ON DELETE CASCADE,
	CONSTRAINT dossier_member_user_fk FOREIGN KEY (user_id)
	    REFERENCES app_user (id),
	CONSTRAINT dossier_member_by_fk FOREIGN KEY (added_by)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The analysis, every version kept; the current one is the highest.
CREATE TABLE dossier_analysis (
	dossier_id	BIGINT UNSIGNED NOT NULL,
	version		INT UNSIGNED NOT NULL,
	body		MEDIUMTEXT NOT NULL,
	author_id	INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL,
	PRIMARY KEY (dossier_id, version),
	CONSTRAINT dossier_analysis_dossier_fk FOREIGN KEY (dossier_id)
	    REFERENCES dossier (id) ON DELETE CASCADE,
	CONSTRAINT dossier_analysis_user_fk FOREIGN KEY (author_id)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The reports in a dossier; a report may be in several.
CREATE TABLE dossier_report (
	dossier_id	BIGINT UNSIGNED NOT NULL,
	report_id	BIGINT UNSIGNED NOT NULL,
	added_by	INT UNSIGNED NOT NULL,
	added_at	DATETIME NOT NULL,
	PRIMARY KEY (dossier_id, report_id),
	KEY dossier_report_report (report_id, dossier_id),
	CONSTRAINT dossier_report_dossier_fk FOREIGN KEY (dossier_id)
	    REFERENCES dossier (id) ON DELETE CASCADE,
	CONSTRAINT dossier_report_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id) ON DELETE CASCADE,
	CONSTRAINT dossier_report_user_fk FOREIGN KEY (added_by)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Subjects added to the dossier directly (those of its reports come
-- through report_subject).
CREATE TABLE dossier_subject (
	dossier_id	BIGINT UNSIGNED NOT NULL,
	subject_id	BIGINT UNSIGNED NOT NULL,
	added_by	INT UNSIGNED NOT NULL,
	added_at	DATETIME NOT NULL,
	PRIMARY KEY (dossier_id, subject_id),
	KEY dossier_subject_subject (subject_id, dossier_id),
	CONSTRAINT dossier_subject_dossier_fk FOREIGN KEY (dossier_id)
	    REFERENCES dossier (id) ON DELETE CASCADE,
	CONSTRAINT dossier_subject_subject_fk FOREIGN KEY (subject_id)
	    REFERENCES subject (id),
	CONSTRAINT dossier_subject_user_fk FOREIGN KEY (added_by)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The dossier's own history: kind ('aangemaakt', 'status', 'lid
-- toegevoegd', ...), who (username) and when, the old and new value
-- as short text.  Append-only for the application.
CREATE TABLE dossier_event (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	dossier_id	BIGINT UNSIGNED NOT NULL,
	kind		VARCHAR(40) NOT NULL,
	actor		VARCHAR(64) NOT NULL,
	at		DATETIME NOT NULL,
	old_value	VARCHAR(500) NULL,
	new_value	VARCHAR(500) NULL,
	PRIMARY KEY (id),
	KEY dossier_event_dossier (dossier_id, id),
	CONSTRAINT dossier_event_dossier_fk FOREIGN KEY (dossier_id)
	    REFERENCES dossier (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The journal: notes, decisions (never edited: a later one follows)
-- and tasks (type from dossier.task_types, assignee, due date, status,
-- outcome from dossier.outcomes when done; version for optimistic
-- locking).  The columns a kind does not use stay NULL.
CREATE TABLE dossier_journal (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	dossier_id	BIGINT UNSIGNED NOT NULL,
	kind		VARCHAR(10) NOT NULL,
	body		TEXT NOT NULL,
	reason		TEXT NULL,
	task_type	VARCHAR(100) NULL,
	assignee_id	INT UNSIGNED NULL,
	due_date	DATE NULL,
	task_status	VARCHAR(10) NULL,
	outcome		VARCHAR(100) NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_by	INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NULL,
	PRIMARY KEY (id),
	-- The dossier page: its journal in time order.
	KEY dossier_journal_dossier (dossier_id, created_at, id),
	-- "Mijn taken" and the list's "my open tasks": open tasks by
	-- assignee, overdue (earliest due) first.
	KEY dossier_journal_assignee (assignee_id, task_status, due_date),
	-- "tasks overdue" across dossiers, and statistics per type.
	KEY dossier_journal_due (task_status, due_date),
	KEY dossier_journal_type (kind, task_type, created_at),
	CONSTRAINT dossier_journal_kind CHECK
	    (kind IN ('note', 'decision', 'task')),
	CONSTRAINT dossier_journal_task_status CHECK (task_status IS NULL OR
	    task_status IN ('open', 'done', 'cancelled')),
	CONSTRAINT dossier_journal_task CHECK (kind = 'task' OR
	    (task_type IS NULL AND assignee_id IS NULL AND
	    task_status IS NULL)),
	CONSTRAINT dossier_journal_dossier_fk FOREIGN KEY (dossier_id)
	    REFERENCES dossier (id) ON DELETE CASCADE,
	CONSTRAINT dossier_journal_assignee_fk FOREIGN KEY (assignee_id)
	    REFERENCES app_user (id),
	CONSTRAINT dossier_journal_user_fk FOREIGN KEY (created_by)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Files attached to a dossier, with the limits and content sniffing of
-- report attachments; size and SHA-256 (hex) kept with the bytes.
CREATE TABLE dossier_document (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	dossier_id	BIGINT UNSIGNED NOT NULL,
	filename	VARCHAR(255) NOT NULL,
	content_type	VARCHAR(100) NOT NULL,
	size		INT UNSIGNED NOT NULL,
	sha256		CHAR(64) NOT NULL,
	data		LONGBLOB NOT NULL,
	uploaded_by	INT UNSIGNED NOT NULL,
	uploaded_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	KEY dossier_document_dossier (dossier_id, uploaded_at),
	CONSTRAINT dossier_document_dossier_fk FOREIGN KEY (dossier_id)
	    REFERENCES dossier (id) ON DELETE CASCADE,
	CONSTRAINT dossier_document_user_fk FOREIGN KEY (uploaded_by)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
