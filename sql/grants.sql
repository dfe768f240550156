-- grants.sql -- what the application's database user may do.  Applied
-- by an administrator after meldpuntctl migrate (scripts/demo and the
-- tests do so); @APPUSER@ and @APPHOST@ are replaced by
-- "meldpuntctl grants" with the configured db.user.  Grants are per
-- table so that later tables (such as an append-only audit log) can be
-- given less than the rest.
GRANT SELECT ON schema_migrations TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE ON audience TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE ON signal_type TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, DELETE ON audience_signal_type TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE, DELETE ON report TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE, DELETE ON reporter_contact TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, DELETE ON attachment TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT ON event TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_counter TO @APPUSER@@@APPHOST@;
-- 002_dashboard.sql.  audit_log is append-only for the application:
-- no UPDATE, no DELETE, so a compromised program cannot cover its tracks.
GRANT SELECT, INSERT, UPDATE ON team TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE ON app_user TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, DELETE ON user_team TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE, DELETE ON session TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, DELETE ON login_attempt TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT ON audit_log TO @APPUSER@@@APPHOST@;
-- 003_feedback.sql.
GRANT SELECT, INSERT ON message TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE, DELETE ON reporter_session TO @APPUSER@@@APPHOST@;
-- 004_mail.sql.  Sent rows are kept (status 'sent') as a record of
-- what was sent when; the application may not delete them.
GRANT SELECT, INSERT, UPDATE ON mail_outbox TO @APPUSER@@@APPHOST@;
-- 005_stats.sql.  The counters are written only by the triggers on
-- report, which run as their definer: the application reads them.
GRANT SELECT ON stats_month TO @APPUSER@@@APPHOST@;
GRANT SELECT ON stats_days TO @APPUSER@@@APPHOST@;
-- 006_export.sql.  export_pull and export_pull_page are append-only,
-- as audit_log is.
GRANT SELECT, INSERT, UPDATE ON partner TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, DELETE ON partner_rule TO @APPUSER@@@APPHOST@;
GRANT SELECT, UPDATE ON export_counter TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE, DELETE ON report_share TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT ON export_pull TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT ON export_pull_page TO @APPUSER@@@APPHOST@;
-- 007_dashboard_perf.sql.  report_count is written by its triggers
-- only, with the rights of their definer: the application reads it.
GRANT SELECT ON report_count TO @APPUSER@@@APPHOST@;
-- 057: a handler's counts per status, for the navigation; its triggers
-- write it.
GRANT SELECT ON report_handler_count TO @APPUSER@@@APPHOST@;
-- 009_intake_perf.sql: the intake stores a report with one call.  The
-- function runs with the caller's rights (SQL SECURITY INVOKER), so it
-- can do no more than the grants above allow.
GRANT EXECUTE ON FUNCTION intake_store TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION intake_submission_is_own TO @APPUSER@@@APPHOST@;
-- 026_intake_own_rows.sql: a new report's contact row and files go in
-- through the views that take rows of the report just stored.
GRANT INSERT ON intake_own_contact TO @APPUSER@@@APPHOST@;
GRANT INSERT ON intake_own_attachment TO @APPUSER@@@APPHOST@;
-- 011_grant_request.sql.  Requests are never deleted: with audit_log
-- they are the record of who asked for and who granted what.
GRANT SELECT, INSERT, UPDATE ON grant_request TO @APPUSER@@@APPHOST@;
-- 013_least_privilege.sql: a reporter's reply queues the handler's
-- notice through this function (meldpuntctl mail queue too).
GRANT EXECUTE ON FUNCTION outbox_notify_handler TO @APPUSER@@@APPHOST@;
-- 020_feedback_own_report.sql, 021_export_own_partner.sql: the
-- follow-up and the export read and write through these, bound to one
-- reporter's session or one partner's key, with whichever account
-- they run; the dashboard renumbers shares through share_touch.
GRANT EXECUTE ON FUNCTION share_touch TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION feedback_session_open TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION feedback_session_touch TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION feedback_session_end TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION feedback_session_purge TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION feedback_reply TO @APPUSER@@@APPHOST@;
GRANT SELECT ON feedback_own_session TO @APPUSER@@@APPHOST@;
GRANT SELECT ON feedback_own_report TO @APPUSER@@@APPHOST@;
GRANT SELECT ON feedback_own_message TO @APPUSER@@@APPHOST@;
GRANT INSERT ON feedback_own_attachment TO @APPUSER@@@APPHOST@;
GRANT SELECT ON export_self TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION export_count_pull TO @APPUSER@@@APPHOST@;
GRANT SELECT ON export_feed TO @APPUSER@@@APPHOST@;
GRANT SELECT ON export_shared_report TO @APPUSER@@@APPHOST@;
-- 031_export_subjects.sql: a shared report's subjects, by profile.
GRANT SELECT ON export_subject TO @APPUSER@@@APPHOST@;
-- 027_export_own_rows.sql: the export records its pulls through these.
GRANT EXECUTE ON FUNCTION export_log_pull TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION export_log_page TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION export_log_audit TO @APPUSER@@@APPHOST@;
-- 023_signin_token.sql: sign-in tokens accepted once.
GRANT SELECT, INSERT, DELETE ON signin_token_used TO @APPUSER@@@APPHOST@;
-- 024_client_key.sql: per-window secrets for the client hashes.
GRANT SELECT, INSERT, DELETE ON client_key TO @APPUSER@@@APPHOST@;
-- 028_subject.sql: subjects and their links.  No DELETE on subject:
-- a subject goes when its last link does, by report_subject_purge.
GRANT SELECT, INSERT, UPDATE ON subject TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE, DELETE ON report_subject TO @APPUSER@@@APPHOST@;
-- 033_subject_postcode.sql: the subjects that recur, for the hotspots;
-- written by report_subject's triggers only.
GRANT SELECT ON subject_recur TO @APPUSER@@@APPHOST@;
-- The hotspot view's links (sql/056), written by the same triggers.
GRANT SELECT ON subject_hot_link TO @APPUSER@@@APPHOST@;
-- 032_subject_refused.sql: subjects a handler removed, not proposed
-- again; a handler's own add clears the refusal.
GRANT SELECT, INSERT, DELETE ON report_subject_refused
    TO @APPUSER@@@APPHOST@;
-- 030_report_link.sql: same case, unrelated, duplicate.
GRANT SELECT, INSERT, UPDATE ON report_link TO @APPUSER@@@APPHOST@;
-- 029_subject_index.sql: a report entered here is indexed as the
-- intake's are, through the views of the report just stored.
GRANT EXECUTE ON FUNCTION intake_subject_link TO @APPUSER@@@APPHOST@;
GRANT SELECT (id), UPDATE (subjects_at, subjects_cut)
    ON intake_own_subjects_done TO @APPUSER@@@APPHOST@;
-- 034_dossier.sql: dossiers, for the dashboard when it runs on this
-- account and for meldpuntctl seed-demo (as grants-dashboard.sql).
GRANT SELECT, INSERT, UPDATE ON dossier_seq TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE ON dossier TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, DELETE ON dossier_member TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT ON dossier_analysis TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, DELETE ON dossier_report TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, DELETE ON dossier_subject TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT ON dossier_event TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE ON dossier_journal TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, DELETE ON dossier_document TO @APPUSER@@@APPHOST@;
-- 039_retention.sql: the past retention runs, for the privacy officer's
-- page (read-only; written by meldpuntctl retention only).
GRANT SELECT ON retention_batch TO @APPUSER@@@APPHOST@;
-- A coordinator's hold on a report past its retention terms.
GRANT SELECT, INSERT, UPDATE, DELETE ON report_hold TO @APPUSER@@@APPHOST@;
-- 042_routing.sql: the routing rules (meldpuntctl routing), cover, the
-- teams a user sees with cover, and a new report's routing history row.
GRANT SELECT, INSERT, DELETE ON routing_rule TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE ON cover TO @APPUSER@@@APPHOST@;
GRANT SELECT ON user_team_access TO @APPUSER@@@APPHOST@;
GRANT INSERT ON intake_own_event TO @APPUSER@@@APPHOST@;
-- 046_feedback_reporter_view.sql: the follow-up's report as sent, the
-- reporter's own files and the reply that reopens or is refused, for
-- an installation that runs it with the shared account.
GRANT SELECT ON feedback_own_report_sent TO @APPUSER@@@APPHOST@;
GRANT SELECT ON feedback_own_file TO @APPUSER@@@APPHOST@;
GRANT SELECT ON feedback_own_file_data TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION feedback_reply_to TO @APPUSER@@@APPHOST@;
-- 043_stats_local_month.sql: the local month of a time, for the
-- dossiers' statistics (lib/dossierstat.c).
GRANT EXECUTE ON FUNCTION nl_month TO @APPUSER@@@APPHOST@;
-- 049_replytpl_savedfilter.sql: reply templates (for an installation that runs the dashboard with the shared account)
-- and each user's saved filters of the work list.
GRANT SELECT, INSERT, UPDATE, DELETE ON reply_template TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, DELETE ON saved_filter TO @APPUSER@@@APPHOST@;
-- 048_notices.sql: a user's choice of notices, and the team's notice
-- of a report that arrives (meldpuntctl drain-spool stores reports).
GRANT SELECT, INSERT, UPDATE ON user_notice TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION outbox_notify_team TO @APPUSER@@@APPHOST@;
-- 052_questions.sql: follow-up questions (lib/question.c); the shared
-- account drains the spool and seeds the demo.
GRANT SELECT, INSERT, UPDATE ON question TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE, DELETE ON question_text TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, DELETE ON report_answer TO @APPUSER@@@APPHOST@;
-- 059_intake_answers.sql, 061_intake_store_answers.sql: the answers go
-- in with the report, through intake_store() (the view's INSERT right
-- is no longer used).
-- 060_answer_words.sql: searched, and erased with the answers.
GRANT SELECT, DELETE ON report_answer_text TO @APPUSER@@@APPHOST@;
-- 051_report_lang.sql: the translations of the catalogue.
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog_text TO @APPUSER@@@APPHOST@;
-- 053_report_sent.sql: the report as sent, kept at its first correction.
GRANT SELECT, INSERT, DELETE ON report_sent TO @APPUSER@@@APPHOST@;
-- 054_report_entered.sql: who entered a telephone or e-mail report.
GRANT SELECT, INSERT ON report_entered TO @APPUSER@@@APPHOST@;
-- 063_txn_mark.sql: the row that tells whether an unanswered COMMIT
-- was stored (lib/db.c).  Random ids and numbers, nothing of the work.
GRANT SELECT, INSERT, UPDATE ON txn_mark TO @APPUSER@@@APPHOST@;
