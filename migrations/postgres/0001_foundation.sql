-- Associations, people, their channel identities, roles, invite codes and conversation state.
-- Times are milliseconds since the Unix epoch (UTC) in BIGINT columns, on both backends.

CREATE TABLE associations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    city TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE people (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name TEXT NOT NULL,
    language TEXT CHECK (language IN ('fr', 'ar', 'ary')),
    created_at BIGINT NOT NULL
);

CREATE TABLE identities (
    channel TEXT NOT NULL,
    user_id TEXT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (channel, user_id)
);
CREATE INDEX identities_person ON identities (person_id);

CREATE TABLE memberships (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    association_id BIGINT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('volunteer', 'manager')),
    joined_at BIGINT NOT NULL,
    invite_code TEXT,
    PRIMARY KEY (person_id, association_id)
);
CREATE INDEX memberships_association ON memberships (association_id);

CREATE TABLE platform_roles (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('coordinator', 'admin')),
    granted_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, role)
);

CREATE TABLE invites (
    code TEXT PRIMARY KEY,
    association_id BIGINT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('volunteer', 'manager')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT,
    uses BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX invites_association ON invites (association_id);

CREATE TABLE conversations (
    person_id BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
