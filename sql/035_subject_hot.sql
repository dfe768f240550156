-- 035_subject_hot.sql -- the hotspot view ("Terugkerende onderwerpen",
-- lib/subject.c's HOT_SELECT) without a lookup of each link's report.
--
-- The view counts, per subject that two or more reports link
-- (subject_recur, sql/033), the sure links whose report was received in
-- the period, is of the signal type asked for and is visible to the
-- user (its team).  It read every link of those subjects and then each
-- link's report by its primary key, a random read of the report table
-- per link: 1.4 s (p50) to 4.1 s (p99) for a year at a million reports
-- (bench/dashboard run 11, 2026-12-06), against a target of 200 ms.
--
-- What the view needs of the report is copied into the link:
-- received_at, team_id and signal_type_id, so that one index,
-- report_subject_hot (subject_id, received_at, ...), holds every
-- column the view reads: per subject one short range of the period,
-- in the index only.  The copies are exact at all times, kept by
-- triggers: a link takes its report's values as it is inserted
-- (BEFORE INSERT, whoever inserts: the dashboard, the intake's
-- definer function, the rebuild), and a change of a report's team,
-- signal type or time of receipt is copied to its links (AFTER
-- UPDATE on report; at most the report's subjects, 50 from the
-- dashboard).  Sure or not (source, confirmed) is the link's own.  No
-- program writes the three columns; `meldpuntctl subjects rebuild`
-- re-links through the same trigger.
--
-- Not a per-month count: a period runs from any day to any day, so the
-- edge months would need the links anyway, and the visibility by team
-- and the signal-type filter would multiply the count rows to nearly
-- one a link for the subjects that recur (most of them have a handful
-- of reports).  The link is the count's row.
--
-- NULL only for a link the triggers have not seen: none after this
-- migration's UPDATE.
-- The columns first (instant), filled, then the index built once from
-- the filled rows rather than kept through every row's update.
ALTER TABLE report_subject
    ADD COLUMN received_at DATETIME NULL,
    ADD COLUMN team_id INT UNSIGNED NULL,
    ADD COLUMN signal_type_id INT UNSIGNED NULL;

UPDATE report_subject rs JOIN report r ON r.id = rs.report_id
SET rs.received_at = r.received_at, rs.team_id = r.team_id,
    rs.signal_type_id = r.signal_type_id;

ALTER TABLE report_subject
    ADD KEY report_subject_hot (subject_id, received_at, signal_type_id,
	team_id, source, confirmed);

-- subject_recur.sure: how many of a subject's links are sure (the
-- report's own address, source 1, or confirmed), the only ones the view
-- counts; it starts from the subjects with two or more of those, not
-- from all with two links (at a million demo reports about 57% of
-- these), and a subject under 2 here cannot have two sure links in any
-- period.  Kept by the triggers below as reports is by sql/033's, and
-- on an update of a link that makes it sure or not (a confirmation, a
-- handler's taking over of the system's link).  A link's subject_id
-- never changes (no statement updates it).
ALTER TABLE subject_recur
    ADD COLUMN sure INT UNSIGNED NOT NULL DEFAULT 0,
    ADD KEY subject_recur_sure (sure, subject_id);

UPDATE subject_recur m JOIN (SELECT subject_id, COUNT(*) AS n
    FROM report_subject WHERE source = 1 OR confirmed = 1
    GROUP BY subject_id) x ON x.subject_id = m.subject_id
SET m.sure = x.n;

CREATE TRIGGER report_subject_sure_add AFTER INSERT ON report_subject
FOR EACH ROW FOLLOWS report_subject_recur_add
	UPDATE subject_recur SET sure = sure + 1
	WHERE subject_id = NEW.subject_id
	AND (NEW.source = 1 OR NEW.confirmed = 1);

CREATE TRIGGER report_subject_sure_sub AFTER DELETE ON report_subject
FOR EACH ROW PRECEDES report_subject_recur_sub
	UPDATE subject_recur SET sure = GREATEST(sure, 1) - 1
	WHERE subject_id = OLD.subject_id
	AND (OLD.source = 1 OR OLD.confirmed = 1);

CREATE TRIGGER report_subject_sure_change AFTER UPDATE ON report_subject
FOR EACH ROW
	UPDATE subject_recur
	SET sure = GREATEST(CAST(sure AS SIGNED) +
	    (NEW.source = 1 OR NEW.confirmed = 1) -
	    (OLD.source = 1 OR OLD.confirmed = 1), 0)
	WHERE subject_id = NEW.subject_id
	AND (NEW.source = 1 OR NEW.confirmed = 1) <>
	    (OLD.source = 1 OR OLD.confirmed = 1);

DELIMITER //

CREATE TRIGGER report_subject_hot_copy BEFORE INSERT ON report_subject
FOR EACH ROW
BEGIN
	DECLARE v_received DATETIME DEFAULT NULL;
	DECLARE v_team, v_type INT UNSIGNED DEFAULT NULL;

	SELECT r.received_at, r.team_id, r.signal_type_id
	INTO v_received, v_team, v_type
	FROM report r WHERE r.id = NEW.report_id;
	SET NEW.received_at = v_received, NEW.team_id = v_team,
	    NEW.signal_type_id = v_type;
END
//

CREATE TRIGGER report_subject_hot_follow AFTER UPDATE ON report
FOR EACH ROW
BEGIN
	IF NOT (OLD.received_at <=> NEW.received_at AND
	    OLD.team_id <=> NEW.team_id AND
	    OLD.signal_type_id <=> NEW.signal_type_id) THEN
		UPDATE report_subject SET received_at = NEW.received_at,
		    team_id = NEW.team_id,
		    signal_type_id = NEW.signal_type_id
		WHERE report_id = NEW.id;
	END IF;
END
//

DELIMITER ;
