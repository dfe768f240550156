# conf/local.mk -- sample configuration and web server / systemd examples.

meldpuntconfdir = $(sysconfdir)/meldpunt
meldpuntconf_DATA = conf/meldpunt.hdf.sample
CLEANFILES += conf/meldpunt.hdf.sample
EXTRA_DIST += %reldir%/meldpunt.hdf.in %reldir%/nginx %reldir%/apache \
	%reldir%/logrotate \
	%reldir%/systemd %reldir%/cron %reldir%/mariadb

conf/meldpunt.hdf.sample: $(srcdir)/conf/meldpunt.hdf.in Makefile
	$(AM_V_GEN)$(MKDIR_P) conf && sed \
		-e 's|@sysconfdir[@]|$(sysconfdir)|g' \
		-e 's|@localstatedir[@]|$(localstatedir)|g' \
		-e 's|@templatedir[@]|$(templatedir)|g' \
		-e 's|@sqldir[@]|$(sqldir)|g' \
		-e 's|@spooldir[@]|$(spooldir)|g' \
		$(srcdir)/conf/meldpunt.hdf.in > $@
