-- grants-intake.sql -- the rights of meldpunt-intake's own database
-- account (db.intake.user; meldpuntctl grants creates it and takes
-- every other right away first).  The intake is on the internet: if it
-- is taken over, this is all the attacker gets.  It can store reports
-- and read none: no report's content, no reporter's contact row, no
-- account, no audit trail (tests/e2e/test-16-db-accounts.sh proves it).
--
-- What the form shows: the audiences and signal types.
GRANT SELECT ON audience TO @APPUSER@@@APPHOST@;
GRANT SELECT ON signal_type TO @APPUSER@@@APPHOST@;
GRANT SELECT ON audience_signal_type TO @APPUSER@@@APPHOST@;
-- Which partners receive a signal type's reports by rule, to say so on
-- the form (issue 15): names only, never a key hash.
GRANT SELECT ON partner_rule TO @APPUSER@@@APPHOST@;
GRANT SELECT (id, display_name, disabled) ON partner TO @APPUSER@@@APPHOST@;
-- The report, its reference, event, partner shares and rate limit in
-- one call (sql/009, 010), which runs with its definer's rights
-- (sql/013): no right on report, event or report_share is needed.
GRANT EXECUTE ON FUNCTION intake_store TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION intake_submission_is_own TO @APPUSER@@@APPHOST@;
-- A form sent twice is answered with the report it became
-- (lib/report.c, STMT_FIND_SUBMISSION): three columns, no content.
GRANT SELECT (id, reference, submission_id) ON report
    TO @APPUSER@@@APPHOST@;
-- The contact row and attachments of the report it just stored, and of
-- no other: write only, through the views of sql/026, whose check
-- option takes only the report intake_store() stored last on this
-- connection.  No INSERT on reporter_contact or attachment.
GRANT INSERT ON intake_own_contact TO @APPUSER@@@APPHOST@;
GRANT INSERT ON intake_own_attachment TO @APPUSER@@@APPHOST@;
-- 051_report_lang.sql: the language of the report it just stored (a
-- view of that report only); nothing of the report can be read.
GRANT SELECT (id), UPDATE (lang) ON intake_own_report_lang
    TO @APPUSER@@@APPHOST@;
-- The rate limit of a report with attachments is counted after them,
-- and old windows are purged (lib/ratelimit.c).  The rows hold only
-- keyed hashes of addresses.
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_counter
    TO @APPUSER@@@APPHOST@;
-- 024_client_key.sql: the per-window secrets that key the client
-- hashes of rate_counter, made by the first worker that needs one and
-- deleted when their window is over.
GRANT SELECT, INSERT, DELETE ON client_key TO @APPUSER@@@APPHOST@;
-- 029_subject_index.sql: the subjects of the report it just stored
-- (lib/report.c, index_stored), upserted and linked by a function that
-- takes the report intake_store() stored last on this connection only,
-- and marked indexed through the view that takes only that report.  No
-- right on subject or report_subject.
GRANT EXECUTE ON FUNCTION intake_subject_link TO @APPUSER@@@APPHOST@;
GRANT SELECT (id), UPDATE (subjects_at, subjects_cut)
    ON intake_own_subjects_done TO @APPUSER@@@APPHOST@;
-- 042_routing.sql: the routing rules (signal type, audience, team ids:
-- no content), and the routing's history row of the report it just
-- stored, through the view that takes only that report.
GRANT SELECT ON routing_rule TO @APPUSER@@@APPHOST@;
GRANT INSERT ON intake_own_event TO @APPUSER@@@APPHOST@;
-- The name of the team a rule routes to, for that history row: names of
-- the organisation, not content.
GRANT SELECT (id, name, active) ON team TO @APPUSER@@@APPHOST@;
-- 048_notices.sql: a routed report's team hears of it, in the storing
-- transaction, through the function (DEFINER): the intake reads no
-- account and no team membership itself.
GRANT EXECUTE ON FUNCTION outbox_notify_team TO @APPUSER@@@APPHOST@;
-- 052_questions.sql: the questions of a signal type, and answers to
-- the report just stored only (the view, as attachments).
GRANT SELECT ON question TO @APPUSER@@@APPHOST@;
GRANT SELECT ON question_text TO @APPUSER@@@APPHOST@;
-- 059_intake_answers.sql, 061_intake_store_answers.sql: the answers go
-- in with the report, through intake_store() (the view's INSERT right
-- is no longer used).
-- 051_report_lang.sql: the audiences' and signal types' names and
-- texts in the other languages, for the forms.
GRANT SELECT ON catalog_text TO @APPUSER@@@APPHOST@;
-- 063_txn_mark.sql: the row that tells whether an unanswered COMMIT
-- was stored (lib/db.c).  Random ids and numbers, nothing of the work.
GRANT SELECT, INSERT, UPDATE ON txn_mark TO @APPUSER@@@APPHOST@;
