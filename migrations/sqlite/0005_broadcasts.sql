-- Broadcasts to an audience, the topics people mute, and the private chat of each identity
-- (where broadcasts, invitations and reminders go).

ALTER TABLE identities ADD COLUMN private_chat TEXT;

CREATE TABLE broadcasts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    topic TEXT NOT NULL CHECK (topic IN ('meetings', 'announcements', 'daily')),
    texts TEXT NOT NULL,
    audience TEXT NOT NULL,
    recipients BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

CREATE TABLE mutes (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    topic TEXT NOT NULL CHECK (topic IN ('meetings', 'announcements', 'daily')),
    muted_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, topic)
);

CREATE INDEX outbox_occurrence ON outbox (kind, occurrence);
