//! Sessions and placements, edited by coordinators from the browser or the API: a
//! session's fields, eligibility rules, review settings (rubric, blind review,
//! disagreement threshold), its window opened or closed now, and placements added, edited
//! or imported from a CSV or XLSX sheet with a preview that names every bad row before
//! anything is written.

pub mod api;
pub mod page;
mod problems;

pub use problems::Problem;

use cohort_untrusted::sheet::{self, SheetError};

use super::Staff;
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::state::AppState;
use cohort_domain::eligibility::RuleSet;
use cohort_domain::review::Rubric;
use cohort_domain::session::{
    placements_from_rows, ApplicationWindow, Placement, PlacementFields, PlacementId, Session,
    SessionFields, SessionId,
};
use cohort_domain::Permission;
use cohort_store::ReviewSettingsRow;

/// A session as the office edits it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SessionForm {
    /// The session's fields.
    pub fields: SessionFields,
    /// Eligibility rules, TOML (NATO's when blank).
    pub rules: String,
    /// Reviewers see no identity.
    pub blind: bool,
    /// Two review scores further apart than this are flagged (text as typed).
    pub disagreement: String,
    /// The rubric, one criterion a line.
    pub rubric: String,
}

/// Why an edit is refused.
#[derive(Debug)]
pub enum EditError {
    /// Every problem found, each with its field.
    Problems(Vec<Problem>),
    /// Anything else (not found, conflict, internal).
    Api(ApiError),
}

impl From<ApiError> for EditError {
    fn from(error: ApiError) -> Self {
        EditError::Api(error)
    }
}

impl EditError {
    /// The API's answer: the first problem, named.
    pub fn into_api(self) -> ApiError {
        match self {
            EditError::Problems(mut problems) if !problems.is_empty() => {
                problems.remove(0).into_api()
            }
            EditError::Problems(_) => ApiError::BadBody,
            EditError::Api(error) => error,
        }
    }
}

/// The form of a stored session, for editing.
pub async fn form_of(state: &AppState, session: &Session) -> Result<SessionForm, ApiError> {
    let (rubric, disagreement) = super::review::settings(state, session.id).await?;
    let blind = state
        .store
        .review_settings(session.id)
        .await
        .map_err(ApiError::internal)?
        .is_none_or(|s| s.blind);
    Ok(SessionForm {
        fields: SessionFields::of(session),
        rules: session.rules.to_toml(),
        blind,
        disagreement: disagreement.to_string(),
        rubric: rubric.to_lines(),
    })
}

/// A blank form with the programme's defaults.
pub fn new_form() -> SessionForm {
    SessionForm {
        fields: SessionFields {
            time_zone: "Europe/Brussels".into(),
            max_choices: 3,
            retention_months: i64::from(cohort_domain::session::DEFAULT_RETENTION_MONTHS),
            ..SessionFields::default()
        },
        rules: RuleSet::nato_default().to_toml(),
        blind: true,
        disagreement: super::review::DEFAULT_DISAGREEMENT.to_string(),
        rubric: Rubric::default().to_lines(),
    }
}

/// The session and its review settings, or every problem.
fn check(form: &SessionForm, id: SessionId) -> Result<(Session, ReviewSettingsRow), Vec<Problem>> {
    let mut found = Vec::new();
    let rules = if form.rules.trim().is_empty() {
        Some(RuleSet::nato_default())
    } else {
        RuleSet::from_toml(&form.rules)
            .map_err(|e| {
                found.push(Problem::new(
                    "rules",
                    "session-problem-rules",
                    vec![("detail", e.to_string())],
                ))
            })
            .ok()
    };
    let session = form
        .fields
        .check(id, rules.clone().unwrap_or_else(RuleSet::nato_default))
        .map_err(|problems| {
            found.extend(
                problems
                    .iter()
                    .map(|p| problems::session(p.field, &p.problem)),
            );
        })
        .ok();
    let disagreement = form
        .disagreement
        .trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|d| (0.0..=4.0).contains(d));
    if disagreement.is_none() {
        found.push(Problem::new(
            "disagreement",
            "session-problem-disagreement",
            vec![],
        ));
    }
    let rubric = Rubric::from_lines(&form.rubric)
        .map_err(|e| found.push(problems::rubric(&e)))
        .ok();
    match (session, rules, disagreement, rubric) {
        (Some(session), Some(_), Some(disagreement), Some(rubric)) if found.is_empty() => Ok((
            session,
            ReviewSettingsRow {
                rubric: serde_json::to_string(&rubric).unwrap_or_default(),
                blind: form.blind,
                disagreement,
            },
        )),
        _ => Err(found),
    }
}

fn code_taken() -> EditError {
    EditError::Problems(vec![Problem::new(
        "code",
        "session-problem-code-taken",
        vec![],
    )])
}

/// Creates a session (no placements yet).
pub async fn create(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    form: &SessionForm,
) -> Result<SessionId, EditError> {
    staff.require(Permission::ManageSessions)?;
    let (session, settings) = check(form, SessionId(0)).map_err(EditError::Problems)?;
    let new = cohort_app::sessions::NewSession {
        session,
        placements: Vec::new(),
        review: Some(settings),
    };
    match cohort_app::sessions::create(&state.app(), &staff.actor(peer), &new).await {
        Ok(id) => Ok(id),
        Err(cohort_app::Error::Conflict { .. }) => Err(code_taken()),
        Err(other) => Err(EditError::Api(other.into())),
    }
}

/// The session a coordinator edits.
pub(crate) async fn editable(
    state: &AppState,
    staff: &Staff,
    id: i64,
) -> Result<Session, ApiError> {
    staff.require(Permission::ManageSessions)?;
    state
        .store
        .session_by_id(SessionId(id))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::SessionNotFound)
}

/// Replaces a session's fields and review settings. The rubric cannot change once a
/// review was saved (scores would mean different things).
pub async fn update(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    id: i64,
    form: &SessionForm,
) -> Result<(), EditError> {
    let stored = editable(state, staff, id).await?;
    let (session, settings) = check(form, stored.id).map_err(EditError::Problems)?;
    let (old_rubric, _) = super::review::settings(state, stored.id).await?;
    let reviewed = !state
        .store
        .reviews_in_session(stored.id)
        .await
        .map_err(ApiError::internal)?
        .is_empty();
    if reviewed && serde_json::to_string(&old_rubric).unwrap_or_default() != settings.rubric {
        return Err(EditError::Problems(vec![Problem::new(
            "rubric",
            "session-problem-rubric-locked",
            vec![],
        )]));
    }
    let label = staff.label();
    let address = peer.ip().to_string();
    let subject = format!("session:{id}");
    let detail = serde_json::json!({ "code": session.code }).to_string();
    let audit = staff.audit_entry(&label, "session.update", &subject, &detail, &address);
    state
        .store
        .update_session(&session, &audit, state.settings.now())
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| code_taken())?;
    state
        .store
        .set_review_settings(stored.id, &settings)
        .await
        .map_err(ApiError::internal)?;
    Ok(())
}

/// Opens the window now (keeping a later closing, else 30 days from now) or closes it now.
pub async fn move_window(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    id: i64,
    open: bool,
) -> Result<(), ApiError> {
    let mut session = editable(state, staff, id).await?;
    let now = state.settings.now_timestamp();
    let (opens, closes) = (
        session.window.opens().timestamp(),
        session.window.closes().timestamp(),
    );
    let (opens, closes) = if open {
        let later = now
            .checked_add(jiff::SignedDuration::from_hours(30 * 24))
            .map_err(ApiError::internal)?;
        (now, if closes > now { closes } else { later })
    } else {
        // a window opened this very second still closes after it opened
        let before = now
            .checked_sub(jiff::SignedDuration::from_secs(1))
            .map_err(ApiError::internal)?;
        (opens.min(before), now)
    };
    session.window = ApplicationWindow::from_instants(opens, closes, session.window.time_zone())
        .map_err(ApiError::internal)?;
    let label = staff.label();
    let address = peer.ip().to_string();
    let subject = format!("session:{id}");
    let action = if open {
        "session.open"
    } else {
        "session.close"
    };
    let audit = staff.audit_entry(&label, action, &subject, "{}", &address);
    state
        .store
        .update_session(&session, &audit, state.settings.now())
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| ApiError::Internal)?;
    Ok(())
}

/// The rows of a sheet: an XLSX (a ZIP whose parts may inflate without bound) in the
/// sandbox, a CSV here on a blocking thread (its reader is bounded).
async fn read_sheet(
    state: &AppState,
    bytes: &[u8],
) -> Result<Result<Vec<Vec<String>>, SheetError>, ApiError> {
    if bytes.len() > sheet::MAX_SHEET_BYTES {
        return Ok(Err(SheetError::TooLarge));
    }
    if sheet::is_xlsx(bytes) {
        return state
            .sandbox
            .sheet_rows(bytes)
            .await
            .map_err(|_| ApiError::Busy);
    }
    let bytes = bytes.to_vec();
    tokio::task::spawn_blocking(move || sheet::rows(&bytes))
        .await
        .map_err(ApiError::internal)
}

/// Reads a sheet into placements for the session; with `write`, stores them all (or none).
pub async fn import(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    id: i64,
    bytes: &[u8],
    write: bool,
) -> Result<Vec<Placement>, EditError> {
    let session = editable(state, staff, id).await?;
    let rows = read_sheet(state, bytes).await?.map_err(|e| {
        let key = match e {
            SheetError::TooLarge => "placement-problem-sheet-too-large",
            SheetError::TooManyCells => "placement-problem-sheet-too-many-cells",
            SheetError::Unreadable => "placement-problem-sheet-unreadable",
        };
        EditError::Problems(vec![Problem::new("file", key, vec![])])
    })?;
    let catalogue = &state.snapshot().catalogue;
    let placements = placements_from_rows(&rows, catalogue, session.id)
        .map_err(|found| EditError::Problems(found.iter().map(problems::row).collect()))?;
    if placements.is_empty() {
        return Err(EditError::Problems(vec![Problem::new(
            "file",
            "placement-problem-sheet-empty",
            vec![],
        )]));
    }
    if write {
        add(
            state,
            staff,
            peer,
            &session,
            &placements,
            "placement.import",
        )
        .await?;
    }
    Ok(placements)
}

async fn add(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    session: &Session,
    placements: &[Placement],
    action: &str,
) -> Result<Vec<PlacementId>, ApiError> {
    let label = staff.label();
    let address = peer.ip().to_string();
    let subject = format!("session:{}", session.id.0);
    let detail = serde_json::json!({ "placements": placements.len() }).to_string();
    let audit = staff.audit_entry(&label, action, &subject, &detail, &address);
    state
        .store
        .add_placements(session.id, placements, &audit, state.settings.now())
        .await
        .map_err(ApiError::internal)
}

/// Adds one placement to a session.
pub async fn add_placement(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    id: i64,
    fields: &PlacementFields,
) -> Result<PlacementId, EditError> {
    let session = editable(state, staff, id).await?;
    let placement = fields
        .check(&state.snapshot().catalogue, session.id, PlacementId(0))
        .map_err(|found| {
            EditError::Problems(
                found
                    .iter()
                    .map(|p| problems::placement(p.field, &p.problem))
                    .collect(),
            )
        })?;
    let ids = add(
        state,
        staff,
        peer,
        &session,
        &[placement],
        "placement.create",
    )
    .await?;
    ids.into_iter()
        .next()
        .ok_or(EditError::Api(ApiError::Internal))
}

/// The placement a coordinator edits.
pub(crate) async fn editable_placement(
    state: &AppState,
    staff: &Staff,
    id: i64,
) -> Result<Placement, ApiError> {
    staff.require(Permission::ManageSessions)?;
    state
        .store
        .placement(PlacementId(id))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::NoRoute)
}

/// Replaces a placement's fields.
pub async fn edit_placement(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    id: i64,
    fields: &PlacementFields,
) -> Result<Placement, EditError> {
    let stored = editable_placement(state, staff, id).await?;
    let placement = fields
        .check(&state.snapshot().catalogue, stored.session, stored.id)
        .map_err(|found| {
            EditError::Problems(
                found
                    .iter()
                    .map(|p| problems::placement(p.field, &p.problem))
                    .collect(),
            )
        })?;
    let label = staff.label();
    let address = peer.ip().to_string();
    let subject = format!("placement:{id}");
    let audit = staff.audit_entry(&label, "placement.update", &subject, "{}", &address);
    let found = state
        .store
        .update_placement(&placement, &audit, state.settings.now())
        .await
        .map_err(ApiError::internal)?;
    if found {
        Ok(placement)
    } else {
        Err(EditError::Api(ApiError::NoRoute))
    }
}
