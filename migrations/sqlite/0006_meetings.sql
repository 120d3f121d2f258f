-- Meetings, answers to their invitations, and attendance. Invitations, reminders and
-- cancellations are outbox messages (kinds invitation, reminder, cancellation).

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organizer_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    agenda TEXT NOT NULL,
    start_local TEXT NOT NULL,
    end_local TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    place TEXT,
    link TEXT,
    recurrence TEXT NOT NULL,
    audience TEXT NOT NULL,
    cancelled_at BIGINT,
    sequence BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

CREATE TABLE rsvps (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    answer TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'maybe')),
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);
