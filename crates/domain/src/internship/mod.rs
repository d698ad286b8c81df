//! After the internship: the intern's testimonial ("what my internship looked like"),
//! moderated by the office before it joins the unit's public page.

mod certificate;
mod testimonial;

pub use certificate::{certificate_pdf, Line};
pub use testimonial::{
    may_write, moderate, Moderation, ModerationAction, ModerationRefusal, TestimonialDraft,
    TestimonialProblem, MAX_TESTIMONIAL_CHARS,
};
