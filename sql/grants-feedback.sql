-- grants-feedback.sql -- the rights of meldpunt-feedback's own database
-- account (db.feedback.user; meldpuntctl grants creates it and takes
-- every other right away first).  The follow-up is on the internet: it
-- may read and write what the reporter's side of the conversation
-- needs and nothing else: no report text, no contact row, no account,
-- no event, no audit trail (tests/e2e/test-16-db-accounts.sh).
--
-- Sign-in (reference and the keyed hash of the code) and the status
-- page (lib/feedback.c); a reply marks the report as having unread
-- replies and takes a report waiting for the reporter back into
-- handling (lib/message.c).  Columns only: never the description,
-- address, people involved, team or handler.
GRANT SELECT (id, reference, code_hash, status, received_at,
    unread_replies, version, signal_type_id) ON report TO @APPUSER@@@APPHOST@;
GRANT UPDATE (unread_replies, status, version) ON report
    TO @APPUSER@@@APPHOST@;
-- The conversation itself is what the reporter may see.  The
-- statements always name the signed-in reporter's report; a row-level
-- limit would need every read behind a stored routine.
GRANT SELECT, INSERT ON message TO @APPUSER@@@APPHOST@;
-- A reply's files, and the event "the reporter replied".
GRANT INSERT ON attachment TO @APPUSER@@@APPHOST@;
GRANT INSERT ON event TO @APPUSER@@@APPHOST@;
-- "The reporter answered" for the handler, queued by a function that
-- runs as its definer (sql/013): feedback reads no account.
GRANT EXECUTE ON FUNCTION outbox_notify_handler TO @APPUSER@@@APPHOST@;
-- Sessions, wrong-code throttling and the reply rate limit: keyed
-- hashes only.
GRANT SELECT, INSERT, UPDATE, DELETE ON reporter_session
    TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, DELETE ON login_attempt TO @APPUSER@@@APPHOST@;
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_counter
    TO @APPUSER@@@APPHOST@;
-- A report taken back into handling changes for the partners it is
-- shared with: its shares get a new sequence number, and the partners'
-- rules are applied (lib/share.c).  No partner key, no report text.
GRANT SELECT, INSERT, UPDATE ON report_share TO @APPUSER@@@APPHOST@;
GRANT SELECT, UPDATE ON export_counter TO @APPUSER@@@APPHOST@;
GRANT SELECT ON partner_rule TO @APPUSER@@@APPHOST@;
GRANT SELECT (id, disabled) ON partner TO @APPUSER@@@APPHOST@;
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
