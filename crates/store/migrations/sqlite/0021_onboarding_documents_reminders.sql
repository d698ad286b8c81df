-- The documents interns send for checklist items (proof of health insurance, the signed
-- agreement), one per item, kept in the object store like application documents; and the
-- reminders sent about items, each at most once per item and kind. Append-only.
CREATE TABLE onboarding_documents (
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    object_key TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL,
    PRIMARY KEY (application_id, item_key)
);

CREATE TABLE onboarding_reminders (
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    -- due_soon, overdue
    kind TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (application_id, item_key, kind)
);

-- Other one-off messages to an intern (the invitation to write a testimonial once the
-- internship has ended), each sent at most once.
CREATE TABLE intern_notices (
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (application_id, kind)
);
