-- 028_subject.sql -- subjects: the things reports are about (an
-- address, a company, a KvK number, a licence plate, a person, a phone
-- number, an e-mail address, an IBAN), stored once in a normalised form
-- and linked to every report that mentions them (issue 13).  The SQL on
-- both tables is in lib/subject.c, which also makes the normal forms.
--
-- subject.kind (enum mp_subject_kind, lib/subject.h): 1 address,
-- 2 company name, 3 KvK or establishment number, 4 vehicle (licence
-- plate), 5 person, 6 phone number, 7 e-mail address, 8 IBAN.  norm is
-- the normal form, compared byte for byte (utf8mb4_bin): the
-- normaliser decides what is equal, not the collation, which would
-- otherwise fold the case of an e-mail address's local part that
-- lib/subject.c keeps.  display is how it was first written, for
-- people.
CREATE TABLE subject (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	kind		TINYINT UNSIGNED NOT NULL,
	norm		VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
			    NOT NULL,
	display		VARCHAR(255) NOT NULL,
	created_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY subject_norm (kind, norm),
	CONSTRAINT subject_kind CHECK (kind BETWEEN 1 AND 8)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A report's subjects.  source: 1 the report's structured address,
-- 2 recognised in its free text, 3 added by a handler.  confirmed: a
-- handler confirmed it (a recognised subject is a proposal until
-- then).  created_by: the handler, NULL for the system.
CREATE TABLE report_subject (
	report_id	BIGINT UNSIGNED NOT NULL,
	subject_id	BIGINT UNSIGNED NOT NULL,
	source		TINYINT UNSIGNED NOT NULL,
	confirmed	TINYINT(1) NOT NULL DEFAULT 0,
	created_by	INT UNSIGNED NULL,
	created_at	DATETIME NOT NULL,
	PRIMARY KEY (report_id, subject_id),
	KEY report_subject_subject (subject_id, report_id),
	CONSTRAINT report_subject_source CHECK (source BETWEEN 1 AND 3),
	CONSTRAINT report_subject_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id) ON DELETE CASCADE,
	CONSTRAINT report_subject_subject_fk FOREIGN KEY (subject_id)
	    REFERENCES subject (id),
	CONSTRAINT report_subject_user_fk FOREIGN KEY (created_by)
	    REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Subjects are personal data: one that no report mentions any more is
-- deleted at once, so that deleting a report (retention) or unlinking
-- a subject leaves nothing behind.  A trigger rather than a purge in
-- the application, so that every way a row goes (the dashboard, a
-- retention job, an administrator's SQL) keeps the rule; it runs with
-- the rights of its definer, the account that ran this migration, so
-- the programs need no DELETE on subject.
--
-- InnoDB runs no trigger for the rows a foreign key's ON DELETE
-- CASCADE removes, so report_subject_unlink deletes a report's links
-- itself before the report goes, and each deleted link runs
-- report_subject_purge.  The cascade then finds nothing; it stays as
-- the rule's statement in the schema.
--
-- IGNORE: a concurrent transaction may have linked the subject again
-- after this one's NOT EXISTS looked (a consistent read); the foreign
-- key then refuses the delete, which IGNORE turns into a warning, and
-- the subject stays, as it should.  On Galera the trigger runs on the
-- node that deletes; its rows replicate as row events.
CREATE TRIGGER report_subject_purge AFTER DELETE ON report_subject
FOR EACH ROW
	DELETE IGNORE FROM subject WHERE id = OLD.subject_id
	AND NOT EXISTS (SELECT 1 FROM report_subject rs
	    WHERE rs.subject_id = OLD.subject_id);

CREATE TRIGGER report_subject_unlink BEFORE DELETE ON report
FOR EACH ROW
	DELETE FROM report_subject WHERE report_id = OLD.id;
