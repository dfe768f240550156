-- grants-feedback.sql -- the rights of meldpunt-feedback's own database
-- account (db.feedback.user; meldpuntctl grants creates it and takes
-- every other right away first).  The follow-up is on the internet: it
-- may read and write what the reporter's side of the conversation
-- needs and nothing else: no report text, no contact row, no account,
-- no event, no audit trail (tests/e2e/test-16-db-accounts.sh).
--
-- Everything about a report goes through sql/020, which binds the
-- connection to the report of one live session (the keyed hash of the
-- reporter's cookie, which the program sets per request) and runs as
-- its definer: no right on report, message, event, attachment,
-- reporter_session or the partners' shares, so a taken-over program
-- reads and writes the rows of no report but those whose cookies it is
-- sent.  Sign-in checks the code in the database and returns a new
-- session; no code hash is ever read.
GRANT EXECUTE ON FUNCTION feedback_session_open TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION feedback_session_touch TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION feedback_session_end TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION feedback_session_purge TO @APPUSER@@@APPHOST@;
GRANT SELECT ON feedback_own_session TO @APPUSER@@@APPHOST@;
-- The status page: the report's reference, status and date, and the
-- conversation, of the bound report only.
GRANT SELECT ON feedback_own_report TO @APPUSER@@@APPHOST@;
GRANT SELECT ON feedback_own_message TO @APPUSER@@@APPHOST@;
-- 051_report_lang.sql: the language the report was made in.
GRANT SELECT ON feedback_own_report_lang TO @APPUSER@@@APPHOST@;
-- A reply: the message, its event, the handler's notice and a report
-- taken back into handling, in one call; its files through a view that
-- takes rows of the bound report only, and shows none.
GRANT EXECUTE ON FUNCTION feedback_reply TO @APPUSER@@@APPHOST@;
GRANT INSERT ON feedback_own_attachment TO @APPUSER@@@APPHOST@;
-- Wrong-code throttling and the reply rate limit: keyed hashes only.
GRANT SELECT, INSERT, DELETE ON login_attempt TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_counter
    TO @APPUSER@@@APPHOST@;
-- 023_signin_token.sql: a sign-in token is accepted once.  Its nonce is
-- inserted (the primary key refuses a second use) and purged once
-- expired; the purge's WHERE reads expires_at, and nothing else is
-- ever read back.
GRANT INSERT, DELETE, SELECT (expires_at) ON signin_token_used
    TO @APPUSER@@@APPHOST@;
-- 024_client_key.sql: the per-window secrets that key the client
-- hashes of login_attempt and rate_counter, made by the first worker
-- that needs one and deleted when their window is over.
GRANT SELECT, INSERT, DELETE ON client_key TO @APPUSER@@@APPHOST@;
-- 046_feedback_reporter_view.sql: the report as the reporter sent it,
-- the reporter's own files (list, and one file's bytes), and a reply
-- that reopens a closed report or is refused, all of the bound report
-- only; no handler's data, no handler's files.
GRANT SELECT ON feedback_own_report_sent TO @APPUSER@@@APPHOST@;
GRANT SELECT ON feedback_own_file TO @APPUSER@@@APPHOST@;
GRANT SELECT ON feedback_own_file_data TO @APPUSER@@@APPHOST@;
GRANT EXECUTE ON FUNCTION feedback_reply_to TO @APPUSER@@@APPHOST@;
-- 063_txn_mark.sql: the row that tells whether an unanswered COMMIT
-- was stored (lib/db.c).  Random ids and numbers, nothing of the work.
GRANT SELECT, INSERT, UPDATE ON txn_mark TO @APPUSER@@@APPHOST@;
