-- A drain claims the due entries of one connection (OutboxStore.claim). With only (state, next_attempt_at) to go
-- by, H2 walked every shop's pending entries to find one shop's: with 20 shops and 10k changed SKUs each claim
-- read ~400k rows, and the drains held the connection pool long enough to starve a feed (bench/push.sh).
CREATE INDEX ix_outbox_connection_due ON outbox (connection_id, state, next_attempt_at);
