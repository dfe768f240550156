-- 046_feedback_reporter_view.sql -- the reporter's follow-up shows the
-- report as the reporter sent it and the files the reporter gave, and
-- a reply to a closed report reopens it or is refused, and the
-- standard introductions say 112 no more (at the end) (issue 16,
-- "Reporters").
--
-- Like 020, every view reads the one report bound to the request's
-- session (feedback_bound_report()) and runs as its definer; the
-- feedback account gets SELECT on the views and no right on report,
-- attachment or message.  What the views show is what the reporter
-- typed or chose on the form: the signal type and audience by name,
-- the text fields, the date and place, whether contact details were
-- given (never the sealed details themselves, which the program could
-- not open anyway).  Never the team, the handler, notes, subjects,
-- dossiers, links or the closing reason.
--
-- The files: those sent with the report (no message) and those sent
-- with the reporter's own replies (a message "in"); never a file of
-- a handler.  The list shows name, type and size; the bytes come
-- through a second view, one file by id, of the same set.

DELIMITER //

-- The reporter's reply to the bound report, as feedback_reply() (020),
-- and for a report that is "afgerond": with p_reopen 1 the report goes
-- back to the queue -- "in behandeling" with its team and handler when
-- it had a handler, "nieuw" with its team when it had none -- with a
-- status event and an audit row naming no content; with p_reopen 0
-- nothing is written and the call fails (SQLSTATE 45000), so a reply
-- that the program found allowed and a handler closed in between is
-- not stored as if sent.  lib/workflow.c (mp_workflow_on_reply) holds
-- the same rule for the program, which asks it first.  Returns the
-- message's id, 0 when no live session is bound.
CREATE OR REPLACE FUNCTION feedback_reply_to(p_body TEXT,
    p_files INT UNSIGNED, p_reopen TINYINT)
RETURNS BIGINT UNSIGNED
NOT DETERMINISTIC
MODIFIES SQL DATA
SQL SECURITY DEFINER
BEGIN
	DECLARE v_report BIGINT UNSIGNED DEFAULT feedback_bound_report();
	DECLARE v_status VARCHAR(32) DEFAULT NULL;
	DECLARE v_handler INT UNSIGNED DEFAULT NULL;
	DECLARE v_to VARCHAR(32) DEFAULT NULL;
	DECLARE v_msg BIGINT UNSIGNED;

	IF v_report IS NULL THEN
		RETURN 0;
	END IF;
	SELECT status, handler_id INTO v_status, v_handler FROM report
	    WHERE id = v_report FOR UPDATE;
	IF v_status = 'afgerond' AND COALESCE(p_reopen, 0) = 0 THEN
		SIGNAL SQLSTATE '45000'
		    SET MESSAGE_TEXT = 'feedback_reply_to: report closed';
	END IF;
	INSERT INTO message (report_id, at, direction, kind, author_id,
	    author, body)
	VALUES (v_report, UTC_TIMESTAMP(), 'in', 'antwoord', NULL, '',
	    COALESCE(p_body, ''));
	SET v_msg = LAST_INSERT_ID();
	UPDATE report SET unread_replies = LEAST(unread_replies + 1, 9999)
	    WHERE id = v_report;
	INSERT INTO event (report_id, at, kind, actor, detail)
	VALUES (v_report, UTC_TIMESTAMP(), 'antwoord melder', '',
	    CONCAT(p_files, ' bijlage(n)'));
	IF v_status = 'wacht op melder' THEN
		SET v_to = 'in behandeling';
	ELSEIF v_status = 'afgerond' THEN
		SET v_to = IF(v_handler IS NULL, 'nieuw', 'in behandeling');
	END IF;
	IF v_to IS NOT NULL THEN
		-- closed_at and the reason go, as when a handler reopens
		-- (lib/workflow.c); the old reason stays in the history.
		UPDATE report SET status = v_to,
		    closed_at = IF(v_status = 'afgerond', NULL, closed_at),
		    closed_reason = IF(v_status = 'afgerond', NULL,
		    closed_reason),
		    version = version + 1
		    WHERE id = v_report AND status = v_status;
		DO share_touch(v_report);
		INSERT INTO event (report_id, at, kind, actor, detail)
		VALUES (v_report, UTC_TIMESTAMP(), 'status', '',
		    CONCAT(v_status, ' -> ', v_to,
		    ' (antwoord van de melder)'));
	END IF;
	IF v_status = 'afgerond' THEN
		INSERT INTO audit_log (at, user_id, username, action,
		    object_type, object_id, client_addr, detail)
		VALUES (UTC_TIMESTAMP(), NULL, 'melder', 'heropend',
		    'melding', v_report, '',
		    CONCAT('afgerond -> ', v_to, '; gebeurtenis ',
		    LAST_INSERT_ID()));
	END IF;
	-- After the status: the handler's notice is about the report as
	-- it now is (a reopened one has its handler back in the queue).
	DO outbox_notify_handler(v_report);
	RETURN v_msg;
END
//

DELIMITER ;

-- The report as the reporter sent it.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW feedback_own_report_sent AS
SELECT r.id, a.name AS audience, s.name AS signal_type, r.description,
    r.observed_date, r.observed_time, r.street, r.house_number,
    r.postcode, r.city, r.involved_people, r.involved_companies,
    r.involved_vehicles, r.anonymous, r.content_erased_at
FROM (SELECT feedback_bound_report() AS id LIMIT 1) me
JOIN report r ON r.id = me.id
JOIN audience a ON a.id = r.audience_id
JOIN signal_type s ON s.id = r.signal_type_id;

-- The reporter's own files: with the report, or with a reply.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW feedback_own_file AS
SELECT t.id, t.report_id, t.message_id, t.filename, t.mime, t.size,
    t.created_at
FROM (SELECT feedback_bound_report() AS id LIMIT 1) me
JOIN attachment t ON t.report_id = me.id
LEFT JOIN message m ON m.id = t.message_id
WHERE t.message_id IS NULL OR m.direction = 'in';

-- One of those files with its bytes (the download).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW feedback_own_file_data AS
SELECT t.id, t.filename, t.mime, t.size, t.data
FROM (SELECT feedback_bound_report() AS id LIMIT 1) me
JOIN attachment t ON t.report_id = me.id
LEFT JOIN message m ON m.id = t.message_id
WHERE t.message_id IS NULL OR m.direction = 'in';

-- The standard audiences' introductions (cgi/meldpuntctl/seed.c), where
-- a municipality has not changed them: 112 and Meld Misdaad Anoniem are
-- said once per page, in the form's notice, so the introductions no
-- longer repeat them; and the staff introduction makes the form's own
-- promise about who sees a reporter's name ("alleen de coördinator"),
-- where it said the reporter chose whether the handlers may.
UPDATE audience SET intro =
    'Ziet of hoort u in uw buurt iets dat niet klopt? Bijvoorbeeld een woning waar steeds andere mensen komen, een loods waar ''s nachts busjes af en aan rijden of een sterke chemische lucht. Vertel ons wat u zag. Dat mag anoniem.'
    WHERE slug = 'bewoners' AND intro =
    'Ziet of hoort u in uw buurt iets dat niet klopt? Bijvoorbeeld een woning waar steeds andere mensen komen, een loods waar ''s nachts busjes af en aan rijden of een sterke chemische lucht. Vertel ons wat u zag. Dat mag anoniem. Is er acuut gevaar? Bel dan 112. Wilt u de politie anoniem een tip geven? Bel Meld Misdaad Anoniem: 0800-7000.';
UPDATE audience SET intro =
    'Ziet u tijdens uw werk iets dat wijst op criminaliteit, bijvoorbeeld bij een huisbezoek, een vergunningaanvraag of in de openbare ruimte? Meld het hier. U kiest zelf of u anoniem meldt. Geeft u uw naam, dan kan alleen de coördinator van het meldpunt uw gegevens zien.'
    WHERE slug = 'medewerkers' AND intro =
    'Ziet u tijdens uw werk iets dat wijst op criminaliteit, bijvoorbeeld bij een huisbezoek, een vergunningaanvraag of in de openbare ruimte? Meld het hier. U kiest zelf of de behandelaars uw naam mogen zien. Is er acuut gevaar? Bel dan 112. Anoniem een tip geven aan de politie kan bij Meld Misdaad Anoniem: 0800-7000.';
UPDATE audience SET intro =
    'Krijgt u als ondernemer een verdacht voorstel, zoals huur van een bedrijfspand in contant geld, een overname waarbij niet duidelijk is waar het geld vandaan komt, of druk om mee te werken? Of ziet u iets vreemds op uw bedrijventerrein? Meld het hier, ook anoniem.'
    WHERE slug = 'ondernemers' AND intro =
    'Krijgt u als ondernemer een verdacht voorstel, zoals huur van een bedrijfspand in contant geld, een overname waarbij niet duidelijk is waar het geld vandaan komt, of druk om mee te werken? Of ziet u iets vreemds op uw bedrijventerrein? Meld het hier, ook anoniem. Is er acuut gevaar? Bel dan 112. Anoniem een tip geven aan de politie kan bij Meld Misdaad Anoniem: 0800-7000.';
