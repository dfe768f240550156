-- 057_report_handler_count.sql -- "Mijn meldingen" in the navigation
-- of every dashboard page, from counts kept by the database.
--
-- The navigation shows how many reports in treatment the user handles
-- (cgi/dashboard/routing.c, STMT_MINE).  Counted from report by the
-- index report_handler_status, it read each report's row for the
-- visibility rule's team: 6,643 rows a page for a handler of the
-- million demo reports, 4 to 8 ms of the server's time on every page
-- (bench/dashboard PROFILE=1, 2026-12-07: two thirds of a work list
-- page's statements).  report_handler_count holds the counts per
-- handler, status and team, kept by the triggers below in the
-- transaction that changes a report, as report_count (sql/007) is, so
-- every way a report is written keeps them exact; reading one is a sum
-- over a handful of rows.
--
-- team_id 0 stands for "no team" (a primary key cannot hold NULL), as
-- in report_count; no team has id 0, so the visibility rule counts
-- such reports for no handler, as it does on report.  A report without
-- a handler has no row.  No slots: a handler's reports change at a
-- handler's pace, not the intake's.  Apply with the programs stopped,
-- like every migration.  TRUNCATE fires no trigger; empty report with
-- DELETE, or refill this table after.
CREATE TABLE report_handler_count (
	handler_id	INT UNSIGNED NOT NULL,
	status		VARCHAR(24) NOT NULL,
	team_id		INT UNSIGNED NOT NULL,
	n		BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (handler_id, status, team_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO report_handler_count (handler_id, status, team_id, n)
	SELECT handler_id, status, COALESCE(team_id, 0), COUNT(*)
	FROM report WHERE handler_id IS NOT NULL
	GROUP BY handler_id, status, COALESCE(team_id, 0);

CREATE TRIGGER report_handler_count_insert AFTER INSERT ON report
FOR EACH ROW
	INSERT INTO report_handler_count (handler_id, status, team_id, n)
	SELECT NEW.handler_id, NEW.status, COALESCE(NEW.team_id, 0), 1
	FROM DUAL WHERE NEW.handler_id IS NOT NULL
	ON DUPLICATE KEY UPDATE n = n + 1;

-- Only a change of handler, status or team moves a report between
-- counts.
CREATE TRIGGER report_handler_count_update AFTER UPDATE ON report
FOR EACH ROW
	INSERT INTO report_handler_count (handler_id, status, team_id, n)
	SELECT OLD.handler_id, OLD.status, COALESCE(OLD.team_id, 0), -1
	FROM DUAL WHERE OLD.handler_id IS NOT NULL AND
	    NOT (OLD.handler_id <=> NEW.handler_id AND
	    OLD.status <=> NEW.status AND OLD.team_id <=> NEW.team_id)
	UNION ALL
	SELECT NEW.handler_id, NEW.status, COALESCE(NEW.team_id, 0), 1
	FROM DUAL WHERE NEW.handler_id IS NOT NULL AND
	    NOT (OLD.handler_id <=> NEW.handler_id AND
	    OLD.status <=> NEW.status AND OLD.team_id <=> NEW.team_id)
	ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER report_handler_count_delete AFTER DELETE ON report
FOR EACH ROW
	UPDATE report_handler_count SET n = n - 1
	WHERE handler_id = OLD.handler_id AND status = OLD.status
	AND team_id = COALESCE(OLD.team_id, 0);
