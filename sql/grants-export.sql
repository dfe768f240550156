-- grants-export.sql -- the rights of meldpunt-export's own database
-- account (db.export.user; meldpuntctl grants creates it and takes
-- every other right away first).  Partners see the fields of a report
-- that lib/export.c writes, never the reporter: so the account reads
-- those columns and no contact row, account, message, event, note or
-- code (tests/e2e/test-16-db-accounts.sh).
--
-- Partners sign in with a key (its hash is in partner) and are counted
-- per minute.
GRANT SELECT ON partner TO @APPUSER@@@APPHOST@;
GRANT UPDATE (window_pulls, window_start) ON partner
    TO @APPUSER@@@APPHOST@;
-- The feed: what was shared, and the shareable columns of a report.
GRANT SELECT ON report_share TO @APPUSER@@@APPHOST@;
GRANT SELECT (id, reference, status, signal_type_id, audience_id,
    channel, received_at, taken_at, closed_at, observed_date,
    observed_time, description, street, house_number, postcode, city,
    involved_people, involved_companies, involved_vehicles) ON report
    TO @APPUSER@@@APPHOST@;
GRANT SELECT ON signal_type TO @APPUSER@@@APPHOST@;
GRANT SELECT ON audience TO @APPUSER@@@APPHOST@;
-- The record of every pull, append-only like the audit log.
GRANT INSERT ON export_pull TO @APPUSER@@@APPHOST@;
GRANT INSERT ON export_pull_page TO @APPUSER@@@APPHOST@;
GRANT INSERT ON audit_log TO @APPUSER@@@APPHOST@;
