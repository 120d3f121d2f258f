-- Channel state: settings such as a bot's polling offset and username, people who blocked the
-- bot, native Telegram polls and the references they answer, media uploaded once per bot, and
-- groups that became supergroups.

ALTER TABLE identities ADD COLUMN unreachable_since BIGINT;

CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE telegram_polls (
    poll_id TEXT PRIMARY KEY,
    reference TEXT NOT NULL,
    user_id TEXT NOT NULL,
    chat_id BIGINT NOT NULL,
    message_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

-- source is "<bot id>:<path or URL>": a file_id is valid only for the bot that got it.
CREATE TABLE telegram_files (
    source TEXT PRIMARY KEY,
    file_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE telegram_migrated_chats (
    old_chat_id BIGINT PRIMARY KEY,
    new_chat_id BIGINT NOT NULL,
    migrated_at BIGINT NOT NULL
);
