-- 023_signin_token.sql -- sign-in tokens are accepted once (issue 10,
-- finding 5: login CSRF).
--
-- A sign-in form's token is bound to the browser's pre-session cookie
-- (lib/presession.c); its random nonce is stored here when the form is
-- posted, and the primary key refuses the same token a second time.
-- Showing the form writes nothing: only a POST with a token that is
-- authentic, unexpired and bound to the cookie it came with gets this
-- far, so the table grows with real sign-in attempts only.  A row is
-- kept until its token would have expired anyway (expires_at, unix
-- time), then purged.  The nonce is random and worthless once used: it
-- says nothing about who signed in.
CREATE TABLE signin_token_used (
	nonce		BINARY(16) NOT NULL,
	expires_at	INT UNSIGNED NOT NULL,
	PRIMARY KEY (nonce),
	KEY signin_token_expiry (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
