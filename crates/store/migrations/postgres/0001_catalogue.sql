-- The programme's catalogue of host units. Append-only: never edit a shipped migration.
CREATE TABLE programme (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    code TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    -- bumped by every import so that servers notice and reload
    revision BIGINT NOT NULL
);

CREATE TABLE units (
    code TEXT PRIMARY KEY,
    parent TEXT,
    kind TEXT NOT NULL,
    position BIGINT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    summary_en TEXT NOT NULL,
    summary_fr TEXT NOT NULL,
    -- JSON arrays of strings
    responsibilities_en TEXT NOT NULL,
    responsibilities_fr TEXT NOT NULL
);

CREATE TABLE testimonials (
    id BIGSERIAL PRIMARY KEY,
    unit_code TEXT NOT NULL REFERENCES units (code),
    position BIGINT NOT NULL,
    title_en TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    -- JSON arrays of paragraphs
    body_en TEXT NOT NULL,
    body_fr TEXT NOT NULL
);

CREATE INDEX testimonials_by_unit ON testimonials (unit_code, position);
