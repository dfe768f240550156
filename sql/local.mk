# sql/local.mk -- numbered migrations, installed for meldpuntctl migrate.

dist_sql_DATA = \
	%reldir%/001_init.sql \
	%reldir%/002_dashboard.sql \
	%reldir%/003_feedback.sql \
	%reldir%/004_mail.sql \
	%reldir%/005_stats.sql \
	%reldir%/006_export.sql \
	%reldir%/007_dashboard_perf.sql \
	%reldir%/009_intake_perf.sql \
	%reldir%/010_intake_share.sql \
	%reldir%/011_grant_request.sql \
	%reldir%/013_least_privilege.sql \
	%reldir%/016_intake_own_submission.sql \
	%reldir%/017_galera_definer.sql \
	%reldir%/020_feedback_own_report.sql \
	%reldir%/021_export_own_partner.sql \
	%reldir%/023_signin_token.sql \
	%reldir%/024_client_key.sql \
	%reldir%/026_intake_own_rows.sql \
	%reldir%/027_export_own_rows.sql \
	%reldir%/028_subject.sql \
	%reldir%/029_subject_index.sql \
	%reldir%/030_report_link.sql \
	%reldir%/031_export_subjects.sql \
	%reldir%/032_subject_refused.sql \
	%reldir%/033_subject_postcode.sql \
	%reldir%/034_dossier.sql \
	%reldir%/035_subject_hot.sql \
	%reldir%/037_dossier_journal.sql \
	%reldir%/039_retention.sql \
	%reldir%/040_dossier_perf.sql \
	%reldir%/041_dossier_list_index.sql \
	%reldir%/042_routing.sql \
	%reldir%/043_stats_local_month.sql \
	%reldir%/045_dossier_task_count.sql \
	%reldir%/046_feedback_reporter_view.sql \
	%reldir%/047_subject_link_locking_read.sql \
	%reldir%/051_report_lang.sql \
	%reldir%/grants.sql \
	%reldir%/grants-intake.sql \
	%reldir%/grants-feedback.sql \
	%reldir%/grants-export.sql \
	%reldir%/grants-dashboard.sql \
	%reldir%/grants-retention.sql
