-- A candidate's documents (CV, motivation letter): one per kind and application. The file
-- itself lives in the object store under object_key, a random name; file_name is the
-- name the candidate gave, shown to people and never used to store or serve the file.
-- Append-only.
CREATE TABLE documents (
    id BIGSERIAL PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('cv', 'letter')),
    object_key TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL,
    UNIQUE (application_id, kind)
);
