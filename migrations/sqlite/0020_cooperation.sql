-- Cooperation between associations (issue 14): campaigns, the delegates who vote for an
-- association, votes with their ballots, receipts and audit log, and joint statements with their
-- versions and signatures. Words in three languages (`Written`) and lists are JSON in TEXT columns.
--
-- Political opinions are sensitive data (Moroccan law 09-08). A secret vote stores no link from
-- an association or a person to a choice but these two: association -> receipt (its row in
-- vote_casts, whose choice is NULL) and receipt -> choice (vote_receipts, which has no
-- association column). A secret ballot's row in vote_casts names no person (person_id NULL).
-- A change of vote deletes the previous receipt's row. The audit log of a secret vote says who
-- cast the association's ballot, when and on which channel, never what.
-- An open vote keeps the choice in vote_casts (receipt NULL) and in its audit log.
--
-- Closing is exactly once: `UPDATE … SET closed_at = … WHERE closed_at IS NULL`, and only the
-- call that changed the row queues the result (the outbox's unique keys make a queued row unique
-- too). reminded_for is the deadline a vote's reminder was queued for: a moved deadline reminds
-- again. A vote's electorate is fixed when it opens (vote_electorate).

CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    position TEXT NOT NULL,
    links TEXT NOT NULL,
    participants TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'open')),
    proposed_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    opened_at BIGINT
);

-- Where a campaign's votes and statements are posted.
CREATE TABLE campaign_groups (
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES group_chats (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, group_id)
);

-- The delegates an association named (each a member of it while they count); while it names
-- none, its managers vote for it.
CREATE TABLE delegates (
    association_id BIGINT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    named_at BIGINT NOT NULL,
    PRIMARY KEY (association_id, person_id)
);
CREATE INDEX delegates_person ON delegates (person_id);

-- options: the VoteOption list as JSON; majority 'simple' or 'two-thirds'; quorum in percent.
CREATE TABLE votes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    options TEXT NOT NULL,
    deadline BIGINT NOT NULL,
    time_zone TEXT NOT NULL,
    quorum INTEGER NOT NULL CHECK (quorum BETWEEN 0 AND 100),
    majority TEXT NOT NULL CHECK (majority IN ('simple', 'two-thirds')),
    secret INTEGER NOT NULL CHECK (secret IN (0, 1)),
    close_when_all_voted INTEGER NOT NULL CHECK (close_when_all_voted IN (0, 1)),
    results_shown INTEGER NOT NULL CHECK (results_shown IN (0, 1)),
    opened_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    opened_at BIGINT NOT NULL,
    closed_at BIGINT,
    reminded_for BIGINT
);
CREATE INDEX votes_campaign ON votes (campaign_id);

CREATE TABLE vote_electorate (
    vote_id BIGINT NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    association_id BIGINT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    PRIMARY KEY (vote_id, association_id)
);

CREATE TABLE vote_groups (
    vote_id BIGINT NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES group_chats (id) ON DELETE CASCADE,
    PRIMARY KEY (vote_id, group_id)
);

-- Each association's current ballot: choice for an open vote (receipt NULL), receipt for a
-- secret one (choice NULL).
CREATE TABLE vote_casts (
    vote_id BIGINT NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    association_id BIGINT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    person_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    channel TEXT NOT NULL,
    cast_at BIGINT NOT NULL,
    choice INTEGER,
    receipt TEXT,
    PRIMARY KEY (vote_id, association_id),
    CHECK ((choice IS NULL) <> (receipt IS NULL))
);

-- A secret vote's published list: each current receipt and its choice, and no association;
-- without a rowid, so that rows are kept in receipt order (random), not in the order cast.
CREATE TABLE vote_receipts (
    vote_id BIGINT NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    receipt TEXT NOT NULL,
    choice INTEGER NOT NULL,
    PRIMARY KEY (vote_id, receipt)
) WITHOUT ROWID;

-- Every new choice of an association: who (and their name then), when, on which channel; the
-- choice only for an open vote.
CREATE TABLE vote_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    vote_id BIGINT NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    association_id BIGINT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    person_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    person_name TEXT NOT NULL,
    channel TEXT NOT NULL,
    at BIGINT NOT NULL,
    choice INTEGER
);
CREATE INDEX vote_audit_vote ON vote_audit (vote_id, association_id);

-- A statement's words are in statement_versions; version is the current one.
CREATE TABLE statements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id BIGINT REFERENCES campaigns (id) ON DELETE SET NULL,
    version INTEGER NOT NULL,
    deadline BIGINT,
    time_zone TEXT NOT NULL,
    written_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    closed_at BIGINT
);

CREATE TABLE statement_versions (
    statement_id BIGINT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    written_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    written_at BIGINT NOT NULL,
    PRIMARY KEY (statement_id, version)
);

-- One signature per association and version; a new version voids those of the one before
-- (voided = 1), which stay as history.
CREATE TABLE statement_signatures (
    statement_id BIGINT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    association_id BIGINT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    person_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    person_name TEXT NOT NULL,
    -- The association's name and city when it signed: a closed statement's signatories do not
    -- change when an association is renamed later.
    association_name TEXT NOT NULL,
    association_city TEXT NOT NULL,
    channel TEXT NOT NULL,
    signed_at BIGINT NOT NULL,
    voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
    PRIMARY KEY (statement_id, version, association_id)
);

-- Votes are a topic people may mute. SQLite cannot change a CHECK constraint: the table is made
-- again with the new one.
CREATE TABLE mutes_new (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    topic TEXT NOT NULL CHECK (topic IN ('meetings', 'announcements', 'daily', 'certificates', 'votes')),
    muted_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, topic)
);
INSERT INTO mutes_new (person_id, topic, muted_at) SELECT person_id, topic, muted_at FROM mutes;
DROP TABLE mutes;
ALTER TABLE mutes_new RENAME TO mutes;
