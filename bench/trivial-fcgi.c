/*
 * trivial-fcgi.c -- the smallest useful libfcgi program: answers every
 * request with the same small HTML page.  bench/intake runs it behind
 * the same nginx as meldpunt-intake as a baseline for what nginx and
 * FastCGI cost by themselves.  Not part of meldpunt; built by the
 * benchmark with cc ... -lfcgi.
 */
#include <fcgiapp.h>
#include <string.h>

static const char page[] =
    "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
    "<title>Hallo</title></head><body><p>Hallo.</p></body></html>\n";

int
main(void)
{
	FCGX_Request	 req;

	if (FCGX_Init() != 0 || FCGX_InitRequest(&req, 0, 0) != 0)
		return 1;
	while (FCGX_Accept_r(&req) >= 0) {
		FCGX_FPrintF(req.out, "Status: 200 OK\r\n"
		    "Content-Type: text/html; charset=utf-8\r\n"
		    "Content-Length: %u\r\n\r\n", (unsigned)(sizeof(page) - 1));
		FCGX_PutStr(page, (int)(sizeof(page) - 1), req.out);
		FCGX_Finish_r(&req);
	}
	return 0;
}
