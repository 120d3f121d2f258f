-- Who came to a meeting (an occurrence of it, for repeating ones): kept for certification and
-- the associations' quality label.
CREATE TABLE attendance (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (meeting_id, occurrence, person_id)
);
