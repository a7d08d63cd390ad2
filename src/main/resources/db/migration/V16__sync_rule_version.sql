-- The version of the sync rule set: every change of a rule raises it in the change's transaction. Every instance
-- compiles the rules again when it sees a new version (a change made through another instance reaches the shops
-- it sends to), and the row lock serialises changes, so two rules saved at once cannot both pass the checks
-- against the set (the limit of 200, unique names).
CREATE TABLE sync_rule_version (
    id      INTEGER PRIMARY KEY,
    version BIGINT  NOT NULL
);
INSERT INTO sync_rule_version (id, version) VALUES (1, 0);
