-- Group chats the bot is in, per channel, so that a meeting may invite them; and outbox rows
-- addressed to such a chat rather than to a person (person_id NULL, one per kind and
-- occurrence, the occurrence naming the group: "<meeting>@<group>").

CREATE TABLE group_chats (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    title TEXT NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    left_at BIGINT,
    UNIQUE (channel, chat_id)
);

-- SQLite cannot drop a NOT NULL constraint: the outbox is rebuilt (nothing refers to it).
CREATE TABLE outbox_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    occurrence TEXT NOT NULL,
    person_id BIGINT REFERENCES people (id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'unreachable')),
    tries INTEGER NOT NULL DEFAULT 0,
    not_before BIGINT NOT NULL,
    claimed_by TEXT,
    claimed_until BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    UNIQUE (kind, occurrence, person_id)
);
INSERT INTO outbox_rebuilt (id, kind, occurrence, person_id, channel, chat_id, payload, status, tries, not_before,
    claimed_by, claimed_until, last_error, created_at, sent_at)
SELECT id, kind, occurrence, person_id, channel, chat_id, payload, status, tries, not_before,
    claimed_by, claimed_until, last_error, created_at, sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_rebuilt RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, channel, not_before);
CREATE INDEX outbox_occurrence ON outbox (kind, occurrence);
CREATE UNIQUE INDEX outbox_group_once ON outbox (kind, occurrence) WHERE person_id IS NULL;
