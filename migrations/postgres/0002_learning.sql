-- Learning: the imported toolbox pack and its lesson versions, each person's progress, every
-- answer given, the spaced-review schedule, daily-lesson subscriptions, and the durable outbox
-- through which scheduled messages are delivered.

ALTER TABLE people ADD COLUMN time_zone TEXT;

-- One row per import that changed something; the newest row is the pack every instance teaches.
CREATE TABLE content_packs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    digest TEXT NOT NULL,
    library TEXT NOT NULL,
    imported_at BIGINT NOT NULL
);

-- Every version a lesson has had; answers point at the version they were given to.
CREATE TABLE lesson_versions (
    toolbox_id TEXT NOT NULL,
    lesson_id TEXT NOT NULL,
    version TEXT NOT NULL,
    first_imported_at BIGINT NOT NULL,
    PRIMARY KEY (toolbox_id, lesson_id, version)
);

CREATE TABLE lesson_progress (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    toolbox_id TEXT NOT NULL,
    lesson_id TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    completed_at BIGINT,
    best_right INTEGER,
    best_out_of INTEGER,
    last_right INTEGER,
    last_out_of INTEGER,
    quiz_runs INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, toolbox_id, lesson_id)
);

CREATE TABLE attempts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    toolbox_id TEXT NOT NULL,
    lesson_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    lesson_version TEXT NOT NULL,
    chosen TEXT NOT NULL,
    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
    source TEXT NOT NULL CHECK (source IN ('quiz', 'review')),
    offer TEXT NOT NULL,
    answered_at BIGINT NOT NULL,
    UNIQUE (person_id, offer)
);
CREATE INDEX attempts_question ON attempts (toolbox_id, lesson_id, question_id);

CREATE TABLE review_cards (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    toolbox_id TEXT NOT NULL,
    lesson_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    card TEXT NOT NULL,
    PRIMARY KEY (person_id, toolbox_id, lesson_id, question_id)
);
CREATE INDEX review_cards_due ON review_cards (person_id, due_at);

-- next_date is the local date of the next lesson: with the unique key of the outbox, it makes
-- one lesson per local day however the clock changes.
CREATE TABLE daily_lessons (
    person_id BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    local_time TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    next_date TEXT NOT NULL,
    next_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX daily_lessons_due ON daily_lessons (next_at);

-- Messages that must not be lost, written in the transaction that causes them.
CREATE TABLE outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    occurrence TEXT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
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
CREATE INDEX outbox_due ON outbox (status, channel, not_before);
