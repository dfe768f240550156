-- grants-retention.sql -- the rights of `meldpuntctl retention run`'s
-- own database account (db.retention.user; meldpuntctl grants creates
-- it and takes every other right away first).  Without that account
-- the command runs as db.admin, which may do anything.
--
-- Erasure deletes and overwrites, so this account may delete where no
-- program may (messages, history text, subjects, dossier contents); it
-- gets exactly the statements of lib/retention.c and no more.  It
-- reads only the columns its conditions need: ids, dates, the signal
-- type, and the closing reason (the configured words that mean
-- "unfounded"; docs/architecture.md, "Retention").  It reads no
-- description, contact, message, attachment or document: a DELETE
-- needs SELECT only on the columns of its WHERE.  The triggers that
-- run on its deletes (sql/005, 007, 028, 033) run as their definer.
GRANT SELECT (id, slug) ON signal_type TO @APPUSER@@@APPHOST@;
GRANT SELECT (id, reference, signal_type_id, received_at, closed_at,
    closed_reason, identity_erased_at, content_erased_at)
    ON report TO @APPUSER@@@APPHOST@;
GRANT UPDATE (description, observed_date, observed_time, street,
    house_number, postcode, city, involved_people, involved_companies,
    involved_vehicles, closed_reason, code_hash, subjects_cut,
    identity_erased_at, content_erased_at)
    ON report TO @APPUSER@@@APPHOST@;
-- A report's identity and content, by report.
GRANT SELECT (report_id), DELETE ON reporter_session TO @APPUSER@@@APPHOST@;
GRANT SELECT (report_id), DELETE ON reporter_contact TO @APPUSER@@@APPHOST@;
GRANT SELECT (report_id, kind), DELETE ON mail_outbox
    TO @APPUSER@@@APPHOST@;
GRANT SELECT (report_id), DELETE ON attachment TO @APPUSER@@@APPHOST@;
GRANT SELECT (report_id), DELETE ON message TO @APPUSER@@@APPHOST@;
-- The history keeps a status change's "from -> to", read from detail.
GRANT SELECT (report_id, kind, detail), UPDATE (detail) ON event
    TO @APPUSER@@@APPHOST@;
GRANT SELECT (report_id, subject_id), DELETE ON report_subject
    TO @APPUSER@@@APPHOST@;
GRANT SELECT (report_id), DELETE ON report_subject_refused
    TO @APPUSER@@@APPHOST@;
GRANT SELECT (report_a, report_b, kind, duplicate_id), UPDATE (reason)
    ON report_link TO @APPUSER@@@APPHOST@;
-- The partner sees an erased report once more (lib/share.c's counter).
GRANT SELECT, UPDATE ON export_counter TO @APPUSER@@@APPHOST@;
GRANT SELECT (report_id), UPDATE (seq, changed_at) ON report_share
    TO @APPUSER@@@APPHOST@;
-- The holds: a coordinator's, and an open dossier.
GRANT SELECT (report_id) ON report_hold TO @APPUSER@@@APPHOST@;
-- Dossiers: the hold (an open dossier) and the erasure of closed ones.
GRANT SELECT (id, number, status, closed_at, erased_at, version),
    UPDATE (title, erased_at, version) ON dossier TO @APPUSER@@@APPHOST@;
GRANT SELECT (dossier_id, report_id), DELETE ON dossier_report
    TO @APPUSER@@@APPHOST@;
GRANT SELECT (dossier_id, subject_id), DELETE ON dossier_subject
    TO @APPUSER@@@APPHOST@;
GRANT SELECT (dossier_id), DELETE ON dossier_journal TO @APPUSER@@@APPHOST@;
GRANT SELECT (dossier_id), DELETE ON dossier_document TO @APPUSER@@@APPHOST@;
GRANT SELECT (dossier_id), DELETE ON dossier_analysis TO @APPUSER@@@APPHOST@;
GRANT SELECT (dossier_id), DELETE ON dossier_member TO @APPUSER@@@APPHOST@;
GRANT SELECT (dossier_id, kind), UPDATE (old_value, new_value)
    ON dossier_event TO @APPUSER@@@APPHOST@;
-- A dossier's subjects that nothing mentions any more.
GRANT SELECT (id), DELETE ON subject TO @APPUSER@@@APPHOST@;
-- The record of each batch, append-only.
GRANT INSERT ON retention_batch TO @APPUSER@@@APPHOST@;
GRANT INSERT ON audit_log TO @APPUSER@@@APPHOST@;
-- 052_questions.sql: answers are report content, erased with it.
GRANT SELECT (report_id), DELETE ON report_answer TO @APPUSER@@@APPHOST@;
-- 060_answer_words.sql: their words for the search go with them.
GRANT SELECT (report_id), DELETE ON report_answer_text TO @APPUSER@@@APPHOST@;
-- 053_report_sent.sql: the copy as sent goes with the content.
GRANT SELECT (report_id), DELETE ON report_sent TO @APPUSER@@@APPHOST@;
-- 063_txn_mark.sql: the row that tells whether an unanswered COMMIT
-- was stored (lib/db.c); retention run removes those of processes that
-- ended a day ago.
GRANT SELECT, INSERT, UPDATE, DELETE ON txn_mark TO @APPUSER@@@APPHOST@;
