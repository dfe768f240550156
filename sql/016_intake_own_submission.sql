-- 016_intake_own_submission.sql -- lets the intake recognise its own
-- earlier attempt without reading any report's code hash (issue 11
-- item 2 meets issue 10's least privilege).
--
-- When a retry of a report finds its submission id already stored, the
-- intake must tell "my own earlier attempt committed" (then the
-- reporter gets the receipt and the code) from "this form was sent
-- before" (409).  It decides by comparing the stored code hash with the
-- one it holds.  Reading code_hash itself would let a compromised
-- public program collect every report's hash to guess codes offline;
-- this function, run as DEFINER, answers only "does this submission
-- carry this hash", which tells nothing to someone who does not already
-- hold the code.

DELIMITER //

CREATE OR REPLACE FUNCTION intake_submission_is_own(p_submission BINARY(16),
    p_code_hash BINARY(32))
RETURNS TINYINT
NOT DETERMINISTIC
READS SQL DATA
SQL SECURITY DEFINER
BEGIN
	IF p_submission IS NULL OR p_code_hash IS NULL THEN
		RETURN 0;
	END IF;
	RETURN EXISTS (SELECT 1 FROM report
	    WHERE submission_id = p_submission AND code_hash = p_code_hash);
END
//

DELIMITER ;
