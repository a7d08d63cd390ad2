-- Where the next api-to-hub pull of one connection starts: per connection and data kind (name, e.g. products),
-- the newest modification time already applied, as the outside API writes it (ISO-8601).
CREATE TABLE api_cursor (
    connection_id  VARCHAR(64)   NOT NULL REFERENCES connection (id),
    name           VARCHAR(100)  NOT NULL,
    cursor_value   VARCHAR(200)  NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (connection_id, name)
);
