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
