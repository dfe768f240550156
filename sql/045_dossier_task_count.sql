-- 045_dossier_task_count.sql -- the "Mijn taken" counts that every
-- dossier list page shows, kept by the database instead of counted
-- each time (as 040 does for the counts per status), and an index for
-- the journal's "replaced by".
--
-- bench/dossier, 100,000 dossiers with 250,000 journal rows: counting
-- a handler's open tasks read each of them (about 2,000) through
-- dossier_journal_assignee, looked up its journal row for the dossier
-- and then the dossier for the rule, on every list page.
-- dossier_task_count holds the open tasks per assignee, the team of
-- their dossier and due date, changed by the triggers below in the
-- transaction that writes the task, so every writer (the dashboard,
-- retention's erasure, a generator in SQL) keeps it exact.  A user
-- sees the tasks of the teams they see (lib/journal.c sums those rows)
-- plus those in dossiers they are a member of outside their teams,
-- which lib/journal.c counts from the member rows, and only when this
-- table says the user has open tasks outside their teams at all.
-- A task without a due date (the application never writes one) counts
-- under 9999-12-31: never overdue, as the direct count has it.
--
-- The triggers run with the rights of the account that ran this
-- migration (their DEFINER); keep that account.  Apply with the
-- programs stopped, like every migration.  A dossier's rows deleted by
-- ON DELETE CASCADE fire no trigger: dossier_task_count_dossier_delete
-- takes them off before.  TRUNCATE fires no trigger; empty
-- dossier_journal with DELETE, or refill dossier_task_count after.

CREATE TABLE dossier_task_count (
	assignee_id	INT UNSIGNED NOT NULL,
	team_id		INT UNSIGNED NOT NULL,
	due_date	DATE NOT NULL,
	n		BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (assignee_id, team_id, due_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO dossier_task_count (assignee_id, team_id, due_date, n)
	SELECT j.assignee_id, d.team_id, COALESCE(j.due_date, '9999-12-31'),
	    COUNT(*) FROM dossier_journal j JOIN dossier d ON d.id = j.dossier_id
	WHERE j.task_status = 'open' AND j.assignee_id IS NOT NULL
	GROUP BY j.assignee_id, d.team_id, COALESCE(j.due_date, '9999-12-31');

CREATE TRIGGER dossier_task_count_insert AFTER INSERT ON dossier_journal
    FOR EACH ROW
	INSERT INTO dossier_task_count (assignee_id, team_id, due_date, n)
	SELECT NEW.assignee_id, d.team_id, COALESCE(NEW.due_date,
	    '9999-12-31'), 1 FROM dossier d
	WHERE d.id = NEW.dossier_id AND NEW.task_status = 'open'
	AND NEW.assignee_id IS NOT NULL
	ON DUPLICATE KEY UPDATE n = n + 1;

-- Done, cancelled, reopened, reassigned or moved to another date: off
-- the old row, onto the new one.
CREATE TRIGGER dossier_task_count_update AFTER UPDATE ON dossier_journal
    FOR EACH ROW
	INSERT INTO dossier_task_count (assignee_id, team_id, due_date, n)
	SELECT OLD.assignee_id, d.team_id, COALESCE(OLD.due_date,
	    '9999-12-31'), -1 FROM dossier d
	WHERE d.id = OLD.dossier_id AND OLD.task_status = 'open'
	AND OLD.assignee_id IS NOT NULL AND NOT (OLD.task_status <=>
	    NEW.task_status AND OLD.assignee_id <=> NEW.assignee_id AND
	    OLD.due_date <=> NEW.due_date AND OLD.dossier_id <=> NEW.dossier_id)
	UNION ALL
	SELECT NEW.assignee_id, d.team_id, COALESCE(NEW.due_date,
	    '9999-12-31'), 1 FROM dossier d
	WHERE d.id = NEW.dossier_id AND NEW.task_status = 'open'
	AND NEW.assignee_id IS NOT NULL AND NOT (OLD.task_status <=>
	    NEW.task_status AND OLD.assignee_id <=> NEW.assignee_id AND
	    OLD.due_date <=> NEW.due_date AND OLD.dossier_id <=> NEW.dossier_id)
	ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER dossier_task_count_delete AFTER DELETE ON dossier_journal
    FOR EACH ROW
	UPDATE dossier_task_count c JOIN dossier d ON d.id = OLD.dossier_id
	SET c.n = c.n - 1
	WHERE OLD.task_status = 'open' AND c.assignee_id = OLD.assignee_id
	AND c.team_id = d.team_id
	AND c.due_date = COALESCE(OLD.due_date, '9999-12-31');

-- The journal rows a dossier's deletion cascades to fire no trigger.
CREATE TRIGGER dossier_task_count_dossier_delete BEFORE DELETE ON dossier
    FOR EACH ROW
	UPDATE dossier_task_count c JOIN (SELECT j.assignee_id,
	    COALESCE(j.due_date, '9999-12-31') AS due, COUNT(*) AS k
	    FROM dossier_journal j WHERE j.dossier_id = OLD.id
	    AND j.task_status = 'open' AND j.assignee_id IS NOT NULL
	    GROUP BY j.assignee_id, COALESCE(j.due_date, '9999-12-31')) x
	    ON x.assignee_id = c.assignee_id AND x.due = c.due_date
	SET c.n = c.n - x.k WHERE c.team_id = OLD.team_id;

-- A dossier's team never changes in the application; if it does, its
-- open tasks move with it.
DELIMITER //
CREATE TRIGGER dossier_task_count_team AFTER UPDATE ON dossier FOR EACH ROW
BEGIN
	IF NOT (OLD.team_id <=> NEW.team_id) THEN
		UPDATE dossier_task_count c JOIN (SELECT j.assignee_id,
		    COALESCE(j.due_date, '9999-12-31') AS due, COUNT(*) AS k
		    FROM dossier_journal j WHERE j.dossier_id = OLD.id
		    AND j.task_status = 'open' AND j.assignee_id IS NOT NULL
		    GROUP BY j.assignee_id, COALESCE(j.due_date,
		    '9999-12-31')) x
		    ON x.assignee_id = c.assignee_id AND x.due = c.due_date
		SET c.n = c.n - x.k WHERE c.team_id = OLD.team_id;
		INSERT INTO dossier_task_count (assignee_id, team_id,
		    due_date, n)
		SELECT j.assignee_id, NEW.team_id, COALESCE(j.due_date,
		    '9999-12-31'), COUNT(*) FROM dossier_journal j
		WHERE j.dossier_id = OLD.id AND j.task_status = 'open'
		AND j.assignee_id IS NOT NULL
		GROUP BY j.assignee_id, COALESCE(j.due_date, '9999-12-31')
		ON DUPLICATE KEY UPDATE n = n + VALUES(n);
	END IF;
END//
DELIMITER ;

-- The journal's "replaced by" for a page of entries: the decisions of
-- the dossier that replace another, from the index alone.
ALTER TABLE dossier_journal
    ADD KEY dossier_journal_dossier_replaces (dossier_id, replaces_id);
