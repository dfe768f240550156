-- 029_subject_index.sql -- every stored report gets its subjects
-- (issue 13): lib/report.c indexes a report right after storing it, in
-- a transaction of its own, and marks it here.  A report whose
-- indexing failed (or that was stored before this migration) keeps
-- subjects_at NULL and is found by `meldpuntctl subjects rebuild`,
-- cheaply and in id order, through report_subjects_todo.
--
-- subjects_cut: its free text held more subjects than
-- subject.max_per_report; the rest were left out, and the report page
-- can say so.
ALTER TABLE report
    ADD COLUMN subjects_at DATETIME NULL,
    ADD COLUMN subjects_cut TINYINT(1) NOT NULL DEFAULT 0,
    ADD KEY report_subjects_todo (subjects_at, id);

-- The intake stores reports and reads none (sql/026): it links
-- subjects to the report it has just stored on this connection and to
-- no other, and marks that one report as indexed, through this
-- function and view (the same check as intake_own_contact).  No right
-- on subject or report_subject: a taken-over intake can neither hang
-- subjects on other people's reports nor change a subject's value.
-- The upsert and link are lib/subject.c's STMT_UPSERT and STMT_LINK,
-- for intake_own_report() only; the function returns the subject's id.
DELIMITER //

CREATE OR REPLACE FUNCTION intake_subject_link(p_kind TINYINT UNSIGNED,
    p_norm VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    p_display VARCHAR(255) CHARACTER SET utf8mb4,
    p_source TINYINT UNSIGNED)
RETURNS BIGINT UNSIGNED
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_report BIGINT UNSIGNED DEFAULT intake_own_report();
	DECLARE v_id BIGINT UNSIGNED;

	IF v_report IS NULL THEN
		SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT =
		    'intake_subject_link: no report stored on this connection';
	END IF;
	INSERT INTO subject (kind, norm, display, created_at)
	VALUES (p_kind, p_norm, p_display, UTC_TIMESTAMP())
	ON DUPLICATE KEY UPDATE id = id;
	SELECT id INTO v_id FROM subject WHERE kind = p_kind AND norm = p_norm;
	INSERT INTO report_subject (report_id, subject_id, source, confirmed,
	    created_by, created_at)
	VALUES (v_report, v_id, p_source, p_source = 1, NULL, UTC_TIMESTAMP())
	ON DUPLICATE KEY UPDATE
	    confirmed = GREATEST(confirmed, VALUES(confirmed));
	RETURN v_id;
END
//

DELIMITER ;

CREATE OR REPLACE SQL SECURITY DEFINER VIEW intake_own_subjects_done AS
SELECT id, subjects_at, subjects_cut
FROM report WHERE id = intake_own_report()
WITH CHECK OPTION;
