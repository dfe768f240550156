/*
 * role.h -- the dashboard's roles and what each may do: the names a
 * role is stored and shown by, and every role's permissions in one
 * table.  It sits below lib/user.h (an account has a role, and a role
 * that cannot hold the identity right drops it) and lib/access.h (what
 * an account may do and which reports it sees), so both ask it and
 * neither asks the other back.
 */
#ifndef MP_ROLE_H
#define MP_ROLE_H

enum mp_role {
	MP_ROLE_HANDLER = 0,	/* behandelaar */
	MP_ROLE_COORDINATOR,	/* coördinator */
	MP_ROLE_ADMIN,		/* functioneel beheerder */
	MP_ROLE_AUDITOR,	/* auditor */
	MP_ROLE__MAX
};

/* "handler", ... as stored; the Dutch label; parse: 1 if known. */
const char	*mp_role_name(enum mp_role);
const char	*mp_role_label(enum mp_role);
int		 mp_role_parse(const char *, enum mp_role *);

enum mp_perm {
	MP_PERM_NONE = 0,	/* any signed-in user */
	MP_PERM_REPORT_LIST,	/* the work list */
	MP_PERM_REPORT_VIEW,	/* a report's detail and attachments */
	MP_PERM_REPORT_ALL,	/* reports of every team, not only one's own */
	MP_PERM_REPORT_WORK,	/* take, change status, note, edit */
	MP_PERM_REPORT_ASSIGN,	/* route to a team or handler */
	MP_PERM_REPORTER_ID,	/* may hold the right to see the
				   reporter's identity (mp_access_user) */
	MP_PERM_REPORT_CREATE,	/* enter a report received by phone/mail */
	MP_PERM_ADMIN,		/* users, teams, signal types, audiences */
	MP_PERM_AUDIT,		/* the audit log */
	MP_PERM_STATS,		/* the monthly statistics */
	MP_PERM_EXPORT,		/* the work list as CSV */
	MP_PERM_REPORT_SHARE,	/* share a report with a partner (export) */
	MP_PERM_GRANT_DECIDE,	/* confirm or reject another's grant request */
	MP_PERM_DOSSIER_VIEW,	/* dossiers of one's teams or membership */
	MP_PERM_DOSSIER_WORK,	/* create in one's team, status, analysis,
				   reports one sees, subjects */
	MP_PERM_DOSSIER_MANAGE,	/* every dossier, any team, members */
	MP_PERM_RETENTION_HOLD,	/* hold a report past its retention
				   terms (legal proceedings), or lift it */
	MP_PERM__MAX
};

/* 1 if role has perm; 0 for an unknown role or permission. */
int		 mp_role_can(enum mp_role, enum mp_perm);

#endif
