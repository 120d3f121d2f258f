-- Updates received and not yet handled (issue 12, point 8): a Telegram update is stored here
-- before the offset that confirms it is sent (or before a webhook call is answered), then handled
-- per chat, in order, and deleted; receiving never waits for sending, and a restart goes on with
-- what was received before it.
CREATE TABLE inbox (
    source TEXT NOT NULL,
    update_id BIGINT NOT NULL,
    chat_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (source, update_id)
);
CREATE INDEX inbox_chat ON inbox (source, chat_key, update_id);
