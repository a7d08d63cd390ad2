-- A reconciliation asked on an instance that does not send to the shop (one sender per shop on PostgreSQL,
-- ShopSenders) is left here for the instance that does: reading the shop's list from elsewhere would add requests
-- the sender's pace does not count. One row per shop: asking twice before it runs is one reconciliation.
CREATE TABLE reconcile_request (
    connection_id VARCHAR(64) PRIMARY KEY REFERENCES connection (id),
    requested_at  TIMESTAMP   NOT NULL
);
