# test-18-intake-photo-metadata.sh -- photos are stored without their
# metadata (issue 15): a JPEG with GPS, maker, model, owner ("iPhone van
# Jan"), a comment, XMP, IPTC and orientation 6, a PNG with tEXt, zTXt,
# iTXt, eXIf and tIME, and a HEIC from an iPhone with EXIF, sent
# through the intake and through the follow-up, come back from the
# dashboard without any of it, the right way up and decodable by
# ImageMagick, jpeginfo and pngcheck; size and SHA-256 are those of the
# stored bytes.  A malformed picture gets the Dutch error at the field
# and nothing is stored.  The forms say that location data is removed
# and that a PDF's properties may hold a name.

. "$top_srcdir/tests/e2e/feedback.sh"
dash_fixtures

for tool in convert identify jpeginfo pngcheck heif-enc; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		fail "$tool is installed (imagemagick, jpeginfo, pngcheck, libheif-examples)"
		exit 0
	fi
done

d=$E2E_TEST_DIR
secrets='iPhone van Jan|Apple|iPhone 12|52;22;|Jan de Vries|xmpmeta|Photoshop 3.0|Gemaakt door Jan|2026:03:01'

# The fixtures: real pictures from ImageMagick, metadata added here.
convert -size 96x64 gradient:red-blue "$d/base.jpg"
convert -size 24x16 gradient:red-blue png24:"$d/base.png"
python3 - "$d" <<'PY'
import struct, sys, zlib
d = sys.argv[1]
def ifd(entries, extra_at):
    # entries: (tag, type, count, value bytes); values over 4 bytes go
    # after the IFD, starting at offset extra_at.
    head, tail = struct.pack('>H', len(entries)), b''
    for tag, typ, count, val in entries:
        if len(val) <= 4:
            head += struct.pack('>HHI', tag, typ, count) + val.ljust(4, b'\0')
        else:
            head += struct.pack('>HHII', tag, typ, count, extra_at + len(tail))
            tail += val
    return head + b'\0\0\0\0', tail
def exif(orientation):
    s = lambda t: t.encode() + b'\0'
    ent0 = [(0x010f, 2, 6, s('Apple')), (0x0110, 2, 10, s('iPhone 12')),
            (0x0112, 3, 1, struct.pack('>H', orientation)),
            (0x0132, 2, 20, s('2026:03:01 10:00:00')),
            (0x013b, 2, 15, s('iPhone van Jan')), (0x8825, 4, 1, b'GPS!')]
    n0 = 2 + 12 * len(ent0) + 4
    probe, tail0 = ifd(ent0, 8 + n0)
    gps_at = 8 + n0 + len(tail0)
    ent0[-1] = (0x8825, 4, 1, struct.pack('>I', gps_at))
    i0, tail0 = ifd(ent0, 8 + n0)
    rat = lambda *v: b''.join(struct.pack('>II', x, 1) for x in v)
    entg = [(1, 2, 2, b'N\0'), (2, 5, 3, rat(52, 22, 1)),
            (3, 2, 2, b'E\0'), (4, 5, 3, rat(4, 53, 2))]
    ng = 2 + 12 * len(entg) + 4
    ig, tailg = ifd(entg, gps_at + ng)
    return b'MM\0*' + struct.pack('>I', 8) + i0 + tail0 + ig + tailg
def seg(m, p):
    return b'\xff' + bytes([m]) + struct.pack('>H', len(p) + 2) + p
jpg = open(d + '/base.jpg', 'rb').read()
xmp = (b'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>52;22;'
       b'1N</exif:GPSLatitude><dc:creator>Jan de Vries</dc:creator>'
       b'</x:xmpmeta>')
iptc = b'Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x10\x1c\x02\x50\0\x0cJan de Vries'
dirty = (jpg[:2] + seg(0xe1, b'Exif\0\0' + exif(6)) + seg(0xe1, xmp) +
         seg(0xed, iptc) + seg(0xfe, b'Gemaakt door Jan') + jpg[2:])
open(d + '/dirty.jpg', 'wb').write(dirty)
# For heif-enc: EXIF (owner, GPS) and orientation 1.
open(d + '/heic-src.jpg', 'wb').write(jpg[:2] +
    seg(0xe1, b'Exif\0\0' + exif(1)) + jpg[2:])
# Malformed: cut inside the first EXIF segment; a length past the end;
# JPEG bytes behind a PNG signature.
open(d + '/cut.jpg', 'wb').write(dirty[:40])
bad = bytearray(dirty); bad[4:6] = b'\xff\xff'
open(d + '/long.jpg', 'wb').write(bytes(bad[:2000]))
open(d + '/fake.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + jpg)
png = open(d + '/base.png', 'rb').read()
def chunk(t, p):
    return struct.pack('>I', len(p)) + t + p + struct.pack('>I',
        zlib.crc32(t + p) & 0xffffffff)
open(d + '/dirty.png', 'wb').write(png[:33] +
    chunk(b'tEXt', b'Author\0iPhone van Jan') +
    chunk(b'zTXt', b'Comment\0\0' + zlib.compress(b'Gemaakt door Jan')) +
    chunk(b'iTXt', b'XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>Jan de Vries') +
    chunk(b'eXIf', exif(1)) + chunk(b'tIME', b'\x07\xea\x03\x01\x0a\0\0') +
    png[33:])
crc = bytearray(open(d + '/dirty.png', 'rb').read()); crc[40] ^= 1
open(d + '/crc.png', 'wb').write(bytes(crc))
PY
heif-enc -q 60 -o "$d/foto.heic" "$d/heic-src.jpg" >/dev/null 2>&1
is "$(grep -ca 'iPhone van Jan' "$d/foto.heic")" 1 \
    "the fixture HEIC holds the owner's name (heif-enc kept the EXIF)"
is "$(identify -format '%[EXIF:Orientation] %[EXIF:Artist]' "$d/dirty.jpg")" \
    "6 iPhone van Jan" "the fixture JPEG has orientation 6 and an owner"
ok "grep -qaE '$secrets' '$d/dirty.png'" "the fixture PNG has text"

# clean_file FILE WHAT: FILE has none of the secrets and decodes.
clean_file()
{
	local f=$1 what=$2
	is "$(grep -caE "$secrets" "$f")" 0 "$what: no metadata left"
	case $(head -c 4 "$f" | od -An -tx1 | tr -d ' ') in
	ffd8*)
		like "$(jpeginfo -c "$f")" ' OK' "$what: jpeginfo decodes it" ;;
	89504e47)
		like "$(pngcheck "$f")" '^OK' "$what: pngcheck passes it" ;;
	*)	fail "$what: neither JPEG nor PNG" ;;
	esac
	identify "$f" >/dev/null 2>&1
	is $? 0 "$what: ImageMagick reads it"
}

# download ID REPORT FILE: fetch attachment ID from the dashboard.
download()
{
	dash_as hanna GET "/melding/$2/bijlage/$1"
	is "$HTTP_STATUS" 200 "attachment $1 downloads"
	cp "$HTTP_BODY" "$3"
	is "$(sha256sum "$3" | cut -d' ' -f1) $(stat -c %s "$3")" \
	    "$(sql "SELECT LOWER(HEX(sha256)), size FROM attachment
	    WHERE id = $1" | tr '\t' ' ')" \
	    "attachment $1: SHA-256 and size are of the stored bytes"
}

# --- The form says so ---------------------------------------------------
intake_catalog
iget /melden/
like "$(http_body)" "Wij verwijderen locatiegegevens uit foto(&#39;|')s" \
    "the intake form says location data is removed"
like "$(http_body)" "eigenschappen van een document kunnen uw naam bevatten" \
    "and that a PDF's properties may hold the reporter's name"
like "$(http_body)" 'aria-describedby="report-attachments-hint' \
    "the file field points at that text"

# --- Through the intake -------------------------------------------------
before=$(counts)
report_fields
post_report /melden/ \
    -F "report-attachments=@$d/dirty.jpg;filename=IMG_0001.jpg;type=image/jpeg" \
    -F "report-attachments=@$d/dirty.png;filename=kaart.png;type=image/png" \
    -F "report-attachments=@$d/foto.heic;filename=IMG_0002.HEIC;type=image/heic"
is "$HTTP_STATUS" 200 "a report with a JPEG, a PNG and a HEIC is accepted"
REF=$(receipt_ref)
CODE=$(receipt_code)
RID=$(sql "SELECT id FROM report WHERE reference = '$REF'")
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Noord')
    WHERE id = $RID"
is "$(sql "SELECT GROUP_CONCAT(CONCAT(filename, ' ', mime) ORDER BY id
    SEPARATOR ', ') FROM attachment WHERE report_id = $RID")" \
    "IMG_0001.jpg image/jpeg, kaart.png image/png, IMG_0002.jpg image/jpeg" \
    "stored as JPEG, PNG and the HEIC as JPEG"
is "$(sql "SELECT COUNT(*) FROM attachment WHERE report_id = $RID AND
    (LOCATE('iPhone van Jan', data) > 0 OR LOCATE('Gemaakt door', data) > 0
    OR LOCATE('Jan de Vries', data) > 0)")" 0 \
    "no stored attachment holds the owner's name or the comment"

for a in $(sql "SELECT id FROM attachment WHERE report_id = $RID ORDER BY id"); do
	download "$a" "$RID" "$d/got-$a"
	clean_file "$d/got-$a" "intake attachment $a"
done
jpg=$(sql "SELECT MIN(id) FROM attachment WHERE report_id = $RID")
is "$(identify -format '%[EXIF:Orientation] %wx%h' "$d/got-$jpg")" "6 96x64" \
    "the JPEG keeps orientation 6 (the right way up) and its size"
is "$(identify -format '%[EXIF:*]' "$d/got-$jpg" | grep -v '^exif:Orientation=' |
    grep -c 'exif:')" 0 "and no other EXIF tag"
heic=$(sql "SELECT MAX(id) FROM attachment WHERE report_id = $RID")
is "$(identify -format '%wx%h' "$d/got-$heic")" "96x64" \
    "the HEIC becomes a JPEG of the same size"
is "$(identify -format '%[EXIF:*]' "$d/got-$heic" | grep -c 'exif:')" 0 \
    "without EXIF"

# --- Through the follow-up ----------------------------------------------
http_reset_cookies
fb_signin "$REF" "$CODE"
fb_get /
like "$(http_body)" "Wij verwijderen locatiegegevens uit foto(&#39;|')s" \
    "the follow-up says location data is removed"
fb_reply "Nog een foto." \
    -F "report-attachments=@$d/dirty.jpg;filename=IMG_0003.jpg;type=image/jpeg"
is "$HTTP_STATUS" 303 "a reply with a photo is taken"
a=$(sql "SELECT MAX(a.id) FROM attachment a JOIN message m ON m.id =
    a.message_id WHERE a.report_id = $RID AND m.kind = 'antwoord'")
ok "[ ${a:-0} -gt 0 ]" "it is stored with the reply"
download "$a" "$RID" "$d/reply.jpg"
clean_file "$d/reply.jpg" "reply attachment"
is "$(identify -format '%[EXIF:Orientation]' "$d/reply.jpg")" 6 \
    "the reply's photo keeps its orientation"
# The handler reads the answer: later tests expect no unread replies.
dash_post hanna "/melding/$RID" actie=gelezen
is "$HTTP_STATUS" 303 "the handler marks the answer read"


# --- Malformed pictures: a clear error, nothing stored ------------------
for f in cut.jpg long.jpg fake.png crc.png; do
	before=$(counts)
	report_fields
	post_report /melden/ -F "report-attachments=@$d/$f;type=image/jpeg"
	is "$HTTP_STATUS" 400 "intake: $f is refused"
	like "$(field_error report-attachments)" \
	    "Een foto is beschadigd of geen echte JPEG, PNG of HEIC" \
	    "intake: $f gets the Dutch error at the file field"
	is "$(counts)" "$before" "intake: nothing of $f is stored"
	like "$(http_body)" "busjes bij de loods" "intake: the text is kept"
done
n=$(fb_messages)
na=$(sql "SELECT COUNT(*) FROM attachment WHERE report_id = $RID")
fb_reply "Kapotte foto" -F "report-attachments=@$d/cut.jpg;type=image/jpeg"
is "$HTTP_STATUS" 400 "follow-up: a broken photo is refused"
like "$(http_body)" "Een foto is beschadigd" "follow-up: with the Dutch error"
like "$(http_body)" '>Kapotte foto</textarea>' "follow-up: the text is kept"
is "$(fb_messages) $(sql "SELECT COUNT(*) FROM attachment WHERE
    report_id = $RID")" "$n $na" "follow-up: nothing is stored"
like "$(grep 'picture refused' "$E2E_LOG" | tail -n 1)" \
    'scan runs off the end|segment length past the end|bad CRC|length past' \
    "the log says why a picture was refused"

# Sign out, as a reporter does: test-40 expects no reporter sessions.
tok=$(fb_csrf)
http_request POST "$FB/afmelden" --interface "$FB_ADDR" \
    --data-urlencode "csrf=$tok"
is "$(sql "SELECT COUNT(*) FROM reporter_session")" 0 \
    "the reporter signs out and no session is left"
