//! The internship itself and after: its dates (`period.rs`), the supervisor's mid-term and
//! final evaluations on a rubric given as data (`evaluation.rs`), the certificate, and the
//! intern's testimonial ("what my internship looked like"), moderated by the office before
//! it joins the unit's public page.

mod certificate;
mod evaluation;
mod period;
mod testimonial;

pub use evaluation::{
    Completeness, EvaluationCriterion, EvaluationDraft, EvaluationKind, EvaluationProblem,
    EvaluationRubric, EvaluationRubricError,
};
pub use period::{
    InternshipPeriod, PeriodProblem, SubmitRefusal, FINAL_OPENS_DAYS_BEFORE_END,
    MAX_INTERNSHIP_DAYS,
};

pub use certificate::{certificate_pdf, Line};
pub use testimonial::{
    may_write, moderate, Moderation, ModerationAction, ModerationRefusal, TestimonialDraft,
    TestimonialProblem, MAX_TESTIMONIAL_CHARS,
};
