-- What each inferior shop was last sent successfully (or written in dry-run), per (connection, product, kind):
-- hub-to-shop compares what a shop must show with this and sends only what differs.
-- Written for H2 (PostgreSQL mode) and PostgreSQL alike; "value" is quoted because H2 reserves the word.
CREATE TABLE shop_value (
    connection_id VARCHAR(64)  NOT NULL REFERENCES connection (id),
    product_id    BIGINT       NOT NULL REFERENCES product (id),
    kind          VARCHAR(10)  NOT NULL,
    "value"       VARCHAR(200) NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (connection_id, product_id, kind)
);

-- claim: which drain took an entry (state 'sending') until next_attempt_at, when another may take it over;
-- forced: "sync now" asked for the value to be sent even if the shop was last sent the same.
ALTER TABLE outbox ADD COLUMN claim VARCHAR(40);
ALTER TABLE outbox ADD COLUMN forced BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_outbox_claim ON outbox (claim);
