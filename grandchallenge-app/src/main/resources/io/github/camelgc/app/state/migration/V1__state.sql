-- The service's durable state. The same SQL runs on H2 and PostgreSQL.

-- StateRepository entries (consumer positions, submission marks, job -> input), one row per key and platform
-- ("scope": the API host and port, like the state folders of earlier versions); a row is deleted when its value is
-- cleared, so the table holds only what is in flight.
CREATE TABLE gc_state (
    scope       VARCHAR(200)  NOT NULL,
    state_key   VARCHAR(1000) NOT NULL,
    state_value VARCHAR       NOT NULL,
    updated_at  TIMESTAMP     NOT NULL,
    PRIMARY KEY (scope, state_key)
);
CREATE INDEX gc_state_updated ON gc_state (updated_at);

-- camel-sql's JDBC idempotent repositories (JdbcMessageIdRepository: what a consumer emitted, the lung masks
-- written; JdbcOrphanLockAwareIdempotentRepository: the inbox claims, createdAt refreshed while held). Camel's own
-- layout, with a longer messageId: file keys (name-size-modified) may exceed Camel's 100 characters.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255)  NOT NULL,
    messageId     VARCHAR(1024) NOT NULL,
    createdAt     TIMESTAMP     NOT NULL,
    PRIMARY KEY (processorName, messageId)
);
CREATE INDEX camel_messageprocessed_created ON CAMEL_MESSAGEPROCESSED (createdAt);
