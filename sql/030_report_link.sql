-- 030_report_link.sql -- what a handler decided about two reports
-- (issue 13, "Verbanden"): the same case, unrelated (hidden from each
-- other's links), or one a duplicate of the other (closed, with this
-- row as its pointer).  One row a pair, the lower id first, so that a
-- pair has one decision; a later decision replaces it.  The SQL is in
-- lib/link.c.
--
-- kind: 'same', 'unrelated' or 'duplicate'; duplicate_id is the report
-- that was closed as a duplicate of the other (kind 'duplicate' only).
-- created_by: the handler.  reason: why, in the handler's words.
CREATE TABLE report_link (
	report_a	BIGINT UNSIGNED NOT NULL,
	report_b	BIGINT UNSIGNED NOT NULL,
	kind		VARCHAR(16) NOT NULL,
	duplicate_id	BIGINT UNSIGNED NULL,
	reason		VARCHAR(2000) NOT NULL,
	created_by	INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL,
	PRIMARY KEY (report_a, report_b),
	KEY report_link_b (report_b, report_a),
	CONSTRAINT report_link_order CHECK (report_a < report_b),
	CONSTRAINT report_link_kind CHECK
	    (kind IN ('same', 'unrelated', 'duplicate')),
	CONSTRAINT report_link_dup CHECK ((kind = 'duplicate' AND
	    duplicate_id IN (report_a, report_b)) OR
	    (kind <> 'duplicate' AND duplicate_id IS NULL)),
	CONSTRAINT report_link_a_fk FOREIGN KEY (report_a)
	    REFERENCES report (id) ON DELETE CASCADE,
	CONSTRAINT report_link_b_fk FOREIGN KEY (report_b)
	    REFERENCES report (id) ON DELETE CASCADE,
	CONSTRAINT report_link_user_fk FOREIGN KEY (created_by)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
