# test-93-dossier-documents.sh -- a dossier's documents (issue 14):
# upload of the allowed types (JPEG, PNG, PDF by content), refusal of
# other types, of a file over intake.max_file_size and of an empty
# upload, each with a Dutch error at the field and nothing stored;
# size and SHA-256 stored right; the download gives the same bytes with
# safe headers; a handler out of sight gets the dossier's 404 for
# upload, download and removal; removal by the uploader or a
# coordinator only, with its history row; audit rows name ids, sizes
# and hashes, never the file's name or content; CSRF refused.

. "$top_srcdir/tests/e2e/dash.sh"
. "$top_srcdir/tests/e2e/intake.sh"	# write_file
dash_fixtures
# This test's audit rows only (earlier tests upload files named foto.*).
audit0=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")

noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
T=$E2E_TEST_DIR
dash_post hanna /dossier/nieuw "titel=Documentenzaak" thema=ondermijning \
    "team=$noord"
is "$HTTP_STATUS" 303 "a Noord dossier"
d=$(sql "SELECT MAX(id) FROM dossier WHERE title = 'Documentenzaak'")
ndocs() { sql "SELECT COUNT(*) FROM dossier_document WHERE dossier_id = $d"; }
# upload USER FILE [TYPE]: a multipart POST with USER's token.
upload()
{
	local tok
	tok=$(dash_csrf "$1")
	dash_as "$1" POST "/dossier/$d/documenten" -F "csrf=$tok" \
	    -F "document-bestand=@$2;type=${3:-application/octet-stream}"
}

# Allowed types, sniffed by content (the name and type sent say
# nothing).
printf '%%PDF-1.4\n%% proces-verbaal\n1 0 obj <<>> endobj\n%%%%EOF\n' \
    >"$T/pv 1.pdf"
# Real pictures without metadata: the cleaning (lib/image.c) keeps
# them byte for byte, so the stored hash is the hash of what was sent.
write_file "$T/foto.png" png
write_file "$T/foto.jpg" jpeg
for f in "pv 1.pdf" foto.png foto.jpg; do
	upload hanna "$T/$f" text/html
	is "$HTTP_STATUS" 303 "a handler of the team uploads $f"
done
is "$(ndocs)" 3 "three documents stored"
for f in "pv 1.pdf" foto.png foto.jpg; do
	sum=$(sha256sum "$T/$f" | cut -d ' ' -f 1)
	size=$(stat -c %s "$T/$f")
	is "$(sql "SELECT CONCAT(size, ' ', sha256) FROM dossier_document
	    WHERE dossier_id = $d AND filename = '$f'")" "$size $sum" \
	    "$f: size and SHA-256 stored right"
done
is "$(sql "SELECT GROUP_CONCAT(content_type ORDER BY id) FROM
    dossier_document WHERE dossier_id = $d")" \
    "application/pdf,image/png,image/jpeg" "types from the content, not the sender"
dash_as hanna GET "/dossier/$d" >/dev/null
body=$(http_body)
like "$body" 'id="documents"' "the dossier page lists them"
like "$body" "pv 1.pdf" "by name"
like "$body" "$(sha256sum "$T/foto.png" | cut -d ' ' -f 1)" "with the SHA-256"
like "$body" 'enctype="multipart/form-data"' "the upload form is multipart"
is "$(sql "SELECT COUNT(*) FROM dossier_event WHERE dossier_id = $d AND
    kind = 'document toegevoegd'")" 3 "each upload in the dossier's history"

# Refused: other types, too big, nothing chosen; nothing stored.
printf '<html><script>alert(1)</script></html>' >"$T/evil.pdf"
printf 'PK\3\4zip' >"$T/a.docx"
head -c $((10485760 + 1)) /dev/zero | tr '\0' '%' >"$T/big.pdf"
sed -i '1s/^%%%%%/%PDF-/' "$T/big.pdf"
for f in evil.pdf a.docx; do
	upload hanna "$T/$f" application/pdf
	is "$HTTP_STATUS" 400 "$f is refused"
	like "$(http_body)" "alleen foto&#39;s \(JPEG of PNG\) en PDF-bestanden|alleen foto's \(JPEG of PNG\) en PDF-bestanden" \
	    "with a Dutch error"
	like "$(http_body)" 'id="document-bestand-fout"' "at the field"
	like "$(http_body)" 'aria-invalid="true"' "marked invalid"
done
upload hanna "$T/big.pdf" application/pdf
is "$HTTP_STATUS" 400 "a file over intake.max_file_size is refused"
like "$(http_body)" 'Een bestand is groter dan toegestaan' "with a Dutch error"
tok=$(dash_csrf hanna)
dash_as hanna POST "/dossier/$d/documenten" -F "csrf=$tok"
is "$HTTP_STATUS" 400 "an upload without a file is refused"
like "$(http_body)" 'Kies een bestand om toe te voegen' "with a Dutch error"
head -c $((12 * 1024 * 1024)) /dev/zero >"$T/huge.pdf"
sed -i '1s/^/%PDF-/' "$T/huge.pdf"
upload hanna "$T/huge.pdf" application/pdf
is "$HTTP_STATUS" 413 "a request over the dashboard's body limit: 413"
like "$(http_body)" 'Wat u verstuurde is te groot' "with a Dutch error"
is "$(ndocs)" 3 "none of them stored"

# A hostile file name is kept as text and shown escaped.
cp "$T/foto.png" "$T/x.png"
tok=$(dash_csrf hanna)
dash_as hanna POST "/dossier/$d/documenten" -F "csrf=$tok" \
    -F "document-bestand=@$T/x.png;filename=\"<img src=x onerror=alert(1)>.png\""
is "$HTTP_STATUS" 303 "a file with a hostile name is stored"
dash_as hanna GET "/dossier/$d" >/dev/null
like "$(http_body)" '&lt;img src=x onerror=alert\(1\)&gt;.png' "its name shown escaped"
unlike "$(http_body)" '<img src=x' "never raw"
hostile=$(sql "SELECT MAX(id) FROM dossier_document WHERE dossier_id = $d")
dash_as hanna GET "/dossier/$d/document/$hostile" >/dev/null
is "$(http_header Content-Disposition)" \
    'attachment; filename="<img src=x onerror=alert(1)>.png"' \
    "the download's name has no quote or control character to break out"
sql "DELETE FROM dossier_document WHERE id = $hostile"

# CSRF.
dash_as hanna POST "/dossier/$d/documenten" -F "csrf=wrong" \
    -F "document-bestand=@$T/foto.png"
is "$HTTP_STATUS" 403 "an upload with a wrong token is refused"
dash_as hanna POST "/dossier/$d/documenten" \
    -F "document-bestand=@$T/foto.png"
is "$HTTP_STATUS" 403 "and one without"
is "$(ndocs)" 3 "nothing stored"

# Download: the same bytes, safe headers, audited without content.
pdf=$(sql "SELECT id FROM dossier_document WHERE dossier_id = $d AND
    filename = 'pv 1.pdf'")
dash_as henk GET "/dossier/$d/document/$pdf" >/dev/null
is "$HTTP_STATUS" 404 "a handler of another team cannot download"
like "$(http_body)" 'Dit dossier bestaat niet, of u heeft er geen toegang toe' \
    "the dossier's own 404"
dash_as cor GET "/dossier/$d/document/$pdf" >/dev/null
is "$HTTP_STATUS" 200 "a coordinator downloads"
cmp -s "$HTTP_BODY" "$T/pv 1.pdf"
is $? 0 "the bytes are those uploaded"
is "$(http_header Content-Type)" "application/pdf" "as a PDF"
is "$(http_header Content-Disposition)" 'attachment; filename="pv 1.pdf"' \
    "as an attachment"
is "$(http_header X-Content-Type-Options)" nosniff "with nosniff"
like "$(http_header Content-Security-Policy)" "default-src 'none'" "and the CSP"
is "$(http_header Cache-Control)" no-store "not cached"
png=$(sql "SELECT id FROM dossier_document WHERE dossier_id = $d AND
    filename = 'foto.png'")
dash_as hanna GET "/dossier/$d/document/$png" >/dev/null
cmp -s "$HTTP_BODY" "$T/foto.png"
is $? 0 "the PNG comes back byte for byte"
is "$(http_header Content-Type)" "image/png" "as image/png"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'document downloaden' AND object_id = $d")" 3 "each download audited"
dash_as hanna GET "/dossier/$d/document/999999" >/dev/null
is "$HTTP_STATUS" 404 "a document that does not exist: 404"
other=$(sql "SELECT MIN(id) FROM dossier WHERE id <> $d")
if [ -z "$other" ] || [ "$other" = NULL ]; then
	dash_post cor /dossier/nieuw "titel=Ander" thema=ondermijning \
	    "team=$noord"
	other=$(sql "SELECT MAX(id) FROM dossier WHERE title = 'Ander'")
fi
dash_as cor GET "/dossier/$other/document/$pdf" >/dev/null
is "$HTTP_STATUS" 404 "a document is found only through its own dossier"

# A stranger cannot upload or remove either.
upload henk "$T/foto.png" image/png
is "$HTTP_STATUS" 404 "a handler out of sight cannot upload"
dash_post henk "/dossier/$d/document/$pdf/verwijderen"
is "$HTTP_STATUS" 404 "nor remove"
is "$(ndocs)" 3 "nothing changed"

# Removal: the uploader or a coordinator.
sql "UPDATE dossier_document SET uploaded_by = (SELECT id FROM app_user
    WHERE username = 'cor') WHERE id = $png"
dash_post hanna "/dossier/$d/document/$png/verwijderen"
is "$HTTP_STATUS" 403 "a handler cannot remove another's document"
like "$(http_body)" 'Alleen wie het document toevoegde of een coördinator' \
    "told why"
dash_post hanna "/dossier/$d/document/$pdf/verwijderen"
is "$HTTP_STATUS" 303 "the uploader removes her own"
dash_post cor "/dossier/$d/document/$png/verwijderen"
is "$HTTP_STATUS" 303 "a coordinator removes any"
is "$(ndocs)" 1 "two documents gone"
is "$(sql "SELECT COUNT(*) FROM dossier_event WHERE dossier_id = $d AND
    kind = 'document verwijderd' AND old_value LIKE 'pv 1.pdf (sha256 %'")" 1 \
    "the removal in the history, with name and hash"
dash_post cor "/dossier/$d/document/$pdf/verwijderen"
is "$HTTP_STATUS" 400 "removing it again is refused"

# The audit log: ids, sizes, hashes; no names, no content.
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE object_id = $d AND
    action = 'dossier wijzigen' AND detail LIKE 'document % toegevoegd; % bytes; sha256 %'")" 4 \
    "each upload audited with id, size and hash"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE object_id = $d AND
    action = 'dossier wijzigen' AND detail LIKE 'document % verwijderd'")" 2 \
    "each removal audited"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE id > $audit0 AND
    (detail LIKE '%pv 1%' OR detail LIKE '%foto.%'
    OR detail LIKE '%proces-verbaal%' OR detail LIKE '%onerror%'
    OR detail LIKE '%PDF-1%')")" 0 "no file name or content in the audit log"
