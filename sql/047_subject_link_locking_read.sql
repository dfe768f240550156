-- 047_subject_link_locking_read.sql -- intake_subject_link (sql/029)
-- read the subject it had just upserted with a consistent read: when
-- another connection committed the same new subject after this
-- transaction's snapshot was taken, the INSERT ... ON DUPLICATE KEY saw
-- the row (a unique-key check reads the latest version) but the plain
-- SELECT read the snapshot, found nothing, and the link failed with
-- "Column 'subject_id' cannot be null": the report was stored without
-- that subject until `meldpuntctl subjects rebuild`.  Seen twice in the
-- Galera cluster test (write sets from other nodes arrive between the
-- snapshot and the upsert); possible on one server under concurrency.
-- A locking read (LOCK IN SHARE MODE) reads the latest committed row,
-- which the link's foreign key check locks in share mode anyway.
-- test-83 reproduces it with two connections.
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
	SELECT id INTO v_id FROM subject WHERE kind = p_kind AND norm = p_norm
	LOCK IN SHARE MODE;
	INSERT INTO report_subject (report_id, subject_id, source, confirmed,
	    created_by, created_at)
	VALUES (v_report, v_id, p_source, p_source = 1, NULL, UTC_TIMESTAMP())
	ON DUPLICATE KEY UPDATE
	    confirmed = GREATEST(confirmed, VALUES(confirmed));
	RETURN v_id;
END
//

DELIMITER ;
