-- 054_report_entered.sql -- who entered a report taken by telephone or
-- e-mail (issue 16, "Phone and e-mail reports, first-class").
--
-- The handler who typed the caller's contact details may see them on
-- that report, audited, without the identity right every other
-- colleague needs; so the report must say who entered it.  The audit
-- log says it too, but it is the log, not data a page decides by.
-- Written by lib/report.c (mp_report_entered) in the report's storing
-- transaction; read by the report page.  Not identity of the reporter:
-- retention leaves it (the report's own row stays too).
CREATE TABLE report_entered (
	report_id	BIGINT UNSIGNED NOT NULL,
	user_id		INT UNSIGNED NOT NULL,
	PRIMARY KEY (report_id),
	KEY report_entered_user (user_id),
	CONSTRAINT report_entered_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id) ON DELETE CASCADE,
	CONSTRAINT report_entered_user_fk FOREIGN KEY (user_id)
	    REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
