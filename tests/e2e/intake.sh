# tests/e2e/intake.sh -- helpers for the report form's end-to-end tests
# (tests/e2e/test-1*-intake-*.sh), sourced by each of them after lib.sh.
# Not a test itself: run.sh only runs test-*.sh.
#
# Every request goes out from a loopback address of the test's own
# (curl --interface), so the tests can prove that no table and no log
# ever holds it.  INTAKE_ADDR is that address; intake_curl_args passes
# it.
#
# A report is built in the array F (one "name=value" per element) by
# report_fields and changed with set_field / del_field, then sent by
# post_report as multipart/form-data (--form-string: no @ or < magic).

if [ -n "${MP_E2E_INTAKE_LOADED:-}" ]; then
	return 0
fi
MP_E2E_INTAKE_LOADED=1

INTAKE_ADDR=${INTAKE_ADDR:-127.0.0.7}

# intake_catalog: the catalogue (audiences, signal types) the forms
# need; mp_prepare_db loads it, this only makes sure.
intake_catalog()
{
	if [ "$(sql 'SELECT COUNT(*) FROM audience')" = 0 ]; then
		diag "no catalogue: loading it with seed-demo --reports 0"
		mp_ctl seed-demo --reports 0 >>"$E2E_DIR/ctl.log" 2>&1
		# catalog.ttl is 1 s in the test configuration.
		sleep 1.2
	fi
}

# iget PATH [curl args]: GET from INTAKE_ADDR.
iget()
{
	local url=$1
	shift
	http_get "$url" --interface "$INTAKE_ADDR" "$@"
}

# new_token [PATH]: GET the form at PATH (/melden/) and set TOKEN.
new_token()
{
	iget "${1:-/melden/}"
	TOKEN=$(form_value form-token)
}

# past_date [DAYS]: a date DAYS (3) days ago, as YYYY-MM-DD.
past_date()
{
	date -d "${1:-3} days ago" +%F
}

# report_fields [PATH]: a fresh token from PATH and a valid anonymous
# report in F.
report_fields()
{
	new_token "${1:-/melden/}"
	F=("form-token=$TOKEN"
	    "report-signal-type=drugs"
	    "report-description=Al weken komen er 's nachts busjes bij de loods."
	    "report-observed-date=$(past_date)"
	    "report-observed-time="
	    "report-street=Industrieweg"
	    "report-house-number=7"
	    "report-postcode="
	    "report-city=Voorbeeld"
	    "report-people="
	    "report-companies="
	    "report-vehicles="
	    "report-anonymous=ja"
	    "report-contact-name="
	    "report-contact-email="
	    "report-contact-phone="
	    "website=")
}

# set_contact NAME EMAIL PHONE: the reporter is not anonymous and gives
# these contact details.
set_contact()
{
	set_field report-anonymous nee
	set_field report-contact-name "$1"
	set_field report-contact-email "$2"
	set_field report-contact-phone "$3"
}

# set_field NAME VALUE: replace NAME's value in F (appended if absent).
set_field()
{
	local i
	for i in "${!F[@]}"; do
		if [ "${F[$i]%%=*}" = "$1" ]; then
			F[$i]="$1=$2"
			return 0
		fi
	done
	F+=("$1=$2")
}

# del_field NAME: leave NAME out of F.
del_field()
{
	local i
	for i in "${!F[@]}"; do
		if [ "${F[$i]%%=*}" = "$1" ]; then
			unset 'F[i]'
		fi
	done
	F=("${F[@]}")
}

# field NAME: NAME's value in F.
field()
{
	local f
	for f in "${F[@]}"; do
		if [ "${f%%=*}" = "$1" ]; then
			printf '%s' "${f#*=}"
			return 0
		fi
	done
}

# post_report [PATH [curl args]]: send F as multipart/form-data.
post_report()
{
	local url=${1:-/melden/} args=() f
	[ $# -gt 0 ] && shift
	for f in "${F[@]}"; do
		args+=(--form-string "$f")
	done
	http_post_multipart "$url" --interface "$INTAKE_ADDR" "${args[@]}" "$@"
}

# post_report_urlencoded [PATH]: send F as x-www-form-urlencoded.
post_report_urlencoded()
{
	local url=${1:-/melden/} args=() f
	for f in "${F[@]}"; do
		args+=(--data-urlencode "$f")
	done
	http_request POST "$url" --interface "$INTAKE_ADDR" "${args[@]}"
}

# post_raw_body FILE CONTENT-TYPE [PATH]: a body byte for byte.
post_raw_body()
{
	http_request POST "${3:-/melden/}" --interface "$INTAKE_ADDR" \
	    -H "Content-Type: $2" --data-binary "@$1"
}

# counts: rows in report, reporter_contact, attachment and event.
counts()
{
	sql "SELECT (SELECT COUNT(*) FROM report),
	    (SELECT COUNT(*) FROM reporter_contact),
	    (SELECT COUNT(*) FROM attachment),
	    (SELECT COUNT(*) FROM event)" | tr '\t' ' '
}

# receipt_ref / receipt_code: the reference and secret code on a receipt.
receipt_ref()
{
	tr '\n' ' ' <"$HTTP_BODY" |
	    sed -n 's/.*id="reference">\([^<]*\)<.*/\1/p'
}

receipt_code()
{
	tr '\n' ' ' <"$HTTP_BODY" |
	    sed -n 's/.*id="secret-code">\([^<]*\)<.*/\1/p'
}

# field_error ID: the message of the error shown with the field whose
# id is ID, when the field points to it with aria-describedby and marks
# itself aria-invalid; nothing otherwise.
field_error()
{
	python3 - "$HTTP_BODY" "$1" <<'EOF'
import sys
from html.parser import HTMLParser

class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs = {}
        self.texts = {}
        self.stack = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if 'id' in a:
            self.attrs.setdefault(a['id'], a)
        if tag == 'p' and a.get('id', '').endswith('-error'):
            self.stack.append(a['id'])
            self.texts[a['id']] = ''
    def handle_endtag(self, tag):
        if tag == 'p' and self.stack:
            self.stack.pop()
    def handle_data(self, d):
        for i in self.stack:
            self.texts[i] += d

p = P()
p.feed(open(sys.argv[1], encoding='utf-8', errors='replace').read())
fid = sys.argv[2]
a = p.attrs.get(fid)
eid = fid + '-error'
if a is None or eid not in p.texts:
    sys.exit(0)
if eid not in (a.get('aria-describedby') or '').split():
    sys.exit(0)
if a.get('aria-invalid') != 'true':
    sys.exit(0)
print(p.texts[eid].replace('Fout: ', '', 1).strip())
EOF
}

# error_ids: the ids of all fields shown with an error, one a line.
error_ids()
{
	grep -o 'class="error" id="[^"]*-error"' "$HTTP_BODY" |
	    sed 's/.*id="\(.*\)-error"/\1/'
}

# checked NAME: the value of the checked radio button NAME.
checked()
{
	tr '\n' ' ' <"$HTTP_BODY" | grep -o '<input[^>]*>' |
	    grep -F "name=\"$1\"" | grep ' checked' |
	    sed -n 's/.*value="\([^"]*\)".*/\1/p'
}

# mp_dump: the whole database as mariadb-dump writes it.
mp_dump()
{
	mariadb-dump --no-defaults -S "$E2E_DBSOCK" -uroot \
	    --default-character-set=utf8mb4 --skip-extended-insert meldpunt
}

# write_file NAME KIND [BYTES]: write a small real file of KIND (jpeg,
# png, pdf, html) to NAME; BYTES pads it to about that size.
write_file()
{
	python3 - "$1" "$2" "${3:-0}" <<'EOF'
import os, struct, sys, zlib
name, kind, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
if kind == 'png':
    def chunk(t, d):
        c = struct.pack('>I', len(d)) + t + d
        return c + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    raw = b''.join(b'\x00' + bytes([x * 16 % 256, 80, 160]) * 16
        for x in range(16))
    data = (b'\x89PNG\r\n\x1a\n' +
        chunk(b'IHDR', struct.pack('>IIBBBBB', 16, 16, 8, 2, 0, 0, 0)) +
        chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
elif kind == 'jpeg':
    # A real 16x8 JPEG (ImageMagick, -strip), padded to size with ICC
    # profile segments, which the cleaning keeps (lib/image.c), so the
    # stored bytes are the bytes sent.
    jpg = bytes.fromhex(
        'ffd8ffe000104a46494600010100000100010000ffdb00430006040506050406'
        '060506070706080a100a0a09090a140e0f0c1017141818171416161a1d251f1a'
        '1b231c1616202c20232627292a29191f2d302d283025282928ffdb0043010707'
        '070a080a130a0a13281a161a2828282828282828282828282828282828282828'
        '282828282828282828282828282828282828282828282828282828282828ffc0'
        '0011080008001003012200021101031101ffc400150001010000000000000000'
        '0000000000000007ffc400161001010100000000000000000000000000001562'
        'ffc4001501010100000000000000000000000000000507ffc400191100010500'
        '0000000000000000000000000005165391f0ffda000c03010002110311003f00'
        '8dd9d16740ad335263d432ec539359ffd9')
    pad, r = b'', max(size - len(jpg), 0)
    while r >= 18:
        n = min(r, 60000)
        if 0 < r - n < 18:
            n -= 18
        pad += (b'\xff\xe2' + struct.pack('>H', n - 2) + b'ICC_PROFILE\x00'
            + b'\x01\x01' + os.urandom(n - 18))
        r -= n
    data = jpg[:20] + pad + jpg[20:]
elif kind == 'pdf':
    data = (b'%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'
        b'2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n'
        b'trailer << /Root 1 0 R >>\n%%EOF\n')
else:
    data = b'<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n'
if len(data) < size:
    pad = b'%' if kind == 'pdf' else b' '
    data = data + pad * (size - len(data))
open(name, 'wb').write(data)
EOF
}
