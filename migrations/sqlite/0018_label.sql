-- The associations' quality label (issue 13, second half): the ethics charter as each
-- association adopted it (one row per version, with who and when), and the label's grants.
-- A grant is live (live = 1) until it is lost, then NULL: an association holds at most one live
-- grant, so that two evaluations at once grant it once. Losing a grant queues its managers'
-- warnings (outbox kind label_lost, occurrence the grant's id) in the same transaction: each
-- manager is warned once per grant lost.

CREATE TABLE charter_adoptions (
    association_id BIGINT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    person_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    adopted_by TEXT NOT NULL,
    adopted_at BIGINT NOT NULL,
    PRIMARY KEY (association_id, version)
);

-- lost_criteria: the criteria that stopped holding, as JSON ([{"id": …, "actual": …, "needed": …}]).
CREATE TABLE label_grants (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    association_id BIGINT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    granted_at BIGINT NOT NULL,
    valid_until BIGINT NOT NULL,
    extended_at BIGINT,
    lost_at BIGINT,
    lost_criteria TEXT,
    live INTEGER CHECK (live = 1),
    UNIQUE (association_id, live)
);
CREATE INDEX label_grants_association ON label_grants (association_id, id);

-- The label counts the meetings an association's members attended.
CREATE INDEX attendance_person ON attendance (person_id);
