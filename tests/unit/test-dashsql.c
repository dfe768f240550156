/*
 * test-dashsql.c -- the dashboard's statements assembled from their
 * templates (lib/sqltext.h) are, byte for byte, the text they had when
 * the visibility rule and the list's filters were macros in headers
 * (before issue 12): MariaDB gets the same SQL and plans it the same.
 * One change since, on purpose: the rule reads user_team_access, the
 * teams with those of a running cover (issue 16, sql/042), where it
 * read user_team.
 * The expected texts below are those statements as the compiler built
 * them then, whole.  And the expander itself: unknown or unclosed
 * names are refused, a set not opened gives its templates, an open
 * set's statements keep their addresses (the statement cache's key).
 */
#include "config.h"

#include "util.h"
#include "../../cgi/dashboard/dashboard.h"

/* The work list (cgi/dashboard/list.c), every statement in order. */
static const char *const want_list[] = {
	"SELECT r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM (SELECT r.id FROM report r WHERE (? ="
	" 1 OR r.team_id IN (SELECT ut.team_id FROM user_team_access ut WHERE"
	" ut.user_id = ?)) AND (? IS NULL OR r.status = ?) AND (? IS"
	" NULL OR r.signal_type_id = ?) AND (? IS NULL OR r.team_id ="
	" ?) AND (? IS NULL OR r.handler_id = ?) AND (? IS NULL OR"
	" r.audience_id = ?) AND (? IS NULL OR r.channel = ?) AND (?"
	" IS NULL OR r.received_at >= ?) AND (? IS NULL OR"
	" r.received_at < ? + INTERVAL 1 DAY) ORDER BY r.received_at"
	" DESC, r.id DESC LIMIT ? OFFSET ?) page JOIN report r ON r.id"
	" = page.id JOIN signal_type st ON st.id = r.signal_type_id"
	" LEFT JOIN team t ON t.id = r.team_id LEFT JOIN app_user u ON"
	" u.id = r.handler_id ORDER BY r.received_at DESC, r.id DESC",
	"SELECT r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM (SELECT r.id FROM report r WHERE (? ="
	" 1 OR r.team_id IN (SELECT ut.team_id FROM user_team_access ut WHERE"
	" ut.user_id = ?)) AND (? IS NULL OR r.status = ?) AND (? IS"
	" NULL OR r.signal_type_id = ?) AND (? IS NULL OR r.team_id ="
	" ?) AND (? IS NULL OR r.handler_id = ?) AND (? IS NULL OR"
	" r.audience_id = ?) AND (? IS NULL OR r.channel = ?) AND (?"
	" IS NULL OR r.received_at >= ?) AND (? IS NULL OR"
	" r.received_at < ? + INTERVAL 1 DAY) AND MATCH"
	" (r.description, r.street, r.city) AGAINST (? IN BOOLEAN"
	" MODE) ORDER BY r.received_at DESC, r.id DESC LIMIT ? OFFSET"
	" ?) page JOIN report r ON r.id = page.id JOIN signal_type st"
	" ON st.id = r.signal_type_id LEFT JOIN team t ON t.id ="
	" r.team_id LEFT JOIN app_user u ON u.id = r.handler_id ORDER"
	" BY r.received_at DESC, r.id DESC",
	"SELECT r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM (SELECT r.id FROM report r WHERE"
	" r.team_id IN (?, ?, ?, ?) AND (? IS NULL OR r.status = ?)"
	" AND (? IS NULL OR r.signal_type_id = ?) AND (? IS NULL OR"
	" r.team_id = ?) AND (? IS NULL OR r.handler_id = ?) AND (? IS"
	" NULL OR r.audience_id = ?) AND (? IS NULL OR r.channel = ?)"
	" AND (? IS NULL OR r.received_at >= ?) AND (? IS NULL OR"
	" r.received_at < ? + INTERVAL 1 DAY) ORDER BY r.received_at"
	" DESC, r.id DESC LIMIT ? OFFSET ?) page JOIN report r ON r.id"
	" = page.id JOIN signal_type st ON st.id = r.signal_type_id"
	" LEFT JOIN team t ON t.id = r.team_id LEFT JOIN app_user u ON"
	" u.id = r.handler_id ORDER BY r.received_at DESC, r.id DESC",
	"SELECT r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM (SELECT r.id FROM report r WHERE"
	" r.team_id IN (?, ?, ?, ?) AND (? IS NULL OR r.status = ?)"
	" AND (? IS NULL OR r.signal_type_id = ?) AND (? IS NULL OR"
	" r.team_id = ?) AND (? IS NULL OR r.handler_id = ?) AND (? IS"
	" NULL OR r.audience_id = ?) AND (? IS NULL OR r.channel = ?)"
	" AND (? IS NULL OR r.received_at >= ?) AND (? IS NULL OR"
	" r.received_at < ? + INTERVAL 1 DAY) AND MATCH"
	" (r.description, r.street, r.city) AGAINST (? IN BOOLEAN"
	" MODE) ORDER BY r.received_at DESC, r.id DESC LIMIT ? OFFSET"
	" ?) page JOIN report r ON r.id = page.id JOIN signal_type st"
	" ON st.id = r.signal_type_id LEFT JOIN team t ON t.id ="
	" r.team_id LEFT JOIN app_user u ON u.id = r.handler_id ORDER"
	" BY r.received_at DESC, r.id DESC",
	"SELECT r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM (SELECT r.id FROM report r FORCE INDEX"
	" (report_team) WHERE r.team_id IN (?, ?, ?, ?) AND (? IS NULL"
	" OR r.status = ?) AND (? IS NULL OR r.signal_type_id = ?) AND"
	" (? IS NULL OR r.team_id = ?) AND (? IS NULL OR r.handler_id"
	" = ?) AND (? IS NULL OR r.audience_id = ?) AND (? IS NULL OR"
	" r.channel = ?) AND (? IS NULL OR r.received_at >= ?) AND (?"
	" IS NULL OR r.received_at < ? + INTERVAL 1 DAY) ORDER BY"
	" r.received_at DESC, r.id DESC LIMIT ? OFFSET ?) page JOIN"
	" report r ON r.id = page.id JOIN signal_type st ON st.id ="
	" r.signal_type_id LEFT JOIN team t ON t.id = r.team_id LEFT"
	" JOIN app_user u ON u.id = r.handler_id ORDER BY"
	" r.received_at DESC, r.id DESC",
	"SELECT r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM (SELECT r.id FROM report r FORCE INDEX"
	" (report_team_status) WHERE r.team_id IN (?, ?, ?, ?) AND (?"
	" IS NULL OR r.status = ?) AND (? IS NULL OR r.signal_type_id"
	" = ?) AND (? IS NULL OR r.team_id = ?) AND (? IS NULL OR"
	" r.handler_id = ?) AND (? IS NULL OR r.audience_id = ?) AND"
	" (? IS NULL OR r.channel = ?) AND (? IS NULL OR r.received_at"
	" >= ?) AND (? IS NULL OR r.received_at < ? + INTERVAL 1 DAY)"
	" ORDER BY r.received_at DESC, r.id DESC LIMIT ? OFFSET ?)"
	" page JOIN report r ON r.id = page.id JOIN signal_type st ON"
	" st.id = r.signal_type_id LEFT JOIN team t ON t.id ="
	" r.team_id LEFT JOIN app_user u ON u.id = r.handler_id ORDER"
	" BY r.received_at DESC, r.id DESC",
	"SELECT r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM (SELECT r.id FROM report r FORCE INDEX"
	" (report_team_type) WHERE r.team_id IN (?, ?, ?, ?) AND (? IS"
	" NULL OR r.status = ?) AND (? IS NULL OR r.signal_type_id ="
	" ?) AND (? IS NULL OR r.team_id = ?) AND (? IS NULL OR"
	" r.handler_id = ?) AND (? IS NULL OR r.audience_id = ?) AND"
	" (? IS NULL OR r.channel = ?) AND (? IS NULL OR r.received_at"
	" >= ?) AND (? IS NULL OR r.received_at < ? + INTERVAL 1 DAY)"
	" ORDER BY r.received_at DESC, r.id DESC LIMIT ? OFFSET ?)"
	" page JOIN report r ON r.id = page.id JOIN signal_type st ON"
	" st.id = r.signal_type_id LEFT JOIN team t ON t.id ="
	" r.team_id LEFT JOIN app_user u ON u.id = r.handler_id ORDER"
	" BY r.received_at DESC, r.id DESC",
	"SELECT r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM (SELECT r.id FROM report r FORCE INDEX"
	" (report_team_audience) WHERE r.team_id IN (?, ?, ?, ?) AND"
	" (? IS NULL OR r.status = ?) AND (? IS NULL OR"
	" r.signal_type_id = ?) AND (? IS NULL OR r.team_id = ?) AND"
	" (? IS NULL OR r.handler_id = ?) AND (? IS NULL OR"
	" r.audience_id = ?) AND (? IS NULL OR r.channel = ?) AND (?"
	" IS NULL OR r.received_at >= ?) AND (? IS NULL OR"
	" r.received_at < ? + INTERVAL 1 DAY) ORDER BY r.received_at"
	" DESC, r.id DESC LIMIT ? OFFSET ?) page JOIN report r ON r.id"
	" = page.id JOIN signal_type st ON st.id = r.signal_type_id"
	" LEFT JOIN team t ON t.id = r.team_id LEFT JOIN app_user u ON"
	" u.id = r.handler_id ORDER BY r.received_at DESC, r.id DESC",
	"SELECT r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM (SELECT r.id FROM report r FORCE INDEX"
	" (report_team_channel) WHERE r.team_id IN (?, ?, ?, ?) AND (?"
	" IS NULL OR r.status = ?) AND (? IS NULL OR r.signal_type_id"
	" = ?) AND (? IS NULL OR r.team_id = ?) AND (? IS NULL OR"
	" r.handler_id = ?) AND (? IS NULL OR r.audience_id = ?) AND"
	" (? IS NULL OR r.channel = ?) AND (? IS NULL OR r.received_at"
	" >= ?) AND (? IS NULL OR r.received_at < ? + INTERVAL 1 DAY)"
	" ORDER BY r.received_at DESC, r.id DESC LIMIT ? OFFSET ?)"
	" page JOIN report r ON r.id = page.id JOIN signal_type st ON"
	" st.id = r.signal_type_id LEFT JOIN team t ON t.id ="
	" r.team_id LEFT JOIN app_user u ON u.id = r.handler_id ORDER"
	" BY r.received_at DESC, r.id DESC",
	"SELECT STRAIGHT_JOIN r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM report r FORCE INDEX (report_team)"
	" JOIN signal_type st ON st.id = r.signal_type_id LEFT JOIN"
	" team t ON t.id = r.team_id LEFT JOIN app_user u ON u.id ="
	" r.handler_id WHERE r.team_id IN (?, ?, ?, ?) AND (? IS NULL"
	" OR r.status = ?) AND (? IS NULL OR r.signal_type_id = ?) AND"
	" (? IS NULL OR r.team_id = ?) AND (? IS NULL OR r.handler_id"
	" = ?) AND (? IS NULL OR r.audience_id = ?) AND (? IS NULL OR"
	" r.channel = ?) AND (? IS NULL OR r.received_at >= ?) AND (?"
	" IS NULL OR r.received_at < ? + INTERVAL 1 DAY) ORDER BY"
	" r.received_at DESC, r.id DESC LIMIT ? OFFSET ?",
	"SELECT STRAIGHT_JOIN r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM report r FORCE INDEX"
	" (report_team_status) JOIN signal_type st ON st.id ="
	" r.signal_type_id LEFT JOIN team t ON t.id = r.team_id LEFT"
	" JOIN app_user u ON u.id = r.handler_id WHERE r.team_id IN"
	" (?, ?, ?, ?) AND (? IS NULL OR r.status = ?) AND (? IS NULL"
	" OR r.signal_type_id = ?) AND (? IS NULL OR r.team_id = ?)"
	" AND (? IS NULL OR r.handler_id = ?) AND (? IS NULL OR"
	" r.audience_id = ?) AND (? IS NULL OR r.channel = ?) AND (?"
	" IS NULL OR r.received_at >= ?) AND (? IS NULL OR"
	" r.received_at < ? + INTERVAL 1 DAY) ORDER BY r.received_at"
	" DESC, r.id DESC LIMIT ? OFFSET ?",
	"SELECT STRAIGHT_JOIN r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM report r FORCE INDEX"
	" (report_team_type) JOIN signal_type st ON st.id ="
	" r.signal_type_id LEFT JOIN team t ON t.id = r.team_id LEFT"
	" JOIN app_user u ON u.id = r.handler_id WHERE r.team_id IN"
	" (?, ?, ?, ?) AND (? IS NULL OR r.status = ?) AND (? IS NULL"
	" OR r.signal_type_id = ?) AND (? IS NULL OR r.team_id = ?)"
	" AND (? IS NULL OR r.handler_id = ?) AND (? IS NULL OR"
	" r.audience_id = ?) AND (? IS NULL OR r.channel = ?) AND (?"
	" IS NULL OR r.received_at >= ?) AND (? IS NULL OR"
	" r.received_at < ? + INTERVAL 1 DAY) ORDER BY r.received_at"
	" DESC, r.id DESC LIMIT ? OFFSET ?",
	"SELECT STRAIGHT_JOIN r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM report r FORCE INDEX"
	" (report_team_audience) JOIN signal_type st ON st.id ="
	" r.signal_type_id LEFT JOIN team t ON t.id = r.team_id LEFT"
	" JOIN app_user u ON u.id = r.handler_id WHERE r.team_id IN"
	" (?, ?, ?, ?) AND (? IS NULL OR r.status = ?) AND (? IS NULL"
	" OR r.signal_type_id = ?) AND (? IS NULL OR r.team_id = ?)"
	" AND (? IS NULL OR r.handler_id = ?) AND (? IS NULL OR"
	" r.audience_id = ?) AND (? IS NULL OR r.channel = ?) AND (?"
	" IS NULL OR r.received_at >= ?) AND (? IS NULL OR"
	" r.received_at < ? + INTERVAL 1 DAY) ORDER BY r.received_at"
	" DESC, r.id DESC LIMIT ? OFFSET ?",
	"SELECT STRAIGHT_JOIN r.id, r.reference, r.status,"
	" UNIX_TIMESTAMP(r.received_at), r.taken_at IS NULL, st.name,"
	" COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" r.channel, LEFT(r.description, 140), r.street, r.city,"
	" r.unread_replies FROM report r FORCE INDEX"
	" (report_team_channel) JOIN signal_type st ON st.id ="
	" r.signal_type_id LEFT JOIN team t ON t.id = r.team_id LEFT"
	" JOIN app_user u ON u.id = r.handler_id WHERE r.team_id IN"
	" (?, ?, ?, ?) AND (? IS NULL OR r.status = ?) AND (? IS NULL"
	" OR r.signal_type_id = ?) AND (? IS NULL OR r.team_id = ?)"
	" AND (? IS NULL OR r.handler_id = ?) AND (? IS NULL OR"
	" r.audience_id = ?) AND (? IS NULL OR r.channel = ?) AND (?"
	" IS NULL OR r.received_at >= ?) AND (? IS NULL OR"
	" r.received_at < ? + INTERVAL 1 DAY) ORDER BY r.received_at"
	" DESC, r.id DESC LIMIT ? OFFSET ?",
	"SELECT r.status, SUM(r.n) FROM report_count r GROUP BY"
	" r.status",
	"SELECT r.status, SUM(r.n) FROM report_count r WHERE r.team_id"
	" IN (SELECT ut.team_id FROM user_team_access ut WHERE ut.user_id ="
	" ?) GROUP BY r.status",
};

/* A report's page (cgi/dashboard/report.c). */
static const char *const want_report[] = {
	"SELECT r.id, r.reference, r.status, r.channel,"
	" UNIX_TIMESTAMP(r.received_at),"
	" COALESCE(UNIX_TIMESTAMP(r.taken_at), 0),"
	" COALESCE(UNIX_TIMESTAMP(r.closed_at), 0),"
	" COALESCE(r.closed_reason, ''), st.name, a.name,"
	" r.description, DATE_FORMAT(r.observed_date, '%d-%m-%Y'),"
	" COALESCE(TIME_FORMAT(r.observed_time, '%H:%i'), ''),"
	" r.street, r.house_number, r.postcode, r.city,"
	" r.involved_people, r.involved_companies,"
	" r.involved_vehicles, r.anonymous, r.version,"
	" COALESCE(r.team_id, 0), COALESCE(t.name, ''),"
	" COALESCE(r.handler_id, 0), COALESCE(u.display_name, ''),"
	" r.unread_replies, r.subjects_cut, r.signal_type_id, r.lang FROM report r"
	" JOIN signal_type st ON st.id = r.signal_type_id"
	" JOIN audience a ON a.id = r.audience_id"
	" LEFT JOIN team t ON t.id = r.team_id LEFT JOIN app_user u ON"
	" u.id = r.handler_id WHERE (? = 1 OR r.team_id IN (SELECT"
	" ut.team_id FROM user_team_access ut WHERE ut.user_id = ?)) AND r.id"
	" = ?",
	"SELECT name_enc, email_enc, phone_enc FROM reporter_contact"
	" WHERE report_id = ?",
	"SELECT id, filename, mime, size FROM attachment WHERE"
	" report_id = ? ORDER BY id",
	"SELECT UNIX_TIMESTAMP(at), kind, actor, detail FROM event"
	" WHERE report_id = ? ORDER BY at, id",
	"SELECT a.filename, a.mime, a.data FROM attachment a JOIN"
	" report r ON r.id = a.report_id WHERE (? = 1 OR r.team_id IN"
	" (SELECT ut.team_id FROM user_team_access ut WHERE ut.user_id = ?))"
	" AND r.id = ? AND a.id = ?",
	"SELECT r.status, r.version, r.description, r.street,"
	" r.house_number, r.postcode, r.city, r.involved_people,"
	" r.involved_companies, r.involved_vehicles,"
	" (SELECT name FROM signal_type WHERE id = r.signal_type_id),"
	" (SELECT name FROM audience WHERE id = r.audience_id),"
	" DATE_FORMAT(r.observed_date, '%Y-%m-%d'),"
	" COALESCE(r.team_id, 0), COALESCE(r.handler_id, 0) FROM report r"
	" WHERE (? = 1 OR r.team_id IN (SELECT ut.team_id FROM"
	" user_team_access ut WHERE ut.user_id = ?)) AND r.id = ? FOR UPDATE",
	"SELECT id, name FROM team WHERE active = 1 ORDER BY name",
	"SELECT id, display_name FROM app_user WHERE disabled = 0 AND"
	" role IN ('handler', 'coordinator') ORDER BY display_name",
	"SELECT UNIX_TIMESTAMP(m.at), m.direction, m.kind, m.author,"
	" m.body, (SELECT COUNT(*) FROM attachment a WHERE"
	" a.message_id = m.id) FROM message m WHERE m.report_id = ?"
	" ORDER BY m.at, m.id LIMIT 500",
	"SELECT p.id, p.display_name, s.via, DATE_FORMAT(s.shared_at,"
	" '%d-%m-%Y %H:%i') FROM partner p LEFT JOIN report_share s ON"
	" s.partner_id = p.id AND s.report_id = ? WHERE p.disabled = 0"
	" ORDER BY p.display_name",
	"SELECT display_name FROM partner WHERE id = ? AND disabled = 0",
};

/* The CSV export (cgi/dashboard/export.c). */
/* The export's two answer columns (issue 17, cgi/dashboard/export.c). */
#define WANT_ANSWERS \
	" COALESCE((SELECT GROUP_CONCAT(CONCAT(qa.label, ': '," \
	" REPLACE(qa.value, CHAR(10 USING utf8mb4), '; '))" \
	" ORDER BY qa.position, qa.question_id SEPARATOR '\\n')" \
	" FROM report_answer qa WHERE qa.report_id = r.id), '')," \
	" COALESCE((SELECT GROUP_CONCAT(CONCAT(qa.question_id," \
	" CHAR(31 USING utf8mb4)," \
	" REPLACE(qa.value, CHAR(10 USING utf8mb4), '; ')) SEPARATOR 0x1e)" \
	" FROM report_answer qa WHERE qa.report_id = r.id), '')"
static const char *const want_export[] = {
	"SELECT COALESCE(r.reference, ''), r.status,"
	" DATE_FORMAT(r.received_at, '%Y-%m-%dT%H:%i:%sZ'),"
	" COALESCE(DATE_FORMAT(r.taken_at, '%Y-%m-%dT%H:%i:%sZ'), ''),"
	" COALESCE(DATE_FORMAT(r.closed_at, '%Y-%m-%dT%H:%i:%sZ'),"
	" ''), COALESCE(r.closed_reason, ''), r.channel, a.name,"
	" st.name, COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" DATE_FORMAT(r.observed_date, '%Y-%m-%d'),"
	" COALESCE(TIME_FORMAT(r.observed_time, '%H:%i'), ''),"
	" r.street, r.house_number, r.postcode, r.city, r.description,"
	" r.involved_people, r.involved_companies,"
	" r.involved_vehicles, IF(r.anonymous, 'ja', 'nee'),"
	WANT_ANSWERS " FROM"
	" report r JOIN signal_type st ON st.id = r.signal_type_id"
	" JOIN audience a ON a.id = r.audience_id LEFT JOIN team t ON"
	" t.id = r.team_id LEFT JOIN app_user u ON u.id = r.handler_id"
	" WHERE (? = 1 OR r.team_id IN (SELECT ut.team_id FROM"
	" user_team_access ut WHERE ut.user_id = ?)) AND (? IS NULL OR"
	" r.status = ?) AND (? IS NULL OR r.signal_type_id = ?) AND (?"
	" IS NULL OR r.team_id = ?) AND (? IS NULL OR r.handler_id ="
	" ?) AND (? IS NULL OR r.audience_id = ?) AND (? IS NULL OR"
	" r.channel = ?) AND (? IS NULL OR r.received_at >= ?) AND (?"
	" IS NULL OR r.received_at < ? + INTERVAL 1 DAY) ORDER BY"
	" r.received_at DESC, r.id DESC",
	"SELECT COALESCE(r.reference, ''), r.status,"
	" DATE_FORMAT(r.received_at, '%Y-%m-%dT%H:%i:%sZ'),"
	" COALESCE(DATE_FORMAT(r.taken_at, '%Y-%m-%dT%H:%i:%sZ'), ''),"
	" COALESCE(DATE_FORMAT(r.closed_at, '%Y-%m-%dT%H:%i:%sZ'),"
	" ''), COALESCE(r.closed_reason, ''), r.channel, a.name,"
	" st.name, COALESCE(t.name, ''), COALESCE(u.display_name, ''),"
	" DATE_FORMAT(r.observed_date, '%Y-%m-%d'),"
	" COALESCE(TIME_FORMAT(r.observed_time, '%H:%i'), ''),"
	" r.street, r.house_number, r.postcode, r.city, r.description,"
	" r.involved_people, r.involved_companies,"
	" r.involved_vehicles, IF(r.anonymous, 'ja', 'nee'),"
	WANT_ANSWERS " FROM"
	" report r JOIN signal_type st ON st.id = r.signal_type_id"
	" JOIN audience a ON a.id = r.audience_id LEFT JOIN team t ON"
	" t.id = r.team_id LEFT JOIN app_user u ON u.id = r.handler_id"
	" WHERE (? = 1 OR r.team_id IN (SELECT ut.team_id FROM"
	" user_team_access ut WHERE ut.user_id = ?)) AND (? IS NULL OR"
	" r.status = ?) AND (? IS NULL OR r.signal_type_id = ?) AND (?"
	" IS NULL OR r.team_id = ?) AND (? IS NULL OR r.handler_id ="
	" ?) AND (? IS NULL OR r.audience_id = ?) AND (? IS NULL OR"
	" r.channel = ?) AND (? IS NULL OR r.received_at >= ?) AND (?"
	" IS NULL OR r.received_at < ? + INTERVAL 1 DAY) AND MATCH"
	" (r.description, r.street, r.city) AGAINST (? IN BOOLEAN"
	" MODE) ORDER BY r.received_at DESC, r.id DESC",
};

/*
 * The first n statements of s are want's; any after them are new
 * (the subject search of issue 13): no "{" is left in those.
 */
static void
same(struct mp_sqltext_set *s, const char *const *want, size_t n)
{
	size_t	 i;

	assert_true(s->n >= n);
	assert_int_equal(mp_sqltext_open(s), MP_OK);
	for (i = n; i < s->n; i++)
		assert_null(strchr(mp_sqltext_get(s, i), '{'));
	for (i = 0; i < n; i++) {
		if (strcmp(mp_sqltext_get(s, i), want[i]) != 0)
			fprintf(stderr, "# statement %zu differs:\n# %s\n"
			    "# %s\n", i, mp_sqltext_get(s, i), want[i]);
		assert_string_equal(mp_sqltext_get(s, i), want[i]);
		/* No "{" is left: every name was put in. */
		assert_null(strchr(mp_sqltext_get(s, i), '{'));
	}
}

static void
test_list(void **state)
{

	(void)state;
	same(&dash_list_sql, want_list, MP_NELEM(want_list));
}

static void
test_report(void **state)
{

	(void)state;
	same(&dash_report_sql, want_report, MP_NELEM(want_report));
}

static void
test_export(void **state)
{

	(void)state;
	same(&dash_export_sql, want_export, MP_NELEM(want_export));
}

/* Open once at start: the addresses the statement cache keys on stay. */
static void
test_stable(void **state)
{
	const char	*a, *b;

	(void)state;
	assert_int_equal(dash_sql_open(), MP_OK);
	a = mp_sqltext_get(&dash_list_sql, 0);
	assert_int_equal(dash_sql_open(), MP_OK);
	b = mp_sqltext_get(&dash_list_sql, 0);
	assert_ptr_equal(a, b);
	dash_sql_close();
	dash_sql_close();
	/* Closed: the template again, which MariaDB would refuse. */
	assert_non_null(strstr(mp_sqltext_get(&dash_list_sql, 0),
	    "{visible}"));
}

static void
test_expand(void **state)
{
	static const struct mp_sqltext_part parts[] = {
		{ "a", "x = ?" }, { "ab", "(y)" }, { "n", "[{a}]" },
		{ "self", "({self})" }, { NULL, NULL }
	};
	static const char *const bad[] = {
		"{b}", "{a", "x {}", "{A}", "{self}"
	};
	static const char *const one[] = { "SELECT 1 WHERE {nope}" };
	struct mp_sqltext_set set = { one, 1, parts, NULL };
	char		*out;
	size_t		 i;

	(void)state;
	assert_int_equal(mp_sqltext_expand("W {a} AND {ab}{a}.", parts,
	    &out), MP_OK);
	assert_string_equal(out, "W x = ? AND (y)x = ?.");
	free(out);
	/* A part that names a part. */
	assert_int_equal(mp_sqltext_expand("{n}{n}", parts, &out), MP_OK);
	assert_string_equal(out, "[x = ?][x = ?]");
	free(out);
	assert_int_equal(mp_sqltext_expand("", parts, &out), MP_OK);
	assert_string_equal(out, "");
	free(out);
	for (i = 0; i < MP_NELEM(bad); i++) {
		assert_int_equal(mp_sqltext_expand(bad[i], parts, &out),
		    MP_EINVAL);
		assert_null(out);
	}
	/* A bad template fails the whole set, which stays closed. */
	assert_int_equal(mp_sqltext_open(&set), MP_EINVAL);
	assert_null(set.sql);
	assert_ptr_equal(mp_sqltext_get(&set, 0), one[0]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_export),
		cmocka_unit_test(test_stable),
		cmocka_unit_test(test_expand),
	};
	int	 rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	dash_sql_close();
	return rc;
}
