-- 051_report_lang.sql -- the language a report was made in (issue 17,
-- "Languages"): the reporter's follow-up stays in it, and the handlers
-- see it on the report.
--
-- A two-letter code of lib/i18n.c (nl, en, pl, tr, ar); every report
-- made before, by a handler, or spooled while the database was down is
-- Dutch.  The intake writes it through a view that takes the report
-- its intake_store() stored last on this connection and no other (the
-- proof of sql/026), in the same transaction, so its account gets no
-- right on report; the follow-up reads it through a view of the report
-- bound to the session (sql/020), as it reads the status.

ALTER TABLE report ADD COLUMN IF NOT EXISTS
    lang CHAR(2) CHARACTER SET ascii NOT NULL DEFAULT 'nl';

CREATE OR REPLACE SQL SECURITY DEFINER VIEW intake_own_report_lang AS
SELECT id, lang FROM report WHERE id = intake_own_report()
WITH CHECK OPTION;

CREATE OR REPLACE SQL SECURITY DEFINER VIEW feedback_own_report_lang AS
SELECT r.id, r.lang
FROM (SELECT feedback_bound_report() AS id LIMIT 1) me
JOIN report r ON r.id = me.id;

-- The audiences' and signal types' names and texts (intro,
-- description) in the other languages switched on, edited on the
-- administration page; a form in a language without a row shows the
-- Dutch ones of audience and signal_type, and the page lists what is
-- missing.  name may not be empty: an empty translation is deleted.
CREATE TABLE IF NOT EXISTS catalog_text (
	kind		ENUM('audience', 'signal_type') NOT NULL,
	object_id	INT UNSIGNED NOT NULL,
	lang		CHAR(2) CHARACTER SET ascii NOT NULL,
	name		VARCHAR(100) NOT NULL,
	text		TEXT NOT NULL,
	PRIMARY KEY (kind, object_id, lang)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
