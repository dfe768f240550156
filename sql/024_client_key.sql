-- 024_client_key.sql -- client addresses are hashed with a key that
-- rotates with each window and is then forgotten (issue 10, finding 6).
--
-- rate_counter.bucket and login_attempt.client_hash are HMACs of a
-- client's address.  Under one long-lived key anyone holding the key
-- file could hash every IPv4 address and learn who reported when.  Each
-- window now has its own random secret, made by whichever worker needs
-- it first (INSERT IGNORE, so every worker on every app server ends up
-- with the same one) and deleted at forget_at, when nothing needs to
-- count in that window any more (lib/clientkey.c).  The HMAC key is
-- derived from both this secret and the key file's MP_KEY_CLIENT: while
-- the window lasts neither the database nor the key file alone can
-- recompute a hash; once the row is gone, nothing can.
--
-- purpose: 1 rate limits (lib/ratelimit.c), 2 the sign-in throttle
-- (lib/throttle.c); window_start and window_len in seconds (unix time).
CREATE TABLE client_key (
	purpose		TINYINT UNSIGNED NOT NULL,
	window_start	INT UNSIGNED NOT NULL,
	window_len	INT UNSIGNED NOT NULL,
	secret		BINARY(32) NOT NULL,
	forget_at	INT UNSIGNED NOT NULL,
	PRIMARY KEY (purpose, window_start, window_len),
	KEY client_key_forget (forget_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
