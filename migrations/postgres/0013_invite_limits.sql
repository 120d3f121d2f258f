-- Invite codes that run out, and roles that old codes do not give back (issue 12, point 1):
-- a code may be limited to a number of uses; a manager code made before this migration stops
-- working now (new ones are single-use and valid a week); taking a person's role in an
-- association back is recorded, so that a code of that association made before then no longer
-- gives them a role in it. Wrong codes are counted per person, to slow down guessing.
ALTER TABLE invites ADD COLUMN max_uses BIGINT;
UPDATE invites SET expires_at = CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT)
    WHERE role = 'manager' AND revoked_at IS NULL
      AND (expires_at IS NULL OR expires_at > CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT));

CREATE TABLE role_revocations (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    association_id BIGINT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    revoked_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, association_id)
);

CREATE TABLE code_failures (
    person_id BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    failures BIGINT NOT NULL,
    last_failure_at BIGINT NOT NULL
);
