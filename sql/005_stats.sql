-- 005_stats.sql -- the monthly statistics: counters per month, signal
-- type, audience and channel, kept by triggers on report in the same
-- transaction as every change, so an overview of a year reads a few
-- thousand rows instead of a million reports.
--
-- What is counted (docs/architecture.md, the statistics page):
--   received	reports by the month of received_at;
--   taken	reports by the month of taken_at, the first time the
--		report was taken into handling (a reopening is not a new
--		taking: taken_at keeps its first value);
--   closed	closings: closed_at going from NULL to a time, in the
--		month of that time; a report closed, reopened and closed
--		again counts twice.  A report stored already closed
--		(demo data, an import) counts once, at its closed_at;
--   reopened	closed_at going from a time back to NULL, in the month
--		the reopening happened.
-- Open at the end of a month is then received - closed + reopened,
-- summed over every month up to it, since each report alternates
-- between open and closed.
--
-- Months are UTC months, like every stored time.  A report's signal
-- type, audience, channel and received_at are never changed by the
-- application; the triggers rely on that.
--
-- Counters are spread over 8 slots (id % 8), as the rate-limit buckets
-- are, so concurrent intake of the same kind of report rarely waits on
-- one row lock.  The triggers run as their definer (the migrating
-- administrator): the application itself may only read these tables.
-- Run migrations with the programs stopped: a report stored between
-- the triggers' creation and the backfill below would be counted twice.

CREATE TABLE stats_month (
	month		DATE NOT NULL,
	signal_type_id	INT UNSIGNED NOT NULL,
	audience_id	INT UNSIGNED NOT NULL,
	channel		VARCHAR(16) NOT NULL,
	slot		TINYINT UNSIGNED NOT NULL,
	received	INT NOT NULL DEFAULT 0,
	taken		INT NOT NULL DEFAULT 0,
	closed		INT NOT NULL DEFAULT 0,
	reopened	INT NOT NULL DEFAULT 0,
	PRIMARY KEY (month, signal_type_id, audience_id, channel, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How many whole days (TIMESTAMPDIFF(DAY, received_at, t)) a taking
-- or a closing took, per month of the taking or closing: the medians
-- come from these histograms.  measure: 't' taken, 'c' closed.
CREATE TABLE stats_days (
	month		DATE NOT NULL,
	measure		CHAR(1) NOT NULL,
	days		INT NOT NULL,
	n		INT NOT NULL DEFAULT 0,
	PRIMARY KEY (month, measure, days)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One trigger per event with a BEGIN ... END body: several triggers of
-- one statement each would be simpler to read, but every trigger runs
-- for every row even when its condition is false, and the intake pays
-- for each (an INSERT and the UPDATE that sets the reference).
-- Migrations are split at a ";" that ends a line, so inside the bodies
-- each ";" starts the next line instead.

CREATE TRIGGER stats_insert AFTER INSERT ON report FOR EACH ROW
BEGIN
	INSERT INTO stats_month (month, signal_type_id, audience_id,
	    channel, slot, received)
	VALUES (DATE_FORMAT(NEW.received_at, '%Y-%m-01'),
	    NEW.signal_type_id, NEW.audience_id, NEW.channel, NEW.id % 8, 1)
	ON DUPLICATE KEY UPDATE received = received + 1
	; IF NEW.taken_at IS NOT NULL THEN
		INSERT INTO stats_month (month, signal_type_id, audience_id,
		    channel, slot, taken)
		VALUES (DATE_FORMAT(NEW.taken_at, '%Y-%m-01'),
		    NEW.signal_type_id, NEW.audience_id, NEW.channel,
		    NEW.id % 8, 1)
		ON DUPLICATE KEY UPDATE taken = taken + 1
		; INSERT INTO stats_days (month, measure, days, n)
		VALUES (DATE_FORMAT(NEW.taken_at, '%Y-%m-01'), 't',
		    TIMESTAMPDIFF(DAY, NEW.received_at, NEW.taken_at), 1)
		ON DUPLICATE KEY UPDATE n = n + 1
	; END IF
	; IF NEW.closed_at IS NOT NULL THEN
		INSERT INTO stats_month (month, signal_type_id, audience_id,
		    channel, slot, closed)
		VALUES (DATE_FORMAT(NEW.closed_at, '%Y-%m-01'),
		    NEW.signal_type_id, NEW.audience_id, NEW.channel,
		    NEW.id % 8, 1)
		ON DUPLICATE KEY UPDATE closed = closed + 1
		; INSERT INTO stats_days (month, measure, days, n)
		VALUES (DATE_FORMAT(NEW.closed_at, '%Y-%m-01'), 'c',
		    TIMESTAMPDIFF(DAY, NEW.received_at, NEW.closed_at), 1)
		ON DUPLICATE KEY UPDATE n = n + 1
	; END IF
; END;

-- taken_at only ever goes from NULL to a time (COALESCE in the
-- dashboard); should it ever move, the old month gives its count back.
-- A reopening has no column of its own: it happens now.
CREATE TRIGGER stats_update AFTER UPDATE ON report FOR EACH ROW
BEGIN
	IF NOT (OLD.taken_at <=> NEW.taken_at) THEN
		IF OLD.taken_at IS NOT NULL THEN
			INSERT INTO stats_month (month, signal_type_id,
			    audience_id, channel, slot, taken)
			VALUES (DATE_FORMAT(OLD.taken_at, '%Y-%m-01'),
			    OLD.signal_type_id, OLD.audience_id, OLD.channel,
			    OLD.id % 8, -1)
			ON DUPLICATE KEY UPDATE taken = taken - 1
			; INSERT INTO stats_days (month, measure, days, n)
			VALUES (DATE_FORMAT(OLD.taken_at, '%Y-%m-01'), 't',
			    TIMESTAMPDIFF(DAY, OLD.received_at, OLD.taken_at),
			    -1)
			ON DUPLICATE KEY UPDATE n = n - 1
		; END IF
		; IF NEW.taken_at IS NOT NULL THEN
			INSERT INTO stats_month (month, signal_type_id,
			    audience_id, channel, slot, taken)
			VALUES (DATE_FORMAT(NEW.taken_at, '%Y-%m-01'),
			    NEW.signal_type_id, NEW.audience_id, NEW.channel,
			    NEW.id % 8, 1)
			ON DUPLICATE KEY UPDATE taken = taken + 1
			; INSERT INTO stats_days (month, measure, days, n)
			VALUES (DATE_FORMAT(NEW.taken_at, '%Y-%m-01'), 't',
			    TIMESTAMPDIFF(DAY, NEW.received_at, NEW.taken_at),
			    1)
			ON DUPLICATE KEY UPDATE n = n + 1
		; END IF
	; END IF
	; IF OLD.closed_at IS NULL AND NEW.closed_at IS NOT NULL THEN
		INSERT INTO stats_month (month, signal_type_id, audience_id,
		    channel, slot, closed)
		VALUES (DATE_FORMAT(NEW.closed_at, '%Y-%m-01'),
		    NEW.signal_type_id, NEW.audience_id, NEW.channel,
		    NEW.id % 8, 1)
		ON DUPLICATE KEY UPDATE closed = closed + 1
		; INSERT INTO stats_days (month, measure, days, n)
		VALUES (DATE_FORMAT(NEW.closed_at, '%Y-%m-01'), 'c',
		    TIMESTAMPDIFF(DAY, NEW.received_at, NEW.closed_at), 1)
		ON DUPLICATE KEY UPDATE n = n + 1
	; ELSEIF OLD.closed_at IS NOT NULL AND NEW.closed_at IS NULL THEN
		INSERT INTO stats_month (month, signal_type_id, audience_id,
		    channel, slot, reopened)
		VALUES (DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-01'),
		    NEW.signal_type_id, NEW.audience_id, NEW.channel,
		    NEW.id % 8, 1)
		ON DUPLICATE KEY UPDATE reopened = reopened + 1
	; END IF
; END;

-- The reports already stored.  Their closings and reopenings before
-- now are in the history (status events "... -> afgerond" and
-- "afgerond -> ..."); a closed report without such an event was stored
-- closed and counts once at its closed_at.
INSERT INTO stats_month (month, signal_type_id, audience_id, channel,
    slot, received)
SELECT DATE_FORMAT(received_at, '%Y-%m-01'), signal_type_id, audience_id,
    channel, id % 8, COUNT(*)
FROM report GROUP BY 1, 2, 3, 4, 5
ON DUPLICATE KEY UPDATE received = received + VALUES(received);

INSERT INTO stats_month (month, signal_type_id, audience_id, channel,
    slot, taken)
SELECT DATE_FORMAT(taken_at, '%Y-%m-01'), signal_type_id, audience_id,
    channel, id % 8, COUNT(*)
FROM report WHERE taken_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5
ON DUPLICATE KEY UPDATE taken = taken + VALUES(taken);

INSERT INTO stats_days (month, measure, days, n)
SELECT DATE_FORMAT(taken_at, '%Y-%m-01'), 't',
    TIMESTAMPDIFF(DAY, received_at, taken_at), COUNT(*)
FROM report WHERE taken_at IS NOT NULL GROUP BY 1, 2, 3
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

INSERT INTO stats_month (month, signal_type_id, audience_id, channel,
    slot, closed)
SELECT DATE_FORMAT(e.at, '%Y-%m-01'), r.signal_type_id, r.audience_id,
    r.channel, r.id % 8, COUNT(*)
FROM event e JOIN report r ON r.id = e.report_id
WHERE e.kind = 'status' AND e.detail LIKE '% -> afgerond%'
GROUP BY 1, 2, 3, 4, 5
ON DUPLICATE KEY UPDATE closed = closed + VALUES(closed);

INSERT INTO stats_days (month, measure, days, n)
SELECT DATE_FORMAT(e.at, '%Y-%m-01'), 'c',
    TIMESTAMPDIFF(DAY, r.received_at, e.at), COUNT(*)
FROM event e JOIN report r ON r.id = e.report_id
WHERE e.kind = 'status' AND e.detail LIKE '% -> afgerond%'
GROUP BY 1, 2, 3
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

INSERT INTO stats_month (month, signal_type_id, audience_id, channel,
    slot, closed)
SELECT DATE_FORMAT(r.closed_at, '%Y-%m-01'), r.signal_type_id,
    r.audience_id, r.channel, r.id % 8, COUNT(*)
FROM report r WHERE r.closed_at IS NOT NULL AND NOT EXISTS
    (SELECT 1 FROM event e WHERE e.report_id = r.id AND e.kind = 'status'
    AND e.detail LIKE '% -> afgerond%')
GROUP BY 1, 2, 3, 4, 5
ON DUPLICATE KEY UPDATE closed = closed + VALUES(closed);

INSERT INTO stats_days (month, measure, days, n)
SELECT DATE_FORMAT(r.closed_at, '%Y-%m-01'), 'c',
    TIMESTAMPDIFF(DAY, r.received_at, r.closed_at), COUNT(*)
FROM report r WHERE r.closed_at IS NOT NULL AND NOT EXISTS
    (SELECT 1 FROM event e WHERE e.report_id = r.id AND e.kind = 'status'
    AND e.detail LIKE '% -> afgerond%')
GROUP BY 1, 2, 3
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

INSERT INTO stats_month (month, signal_type_id, audience_id, channel,
    slot, reopened)
SELECT DATE_FORMAT(e.at, '%Y-%m-01'), r.signal_type_id, r.audience_id,
    r.channel, r.id % 8, COUNT(*)
FROM event e JOIN report r ON r.id = e.report_id
WHERE e.kind = 'status' AND e.detail LIKE 'afgerond -> %'
GROUP BY 1, 2, 3, 4, 5
ON DUPLICATE KEY UPDATE reopened = reopened + VALUES(reopened);
