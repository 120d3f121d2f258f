-- Reminders that a certificate ends soon are a topic people may mute (issue 13). SQLite cannot
-- change a CHECK constraint: the table is made again with the new one.
CREATE TABLE mutes_new (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    topic TEXT NOT NULL CHECK (topic IN ('meetings', 'announcements', 'daily', 'certificates')),
    muted_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, topic)
);
INSERT INTO mutes_new (person_id, topic, muted_at) SELECT person_id, topic, muted_at FROM mutes;
DROP TABLE mutes;
ALTER TABLE mutes_new RENAME TO mutes;
