-- grants-export.sql -- the rights of meldpunt-export's own database
-- account (db.export.user; meldpuntctl grants creates it and takes
-- every other right away first).  Partners see the fields of a report
-- that lib/export.c writes, never the reporter: so the account reads
-- those columns and no contact row, account, message, event, note or
-- code (tests/e2e/test-16-db-accounts.sh).
--
-- Partners sign in with a key.  The program binds the key's keyed
-- hash to the connection and reads through sql/021, which runs as its
-- definer: the partner's own row without its hash, its pull count, and
-- the shareable columns of the reports shared with it.  No right on
-- partner, report or report_share, so a taken-over program reads no
-- key hash, no report that was not shared, and no other partner's feed
-- without that partner's key.
GRANT SELECT ON export_self TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION export_count_pull TO @APPUSER@@@APPHOST@;
GRANT SELECT ON export_feed TO @APPUSER@@@APPHOST@;
GRANT SELECT ON export_shared_report TO @APPUSER@@@APPHOST@;
-- The subjects of the reports shared with the bound partner, when its
-- profile names "onderwerpen" (sql/031).
GRANT SELECT ON export_subject TO @APPUSER@@@APPHOST@;
-- The record of every pull, append-only like the audit log, and only
-- in the bound partner's name (sql/027): no INSERT on export_pull,
-- export_pull_page or audit_log.
GRANT EXECUTE ON FUNCTION export_log_pull TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION export_log_page TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION export_log_audit TO @APPUSER@@@APPHOST@;
-- 052_questions.sql: the answers of the reports shared with the bound
-- partner, when its profile names "antwoorden".
GRANT SELECT ON export_answer TO @APPUSER@@@APPHOST@;
-- 063_txn_mark.sql: the row that tells whether an unanswered COMMIT
-- was stored (lib/db.c).  Random ids and numbers, nothing of the work.
GRANT SELECT, INSERT, UPDATE ON txn_mark TO @APPUSER@@@APPHOST@;
