//! `/my-application`: the signed-in candidate's profile, eligibility, choices, documents,
//! status and timeline for the session whose window is open, with one form per step. Each
//! form checks its `csrf_token`, calls the same services as the JSON API, and redirects
//! back with a message, or shows the page again with the errors and what was typed.

mod profile_form;
mod steps;

pub use profile_form::save_profile;
use profile_form::*;
use steps::*;
pub use steps::{save_draft, submit, upload_document, withdraw};

use super::forms::{
    self, attach, csrf_ok, page_user, worded, ErrorView, Field, FormData, PageUser,
};
use super::view::{render, Chrome};
use crate::api::profile::{eligibility, EligibilityBody};
use crate::api::ApiError;
use crate::documents::api::{not_draft, store as store_document};
use crate::documents::upload;
use crate::state::AppState;
use crate::visitor::Visitor;
use crate::{applying, profiles};
use askama::Template;
use axum::body::Bytes;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_domain::application::{ApplicationStatus, MAX_MOTIVATION_CHARS};
use cohort_domain::profile::{utc_date, Profile, RawEducation, RawLanguage, RawProfile};
use cohort_domain::session::{Placement, Session, WindowState};
use cohort_i18n::Tr;
use cohort_store::{ApplicationRow, DocumentKind};

pub(super) struct SessionView {
    pub(super) name: String,
    pub(super) deadline: String,
    pub(super) period: String,
}

/// A language and its level, side by side.
type LanguageRow = [Field; 2];

pub(super) struct DocumentView {
    pub(super) kind: &'static str,
    pub(super) label: String,
    pub(super) uploaded: Option<String>,
    pub(super) file: Field,
}

pub(super) struct EventView {
    pub(super) at: String,
    pub(super) label: String,
}

#[derive(Template)]
#[template(path = "my_application.html")]
pub(super) struct MyApplicationPage<'a> {
    pub(super) chrome: Chrome<'a>,
    pub(super) csrf_token: String,
    pub(super) email: String,
    pub(super) done: Option<String>,
    pub(super) errors: Vec<ErrorView>,
    pub(super) session: Option<SessionView>,
    pub(super) identity: Vec<Field>,
    pub(super) nationalities: Vec<Field>,
    pub(super) contact: Vec<Field>,
    pub(super) education: Vec<Field>,
    pub(super) languages: Vec<LanguageRow>,
    pub(super) eligibility: Option<EligibilityBody>,
    pub(super) choices: Vec<Field>,
    pub(super) motivation: Field,
    pub(super) has_application: bool,
    pub(super) editable: bool,
    pub(super) withdrawable: bool,
    pub(super) status: &'static str,
    pub(super) status_label: String,
    pub(super) documents: Vec<DocumentView>,
    pub(super) timeline: Vec<EventView>,
}

/// What a failed form sends back into the page.
#[derive(Default)]
pub(super) struct Typed {
    pub(super) profile: Option<FormData>,
    pub(super) draft: Option<FormData>,
    pub(super) errors: Vec<(Option<String>, String)>,
}

/// The session whose window is open (the latest if several), its placements, and the
/// candidate's application to it.
pub(super) struct Current {
    pub(super) session: Session,
    pub(super) placements: Vec<Placement>,
    pub(super) row: Option<ApplicationRow>,
}

pub(super) async fn current(state: &AppState, account: i64) -> Result<Option<Current>, ApiError> {
    let now = state.settings.now_timestamp();
    let sessions = state.store.sessions().await.map_err(ApiError::internal)?;
    let Some(session) = sessions
        .into_iter()
        .filter(|s| s.window.state(now) == WindowState::Open)
        .max_by_key(|s| s.window.opens().timestamp())
    else {
        return Ok(None);
    };
    let placements = state
        .store
        .placements(session.id)
        .await
        .map_err(ApiError::internal)?;
    let row = state
        .store
        .application(account, session.id)
        .await
        .map_err(ApiError::internal)?;
    Ok(Some(Current {
        session,
        placements,
        row,
    }))
}

pub(crate) fn zoned(millis: i64, session: &Session) -> String {
    jiff::Timestamp::from_millisecond(millis).map_or_else(
        |_| millis.to_string(),
        |t| {
            t.to_zoned(session.window.closes().time_zone().clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}

pub(super) async fn render_page(
    state: &AppState,
    tr: Tr<'_>,
    uri: &Uri,
    user: &PageUser,
    typed: Typed,
    done: Option<String>,
) -> Result<Response, ApiError> {
    let snapshot = state.snapshot();
    let account = user.account.id;
    let stored = profiles::load(state, account).await?;
    let current = current(state, account).await?;
    let profile_typed = typed.profile.unwrap_or_else(|| profile_form(&stored));
    let mut p = profile_fields(&tr, &profile_typed);
    let mut page = MyApplicationPage {
        chrome: Chrome::new(tr, &snapshot.catalogue, uri, tr.t("candidate-title")),
        csrf_token: user.csrf_token.clone(),
        email: user.account.email.clone(),
        done,
        errors: Vec::new(),
        session: None,
        identity: Vec::new(),
        nationalities: Vec::new(),
        contact: Vec::new(),
        education: Vec::new(),
        languages: Vec::new(),
        eligibility: None,
        choices: Vec::new(),
        motivation: Field::new("motivation", tr.t("candidate-motivation"), ""),
        has_application: false,
        editable: true,
        withdrawable: false,
        status: "none",
        status_label: tr.t("candidate-status-none"),
        documents: Vec::new(),
        timeline: Vec::new(),
    };
    if let Some(current) = &current {
        let session = &current.session;
        let (parsed, _) = Profile::parse_partial(&stored, utc_date(state.settings.now()));
        page.eligibility = Some(eligibility(
            &tr,
            &parsed,
            &session.rules,
            session.period_start,
        ));
        page.session = Some(SessionView {
            name: session.name.get(tr.lang).clone(),
            deadline: tr.with_args(
                "candidate-deadline",
                &[
                    (
                        "deadline",
                        session
                            .window
                            .closes()
                            .strftime("%Y-%m-%d %H:%M")
                            .to_string(),
                    ),
                    ("zone", session.window.time_zone().to_owned()),
                ],
            ),
            period: tr.with_args(
                "candidate-period",
                &[
                    ("start", session.period_start.to_string()),
                    ("end", session.period_end.to_string()),
                ],
            ),
        });
        let draft_typed = typed
            .draft
            .unwrap_or_else(|| current.row.as_ref().map(draft_form).unwrap_or_default());
        page.choices = choice_fields(&tr, &draft_typed, current, &snapshot.catalogue);
        page.motivation.value = draft_typed.get("motivation").to_owned();
        if let Some(row) = &current.row {
            page.has_application = true;
            page.editable = row.status == ApplicationStatus::Draft;
            page.withdrawable = matches!(
                row.status,
                ApplicationStatus::Draft
                    | ApplicationStatus::Submitted
                    | ApplicationStatus::Shortlisted
            );
            page.status = row.status.as_str();
            page.status_label = tr.t(&format!("candidate-status-{}", row.status.as_str()));
            let documents = state
                .store
                .documents(row.id)
                .await
                .map_err(ApiError::internal)?;
            page.documents = [DocumentKind::Cv, DocumentKind::Letter]
                .into_iter()
                .map(|kind| DocumentView {
                    kind: kind.as_str(),
                    label: tr.t(&format!("candidate-document-{}", kind.as_str())),
                    uploaded: documents.iter().find(|d| d.kind == kind).map(|d| {
                        tr.with_args(
                            "candidate-uploaded",
                            &[
                                ("name", d.file_name.clone()),
                                ("kib", ((d.size + 1023) / 1024).to_string()),
                                ("at", zoned(d.uploaded_at, session)),
                            ],
                        )
                    }),
                    file: Field::new(
                        &format!("file-{}", kind.as_str()),
                        tr.t(&format!("candidate-file-{}", kind.as_str())),
                        "",
                    )
                    .kind("file")
                    .hint(tr.t("candidate-file-hint")),
                })
                .collect();
            page.timeline = state
                .store
                .application_events(row.id)
                .await
                .map_err(ApiError::internal)?
                .into_iter()
                .map(|e| EventView {
                    at: zoned(e.at, session),
                    label: tr.t(&format!("candidate-event-{}", e.kind)),
                })
                .collect();
        }
    }
    page.motivation = page
        .motivation
        .hint(tr.t1("candidate-motivation-hint", "max", MAX_MOTIVATION_CHARS))
        .maxlength(MAX_MOTIVATION_CHARS);
    let errors: Vec<_> = typed
        .errors
        .into_iter()
        .map(|(field, message)| {
            let field = field.map(|f| match f.as_str() {
                "choices" => "choices[0]".to_owned(),
                "file" => "file-cv".to_owned(),
                _ => f,
            });
            (field, message)
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut all: Vec<&mut Field> = p
        .identity
        .iter_mut()
        .chain(p.nationalities.iter_mut())
        .chain(p.contact.iter_mut())
        .chain(p.education.iter_mut())
        .chain(p.languages.iter_mut().flatten())
        .chain(page.choices.iter_mut())
        .chain(std::iter::once(&mut page.motivation))
        .chain(page.documents.iter_mut().map(|d| &mut d.file))
        .collect();
    page.errors = attach(&mut all, errors);
    page.identity = p.identity;
    page.nationalities = p.nationalities;
    page.contact = p.contact;
    page.education = p.education;
    page.languages = p.languages;
    Ok(render(&page, status))
}

/// The signed-in candidate, or the response to send instead (to the sign-in page).
pub(super) async fn signed_in(
    state: &AppState,
    tr: Tr<'_>,
    uri: &Uri,
    headers: &HeaderMap,
) -> Result<PageUser, Response> {
    match page_user(state, headers).await {
        Ok(Some(user)) => Ok(user),
        Ok(None) => Err(forms::to_login()),
        Err(_) => Err(forms::internal(state, tr, uri)),
    }
}

pub(super) fn done_message(tr: &Tr<'_>, uri: &Uri) -> Option<String> {
    let done = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "done")
        .map(|(_, v)| v.into_owned())?;
    let key = match done.as_str() {
        "profile" => "candidate-done-profile",
        "draft" => "candidate-done-draft",
        "document" => "candidate-done-document",
        "submitted" => "candidate-done-submitted",
        "withdrawn" => "candidate-done-withdrawn",
        _ => return None,
    };
    Some(tr.t(key))
}

pub(super) async fn show(
    state: &AppState,
    tr: Tr<'_>,
    uri: &Uri,
    user: &PageUser,
    typed: Typed,
    done: Option<String>,
) -> Response {
    // a form's answer shows the page itself: its language switch must lead to a GET
    let page_uri = Uri::from_static("/my-application");
    let uri = if uri.path() == "/my-application" {
        uri
    } else {
        &page_uri
    };
    match render_page(state, tr, uri, user, typed, done).await {
        Ok(response) => response,
        Err(_) => forms::internal(state, tr, uri),
    }
}

pub(super) fn back(done: &str) -> Response {
    Redirect::to(&format!("/my-application?done={done}")).into_response()
}

/// `GET /my-application`.
pub async fn my_application(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let user = match signed_in(&state, tr, &uri, &headers).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let done = done_message(&tr, &uri);
    show(&state, tr, &uri, &user, Typed::default(), done).await
}

/// The user and the form of a POST whose `csrf_token` matched, or the response to send.
pub(crate) async fn posted(
    state: &AppState,
    tr: Tr<'_>,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(PageUser, FormData), Response> {
    let user = signed_in(state, tr, uri, headers).await?;
    let form = FormData::parse(body);
    if !csrf_ok(&user, form.opt("csrf_token").as_deref()) {
        return Err(forms::csrf_refused(state, tr, uri));
    }
    Ok((user, form))
}

/// The open session and the application, or the page with a message saying why not.
pub(super) async fn need_current(
    state: &AppState,
    tr: Tr<'_>,
    uri: &Uri,
    user: &PageUser,
) -> Result<Current, Response> {
    match current(state, user.account.id).await {
        Ok(Some(current)) => Ok(current),
        Ok(None) => {
            let typed = Typed {
                errors: vec![(None, tr.t("candidate-no-session"))],
                ..Typed::default()
            };
            Err(show(state, tr, uri, user, typed, None).await)
        }
        Err(_) => Err(forms::internal(state, tr, uri)),
    }
}
