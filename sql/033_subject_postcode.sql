-- 033_subject_postcode.sql -- two lookups of issue 13 that read far
-- more than they return: the nearby addresses (below) and the
-- hotspots (subject.reports, further down).
--
-- The "nearby" links of the report page (lib/subject.c's
-- STMT_RELATED): the addresses of the same
-- postcode with another house number.  Their normal form begins with
-- the postcode and a space ("1234AB 12 A"), and the statement read
-- them as a range of subject_norm that depends on the report's own
-- address; MariaDB can use no index for such a range beside the
-- constant kind, and read every address subject's entry, index only,
-- for each page (2 ms at 30,000 reports, linear in the addresses).
-- An indexed virtual column of that prefix makes it an equality: one
-- short range per address of the report.
--
-- postcode: the first 7 bytes of norm ("1234AB "), exactly when the
-- subject is an address in the postcode form (the statement's own
-- test, byte for byte, in utf8mb4_bin as norm), else NULL, which the
-- index keeps out of every lookup.  VIRTUAL: nothing stored in the
-- rows, only in the index; no program writes it.
ALTER TABLE subject
    ADD COLUMN postcode VARCHAR(7) CHARACTER SET utf8mb4
	COLLATE utf8mb4_bin AS (IF(kind = 1 AND
	norm REGEXP '^[0-9][0-9][0-9][0-9][A-Z][A-Z] ', LEFT(norm, 7),
	NULL)) VIRTUAL,
    ADD KEY subject_postcode (postcode);

-- The hotspots (lib/subject.c's HOT_SELECT): a subject is one only
-- with two or more reports, and most subjects have one (a plate, a
-- phone number seen once).  The view grouped every link of the
-- period's reports, a lookup in report_subject per report (45 ms at
-- 30,000 reports as the coordinator, linear in the period's reports;
-- issue 13's target is a year over a million under 200 ms).
-- subject_recur.reports: how many reports link the subject, confirmed
-- or not; the view starts from the subjects with two or more (a small
-- range of subject_recur_reports) and reads only their links.  A
-- subject under 2 here cannot have two sure links in any period, so
-- the rows are the same.  The SQL is in lib/subject.c.
--
-- A table of its own, not a column of subject: a trigger on
-- report_subject that wrote subject would refuse every statement
-- that links and reads subject at once (INSERT ... SELECT ... FROM
-- subject, error 1442), which an administrator's SQL may well be.
-- Kept by triggers, like report_count (sql/007), so that every way a
-- link comes or goes keeps it (the dashboard, the intake's definer
-- function, retention through report_subject_unlink): AFTER INSERT
-- fires only for a link really inserted, not for the update of
-- INSERT ... ON DUPLICATE KEY UPDATE.  A row goes with the subject's
-- last link, as the subject does (sql/028), so nothing outlives it.
CREATE TABLE subject_recur (
	subject_id	BIGINT UNSIGNED NOT NULL,
	reports		INT UNSIGNED NOT NULL,
	PRIMARY KEY (subject_id),
	KEY subject_recur_reports (reports, subject_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO subject_recur (subject_id, reports)
SELECT subject_id, COUNT(*) FROM report_subject GROUP BY subject_id;

CREATE TRIGGER report_subject_recur_add AFTER INSERT ON report_subject
FOR EACH ROW
	INSERT INTO subject_recur (subject_id, reports)
	VALUES (NEW.subject_id, 1)
	ON DUPLICATE KEY UPDATE reports = reports + 1;

DELIMITER //

CREATE TRIGGER report_subject_recur_sub AFTER DELETE ON report_subject
FOR EACH ROW
BEGIN
	UPDATE subject_recur SET reports = GREATEST(reports, 1) - 1
	WHERE subject_id = OLD.subject_id;
	DELETE FROM subject_recur
	WHERE subject_id = OLD.subject_id AND reports = 0;
END
//

DELIMITER ;
