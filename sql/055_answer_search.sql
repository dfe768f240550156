-- 055_answer_search.sql -- the work list's text search finds reports by
-- their answers to the follow-up questions too (issue 17).  A FULLTEXT
-- index on the answer's value, so that the answers half of the search
-- (lib/question.c's mp_question_sql_search, UNIONed by the dashboard's
-- list.c as the subject half is) is an index lookup: a search whose
-- words are in no answer costs one empty lookup, not a scan of
-- report_answer.  Retention deletes answers by report_id as before;
-- InnoDB removes their entries from this index with the rows.
--
-- The label (the question's text) is not indexed: a handler searches
-- for what reporters wrote, and every answer of a question holds its
-- label, so a word of it would find every report of the signal type.

ALTER TABLE report_answer
	ADD FULLTEXT INDEX IF NOT EXISTS report_answer_value (value);
