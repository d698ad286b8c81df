//! An intern's testimonial: written once the internship has ended, in French or English
//! (optionally with the other language's version), then approved, edited (only with the
//! author's consent) or rejected by the office.

use crate::application::ApplicationStatus;
use crate::Lang;
use jiff::civil::Date;

/// The longest testimonial kept, in characters (each version).
pub const MAX_TESTIMONIAL_CHARS: usize = 3000;

/// A testimonial as the intern writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestimonialDraft {
    /// The language it is written in.
    pub lang: Lang,
    /// The text.
    pub body: String,
    /// The same in the other language, if the intern gives it.
    pub other: Option<String>,
    /// The office may shorten or correct it.
    pub consent_to_edit: bool,
}

/// What is wrong with a draft; the field is named.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TestimonialProblem {
    /// The text is blank.
    #[error("the testimonial is empty")]
    Empty,
    /// A version is longer than [`MAX_TESTIMONIAL_CHARS`].
    #[error("{0} is too long")]
    TooLong(&'static str),
}

impl TestimonialDraft {
    /// Trims the texts and checks their length; a blank other version is none.
    pub fn check(self) -> Result<TestimonialDraft, TestimonialProblem> {
        let body = self.body.trim().to_owned();
        if body.is_empty() {
            return Err(TestimonialProblem::Empty);
        }
        if body.chars().count() > MAX_TESTIMONIAL_CHARS {
            return Err(TestimonialProblem::TooLong("body"));
        }
        let other = self
            .other
            .map(|o| o.trim().to_owned())
            .filter(|o| !o.is_empty());
        if other
            .as_ref()
            .is_some_and(|o| o.chars().count() > MAX_TESTIMONIAL_CHARS)
        {
            return Err(TestimonialProblem::TooLong("other"));
        }
        Ok(TestimonialDraft {
            body,
            other,
            ..self
        })
    }
}

/// An intern may write once their internship has ended (its last day is over).
pub fn may_write(status: ApplicationStatus, period_end: Date, today: Date) -> bool {
    status == ApplicationStatus::Accepted && today > period_end
}

/// Where a testimonial stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moderation {
    /// Waiting for the office.
    Pending,
    /// On the unit's public page.
    Approved,
    /// Not published.
    Rejected,
}

impl Moderation {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Moderation::Pending => "pending",
            Moderation::Approved => "approved",
            Moderation::Rejected => "rejected",
        }
    }

    /// Parses the stored name.
    pub fn parse(text: &str) -> Option<Moderation> {
        [
            Moderation::Pending,
            Moderation::Approved,
            Moderation::Rejected,
        ]
        .into_iter()
        .find(|m| m.as_str() == text)
    }
}

/// What the office does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModerationAction {
    /// Publish as written.
    Approve,
    /// Publish with the office's edit.
    EditAndApprove,
    /// Do not publish.
    Reject,
}

/// Why a moderation is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ModerationRefusal {
    /// The author did not consent to edits.
    #[error("the author did not consent to edits")]
    NoConsent,
    /// Already approved or rejected.
    #[error("this testimonial was already moderated")]
    AlreadyModerated,
}

/// The testimonial's new state, or why not.
pub fn moderate(
    status: Moderation,
    action: ModerationAction,
    consent_to_edit: bool,
) -> Result<Moderation, ModerationRefusal> {
    if status != Moderation::Pending {
        return Err(ModerationRefusal::AlreadyModerated);
    }
    match action {
        ModerationAction::Approve => Ok(Moderation::Approved),
        ModerationAction::EditAndApprove if consent_to_edit => Ok(Moderation::Approved),
        ModerationAction::EditAndApprove => Err(ModerationRefusal::NoConsent),
        ModerationAction::Reject => Ok(Moderation::Rejected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn draft(body: &str, other: Option<&str>) -> TestimonialDraft {
        TestimonialDraft {
            lang: Lang::Fr,
            body: body.into(),
            other: other.map(str::to_owned),
            consent_to_edit: false,
        }
    }

    #[test]
    fn drafts_are_trimmed_and_bounded() {
        let ok = draft("  Six mois passionnants.  ", Some("   "))
            .check()
            .expect("valid");
        assert_eq!(
            (ok.body.as_str(), ok.other),
            ("Six mois passionnants.", None)
        );
        assert_eq!(draft(" \n ", None).check(), Err(TestimonialProblem::Empty));
        let long = "é".repeat(MAX_TESTIMONIAL_CHARS + 1);
        assert_eq!(
            draft(&long, None).check(),
            Err(TestimonialProblem::TooLong("body"))
        );
        assert_eq!(
            draft("ok", Some(&long)).check(),
            Err(TestimonialProblem::TooLong("other"))
        );
        assert!(
            draft(&"é".repeat(MAX_TESTIMONIAL_CHARS), None)
                .check()
                .is_ok(),
            "characters, not bytes"
        );
    }

    #[test]
    fn only_after_the_last_day_and_edits_only_with_consent() {
        let end = date(2028, 2, 29);
        assert!(!may_write(ApplicationStatus::Accepted, end, end));
        assert!(may_write(
            ApplicationStatus::Accepted,
            end,
            date(2028, 3, 1)
        ));
        assert!(!may_write(ApplicationStatus::Ended, end, date(2028, 3, 1)));
        use Moderation as M;
        use ModerationAction as A;
        assert_eq!(moderate(M::Pending, A::Approve, false), Ok(M::Approved));
        assert_eq!(
            moderate(M::Pending, A::EditAndApprove, false),
            Err(ModerationRefusal::NoConsent)
        );
        assert_eq!(
            moderate(M::Pending, A::EditAndApprove, true),
            Ok(M::Approved)
        );
        assert_eq!(moderate(M::Pending, A::Reject, true), Ok(M::Rejected));
        assert_eq!(
            moderate(M::Approved, A::Reject, true),
            Err(ModerationRefusal::AlreadyModerated)
        );
        for m in [M::Pending, M::Approved, M::Rejected] {
            assert_eq!(Moderation::parse(m.as_str()), Some(m));
        }
    }
}
