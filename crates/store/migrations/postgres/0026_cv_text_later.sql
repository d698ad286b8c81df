-- A CV's text is read after its upload has been answered, by a worker on any node that
-- claims it here, so a surge of uploads waits in this table rather than in a request.
-- `text_pending` is 1 until the text is saved (empty when unreadable); a claim lasts until
-- `text_claimed_until` (Unix ms) and counts in `text_attempts`, so a node that dies while
-- reading leaves it to another. `text_revision` is the value of `cv_text_revision` when
-- the text was saved: the office's cached lists re-read only those saved since. Rows
-- from before this migration hold their text already. Append-only.
ALTER TABLE documents ADD COLUMN text_pending INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN text_claimed_until BIGINT NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN text_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN text_revision BIGINT NOT NULL DEFAULT 0;
CREATE INDEX documents_to_read ON documents (uploaded_at) WHERE text_pending = 1;
CREATE INDEX documents_by_text_revision ON documents (text_revision);

-- One row: moved by one at every saved text, under its row lock, so the values follow the
-- order in which the saves commit.
CREATE TABLE cv_text_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO cv_text_revision (id, value) VALUES (1, 0);
