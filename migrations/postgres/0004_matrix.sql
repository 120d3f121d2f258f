-- Events a channel has handled, by id, so that each is handled once across restarts (Matrix).
CREATE TABLE handled_events (
    event_key TEXT PRIMARY KEY,
    handled_at BIGINT NOT NULL
);
