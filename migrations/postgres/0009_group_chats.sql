-- Group chats the bot is in, per channel, so that a meeting may invite them; and outbox rows
-- addressed to such a chat rather than to a person (person_id NULL, one per kind and
-- occurrence, the occurrence naming the group: "<meeting>@<group>").

CREATE TABLE group_chats (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    title TEXT NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    left_at BIGINT,
    UNIQUE (channel, chat_id)
);

ALTER TABLE outbox ALTER COLUMN person_id DROP NOT NULL;
CREATE UNIQUE INDEX outbox_group_once ON outbox (kind, occurrence) WHERE person_id IS NULL;
