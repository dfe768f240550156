# man/local.mk -- the manual pages (mdoc): installed by make install,
# in the tarball, linted by make check (tests/man-lint.sh).  One page
# for the four FastCGI programs; the other three names are links to it.

dist_man5_MANS = %reldir%/meldpunt.hdf.5
dist_man8_MANS = %reldir%/meldpuntctl.8 %reldir%/meldpunt-intake.8

MAN_LINKS = meldpunt-feedback.8 meldpunt-dashboard.8 meldpunt-export.8

install-data-hook: install-man-links
install-man-links:
	cd '$(DESTDIR)$(man8dir)' && for l in $(MAN_LINKS); do \
	    rm -f "$$l" && $(LN_S) meldpunt-intake.8 "$$l" || exit 1; done
uninstall-hook: uninstall-man-links
uninstall-man-links:
	cd '$(DESTDIR)$(man8dir)' && rm -f $(MAN_LINKS)
.PHONY: install-man-links uninstall-man-links
