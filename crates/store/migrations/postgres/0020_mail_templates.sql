-- The office's wording of an e-mail, per kind and language; a kind without a row uses the
-- product's default. Deleting the row goes back to the default. Append-only.
CREATE TABLE mail_templates (
    kind TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by BIGINT,
    PRIMARY KEY (kind, lang)
);
