-- 056_subject_hot_link.sql -- the hotspot view ("Terugkerende
-- onderwerpen", lib/subject.c's HOT_SELECT) from the links it can
-- count, in one table, read in one pass.
--
-- The view counts, per subject, the sure links (source 1 or
-- confirmed) whose report was received in the period, is of the
-- signal type asked for and is visible to the user, and keeps the
-- subjects with two or more.  sql/035 made that one index range per
-- subject with two or more sure links (subject_recur.sure >= 2): at a
-- million demo reports some 60,000 subjects, a dive into
-- report_subject_hot each, 1.6 s (p50) for a year as the coordinator
-- (bench/dashboard run 11, 2026-12-06) against a target of 200 ms.
--
-- subject_hot_link holds exactly the sure links of the subjects with
-- two or more sure links, with the copies the view reads (sql/035's
-- received_at, signal_type_id, team_id, and the subject's kind, which
-- never changes): the only rows the view can count, every filter in
-- the row.  A long period is one scan of subject_hot_link_subject,
-- grouped as it goes, with no dive per subject; a short one reads the
-- range of subject_hot_link_period instead (lib/subject.c picks).
-- A link that makes a subject's second sure link brings the first one
-- in; a subject that falls back to one sure link takes its last one
-- out.
--
-- Kept by triggers on report_subject, after sql/033's and sql/035's
-- (which keep subject_recur.sure and the copies), so every way a link
-- comes, goes, is confirmed or follows its report (the dashboard, the
-- intake's definer function, retention's report_subject_unlink, the
-- rebuild, sql/035's copy of a report's team, type and time) keeps it.
-- The foreign key removes a row with its link should a cascade ever
-- bypass the triggers: nothing here outlives the link it copies.
CREATE TABLE subject_hot_link (
	subject_id	BIGINT UNSIGNED NOT NULL,
	report_id	BIGINT UNSIGNED NOT NULL,
	received_at	DATETIME NULL,
	signal_type_id	INT UNSIGNED NULL,
	team_id		INT UNSIGNED NULL,
	kind		TINYINT UNSIGNED NOT NULL,
	PRIMARY KEY (subject_id, report_id),
	KEY subject_hot_link_subject (subject_id, received_at,
	    signal_type_id, team_id, kind),
	KEY subject_hot_link_period (received_at, subject_id,
	    signal_type_id, team_id, kind),
	CONSTRAINT subject_hot_link_link_fk FOREIGN KEY (report_id,
	    subject_id) REFERENCES report_subject (report_id, subject_id)
	    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO subject_hot_link (subject_id, report_id, received_at,
    signal_type_id, team_id, kind)
SELECT rs.subject_id, rs.report_id, rs.received_at, rs.signal_type_id,
    rs.team_id, s.kind
FROM subject_recur m
JOIN report_subject rs ON rs.subject_id = m.subject_id
JOIN subject s ON s.id = m.subject_id
WHERE m.sure >= 2 AND (rs.source = 1 OR rs.confirmed = 1);

DELIMITER //

-- A sure link in: with the subject's second sure link both come in
-- (the first was not here), with a later one only itself.
CREATE PROCEDURE subject_hot_in(p_subject BIGINT UNSIGNED,
    p_report BIGINT UNSIGNED, p_received DATETIME,
    p_type INT UNSIGNED, p_team INT UNSIGNED)
	MODIFIES SQL DATA
BEGIN
	DECLARE v_sure INT UNSIGNED DEFAULT 0;

	SELECT sure INTO v_sure FROM subject_recur
	WHERE subject_id = p_subject;
	IF v_sure = 2 THEN
		INSERT IGNORE INTO subject_hot_link (subject_id, report_id,
		    received_at, signal_type_id, team_id, kind)
		SELECT rs.subject_id, rs.report_id, rs.received_at,
		    rs.signal_type_id, rs.team_id, s.kind
		FROM report_subject rs JOIN subject s ON s.id = rs.subject_id
		WHERE rs.subject_id = p_subject
		AND (rs.source = 1 OR rs.confirmed = 1);
	ELSEIF v_sure > 2 THEN
		INSERT IGNORE INTO subject_hot_link (subject_id, report_id,
		    received_at, signal_type_id, team_id, kind)
		SELECT p_subject, p_report, p_received, p_type, p_team, kind
		FROM subject WHERE id = p_subject;
	END IF;
END
//

-- A sure link out: itself, and the subject's last one when fewer than
-- two remain (none, when its subject_recur row has gone).
CREATE PROCEDURE subject_hot_out(p_subject BIGINT UNSIGNED,
    p_report BIGINT UNSIGNED)
	MODIFIES SQL DATA
BEGIN
	DECLARE v_sure INT UNSIGNED DEFAULT 0;

	DELETE FROM subject_hot_link
	WHERE subject_id = p_subject AND report_id = p_report;
	SELECT sure INTO v_sure FROM subject_recur
	WHERE subject_id = p_subject;
	IF v_sure < 2 THEN
		DELETE FROM subject_hot_link WHERE subject_id = p_subject;
	END IF;
END
//

CREATE TRIGGER report_subject_hot_link_add AFTER INSERT ON report_subject
FOR EACH ROW FOLLOWS report_subject_sure_add
BEGIN
	IF NEW.source = 1 OR NEW.confirmed = 1 THEN
		CALL subject_hot_in(NEW.subject_id, NEW.report_id,
		    NEW.received_at, NEW.signal_type_id, NEW.team_id);
	END IF;
END
//

CREATE TRIGGER report_subject_hot_link_sub AFTER DELETE ON report_subject
FOR EACH ROW FOLLOWS report_subject_recur_sub
BEGIN
	IF OLD.source = 1 OR OLD.confirmed = 1 THEN
		CALL subject_hot_out(OLD.subject_id, OLD.report_id);
	END IF;
END
//

CREATE TRIGGER report_subject_hot_link_change AFTER UPDATE ON report_subject
FOR EACH ROW FOLLOWS report_subject_sure_change
BEGIN
	DECLARE v_was, v_now BOOLEAN;

	SET v_was = OLD.source = 1 OR OLD.confirmed = 1,
	    v_now = NEW.source = 1 OR NEW.confirmed = 1;
	IF v_now AND NOT v_was THEN
		CALL subject_hot_in(NEW.subject_id, NEW.report_id,
		    NEW.received_at, NEW.signal_type_id, NEW.team_id);
	ELSEIF v_was AND NOT v_now THEN
		CALL subject_hot_out(OLD.subject_id, OLD.report_id);
	ELSEIF v_now AND NOT (OLD.received_at <=> NEW.received_at AND
	    OLD.signal_type_id <=> NEW.signal_type_id AND
	    OLD.team_id <=> NEW.team_id) THEN
		UPDATE subject_hot_link SET received_at = NEW.received_at,
		    signal_type_id = NEW.signal_type_id,
		    team_id = NEW.team_id
		WHERE subject_id = NEW.subject_id
		AND report_id = NEW.report_id;
	END IF;
END
//

DELIMITER ;
