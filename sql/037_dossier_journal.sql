-- 037_dossier_journal.sql -- the journal of a dossier (issue 14):
-- what sql/034 left for the journal's pages (lib/journal.c).
--
-- A decision says who decided (decided_by: a name or body such as
-- "burgemeester", not necessarily the user who wrote it down) and on
-- which date (decided_on), and may name the earlier decision it
-- replaces (replaces_id): decisions are never edited, a later one
-- follows and the page shows the chain.  A task closed as done keeps
-- an optional text beside its outcome (outcome_note).
--
-- dossier_journal_due gains dossier_id, so that "taken over tijd" (the
-- dossier list's filter: dossiers with an open task due before today)
-- reads the index alone: on 100,000 dossiers with 200,000 tasks, a third
-- of the dossiers overdue, its semi-join went from 0.91 s to 0.51 s, and
-- with few overdue (as it should be) it takes 8 ms.
ALTER TABLE dossier_journal
	ADD COLUMN decided_by VARCHAR(200) NULL AFTER reason,
	ADD COLUMN decided_on DATE NULL AFTER decided_by,
	ADD COLUMN replaces_id BIGINT UNSIGNED NULL AFTER decided_on,
	ADD COLUMN outcome_note TEXT NULL AFTER outcome,
	ADD KEY dossier_journal_replaces (replaces_id),
	DROP KEY dossier_journal_due,
	ADD KEY dossier_journal_due (task_status, due_date, dossier_id),
	ADD CONSTRAINT dossier_journal_replaces_fk FOREIGN KEY (replaces_id)
	    REFERENCES dossier_journal (id);
