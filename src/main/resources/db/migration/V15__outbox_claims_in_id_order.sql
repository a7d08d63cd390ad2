-- A claim asks for a shop's due entries of one state, lowest id first, a limited number (OutboxStore.dueQuery).
-- With ix_outbox_connection_due (connection_id, state, next_attempt_at) the entries came out of the index in due
-- order, so every claim read and sorted all of the shop's due entries to keep the first few thousand: 20 000 of
-- them per claim for each of 20 shops with a backlog of 400 000 values. (connection_id, state, id) gives them in
-- the order asked: H2 reads what the claim takes and stops (OutboxClaimPlanTest), and PostgreSQL may do the same
-- when its statistics say so. The due time is a filter on those rows. It replaces ix_outbox_connection_due, which
-- no query needs any more (the in-flight read is a shop's few 'sending' entries either way).
CREATE INDEX ix_outbox_connection_state_id ON outbox (connection_id, state, id);
DROP INDEX ix_outbox_connection_due;
