-- Certificates (issue 13): every finished quiz (tracks may ask for a lesson version to be
-- retaken), the name each holder confirmed, the certificates issued, and the keys their Open
-- Badges credentials are signed with.

CREATE TABLE quiz_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    toolbox_id TEXT NOT NULL,
    lesson_id TEXT NOT NULL,
    lesson_version TEXT NOT NULL,
    right_answers INTEGER NOT NULL,
    out_of INTEGER NOT NULL,
    finished_at BIGINT NOT NULL
);
CREATE INDEX quiz_runs_person ON quiz_runs (person_id, toolbox_id, lesson_id);

-- The name printed on a person's certificates, as they confirmed it, and the e-mail for Open
-- Badges backpacks, kept only as a salted hash.
CREATE TABLE certificate_holders (
    person_id BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email_hash TEXT,
    salt TEXT,
    confirmed_at BIGINT NOT NULL
);

-- live is 1 until the certificate is revoked, then NULL: a person holds at most one live
-- certificate of a track. status_index is its bit in the revocation status list, drawn at random
-- (the Bitstring Status List advises it, so that a bit tells nothing of when it was issued).
CREATE TABLE certificates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    track_id TEXT NOT NULL,
    holder_name TEXT,
    association_id BIGINT REFERENCES associations (id) ON DELETE SET NULL,
    issued_by TEXT NOT NULL CHECK (issued_by IN ('track', 'hand')),
    issued_at BIGINT NOT NULL,
    renewed_at BIGINT,
    valid_until BIGINT,
    revoked_at BIGINT,
    revoked_reason TEXT,
    status_index BIGINT NOT NULL UNIQUE,
    live INTEGER CHECK (live = 1),
    UNIQUE (person_id, track_id, live)
);
CREATE INDEX certificates_association ON certificates (association_id);

-- current is 1 for the key that signs, NULL for retired keys (which still verify).
CREATE TABLE issuer_keys (
    kid TEXT PRIMARY KEY,
    private_pem TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    retired_at BIGINT,
    current INTEGER UNIQUE CHECK (current = 1)
);
