#!/usr/bin/env python3
"""check-pages.py -- every kind of page meldpunt shows, opened in a real
browser (Debian's Chromium, driven over WebDriver by chromedriver) and
checked with axe-core against WCAG 2.1 A and AA, and at a phone's width
(360 CSS pixels) for content wider than the screen.

Run by tests/e2e/test-90-accessibility.sh against the test instance:

    check-pages.py BASE DRIVER AXE COORDINATOR ADMIN AUDITOR PASSWORD

BASE is the instance (http://127.0.0.1:PORT), DRIVER chromedriver's
address, AXE the path of axe.min.js, then the user names of a
coordinator, an admin and an auditor without a second factor, who share
PASSWORD.  The forms are filled in by script
and sent by clicking their buttons, as a person would; the pages
themselves carry no script.  Prints one line per check, "ok DESC" or
"not ok DESC" with "# " lines saying why; the shell turns them into
TAP.  Standard library only.
"""

import json
import os
import sys
import time
import urllib.error
import urllib.request

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = (360, 740)
DESKTOP = (1280, 900)


class Driver:
    """A W3C WebDriver session, just what this script needs."""

    def __init__(self, address):
        self.address = address.rstrip("/")
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--lang=nl-NL",
                         "--window-size=%d,%d" % DESKTOP],
            },
        }}}
        self.sid = self._call("POST", "/session", caps)["sessionId"]

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.address + path, data=data,
                                     method=method)
        req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.load(r)["value"]
        except urllib.error.HTTPError as e:
            raise RuntimeError("%s %s: %s" % (method, path,
                               e.read().decode(errors="replace")[:300]))

    def cmd(self, method, path, body=None):
        return self._call(method, "/session/%s%s" % (self.sid, path), body)

    def go(self, url):
        self.cmd("POST", "/url", {"url": url})

    def js(self, script, *args):
        return self.cmd("POST", "/execute/sync",
                        {"script": script, "args": list(args)})

    def js_async(self, script, *args):
        return self.cmd("POST", "/execute/async",
                        {"script": script, "args": list(args)})

    def click(self, css):
        """Click what css finds and wait for the page it leads to: the
        old page is marked, and the new one has no mark."""
        el = self.cmd("POST", "/element", {"using": "css selector",
                                            "value": css})
        eid = list(el.values())[0]
        self.js("window.mpOldPage = true;")
        self.cmd("POST", "/element/%s/click" % eid, {})
        for _ in range(300):
            if self.js("return window.mpOldPage !== true &&"
                       " document.readyState === 'complete';"):
                return
            time.sleep(0.05)
        raise RuntimeError("clicking %s led to no new page" % css)

    def size(self, wh):
        self.cmd("POST", "/window/rect", {"width": wh[0], "height": wh[1]})

    def forget_cookies(self):
        self.cmd("DELETE", "/cookie")

    def quit(self):
        try:
            self.cmd("DELETE", "")
        except Exception:
            pass


class Checker:
    def __init__(self, driver, axe_source):
        self.d = driver
        self.axe = axe_source
        self.failed = 0

    def report(self, good, desc, why=()):
        print(("ok " if good else "not ok ") + desc)
        for line in why:
            print("# " + line)
        if not good:
            self.failed += 1
        sys.stdout.flush()

    def page(self, name, expect=None):
        """Check the page now shown: expect (a CSS selector) is there,
        axe finds no WCAG 2.1 AA violation, nothing is wider than a
        phone."""
        d = self.d
        title = d.js("return document.title;")
        if expect is not None:
            found = d.js("return document.querySelector(arguments[0])"
                         " !== null;", expect)
            why = []
            if not found:
                why = ["title: %s, url: %s" % (title,
                       d.js("return location.href;")),
                       "text: %s" % d.js("return document.body.innerText"
                                         ".slice(0, 600);")]
            self.report(found, "%s: the page shows %s" % (name, expect),
                        why)
        d.js(self.axe + "\n;return typeof axe;")
        res = d.js_async(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
            " resultTypes: ['violations']})"
            ".then(function (r) { done(r.violations.map(function (v) {"
            " return {id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.slice(0, 3).map(function (n) {"
            " return n.target.join(' ') + ': ' +"
            " (n.failureSummary || '').split('\\n').slice(0, 2).join(' '); })"
            "}; })); })"
            ".catch(function (e) { done([{id: 'axe-error', impact: 'error',"
            " help: String(e), nodes: []}]); });", WCAG)
        why = []
        for v in res:
            why.append("%s (%s): %s" % (v["id"], v["impact"], v["help"]))
            why.extend("  " + n for n in v["nodes"])
        self.report(not res, "%s: no WCAG 2.1 AA violations (axe-core)" %
                    name, why)
        d.size(PHONE)
        widths = d.js("var e = document.documentElement;"
                      " return [e.scrollWidth, e.clientWidth];")
        d.size(DESKTOP)
        self.shoot(name)
        self.report(widths[0] <= widths[1],
                    "%s: fits a phone's width (%d px)" % (name, PHONE[0]),
                    ["content is %d px wide in a %d px window" %
                     (widths[0], widths[1])])


    def shoot(self, name):
        """With A11Y_SHOTS set to a directory: the whole page as PNG at
        the desktop's and at a phone's width, for people to look at
        (issue 16's layout); NN-name-1280.png and NN-name-360.png."""
        where = os.environ.get("A11Y_SHOTS", "")
        if not where:
            return
        import base64
        import re
        self.shots = getattr(self, "shots", 0) + 1
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        for wh in (DESKTOP, PHONE):
            self.d.size(wh)
            h = self.d.js("return document.documentElement.scrollHeight;")
            self.d.size((wh[0], min(max(int(h), wh[1]), 6000)))
            png = self.d.cmd("GET", "/screenshot")
            with open(os.path.join(where, "%02d-%s-%d.png" % (
                    self.shots, slug, wh[0])), "wb") as f:
                f.write(base64.b64decode(png))
        self.d.size(DESKTOP)


def fill(d, values):
    """Set form fields by id; radio buttons by id get checked."""
    d.js("var v = arguments[0];"
         "Object.keys(v).forEach(function (id) {"
         " var e = document.getElementById(id);"
         " if (e === null) throw new Error('no field ' + id);"
         " if (e.type === 'radio' || e.type === 'checkbox') e.checked = true;"
         " else e.value = v[id]; });", values)


def main():
    base, driver_addr, axe_path, cor, ad, aud, password = sys.argv[1:8]
    users = {"coordinator": cor, "admin": ad, "auditor": aud,
             "password": password}
    with open(axe_path, encoding="utf-8") as f:
        axe = f.read()
    d = Driver(driver_addr)
    c = Checker(d, axe)
    try:
        run(base, d, c, users)
    except Exception as e:       # a broken step is a failure, not a crash
        c.report(False, "the walk through the pages completed", [str(e)])
    finally:
        d.quit()
    return 1 if c.failed else 0


def run(base, d, c, users):
    # The reporter: the form, its other audiences, errors, the receipt.
    d.go(base + "/melden/")
    c.page("meldformulier", "form label[for=report-description]")
    other = d.js("var a = document.querySelector('nav.audiences a');"
                 " return a === null ? null : a.href;")
    if other is not None:
        d.go(other)
        c.page("meldformulier, andere doelgroep", "form")
    d.go(base + "/melden/")
    d.click("form button[type=submit]")
    c.page("meldformulier met fouten", ".error-summary")
    first_type = d.js("return document.querySelector("
                      "'input[name=report-signal-type]').id;")
    fill(d, {first_type: 1, "report-description":
             "Elke nacht bestelbusjes bij de loods; de ramen zijn"
             " afgeplakt.", "report-observed-date": "2026-01-15",
             "report-city": "Voorbeeldstad", "report-anonymous-ja": 1})
    d.click("form button[type=submit]")
    c.page("ontvangstbewijs", "#secret-code")
    ref = d.js("return document.getElementById('reference').textContent;")
    code = d.js("return document.getElementById('secret-code')"
                ".textContent;")
    d.go(base + "/melden/bestaat-niet")
    c.page("foutpagina (404)", "h1")
    d.go(base + "/melden/privacy")
    c.page("privacyverklaring", "#anoniem")

    # The reporter's follow-up.
    d.go(base + "/melding/")
    c.page("melding: aanmelden", "#meldingsnummer")
    fill(d, {"meldingsnummer": ref.strip(), "code": "AAAA-BBBB-CCCC"})
    d.click("form button[type=submit]")
    c.page("melding: verkeerde code", ".error, .message, [role=alert]")
    fill(d, {"meldingsnummer": ref.strip(), "code": code.strip()})
    d.click("form button[type=submit]")
    c.page("melding: het gesprek", "#tekst")
    d.click("form[action$='/antwoord'] button[type=submit]")
    c.page("melding: leeg antwoord", "#tekst-error")
    d.forget_cookies()

    # The handlers, signed in locally.
    def sign_in(user, password):
        d.forget_cookies()
        d.go(base + "/dashboard/aanmelden")
        fill(d, {"gebruiker": user, "wachtwoord": password})
        d.click("form button[type=submit]")

    d.go(base + "/dashboard/aanmelden")
    c.page("dashboard: aanmelden", "#wachtwoord")
    sign_in(users["coordinator"], "dit is niet het wachtwoord")
    c.page("dashboard: aanmelden mislukt", "#wachtwoord")
    sign_in(users["coordinator"], users["password"])
    c.page("dashboard: werklijst", "table")
    detail = d.js("var a = document.querySelector("
                  "'table a[href*=\"/melding/\"]');"
                  " return a === null ? null : a.href;")
    if detail is None:
        c.report(False, "dashboard: the work list links to a report")
    else:
        d.go(detail)
        c.page("dashboard: melding", "h1")
        # Its subjects (issue 13): one added, the subject page, and a
        # value refused with its error at the field.
        fill(d, {"onderwerp-waarde": "1234 AB 12"})
        d.click("form[action$='/onderwerpen'] button[value=toevoegen]")
        c.page("dashboard: melding met onderwerp", "#subjects")
        subject = d.js("var a = document.querySelector("
                       "'#subjects a[href*=\"/onderwerp/\"]');"
                       " return a === null ? null : a.href;")
        if subject is None:
            c.report(False, "dashboard: a report links to its subject")
        else:
            d.go(subject)
            c.page("dashboard: onderwerp", "#timeline")
        d.go(detail)
        fill(d, {"onderwerp-waarde": "geen adres"})
        d.click("form[action$='/onderwerpen'] button[value=toevoegen]")
        c.page("dashboard: onderwerp met fout", "#onderwerp-fout")
    # Dossiers (issue 14): a new one from the report, its page, a
    # refused change with its error at the field, and the list.
    if detail is not None:
        d.go(detail)
        d.click("a[href*='/dossier/nieuw?melding=']")
        c.page("dashboard: nieuw dossier", "#dossier-titel")
        fill(d, {"dossier-titel": "Toegankelijk dossier"})
        d.click("form[action$='/dossier/nieuw'] button[type=submit]")
        c.page("dashboard: dossier", "#summary")
        dossier_url = d.js("return location.href")
        fill(d, {"dossier-melding": "bestaat-niet"})
        d.click("form:has(#dossier-melding) button[type=submit]")
        c.page("dashboard: dossier met fout", "#dossier-melding-fout")
        # Documents: an upload without a file, its error at the field.
        d.click("form:has(#document-bestand) button[type=submit]")
        c.page("dashboard: dossier, document met fout",
               "#document-bestand-fout")
        # Its journal: a note, a decision, a task already overdue (the
        # mark in words), the task's page with a refused closing, and
        # "Mijn taken".
        fill(d, {"notitie-tekst": "Buurtagent gesproken."})
        d.click("form:has(#notitie-tekst) button[type=submit]")
        fill(d, {"besluit-wat": "Adres laten controleren.",
                 "besluit-reden": "Drie meldingen in een maand.",
                 "besluit-door": "teamleider"})
        d.click("form:has(#besluit-wat) button[type=submit]")
        fill(d, {"taak-omschrijving": "Adrescontrole met de politie.",
                 "taak-datum": "2026-01-05"})
        d.click("form:has(#taak-omschrijving) button[type=submit]")
        c.page("dashboard: dossier met journaal", "#open-tasks .overdue")
        d.click("#open-tasks a[href*='/taak/']")
        c.page("dashboard: taak", "#task-now")
        fill(d, {"taak-status": "done"})
        d.click("form:has(#taak-status) button[type=submit]")
        c.page("dashboard: taak met fout", "#taak-resultaat-fout")
        d.go(dossier_url)
        d.click("#print-link")
        c.page("dashboard: dossier afdrukken", "#printed")
        d.go(base + "/dashboard/taken")
        c.page("dashboard: mijn taken", "#tasks .overdue")
        d.go(base + "/dashboard/dossiers?taken=overtijd")
        c.page("dashboard: dossiers met taken over tijd", "#dossiers")
    # The journal and the history on their second pages (test-90 wrote
    # a dossier with 60 notes): the pagers above and below each list.
    paged = os.environ.get("A11Y_PAGED_DOSSIER", "")
    if paged:
        d.go(base + "/dashboard/dossier/" + paged +
             "?journaal=2&historie=2")
        c.page("dashboard: dossier, tweede pagina van journaal en"
               " geschiedenis", "#journal-pages-onder .newer")
    d.go(base + "/dashboard/dossiers")
    c.page("dashboard: dossiers", "#counts")
    d.go(base + "/dashboard/dossiers/statistiek")
    c.page("dashboard: statistiek van dossiers", "#dstats-months")
    d.go(base + "/dashboard/dossiers/statistiek?van=2026-13")
    c.page("dashboard: statistiek van dossiers met fout", "#s-van-fout")
    d.go(base + "/dashboard/nieuw")
    c.page("dashboard: nieuwe melding", "#report-description")
    # The visible "Melding opslaan", as a person clicks it (the form's
    # first button, out of sight, is there for Enter in a field).
    d.click("form[action$='/nieuw']"
            " button[type=submit]:not([name]):not([aria-hidden])")
    c.page("dashboard: nieuwe melding met fouten", ".error-summary")
    # Follow-up questions (issue 17): the first signal type that has
    # some, shown by "Vragen tonen", then saved without the rest.
    slugs = d.js("return Array.prototype.map.call(document.querySelectorAll"
                 "('input[name=report-signal-type]'), function (e) {"
                 " return e.value; });")
    if d.js("return document.querySelector('[name=vragen-tonen]')"
            " !== null;"):
        for slug in slugs:
            d.go(base + "/dashboard/nieuw")
            fill(d, {"report-signal-type-" + slug: "1"})
            d.click("button[name=vragen-tonen]")
            if d.js("return document.getElementById('report-questions')"
                    " !== null;"):
                c.page("dashboard: nieuwe melding met vervolgvragen",
                       "#report-questions")
                d.click("form[action$='/nieuw'] button[type=submit]"
                        ":not([name]):not([aria-hidden])")
                c.page("dashboard: nieuwe melding met vervolgvragen en"
                       " fouten", ".error-summary")
                break
    d.go(base + "/dashboard/statistiek")
    c.page("dashboard: statistiek", "h1")
    d.go(base + "/dashboard/onderwerpen")
    c.page("dashboard: terugkerende onderwerpen", "#h-van")
    d.go(base + "/dashboard/onderwerpen?van=2026-13-01&onderwerp=boot")
    c.page("dashboard: terugkerende onderwerpen met fouten",
           ".error-summary")
    d.go(base + "/dashboard/verzoeken")
    c.page("dashboard: verzoeken", "table.grants")
    sign_in(users["admin"], users["password"])
    d.go(base + "/dashboard/beheer")
    c.page("dashboard: beheer", "h1")
    # Follow-up questions (issue 17): the list of types, and the first
    # type's questions with their forms.
    d.go(base + "/dashboard/beheer/vragen")
    c.page("dashboard: vervolgvragen", "h1")
    qtype = d.js("var a = document.querySelector('nav a[href*=soort]');"
                 " return a === null ? null : a.href;")
    if qtype is not None:
        d.go(qtype)
        c.page("dashboard: vervolgvragen van een soort", "#h-nieuw")
    # The auditor's password was reset by others (test-90 marks it):
    # the own one is due first, with its errors tied to the fields.
    sign_in(users["auditor"], users["password"])
    c.page("dashboard: eigen wachtwoord kiezen", "#pw-nieuw")
    fill(d, {"pw-nieuw": users["password"] + " nieuw",
             "pw-herhaling": "iets anders"})
    d.click("form[action$='/wachtwoord'] button[type=submit]")
    c.page("dashboard: eigen wachtwoord met fout", "#pw-herhaling-error")
    fill(d, {"pw-nieuw": users["password"] + " nieuw",
             "pw-herhaling": users["password"] + " nieuw"})
    d.click("form[action$='/wachtwoord'] button[type=submit]")
    d.go(base + "/dashboard/audit")
    c.page("dashboard: auditlog", "h1")
    d.go(base + "/dashboard/privacy")
    c.page("dashboard: privacy", "h1")
    # Issue 16 (test-98), still as the auditor: the audit log by a
    # reference of no report; a report after an action, with its
    # confirmation.
    d.go(base + "/dashboard/audit?melding=M-1999-999999")
    c.page("dashboard: auditlog op onbekend kenmerk", "#noref")
    if detail is not None:
        sign_in(users["coordinator"], users["password"])
        d.go(detail + "?gedaan=notitie")
        c.page("dashboard: melding na een actie", "#gedaan")

    # Routing rules and cover (issue 16): the pages and an error at its
    # field each; nothing is stored (a rule would route later tests).
    sign_in(users["admin"], users["password"])
    d.go(base + "/dashboard/routering")
    c.page("dashboard: routering", "#r-team")
    fill(d, {"r-team": ""})
    d.click("form:has(#r-team) button[type=submit]")
    c.page("dashboard: routering met fout", "#r-team-error")
    sign_in(users["coordinator"], users["password"])
    d.go(base + "/dashboard/vervanging")
    c.page("dashboard: vervanging", "#v-van")
    fill(d, {"v-van": "1-1-2026"})
    d.click("form:has(#v-van) button[type=submit]")
    c.page("dashboard: vervanging met fout", "#v-behandelaar-error")
    # Reply templates and saved filters (issue 16; test-24, test-25):
    # the coordinators' page with an error at its field, a general
    # template stored and used on a report with its preview, and the
    # work list's saved filters with a refused name.
    d.go(base + "/dashboard/sjablonen")
    c.page("dashboard: sjablonen", "#s-titel")
    d.click("form:has(#s-titel) button[type=submit]")
    c.page("dashboard: sjablonen met fout", "#s-titel-error")
    fill(d, {"s-titel": "Toegankelijk sjabloon",
             "s-tekst": "Dank voor uw melding. Wij bekijken haar."})
    d.click("form:has(#s-titel) button[type=submit]")
    c.page("dashboard: sjablonen, een opgeslagen", "#templates")
    if detail is not None:
        d.go(detail)
        d.click("#bericht-form button[value=sjabloon]")
        c.page("dashboard: melding met sjabloon", "#sjabloon-gebruikt")
        d.click("#bericht-form button[value=voorbeeld]")
        c.page("dashboard: melding met voorbeeld", "#voorbeeld")
    d.go(base + "/dashboard/?status=nieuw")
    c.page("dashboard: werklijst met opgeslagen filters", "#f-naam")
    d.click("form:has(#f-naam) button[type=submit]")
    c.page("dashboard: filters opslaan met fout", "#f-naam-error")
    # Notices by mail (issue 16): the coordinator's delivery log and
    # the own choice of notices, before and after saving it.
    d.go(base + "/dashboard/maillog")
    c.page("dashboard: maillog", "#maillog")
    d.go(base + "/dashboard/meldingen-per-mail")
    c.page("dashboard: meldingen per e-mail", "#n-team")
    d.click("form[action$='/meldingen-per-mail'] button[type=submit]")
    c.page("dashboard: meldingen per e-mail opgeslagen", "#klaar")

    # The reporter again (issue 16): the report as sent, a reply kept
    # through a session that ended, the follow-up's error page.
    d.forget_cookies()
    d.go(base + "/melding/")
    fill(d, {"meldingsnummer": ref.strip(), "code": code.strip()})
    d.click("form button[type=submit]")
    c.page("melding: de melding zoals verstuurd", "#sent")
    fill(d, {"tekst": "Nog een aanvulling op mijn melding."})
    d.forget_cookies()
    d.click("form[action$='/antwoord'] button[type=submit]")
    c.page("melding: sessie verlopen, bericht bewaard",
           "input[type=hidden][name=tekst]")
    fill(d, {"meldingsnummer": ref.strip(), "code": code.strip()})
    d.click("form button[type=submit]")
    c.page("melding: weer aangemeld, antwoord ingevuld", "#note")
    d.go(base + "/melding/bestaat-niet")
    c.page("melding: foutpagina (404)", "#back")

    # The public pages in English and Arabic (issue 17; right to left),
    # when test-90 has switched them on: the form blank, with errors
    # and in another language by its button, the receipt, the privacy
    # statement, an error page, the sign-in with a wrong code, the
    # thread and a refused reply.
    for lang in [x for x in os.environ.get("A11Y_LANGS", "").split()
                 if x != "nl"]:
        d.forget_cookies()
        d.go(base + "/melden/?taal=" + lang)
        c.page(lang + ": meldformulier", "html[lang=%s] form" % lang)
        d.click("form button[type=submit]")
        c.page(lang + ": meldformulier met fouten", ".error-summary")
        d.click("nav.languages button[value=nl]")
        c.page(lang + ": meldformulier naar nl", "html[lang=nl] form")
        d.go(base + "/melden/?taal=" + lang)
        first_type = d.js("return document.querySelector("
                          "'input[name=report-signal-type]').id;")
        fill(d, {first_type: 1, "report-description":
                 "Every night vans at the warehouse.",
                 "report-observed-date": "15-01-2026",
                 "report-city": "Voorbeeldstad", "report-anonymous-ja": 1})
        d.click("form button[type=submit]")
        c.page(lang + ": ontvangstbewijs", "#secret-code")
        lref = d.js("return document.getElementById('reference')"
                    ".textContent;").strip()
        lcode = d.js("return document.getElementById('secret-code')"
                     ".textContent;").strip()
        d.go(base + "/melden/privacy")
        c.page(lang + ": privacyverklaring", "html[lang=%s] #anoniem" % lang)
        d.go(base + "/melden/bestaat-niet")
        c.page(lang + ": foutpagina (404)", "html[lang=%s] h1" % lang)
        d.go(base + "/melding/")
        fill(d, {"meldingsnummer": lref, "code": "AAAA-BBBB-CCCC"})
        d.click("form button[type=submit]")
        c.page(lang + ": melding, verkeerde code", "[role=alert]")
        fill(d, {"meldingsnummer": lref, "code": lcode})
        d.click("form button[type=submit]")
        c.page(lang + ": melding, het gesprek", "html[lang=%s] #tekst" % lang)
        d.click("form[action$='/antwoord'] button[type=submit]")
        c.page(lang + ": melding, leeg antwoord", "#tekst-error")
    d.forget_cookies()


if __name__ == "__main__":
    sys.exit(main())
