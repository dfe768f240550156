-- 043_stats_local_month.sql -- the monthly statistics count months in
-- Europe/Amsterdam (issue 16): a report received at 00:30 on 1 March
-- Dutch time (23:30 UTC on 28 February) counts in March, in summer
-- time as in winter time.  Until now the months were UTC months.
--
-- nl_month() turns a stored UTC time into the first day of its local
-- month.  Only the offset near a month's first midnight matters, and
-- no DST change comes near one (they fall on the last Sunday of March
-- and of October at 01:00 UTC, at least 21 hours before the next
-- month begins): at the first midnight of April..October Amsterdam is
-- UTC+2, of November..March UTC+1.  So: add two hours; if that lands
-- in April..October the offset was +2, otherwise add one hour
-- instead.  This needs no tz tables (mariadb-tzinfo-to-sql) on the
-- server; lib/nltime.c computes the same months in C for the range
-- forms and the dossiers' statistics, which also call nl_month().
--
-- The triggers of 005 are made again with nl_month() in place of the
-- UTC month, and the counters are counted again from the reports and
-- their history with 005's rules (reports are never deleted, retention
-- keeps the dates; what SQL by hand once did to the counters without
-- the application is lost, as any recount would lose it).  Apply with
-- the programs stopped, like every migration.
--
-- At the end, an index for the statistics' closings per reason
-- (dashboard.close_reasons, also issue 16).
--
-- Handlers may now correct a report's signal type and audience (issue
-- 16), so stats_update also moves the report's receipt, its taking
-- and its current closing from the old type and audience to the new
-- ones.  Earlier closings of a report closed, reopened and closed
-- again stay with the old ones, as do its reopenings: both sides keep
-- "open" right, only the per-type counts of such a report's history
-- lag.

CREATE OR REPLACE FUNCTION nl_month(t DATETIME) RETURNS DATE
	DETERMINISTIC NO SQL SQL SECURITY INVOKER
	RETURN DATE_FORMAT(t + INTERVAL IF(MONTH(t + INTERVAL 2 HOUR)
	    BETWEEN 4 AND 10, 2, 1) HOUR, '%Y-%m-01');

DROP TRIGGER IF EXISTS stats_insert;
DROP TRIGGER IF EXISTS stats_update;

DELETE FROM stats_month;
DELETE FROM stats_days;

CREATE TRIGGER stats_insert AFTER INSERT ON report FOR EACH ROW
BEGIN
	INSERT INTO stats_month (month, signal_type_id, audience_id,
	    channel, slot, received)
	VALUES (nl_month(NEW.received_at),
	    NEW.signal_type_id, NEW.audience_id, NEW.channel, NEW.id % 8, 1)
	ON DUPLICATE KEY UPDATE received = received + 1
	; IF NEW.taken_at IS NOT NULL THEN
		INSERT INTO stats_month (month, signal_type_id, audience_id,
		    channel, slot, taken)
		VALUES (nl_month(NEW.taken_at),
		    NEW.signal_type_id, NEW.audience_id, NEW.channel,
		    NEW.id % 8, 1)
		ON DUPLICATE KEY UPDATE taken = taken + 1
		; INSERT INTO stats_days (month, measure, days, n)
		VALUES (nl_month(NEW.taken_at), 't',
		    TIMESTAMPDIFF(DAY, NEW.received_at, NEW.taken_at), 1)
		ON DUPLICATE KEY UPDATE n = n + 1
	; END IF
	; IF NEW.closed_at IS NOT NULL THEN
		INSERT INTO stats_month (month, signal_type_id, audience_id,
		    channel, slot, closed)
		VALUES (nl_month(NEW.closed_at),
		    NEW.signal_type_id, NEW.audience_id, NEW.channel,
		    NEW.id % 8, 1)
		ON DUPLICATE KEY UPDATE closed = closed + 1
		; INSERT INTO stats_days (month, measure, days, n)
		VALUES (nl_month(NEW.closed_at), 'c',
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
			VALUES (nl_month(OLD.taken_at),
			    OLD.signal_type_id, OLD.audience_id, OLD.channel,
			    OLD.id % 8, -1)
			ON DUPLICATE KEY UPDATE taken = taken - 1
			; INSERT INTO stats_days (month, measure, days, n)
			VALUES (nl_month(OLD.taken_at), 't',
			    TIMESTAMPDIFF(DAY, OLD.received_at, OLD.taken_at),
			    -1)
			ON DUPLICATE KEY UPDATE n = n - 1
		; END IF
		; IF NEW.taken_at IS NOT NULL THEN
			INSERT INTO stats_month (month, signal_type_id,
			    audience_id, channel, slot, taken)
			VALUES (nl_month(NEW.taken_at),
			    NEW.signal_type_id, NEW.audience_id, NEW.channel,
			    NEW.id % 8, 1)
			ON DUPLICATE KEY UPDATE taken = taken + 1
			; INSERT INTO stats_days (month, measure, days, n)
			VALUES (nl_month(NEW.taken_at), 't',
			    TIMESTAMPDIFF(DAY, NEW.received_at, NEW.taken_at),
			    1)
			ON DUPLICATE KEY UPDATE n = n + 1
		; END IF
	; END IF
	; IF NOT (OLD.signal_type_id <=> NEW.signal_type_id AND
	    OLD.audience_id <=> NEW.audience_id) THEN
		INSERT INTO stats_month (month, signal_type_id, audience_id,
		    channel, slot, received, taken, closed)
		VALUES (nl_month(OLD.received_at), OLD.signal_type_id,
		    OLD.audience_id, OLD.channel, OLD.id % 8, -1, 0, 0),
		    (nl_month(NEW.received_at), NEW.signal_type_id,
		    NEW.audience_id, NEW.channel, NEW.id % 8, 1, 0, 0)
		ON DUPLICATE KEY UPDATE received = received + VALUES(received)
		; IF OLD.taken_at IS NOT NULL AND OLD.taken_at <=> NEW.taken_at
		THEN
			INSERT INTO stats_month (month, signal_type_id,
			    audience_id, channel, slot, taken)
			VALUES (nl_month(OLD.taken_at), OLD.signal_type_id,
			    OLD.audience_id, OLD.channel, OLD.id % 8, -1),
			    (nl_month(NEW.taken_at), NEW.signal_type_id,
			    NEW.audience_id, NEW.channel, NEW.id % 8, 1)
			ON DUPLICATE KEY UPDATE taken = taken + VALUES(taken)
		; END IF
		; IF OLD.closed_at IS NOT NULL AND
		    OLD.closed_at <=> NEW.closed_at THEN
			INSERT INTO stats_month (month, signal_type_id,
			    audience_id, channel, slot, closed)
			VALUES (nl_month(OLD.closed_at), OLD.signal_type_id,
			    OLD.audience_id, OLD.channel, OLD.id % 8, -1),
			    (nl_month(NEW.closed_at), NEW.signal_type_id,
			    NEW.audience_id, NEW.channel, NEW.id % 8, 1)
			ON DUPLICATE KEY UPDATE closed = closed + VALUES(closed)
		; END IF
	; END IF
	; IF OLD.closed_at IS NULL AND NEW.closed_at IS NOT NULL THEN
		INSERT INTO stats_month (month, signal_type_id, audience_id,
		    channel, slot, closed)
		VALUES (nl_month(NEW.closed_at),
		    NEW.signal_type_id, NEW.audience_id, NEW.channel,
		    NEW.id % 8, 1)
		ON DUPLICATE KEY UPDATE closed = closed + 1
		; INSERT INTO stats_days (month, measure, days, n)
		VALUES (nl_month(NEW.closed_at), 'c',
		    TIMESTAMPDIFF(DAY, NEW.received_at, NEW.closed_at), 1)
		ON DUPLICATE KEY UPDATE n = n + 1
	; ELSEIF OLD.closed_at IS NOT NULL AND NEW.closed_at IS NULL THEN
		INSERT INTO stats_month (month, signal_type_id, audience_id,
		    channel, slot, reopened)
		VALUES (nl_month(UTC_TIMESTAMP()),
		    NEW.signal_type_id, NEW.audience_id, NEW.channel,
		    NEW.id % 8, 1)
		ON DUPLICATE KEY UPDATE reopened = reopened + 1
	; END IF
; END;

-- The reports already stored, counted again in local months.  Their closings and reopenings before
-- now are in the history (status events "... -> afgerond" and
-- "afgerond -> ..."); a closed report without such an event was stored
-- closed and counts once at its closed_at.
INSERT INTO stats_month (month, signal_type_id, audience_id, channel,
    slot, received)
SELECT nl_month(received_at), signal_type_id, audience_id,
    channel, id % 8, COUNT(*)
FROM report GROUP BY 1, 2, 3, 4, 5
ON DUPLICATE KEY UPDATE received = received + VALUES(received);

INSERT INTO stats_month (month, signal_type_id, audience_id, channel,
    slot, taken)
SELECT nl_month(taken_at), signal_type_id, audience_id,
    channel, id % 8, COUNT(*)
FROM report WHERE taken_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5
ON DUPLICATE KEY UPDATE taken = taken + VALUES(taken);

INSERT INTO stats_days (month, measure, days, n)
SELECT nl_month(taken_at), 't',
    TIMESTAMPDIFF(DAY, received_at, taken_at), COUNT(*)
FROM report WHERE taken_at IS NOT NULL GROUP BY 1, 2, 3
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

INSERT INTO stats_month (month, signal_type_id, audience_id, channel,
    slot, closed)
SELECT nl_month(e.at), r.signal_type_id, r.audience_id,
    r.channel, r.id % 8, COUNT(*)
FROM event e JOIN report r ON r.id = e.report_id
WHERE e.kind = 'status' AND e.detail LIKE '% -> afgerond%'
GROUP BY 1, 2, 3, 4, 5
ON DUPLICATE KEY UPDATE closed = closed + VALUES(closed);

INSERT INTO stats_days (month, measure, days, n)
SELECT nl_month(e.at), 'c',
    TIMESTAMPDIFF(DAY, r.received_at, e.at), COUNT(*)
FROM event e JOIN report r ON r.id = e.report_id
WHERE e.kind = 'status' AND e.detail LIKE '% -> afgerond%'
GROUP BY 1, 2, 3
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

INSERT INTO stats_month (month, signal_type_id, audience_id, channel,
    slot, closed)
SELECT nl_month(r.closed_at), r.signal_type_id,
    r.audience_id, r.channel, r.id % 8, COUNT(*)
FROM report r WHERE r.closed_at IS NOT NULL AND NOT EXISTS
    (SELECT 1 FROM event e WHERE e.report_id = r.id AND e.kind = 'status'
    AND e.detail LIKE '% -> afgerond%')
GROUP BY 1, 2, 3, 4, 5
ON DUPLICATE KEY UPDATE closed = closed + VALUES(closed);

INSERT INTO stats_days (month, measure, days, n)
SELECT nl_month(r.closed_at), 'c',
    TIMESTAMPDIFF(DAY, r.received_at, r.closed_at), COUNT(*)
FROM report r WHERE r.closed_at IS NOT NULL AND NOT EXISTS
    (SELECT 1 FROM event e WHERE e.report_id = r.id AND e.kind = 'status'
    AND e.detail LIKE '% -> afgerond%')
GROUP BY 1, 2, 3
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

INSERT INTO stats_month (month, signal_type_id, audience_id, channel,
    slot, reopened)
SELECT nl_month(e.at), r.signal_type_id, r.audience_id,
    r.channel, r.id % 8, COUNT(*)
FROM event e JOIN report r ON r.id = e.report_id
WHERE e.kind = 'status' AND e.detail LIKE 'afgerond -> %'
GROUP BY 1, 2, 3, 4, 5
ON DUPLICATE KEY UPDATE reopened = reopened + VALUES(reopened);

-- The statistics page counts the reports closed in a period per
-- closing reason (dashboard.close_reasons, issue 16): a range of this
-- index, from the UTC instant the first Dutch month begins.
ALTER TABLE report ADD KEY report_closed (closed_at, closed_reason);
