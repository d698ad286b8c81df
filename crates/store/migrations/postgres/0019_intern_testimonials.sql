-- What former interns write about their internship, moderated before it joins the unit's
-- public page. One per application. Append-only.
CREATE TABLE intern_testimonials (
    id BIGSERIAL PRIMARY KEY,
    application_id BIGINT NOT NULL UNIQUE REFERENCES applications (id) ON DELETE CASCADE,
    unit_code TEXT NOT NULL,
    lang TEXT NOT NULL,
    body TEXT NOT NULL,
    -- the same in the other language, when the intern gives it
    body_other TEXT,
    consent_edit INTEGER NOT NULL,
    -- pending, approved, rejected
    status TEXT NOT NULL,
    edited INTEGER NOT NULL,
    submitted_at BIGINT NOT NULL,
    moderated_at BIGINT,
    moderated_by BIGINT
);
CREATE INDEX intern_testimonials_by_status ON intern_testimonials (status, unit_code);
