//! A candidate's application to a session: ranked choices, motivation, and the state
//! machine every change goes through.

mod choices;
mod eligibility_override;
mod screening;
mod state;

pub use choices::{ChoiceProblem, Choices, Motivation, MotivationProblem, MAX_MOTIVATION_CHARS};
pub use eligibility_override::{decide_override, OverrideRefusal};
pub use screening::{
    decide_screening, Decision, DecisionRefusal, Reason, ReasonProblem, MAX_REASON_CHARS,
};
pub use state::{decide, Action, ApplicationStatus, Refusal, SubmitContext};
