-- 032_subject_refused.sql -- the subjects a handler removed from a
-- report (issue 13): indexing (a re-index after an edit, `meldpuntctl
-- subjects rebuild --all`) does not link them to that report again.
-- A handler who adds the subject by hand later clears the row.  The SQL
-- is in lib/subject.c.
--
-- By kind and normal form, not by subject id: a subject no report
-- links any more is deleted at once (sql/028), and the refusal must
-- outlive it.  A normal form is personal data, so the rows go with
-- their report: ON DELETE CASCADE removes them directly.  (sql/028's
-- note is about triggers, which InnoDB does not run for cascaded rows;
-- nothing here needs one: no other row depends on these.)  created_by:
-- the handler who removed it.
CREATE TABLE report_subject_refused (
	report_id	BIGINT UNSIGNED NOT NULL,
	kind		TINYINT UNSIGNED NOT NULL,
	norm		VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
			    NOT NULL,
	created_by	INT UNSIGNED NULL,
	created_at	DATETIME NOT NULL,
	PRIMARY KEY (report_id, kind, norm),
	CONSTRAINT report_subject_refused_kind CHECK (kind BETWEEN 1 AND 8),
	CONSTRAINT report_subject_refused_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id) ON DELETE CASCADE,
	CONSTRAINT report_subject_refused_user_fk FOREIGN KEY (created_by)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
