-- 063_txn_mark.sql -- whether a transaction whose COMMIT went unanswered
-- was stored.
--
-- A connection lost during COMMIT (a Galera node killed, a server
-- restarting) leaves the client unsure: the work may be stored or not.
-- lib/db.c used to run it again, so a dashboard note was stored twice
-- when its node died after the commit and before the answer
-- (tests/cluster/run.sh, "every note once", 2026-12-07).  Now every
-- transaction that writes also writes its process's row here: a random
-- client id of the process and the number of its transaction.  After
-- an unanswered COMMIT the retry first reads the row on the next
-- connection: the number there says the work was stored, and it is not
-- run again.
--
-- One row per process, overwritten by its next transaction, so two
-- processes never write the same row (no certification conflict on
-- Galera).  Rows of processes that ended are removed after a day by
-- meldpuntctl retention run.  The ids are random and say nothing about
-- the work.

CREATE TABLE txn_mark (
    client      BINARY(16)      NOT NULL,
    seq         BIGINT UNSIGNED NOT NULL,
    updated_at  TIMESTAMP       NOT NULL DEFAULT CURRENT_TIMESTAMP
                                ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (client),
    KEY txn_mark_updated (updated_at)
) ENGINE=InnoDB;
