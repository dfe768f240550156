-- 041_dossier_list_index.sql -- a handler's dossier list from the
-- indexes of their team, in id order, per filter.
--
-- bench/dossier, 100,000 dossiers over 8 teams: the rule "team or
-- member" cannot use an index, so a handler's page walked the primary
-- key newest first and read about 8 dossiers for each one shown (4.6
-- to 5.3 ms of mariadbd a page).  lib/dossier.c's STMT_LIST_TEAMS
-- now binds the handler's teams as values and reads two short ranges:
-- the team's dossiers through the index below that matches the filter
-- (equalities, then id, so the newest come first and the read stops
-- after a page), and the dossiers they are a member of through
-- dossier_member_user.  Status alone already has dossier_team
-- (team_id, status, id).

ALTER TABLE dossier
    ADD KEY dossier_team_id (team_id, id),
    ADD KEY dossier_team_theme (team_id, theme, id),
    ADD KEY dossier_team_theme_status (team_id, theme, status, id);
