-- 021_export_own_partner.sql -- meldpunt-export reads only what was
-- shared with the partner whose key came with the request (issue 10:
-- "the export program reads only through what partners may see").
--
-- Until now its account could SELECT every partner's key hash and the
-- shareable columns of every report, shared or not: the statements
-- named the authenticated partner, the grants did not.
--
-- The proof of a partner is its key.  The program parses the key sent
-- with the request, hashes it with the key only it holds (the same
-- keyed hash partner.key_hash stores) and puts the partner's id and
-- that hash in @meldpunt_partner_id and @meldpunt_partner_key for the
-- connection (lib/partner.c; mp_db_bind keeps them over a reconnect).
-- export_key_partner() answers with the partner when the hash matches
-- the stored one.  The account may set the variables to anything, but
-- it cannot read key_hash any more (grants-export.sql), so the only
-- hashes it can use are those of keys it is sent.  The hashes are
-- compared through SHA2, so the comparison's time tells nothing about
-- the stored one.
--
-- The views read the partner through a one-row derived table (LIMIT 1
-- keeps it from being merged): the function runs once per statement,
-- not once per row, and the feed still walks its index as before.

DELIMITER //

-- The partner of the bound key, disabled or not: the program tells a
-- disabled key (403) from a wrong one (401).
CREATE OR REPLACE FUNCTION export_key_partner()
RETURNS INT UNSIGNED
NOT DETERMINISTIC
READS SQL DATA
SQL SECURITY DEFINER
RETURN (SELECT id FROM partner WHERE id = @meldpunt_partner_id
    AND SHA2(key_hash, 256) = SHA2(@meldpunt_partner_key, 256))
//

-- The partner the feed is for: the bound key's, when it is enabled.
CREATE OR REPLACE FUNCTION export_bound_partner()
RETURNS INT UNSIGNED
NOT DETERMINISTIC
READS SQL DATA
SQL SECURITY DEFINER
RETURN (SELECT id FROM partner WHERE id = @meldpunt_partner_id
    AND SHA2(key_hash, 256) = SHA2(@meldpunt_partner_key, 256)
    AND disabled = 0)
//

-- Count a pull in the bound partner's minute p_window and return the
-- pulls counted in it (MariaDB assigns left to right: window_pulls
-- sees the old window_start); NULL when no partner is bound.
CREATE OR REPLACE FUNCTION export_count_pull(p_window INT UNSIGNED)
RETURNS INT UNSIGNED
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_partner INT UNSIGNED DEFAULT export_bound_partner();

	IF v_partner IS NULL THEN
		RETURN NULL;
	END IF;
	UPDATE partner SET window_pulls = IF(window_start = p_window,
	    window_pulls + 1, 1), window_start = p_window
	    WHERE id = v_partner;
	RETURN (SELECT window_pulls FROM partner WHERE id = v_partner);
END
//

DELIMITER ;

-- The bound partner's own row, without its key hash.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW export_self AS
SELECT p.id, p.name, p.display_name, p.fields, p.cert_subject,
    p.pulls_per_minute, p.disabled
FROM (SELECT export_key_partner() AS id LIMIT 1) me
JOIN partner p ON p.id = me.id;

-- The feed: the bound partner's shares in change order, each with the
-- columns of its report that partners may see.  The join order and
-- indexes are fixed here as lib/export.c fixed them before (walk the
-- feed index, join each row by primary key): left to itself the
-- optimiser sorts the partner's whole share list for every page.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW export_feed AS
SELECT s.partner_id, s.seq, s.report_id, s.shared_at, s.changed_at,
    r.reference, r.status, r.channel, r.received_at, r.taken_at,
    r.closed_at, r.observed_date, r.observed_time, r.description,
    r.street, r.house_number, r.postcode, r.city, r.involved_people,
    r.involved_companies, r.involved_vehicles,
    st.slug AS signal_slug, st.name AS signal_name,
    a.slug AS audience_slug, a.name AS audience_name
FROM (SELECT export_bound_partner() AS id LIMIT 1) me
STRAIGHT_JOIN report_share s FORCE INDEX (report_share_feed)
    ON s.partner_id = me.id
STRAIGHT_JOIN report r ON r.id = s.report_id
STRAIGHT_JOIN signal_type st FORCE INDEX (PRIMARY)
    ON st.id = r.signal_type_id
STRAIGHT_JOIN audience a FORCE INDEX (PRIMARY) ON a.id = r.audience_id;

-- One shared report by its reference: the same columns, joined from
-- the report's unique reference, for the optimiser to order freely.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW export_shared_report AS
SELECT s.partner_id, s.seq, s.report_id, s.shared_at, s.changed_at,
    r.reference, r.status, r.channel, r.received_at, r.taken_at,
    r.closed_at, r.observed_date, r.observed_time, r.description,
    r.street, r.house_number, r.postcode, r.city, r.involved_people,
    r.involved_companies, r.involved_vehicles,
    st.slug AS signal_slug, st.name AS signal_name,
    a.slug AS audience_slug, a.name AS audience_name
FROM (SELECT export_bound_partner() AS id LIMIT 1) me
JOIN report_share s ON s.partner_id = me.id
JOIN report r ON r.id = s.report_id
JOIN signal_type st ON st.id = r.signal_type_id
JOIN audience a ON a.id = r.audience_id;
