# test-00-harness.sh -- the harness itself: nginx serves the static
# files, the intake answers through its socket, MariaDB has the schema.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

http_get /static/meldpunt.css
is "$HTTP_STATUS" 200 "nginx serves /static/meldpunt.css"
like "$(http_header Content-Type)" '^text/css' \
    "/static/meldpunt.css is text/css"

http_get /static/413.html
is "$HTTP_STATUS" 200 "nginx serves /static/413.html"

http_get /static/does-not-exist.css
is "$HTTP_STATUS" 404 "an unknown static file is 404"

http_get /
is "$HTTP_STATUS" 302 "/ redirects"
like "$(http_header Location)" '/melden/$' "/ redirects to /melden/"

http_get /melden/
is "$HTTP_STATUS" 200 "the intake answers GET /melden/"
like "$(http_header Content-Type)" '^text/html; *charset=utf-8' \
    "/melden/ is HTML in UTF-8"

ok '[ ! -s "$E2E_NGINX/logs/access.log" ] ||
    ! grep -q " /melden/" "$E2E_NGINX/logs/access.log"' \
    "no access log line for /melden/"

ok 'mariadb_up' "MariaDB answers on its socket"
is "$(sql 'SELECT MIN(version) FROM schema_migrations')" 1 \
    "schema_migrations has version 1"
is "$(sql "SELECT COUNT(*) FROM mysql.user WHERE user = 'meldpunt'")" 1 \
    "the application user exists"

ok '[ "$(stat -c %a "$E2E_KEY")" = 600 ]' "the key file is mode 0600"
