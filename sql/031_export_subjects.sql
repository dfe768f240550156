-- 031_export_subjects.sql -- partners whose profile names the field
-- "onderwerpen" receive the subjects of the reports shared with them
-- (issue 13): each subject's kind, normal form and display, in the
-- export's optional <onderwerpen> element (meldpunt-export-1.xsd).
--
-- Like the other views of the export (sql/021) it runs as its definer
-- and reads the partner from the key bound to the connection, so the
-- export's account reads no subject of a report that was not shared
-- with that partner.  The profile is checked here as well as in the
-- program: subjects gather what several free-text fields hold into
-- one clean list of names, plates and phone numbers, so a taken-over
-- program must not read them for a partner that was never meant to
-- receive them.  A partner's fields are stored as the comma list of
-- lib/partner.c (never "alle"), so FIND_IN_SET sees the name.
--
-- Only sure links travel: the report's own address (source 1) and
-- links a handler confirmed.  A subject found in free text is a
-- proposal until then, and proposals are not sent to partners.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW export_subject AS
SELECT s.report_id, su.kind, su.norm, su.display
FROM (SELECT export_bound_partner() AS id LIMIT 1) me
JOIN partner p ON p.id = me.id
    AND FIND_IN_SET('onderwerpen', p.fields) > 0
JOIN report_share s ON s.partner_id = p.id
JOIN report_subject rs ON rs.report_id = s.report_id
    AND (rs.source = 1 OR rs.confirmed = 1)
JOIN subject su ON su.id = rs.subject_id;
