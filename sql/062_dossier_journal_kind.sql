-- 062_dossier_journal_kind.sql -- a dossier's decisions in force from
-- an index of its own.
--
-- The dossier page shows the decisions no later one replaces
-- (lib/journal.c's STMT_CURRENT: kind 'decision', newest first).  By
-- dossier_journal_dossier (dossier_id, created_at, id) MariaDB read
-- every entry of the dossier and kept the decisions: 500 entries for
-- 167 decisions in bench/dossier's big dossier, 1.7 ms of its page
-- (the slow log, 2026-12-07).  With (dossier_id, kind, id) it reads
-- the decisions alone, newest first from the index.

ALTER TABLE dossier_journal
    ADD KEY dossier_journal_kind (dossier_id, kind, id);
