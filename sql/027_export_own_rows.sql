-- 027_export_own_rows.sql -- meldpunt-export records pulls only for
-- the partner whose key came with the request (issue 10).
--
-- Its account had INSERT on export_pull, export_pull_page and
-- audit_log: a taken-over program could write pulls and audit entries
-- in any partner's name, or pages under any pull.  These functions run
-- as their definer and take the partner from the bound key
-- (export_bound_partner(), sql/021), never from the caller; the direct
-- INSERT rights are gone (grants-export.sql).  Each answers NULL (or 0)
-- and writes nothing when no enabled partner is bound.

DELIMITER //

-- Open a pull for the bound partner; its id.
CREATE OR REPLACE FUNCTION export_log_pull(p_what VARCHAR(40),
    p_since VARCHAR(48), p_client VARCHAR(45))
RETURNS BIGINT UNSIGNED
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_partner INT UNSIGNED DEFAULT export_bound_partner();

	IF v_partner IS NULL THEN
		RETURN NULL;
	END IF;
	INSERT INTO export_pull (partner_id, at, what, since, client_addr)
	    VALUES (v_partner, UTC_TIMESTAMP(), p_what, p_since, p_client);
	RETURN LAST_INSERT_ID();
END
//

-- Record a page under one of the bound partner's pulls; 1 when
-- written, 0 when the pull is not the bound partner's.
CREATE OR REPLACE FUNCTION export_log_page(p_pull BIGINT UNSIGNED,
    p_page INT UNSIGNED, p_count INT UNSIGNED, p_next VARCHAR(48),
    p_refs MEDIUMTEXT)
RETURNS TINYINT
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_partner INT UNSIGNED DEFAULT export_bound_partner();

	IF v_partner IS NULL OR NOT EXISTS (SELECT 1 FROM export_pull
	    WHERE id = p_pull AND partner_id = v_partner) THEN
		RETURN 0;
	END IF;
	INSERT INTO export_pull_page (pull_id, page, count, next, refs)
	    VALUES (p_pull, p_page, p_count, p_next, p_refs);
	RETURN 1;
END
//

-- The audit entry of a pull, in the bound partner's name (the one
-- lib/audit.c wrote for it before: user partner:<name>, object the
-- partner); 1 when written, 0 when no partner is bound.
CREATE OR REPLACE FUNCTION export_log_audit(p_action VARCHAR(32),
    p_client VARCHAR(45), p_detail TEXT)
RETURNS TINYINT
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_partner INT UNSIGNED DEFAULT export_bound_partner();

	IF v_partner IS NULL THEN
		RETURN 0;
	END IF;
	INSERT INTO audit_log (at, user_id, username, action, object_type,
	    object_id, client_addr, detail)
	    SELECT UTC_TIMESTAMP(), NULL, LEFT(CONCAT('partner:', name), 64),
	    p_action, 'partner', id, IFNULL(p_client, ''),
	    LEFT(p_detail, 1000) FROM partner WHERE id = v_partner;
	RETURN 1;
END
//

DELIMITER ;
