-- 052_questions.sql -- follow-up questions per signal type (issue 17):
-- what an administrator asks reporters of one signal type (and, where
-- needed, of one audience only), with a text per language, and the
-- answers given.  lib/question.c owns the three tables.
--
-- A question is never deleted, only switched off (active = 0), and an
-- answer keeps the question's Dutch text and kind as it was asked: a
-- change or removal of the question never changes an answer already
-- given (issue 17).  question_id stays on the answer for the CSV
-- columns and the statistics of choice questions.

CREATE TABLE IF NOT EXISTS question (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT,
	signal_type_id	INT UNSIGNED NOT NULL,
	-- NULL: asked of every audience the signal type is offered to.
	audience_id	INT UNSIGNED NULL,
	kind		ENUM('tekst', 'lange-tekst', 'getal', 'datum',
			    'ja-nee', 'keuze', 'keuzes') NOT NULL,
	required	TINYINT(1) NOT NULL DEFAULT 0,
	position	SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	active		TINYINT(1) NOT NULL DEFAULT 1,
	PRIMARY KEY (id),
	KEY question_type (signal_type_id, active, position),
	CONSTRAINT question_type_fk FOREIGN KEY (signal_type_id)
	    REFERENCES signal_type (id),
	CONSTRAINT question_audience_fk FOREIGN KEY (audience_id)
	    REFERENCES audience (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A question's text per language: 'nl' always, others optional (the
-- form falls back to 'nl').  options: the choices of 'keuze' and
-- 'keuzes', one a line, as many lines in every language.
CREATE TABLE IF NOT EXISTS question_text (
	question_id	INT UNSIGNED NOT NULL,
	lang		VARCHAR(8) NOT NULL,
	label		VARCHAR(300) NOT NULL,
	help		VARCHAR(1000) NOT NULL DEFAULT '',
	options		TEXT NOT NULL,
	PRIMARY KEY (question_id, lang),
	CONSTRAINT question_text_fk FOREIGN KEY (question_id)
	    REFERENCES question (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An answer: the question's Dutch text and kind as asked, and the
-- value (a choice as its Dutch text; several choices one a line).
-- Report content like the description: retention erases it.
CREATE TABLE IF NOT EXISTS report_answer (
	report_id	BIGINT UNSIGNED NOT NULL,
	question_id	INT UNSIGNED NOT NULL,
	position	SMALLINT UNSIGNED NOT NULL,
	kind		VARCHAR(16) NOT NULL,
	label		VARCHAR(300) NOT NULL,
	value		TEXT NOT NULL,
	PRIMARY KEY (report_id, question_id),
	KEY report_answer_question (question_id),
	CONSTRAINT report_answer_report_fk FOREIGN KEY (report_id)
	    REFERENCES report (id) ON DELETE CASCADE,
	CONSTRAINT report_answer_question_fk FOREIGN KEY (question_id)
	    REFERENCES question (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The answers of the reports shared with the partner bound to the
-- connection, when its profile names "antwoorden" (as sql/031's
-- export_subject): the export's account reads no other.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW export_answer AS
SELECT s.report_id, a.question_id, a.position, a.kind, a.label, a.value
FROM (SELECT export_bound_partner() AS id LIMIT 1) me
JOIN partner p ON p.id = me.id
    AND FIND_IN_SET('antwoorden', p.fields) > 0
JOIN report_share s ON s.partner_id = p.id
JOIN report_answer a ON a.report_id = s.report_id;

-- The intake adds answers only to the report it has just stored, as
-- its contact row and attachments (sql/026).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW intake_own_answer AS
SELECT report_id, question_id, position, kind, label, value
FROM report_answer WHERE report_id = intake_own_report()
WITH CHECK OPTION;
