-- 007_dashboard_perf.sql -- the counts per status above the work list,
-- kept up to date by the database instead of counted each time.
--
-- Counting the reports of a team by status reads 125,000 index entries
-- of a million (80 ms quiet, seconds on a busy machine), and each
-- dashboard worker did so per user every dashboard.count_ttl seconds:
-- half a core at 16 users.  report_count holds the counts, changed by
-- the triggers below in the transaction that changes a report, so
-- every way a report is written (intake, spool, dashboard, seed-demo,
-- an administrator's SQL) keeps them exact.  Reading them is a sum over
-- a few dozen rows.
--
-- team_id 0 stands for "no team yet" (a primary key cannot hold NULL).
-- Each count is spread over 16 slots by report id, as rate_counter
-- does, so that concurrent intake inserts (all team 0, 'nieuw') do not
-- queue on one row.  A slot only ever gets back what its own reports
-- added, so n never goes below 0.
--
-- The triggers run with the rights of the account that ran this
-- migration (their DEFINER); keep that account.  Apply with the
-- programs stopped, like every migration: a report written between
-- the fill and the triggers would be missed.  TRUNCATE fires no
-- trigger; empty report with DELETE, or refill report_count after.

CREATE TABLE report_count (
	team_id		INT UNSIGNED NOT NULL,
	status		VARCHAR(24) NOT NULL,
	slot		TINYINT UNSIGNED NOT NULL,
	n		BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (team_id, status, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO report_count (team_id, status, slot, n)
	SELECT COALESCE(team_id, 0), status, id % 16, COUNT(*)
	FROM report GROUP BY COALESCE(team_id, 0), status, id % 16;

CREATE TRIGGER report_count_insert AFTER INSERT ON report FOR EACH ROW
	INSERT INTO report_count (team_id, status, slot, n)
	VALUES (COALESCE(NEW.team_id, 0), NEW.status, NEW.id % 16, 1)
	ON DUPLICATE KEY UPDATE n = n + 1;

-- Only a change of status or team moves a report between counts.
CREATE TRIGGER report_count_update AFTER UPDATE ON report FOR EACH ROW
	INSERT INTO report_count (team_id, status, slot, n)
	SELECT COALESCE(OLD.team_id, 0), OLD.status, OLD.id % 16, -1
	FROM DUAL WHERE NOT (OLD.status <=> NEW.status AND
	    OLD.team_id <=> NEW.team_id)
	UNION ALL
	SELECT COALESCE(NEW.team_id, 0), NEW.status, NEW.id % 16, 1
	FROM DUAL WHERE NOT (OLD.status <=> NEW.status AND
	    OLD.team_id <=> NEW.team_id)
	ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER report_count_delete AFTER DELETE ON report FOR EACH ROW
	UPDATE report_count SET n = n - 1
	WHERE team_id = COALESCE(OLD.team_id, 0) AND status = OLD.status
	AND slot = OLD.id % 16;

-- A handler sees the reports of their team: the work list binds the
-- team as a value (lib/access.h, MP_ACCESS_REPORT_IN_TEAMS), and each
-- filter of a handler's list has an index that starts with the team
-- and ends in received_at, so a page of 50 reads 51 entries instead of
-- eight times that or more (a filter on channel "telefoon" read 5,000
-- rows for a page).  Status (report_team_status), date range
-- (report_team) and handler (report_handler: a handler's reports lie
-- in their team) had one already (002).
ALTER TABLE report
	ADD KEY report_team_type (team_id, signal_type_id, received_at),
	ADD KEY report_team_channel (team_id, channel, received_at),
	ADD KEY report_team_audience (team_id, audience_id, received_at);
