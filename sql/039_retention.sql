-- 039_retention.sql -- the retention terms of the privacy protocol
-- (issue 15): when a report's identity and content, and a closed
-- dossier, were erased by `meldpuntctl retention run` (lib/retention.c,
-- which holds the SQL).  Erasure deletes and overwrites; these columns
-- only say that it happened and when, so that a run finds nothing it
-- did before and the report page can say why a report is empty.
--
-- report_retention: a run looks per signal type for the reports closed
-- before a cutoff and not yet erased; the index walks exactly those.
ALTER TABLE report
	ADD COLUMN identity_erased_at DATETIME NULL,
	ADD COLUMN content_erased_at DATETIME NULL,
	ADD KEY report_retention (signal_type_id, content_erased_at,
	    closed_at);

ALTER TABLE dossier
	ADD COLUMN erased_at DATETIME NULL,
	ADD KEY dossier_retention (status, erased_at, closed_at);

-- A report a coordinator holds past its terms (legal proceedings, an
-- objection, a request of the police): no run erases it, in identity
-- or content, until the hold is lifted.  The reason is the
-- coordinator's, shown on the report page; lifting deletes the row
-- (the report's history and the audit log keep that it happened).
-- The SQL is in lib/retention.c.
CREATE TABLE report_hold (
	report_id	BIGINT UNSIGNED NOT NULL,
	reason		VARCHAR(500) NOT NULL,
	held_by		INT UNSIGNED NOT NULL,
	held_at		DATETIME NOT NULL,
	PRIMARY KEY (report_id),
	CONSTRAINT report_hold_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id) ON DELETE CASCADE,
	CONSTRAINT report_hold_user_fk FOREIGN KEY (held_by)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per batch a run erased: what kind, how many, and the
-- references (no content), for the audit entry of the batch, which
-- has room for counts and the first references only (audit_log.detail
-- is 1000 characters), and for the privacy officer's page.  Written
-- by the run's account only, like audit_log append-only.
CREATE TABLE retention_batch (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	at		DATETIME NOT NULL,
	kind		VARCHAR(16) NOT NULL,
	items		INT UNSIGNED NOT NULL,
	identities	INT UNSIGNED NOT NULL,
	refs		MEDIUMTEXT NOT NULL,
	PRIMARY KEY (id),
	KEY retention_batch_at (at),
	CONSTRAINT retention_batch_kind CHECK
	    (kind IN ('identity', 'content', 'dossier'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The partner export (sql/021's views, the same with one column more):
-- an erased report that a partner received comes once more in its
-- feed, marked erased, with its reference and dates only
-- (cgi/export/export.c, meldpunt-export-1.xsd version 1.2).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW export_feed AS
SELECT s.partner_id, s.seq, s.report_id, s.shared_at, s.changed_at,
    r.reference, r.status, r.channel, r.received_at, r.taken_at,
    r.closed_at, r.observed_date, r.observed_time, r.description,
    r.street, r.house_number, r.postcode, r.city, r.involved_people,
    r.involved_companies, r.involved_vehicles,
    st.slug AS signal_slug, st.name AS signal_name,
    a.slug AS audience_slug, a.name AS audience_name,
    r.content_erased_at
FROM (SELECT export_bound_partner() AS id LIMIT 1) me
STRAIGHT_JOIN report_share s FORCE INDEX (report_share_feed)
    ON s.partner_id = me.id
STRAIGHT_JOIN report r ON r.id = s.report_id
STRAIGHT_JOIN signal_type st FORCE INDEX (PRIMARY)
    ON st.id = r.signal_type_id
STRAIGHT_JOIN audience a FORCE INDEX (PRIMARY) ON a.id = r.audience_id;

CREATE OR REPLACE SQL SECURITY DEFINER VIEW export_shared_report AS
SELECT s.partner_id, s.seq, s.report_id, s.shared_at, s.changed_at,
    r.reference, r.status, r.channel, r.received_at, r.taken_at,
    r.closed_at, r.observed_date, r.observed_time, r.description,
    r.street, r.house_number, r.postcode, r.city, r.involved_people,
    r.involved_companies, r.involved_vehicles,
    st.slug AS signal_slug, st.name AS signal_name,
    a.slug AS audience_slug, a.name AS audience_name,
    r.content_erased_at
FROM (SELECT export_bound_partner() AS id LIMIT 1) me
JOIN report_share s ON s.partner_id = me.id
JOIN report r ON r.id = s.report_id
JOIN signal_type st ON st.id = r.signal_type_id
JOIN audience a ON a.id = r.audience_id;
