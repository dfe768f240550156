# fuzz/local.mk -- the libFuzzer targets, built and run by fuzz/fuzz.sh
# with clang (not by automake: they need their own compiler and flags).
#   make fuzz          every target for FUZZ_SECONDS (600) seconds each
#   make fuzz-check    every target for FUZZ_RUNS (20000) inputs, TAP
#   make fuzz-build    only build them (into ./fuzz)

FUZZ_CC = clang
FUZZ_SECONDS = 600
FUZZ_RUNS = 20000
FUZZ_ENV = top_srcdir='$(abs_top_srcdir)' FUZZ_CC='$(FUZZ_CC)' \
	FUZZ_CPPFLAGS='$(DEFS) -I$(abs_top_builddir) -I$(abs_top_srcdir)/lib \
	$(CLEARSILVER_CFLAGS) $(FCGI_CFLAGS) $(MARIADB_CFLAGS) $(XML_CFLAGS) \
	$(OPENSSL_CFLAGS) $(QRENCODE_CFLAGS) $(HEIF_CFLAGS) $(JPEG_CFLAGS)' \
	FUZZ_LIBS='$(CLEARSILVER_LIBS) $(FCGI_LIBS) $(MARIADB_LIBS) \
	$(XML_LIBS) $(OPENSSL_LIBS) $(QRENCODE_LIBS) $(HEIF_LIBS) \
	$(JPEG_LIBS) -lz' \
	FUZZ_OUT='$(abs_top_builddir)/fuzz' \
	FUZZ_SECONDS='$(FUZZ_SECONDS)' FUZZ_RUNS='$(FUZZ_RUNS)'

fuzz:
	$(FUZZ_ENV) $(SHELL) $(top_srcdir)/fuzz/fuzz.sh run $(FUZZ_TARGETS)
fuzz-check:
	$(FUZZ_ENV) $(SHELL) $(top_srcdir)/fuzz/fuzz.sh check
fuzz-build:
	$(FUZZ_ENV) $(SHELL) $(top_srcdir)/fuzz/fuzz.sh build
.PHONY: fuzz fuzz-check fuzz-build

# Files, not the directory: "fuzz" is also the phony target above, and
# make would run it (ten minutes a target) to "make" the dist file.
# A new fuzz-*.c goes in this list too.
EXTRA_DIST += fuzz/README.md fuzz/fuzz.sh fuzz/fuzz.h fuzz/fuzz-req.dict \
	fuzz/fuzz-conf.c fuzz/fuzz-csv.c fuzz/fuzz-form.c fuzz/fuzz-http.c \
	fuzz/fuzz-mailmsg.c fuzz/fuzz-req.c fuzz/fuzz-upload.c \
	fuzz/fuzz-image.c \
	fuzz/fuzz-subject.c fuzz/fuzz-valid.c fuzz/corpus
clean-local: clean-fuzz
clean-fuzz:
	-rm -rf fuzz/obj fuzz/libfuzzmp.a fuzz/check fuzz/crashes
	-for t in $(abs_top_srcdir)/fuzz/fuzz-*.c; do \
		t=$${t##*/}; rm -f fuzz/$${t%.c}; done
.PHONY: clean-fuzz
