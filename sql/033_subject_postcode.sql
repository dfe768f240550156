-- 033_subject_postcode.sql -- the "nearby" links of the report page
-- (issue 13, lib/subject.c's STMT_RELATED): the addresses of the same
-- postcode with another house number.  Their normal form begins with
-- the postcode and a space ("1234AB 12 A"), and the statement read
-- them as a range of subject_norm that depends on the report's own
-- address; MariaDB can use no index for such a range beside the
-- constant kind, and read every address subject's entry, index only,
-- for each page (2 ms at 30,000 reports, linear in the addresses).
-- An indexed virtual column of that prefix makes it an equality: one
-- short range per address of the report.
--
-- postcode: the first 7 bytes of norm ("1234AB "), exactly when the
-- subject is an address in the postcode form (the statement's own
-- test, byte for byte, in utf8mb4_bin as norm), else NULL, which the
-- index keeps out of every lookup.  VIRTUAL: nothing stored in the
-- rows, only in the index; no program writes it.
ALTER TABLE subject
    ADD COLUMN postcode VARCHAR(7) CHARACTER SET utf8mb4
	COLLATE utf8mb4_bin AS (IF(kind = 1 AND
	norm REGEXP '^[0-9][0-9][0-9][0-9][A-Z][A-Z] ', LEFT(norm, 7),
	NULL)) VIRTUAL,
    ADD KEY subject_postcode (postcode);
