-- Every claim moves an entry's state, claim and next_attempt_at, so PostgreSQL writes a new entry into each of the
-- outbox's indexes for every value a drain takes (no HOT update), and each one adds to the WAL the drains wait on
-- (bench/push.sh: the claim's UPDATE was the largest share of the database's time, waiting on WALWrite/WALSync).
-- Two indexes no query needs any more:
--  * ix_outbox_claim: a claim reads its rows back by id (the ids it just updated) with the token as a filter;
--  * ix_outbox_due (state, next_attempt_at): claims go by ix_outbox_connection_due; what else reads by state alone
--    (the failures list, "retry failed", the summary's count) is an operator's occasional look at a table that
--    holds only what is still to send.
DROP INDEX ix_outbox_claim;
DROP INDEX ix_outbox_due;
