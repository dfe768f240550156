#!/usr/bin/env python3
"""browser-visit.py -- a reporter's visit in a real browser (Debian's
Chromium over WebDriver, as tests/a11y/check-pages.py drives it): the
report form with every request the browser makes by itself (the
favicon, the style sheet), the site's root, robots.txt, the favicon
asked for directly, and a page that does not exist.  Run by
tests/e2e/test-91-web-server.sh, which then looks through the web
server's logs for the browser's address.

    browser-visit.py DRIVER BASE

Prints "ok DESC" or "not ok DESC" lines, with "# " lines saying why.
Standard library only.
"""

import json
import sys
import time
import urllib.error
import urllib.request


def call(address, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(address + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.load(r)["value"]
    except urllib.error.HTTPError as e:
        raise RuntimeError("%s %s: %s" % (method, path,
                           e.read().decode(errors="replace")[:300]))


def main():
    driver, base = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/")
    caps = {"capabilities": {"alwaysMatch": {
        "browserName": "chrome",
        "pageLoadStrategy": "normal",
        "acceptInsecureCerts": True,
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--lang=nl-NL",
                     "--ignore-certificate-errors"],
            # The pages' language follows Accept-Language (issue 17):
            # Dutch, as the checks below read, whatever --lang does in
            # headless mode.
            "prefs": {"intl.accept_languages": "nl-NL,nl"},
        },
    }}}
    sid = call(driver, "POST", "/session", caps)["sessionId"]
    s = "/session/" + sid
    try:
        visits = [
            ("/melden/", "Melding"),
            ("/", "Melding"),
            ("/robots.txt", "Disallow"),
            ("/favicon.ico", None),
            ("/bestaat-niet", "bestaat niet"),
            ("/melden/", "Melding"),
        ]
        for path, want in visits:
            call(driver, "POST", s + "/url", {"url": base + path})
            # Let the browser finish what it asks for by itself.
            time.sleep(1)
            text = call(driver, "POST", s + "/execute/sync", {
                "script": "return document.documentElement.innerText "
                          "+ ' ' + document.title;", "args": []})
            if want is None or want.lower() in text.lower():
                print("ok the browser loaded %s" % path)
            else:
                print("not ok the browser loaded %s" % path)
                print("# page text: %s" % text[:200].replace("\n", " "))
    finally:
        call(driver, "DELETE", s)


if __name__ == "__main__":
    main()
