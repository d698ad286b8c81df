-- The text extracted from a CV at upload, for the office's full-text search and for
-- blind reviewers, who read the CV as text rather than as a file. Bounded by the web
-- shell; empty when the PDF has no extractable text. Append-only.
ALTER TABLE documents ADD COLUMN text TEXT NOT NULL DEFAULT '';
