-- 040_dossier_perf.sql -- the counts per status above the dossier list,
-- kept by the database instead of counted each time (as 007 does for
-- the reports).
--
-- bench/dossier, 100,000 dossiers: counting them by status read every
-- dossier's index entry for each list page (0.26 s for a coordinator,
-- 0.34 s for a handler, whose rule also looks up the member rows), so
-- the list served a few pages a second.  dossier_count holds the
-- counts per team, theme and status, changed by the triggers below in
-- the transaction that changes a dossier, so every way a dossier is
-- written keeps them exact.  lib/dossier.c sums it for the teams a
-- user sees and adds the dossiers the user is a member of outside
-- those teams (a few, through dossier_member_user).
--
-- The triggers run with the rights of the account that ran this
-- migration (their DEFINER); keep that account.  Apply with the
-- programs stopped, like every migration.  TRUNCATE fires no trigger;
-- empty dossier with DELETE, or refill dossier_count after.

CREATE TABLE dossier_count (
	team_id		INT UNSIGNED NOT NULL,
	theme		VARCHAR(100) NOT NULL,
	status		VARCHAR(16) NOT NULL,
	n		BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (team_id, theme, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO dossier_count (team_id, theme, status, n)
	SELECT team_id, theme, status, COUNT(*) FROM dossier
	GROUP BY team_id, theme, status;

CREATE TRIGGER dossier_count_insert AFTER INSERT ON dossier FOR EACH ROW
	INSERT INTO dossier_count (team_id, theme, status, n)
	VALUES (NEW.team_id, NEW.theme, NEW.status, 1)
	ON DUPLICATE KEY UPDATE n = n + 1;

-- Only a change of status, theme or team moves a dossier between counts.
CREATE TRIGGER dossier_count_update AFTER UPDATE ON dossier FOR EACH ROW
	INSERT INTO dossier_count (team_id, theme, status, n)
	SELECT OLD.team_id, OLD.theme, OLD.status, -1
	FROM DUAL WHERE NOT (OLD.status <=> NEW.status AND
	    OLD.theme <=> NEW.theme AND OLD.team_id <=> NEW.team_id)
	UNION ALL
	SELECT NEW.team_id, NEW.theme, NEW.status, 1
	FROM DUAL WHERE NOT (OLD.status <=> NEW.status AND
	    OLD.theme <=> NEW.theme AND OLD.team_id <=> NEW.team_id)
	ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER dossier_count_delete AFTER DELETE ON dossier FOR EACH ROW
	UPDATE dossier_count SET n = n - 1
	WHERE team_id = OLD.team_id AND theme = OLD.theme
	AND status = OLD.status;
