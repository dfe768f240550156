-- 053_report_sent.sql -- the report as the reporter sent it, kept when
-- a handler corrects it (issue 16, "Reporters": the reporter signed in
-- at /melding/ sees their own report as sent).
--
-- A handler may correct the text fields, the signal type, the audience
-- and the date of observation (lib/report.c's mp_report_set_field);
-- the old value went only into the history's text, so the follow-up's
-- "what you sent" (sql/046's view) showed the corrected row.  Before
-- the first correction of a report lib/report.c copies the correctable
-- columns as they are into report_sent, in the correction's
-- transaction; a later correction finds the row there and leaves it
-- (INSERT IGNORE): the first copy is what the reporter sent.  One row
-- per corrected report, none for the others (most are never
-- corrected).
--
-- It is report content: retention's content erasure deletes it with
-- the rest (mp_report_erase_content), and a report's deletion takes it
-- along (the cascade).
CREATE TABLE report_sent (
	report_id	BIGINT UNSIGNED NOT NULL,
	signal_type_id	INT UNSIGNED NOT NULL,
	audience_id	INT UNSIGNED NOT NULL,
	description	TEXT NOT NULL,
	observed_date	DATE NULL,
	street		VARCHAR(200) NOT NULL DEFAULT '',
	house_number	VARCHAR(20) NOT NULL DEFAULT '',
	postcode	VARCHAR(10) NOT NULL DEFAULT '',
	city		VARCHAR(100) NOT NULL DEFAULT '',
	involved_people	TEXT NOT NULL,
	involved_companies TEXT NOT NULL,
	involved_vehicles TEXT NOT NULL,
	created_at	DATETIME NOT NULL,
	PRIMARY KEY (report_id),
	CONSTRAINT report_sent_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- sql/046's view, now with the sent values where a handler corrected
-- the report: every column from report_sent when it has the report's
-- row, else from the report (never mixed: the row holds them all).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW feedback_own_report_sent AS
SELECT r.id, a.name AS audience, s.name AS signal_type,
    IF(o.report_id IS NULL, r.description, o.description) AS description,
    IF(o.report_id IS NULL, r.observed_date, o.observed_date)
	AS observed_date,
    r.observed_time,
    IF(o.report_id IS NULL, r.street, o.street) AS street,
    IF(o.report_id IS NULL, r.house_number, o.house_number)
	AS house_number,
    IF(o.report_id IS NULL, r.postcode, o.postcode) AS postcode,
    IF(o.report_id IS NULL, r.city, o.city) AS city,
    IF(o.report_id IS NULL, r.involved_people, o.involved_people)
	AS involved_people,
    IF(o.report_id IS NULL, r.involved_companies, o.involved_companies)
	AS involved_companies,
    IF(o.report_id IS NULL, r.involved_vehicles, o.involved_vehicles)
	AS involved_vehicles,
    r.anonymous, r.content_erased_at
FROM (SELECT feedback_bound_report() AS id LIMIT 1) me
JOIN report r ON r.id = me.id
LEFT JOIN report_sent o ON o.report_id = r.id
JOIN audience a ON a.id = IF(o.report_id IS NULL, r.audience_id,
    o.audience_id)
JOIN signal_type s ON s.id = IF(o.report_id IS NULL, r.signal_type_id,
    o.signal_type_id);
