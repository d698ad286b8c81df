-- A session's evaluation rubric (TOML) when the office sets one; the product's default
-- otherwise. It can change only while no evaluation of the session exists. Append-only.
CREATE TABLE evaluation_rubrics (
    session_id BIGINT PRIMARY KEY REFERENCES sessions (id),
    rubric TEXT NOT NULL
);
