//! `/my-application`: the signed-in candidate's profile, eligibility, choices, documents,
//! status and timeline for the session whose window is open, with one form per step. Each
//! form checks its `csrf_token`, calls the same services as the JSON API, and redirects
//! back with a message, or shows the page again with the errors and what was typed.

use super::forms::{
    self, attach, csrf_ok, page_user, worded, ErrorView, Field, FormData, PageUser,
};
use super::view::{render, Chrome};
use crate::api::profile::{eligibility, EligibilityBody};
use crate::api::ApiError;
use crate::documents::api::{not_draft, store as store_document};
use crate::documents::upload;
use crate::i18n::Tr;
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
use cohort_store::{ApplicationRow, DocumentKind};

const NATIONALITY_INPUTS: usize = 3;
const LANGUAGE_ROWS: usize = 3;
const CHOICE_INPUTS: usize = 3;
const LEVELS: [&str; 4] = ["bachelor", "master", "doctorate", "other"];
const CEFR: [&str; 7] = ["A1", "A2", "B1", "B2", "C1", "C2", "native"];

struct SessionView {
    name: String,
    deadline: String,
    period: String,
}

/// A language and its level, side by side.
type LanguageRow = [Field; 2];

struct DocumentView {
    kind: &'static str,
    label: String,
    uploaded: Option<String>,
    file: Field,
}

struct EventView {
    at: String,
    label: String,
}

#[derive(Template)]
#[template(path = "my_application.html")]
struct MyApplicationPage<'a> {
    chrome: Chrome<'a>,
    csrf_token: String,
    email: String,
    done: Option<String>,
    errors: Vec<ErrorView>,
    session: Option<SessionView>,
    identity: Vec<Field>,
    nationalities: Vec<Field>,
    contact: Vec<Field>,
    education: Vec<Field>,
    languages: Vec<LanguageRow>,
    eligibility: Option<EligibilityBody>,
    choices: Vec<Field>,
    motivation: Field,
    has_application: bool,
    editable: bool,
    withdrawable: bool,
    status: &'static str,
    status_label: String,
    documents: Vec<DocumentView>,
    timeline: Vec<EventView>,
}

/// What a failed form sends back into the page.
#[derive(Default)]
struct Typed {
    profile: Option<FormData>,
    draft: Option<FormData>,
    errors: Vec<(Option<String>, String)>,
}

/// The session whose window is open (the latest if several), its placements, and the
/// candidate's application to it.
struct Current {
    session: Session,
    placements: Vec<Placement>,
    row: Option<ApplicationRow>,
}

async fn current(state: &AppState, account: i64) -> Result<Option<Current>, ApiError> {
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

fn profile_form(raw: &RawProfile) -> FormData {
    let mut form = FormData::default();
    let mut put = |name: &str, value: &Option<String>| {
        form.push(name, value.clone().unwrap_or_default());
    };
    put("given_names", &raw.given_names);
    put("family_name", &raw.family_name);
    put("birth_date", &raw.birth_date);
    put("phone", &raw.phone);
    put("address", &raw.address);
    put("city", &raw.city);
    put("country", &raw.country);
    if let Some(e) = &raw.education {
        put("education.level", &e.level);
        put("education.field", &e.field);
        put("education.institution", &e.institution);
        put(
            "education.years_completed",
            &e.years_completed.map(|y| y.to_string()),
        );
        let enrolled = e.enrolled.map(|b| if b { "yes" } else { "no" }.to_owned());
        put("education.enrolled", &enrolled);
        put("education.graduation_date", &e.graduation_date);
    }
    for (i, n) in raw.nationalities.iter().enumerate() {
        form.push(format!("nationalities[{i}]"), n.clone());
    }
    for (i, l) in raw.languages.iter().enumerate() {
        form.push(format!("languages[{i}].language"), l.language.clone());
        form.push(format!("languages[{i}].level"), l.level.clone());
    }
    form
}

fn draft_form(row: &ApplicationRow) -> FormData {
    let mut form = FormData::default();
    for (i, id) in row.choices.iter().enumerate() {
        form.push(format!("choices[{i}]"), id.0.to_string());
    }
    form.push("motivation", row.motivation.clone());
    form
}

/// The profile as typed in the form, the problems only the form can have (a number that
/// is not one), and where each list entry came from (to name the right input).
struct ReadProfile {
    raw: RawProfile,
    errors: Vec<(Option<String>, String)>,
    nationality_inputs: Vec<usize>,
    language_rows: Vec<usize>,
}

fn read_profile(tr: &Tr<'_>, form: &FormData) -> ReadProfile {
    let mut errors = Vec::new();
    let mut nationality_inputs = Vec::new();
    let mut nationalities = Vec::new();
    for i in 0..NATIONALITY_INPUTS {
        if let Some(n) = form.opt(&format!("nationalities[{i}]")) {
            nationality_inputs.push(i);
            nationalities.push(n.trim().to_owned());
        }
    }
    let mut language_rows = Vec::new();
    let mut languages = Vec::new();
    for i in 0..LANGUAGE_ROWS {
        let language = form.get(&format!("languages[{i}].language")).trim();
        let level = form.get(&format!("languages[{i}].level")).trim();
        if !language.is_empty() || !level.is_empty() {
            language_rows.push(i);
            languages.push(RawLanguage {
                language: language.to_owned(),
                level: level.to_owned(),
            });
        }
    }
    let years = form.opt("education.years_completed");
    let years_completed = years
        .as_deref()
        .and_then(|y| match y.trim().parse::<i64>() {
            Ok(y) => Some(y),
            Err(_) => {
                errors.push((
                    Some("education.years_completed".to_owned()),
                    tr.t("candidate-number-invalid"),
                ));
                None
            }
        });
    let education = RawEducation {
        level: form.opt("education.level"),
        field: form.opt("education.field"),
        institution: form.opt("education.institution"),
        years_completed,
        enrolled: match form.get("education.enrolled") {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
        graduation_date: form.opt("education.graduation_date"),
    };
    let any_education = education != RawEducation::default() || years.is_some();
    ReadProfile {
        raw: RawProfile {
            given_names: form.opt("given_names"),
            family_name: form.opt("family_name"),
            birth_date: form.opt("birth_date"),
            nationalities,
            phone: form.opt("phone"),
            address: form.opt("address"),
            city: form.opt("city"),
            country: form.opt("country"),
            education: any_education.then_some(education),
            languages,
        },
        errors,
        nationality_inputs,
        language_rows,
    }
}

/// `nationalities[1]` of the parsed list → the input it was typed in.
fn remap(field: &str, list: &str, inputs: &[usize]) -> String {
    let Some(rest) = field.strip_prefix(list).and_then(|r| r.strip_prefix('[')) else {
        return field.to_owned();
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return field.to_owned();
    };
    match index.parse::<usize>().ok().and_then(|i| inputs.get(i)) {
        Some(input) => format!("{list}[{input}]{tail}"),
        None => field.to_owned(),
    }
}

fn options(tr: &Tr<'_>, blank: &str, values: &[&str], prefix: &str) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), tr.t(blank))];
    options.extend(values.iter().map(|v| {
        let label = if prefix.is_empty() {
            (*v).to_owned()
        } else {
            tr.t(&format!("{prefix}{v}"))
        };
        ((*v).to_owned(), label)
    }));
    options
}

fn date_hint(tr: &Tr<'_>) -> String {
    tr.t("candidate-date-hint")
}

struct ProfileFields {
    identity: Vec<Field>,
    nationalities: Vec<Field>,
    contact: Vec<Field>,
    education: Vec<Field>,
    languages: Vec<LanguageRow>,
}

fn profile_fields(tr: &Tr<'_>, f: &FormData) -> ProfileFields {
    let field = |name: &str, label: &str| Field::new(name, tr.t(label), f.get(name));
    let identity = vec![
        field("given_names", "candidate-given-names")
            .autocomplete("given-name")
            .maxlength(100),
        field("family_name", "candidate-family-name")
            .autocomplete("family-name")
            .maxlength(100),
        field("birth_date", "candidate-birth-date")
            .autocomplete("bday")
            .hint(date_hint(tr))
            .maxlength(10),
    ];
    let nationalities = (0..NATIONALITY_INPUTS)
        .map(|i| {
            let name = format!("nationalities[{i}]");
            Field::new(
                &name,
                tr.t1("candidate-nationality-n", "n", i + 1),
                f.get(&name),
            )
            .maxlength(2)
        })
        .collect();
    let contact = vec![
        field("phone", "candidate-phone")
            .kind("tel")
            .autocomplete("tel"),
        field("address", "candidate-address")
            .autocomplete("street-address")
            .maxlength(200),
        field("city", "candidate-city")
            .autocomplete("address-level2")
            .maxlength(100),
        field("country", "candidate-country")
            .hint(tr.t("candidate-country-hint"))
            .maxlength(2),
    ];
    let education = vec![
        field("education.level", "candidate-education-level").select(options(
            tr,
            "candidate-not-given",
            &LEVELS,
            "candidate-level-",
        )),
        field("education.field", "candidate-education-field").maxlength(200),
        field("education.institution", "candidate-education-institution").maxlength(200),
        field("education.years_completed", "candidate-years-completed")
            .kind("text")
            .maxlength(2),
        field("education.enrolled", "candidate-enrolled").select(vec![
            (String::new(), tr.t("candidate-not-given")),
            ("yes".to_owned(), tr.t("candidate-yes")),
            ("no".to_owned(), tr.t("candidate-no")),
        ]),
        field("education.graduation_date", "candidate-graduation-date")
            .hint(tr.t("candidate-graduation-hint"))
            .maxlength(10),
    ];
    let languages = (0..LANGUAGE_ROWS)
        .map(|i| {
            let language = format!("languages[{i}].language");
            let level = format!("languages[{i}].level");
            [
                Field::new(
                    &language,
                    tr.t1("candidate-language-n", "n", i + 1),
                    f.get(&language),
                )
                .maxlength(2),
                Field::new(
                    &level,
                    tr.t1("candidate-level-n", "n", i + 1),
                    f.get(&level),
                )
                .select(options(tr, "candidate-not-given", &CEFR, "")),
            ]
        })
        .collect();
    ProfileFields {
        identity,
        nationalities,
        contact,
        education,
        languages,
    }
}

fn choice_fields(
    tr: &Tr<'_>,
    f: &FormData,
    current: &Current,
    catalogue: &cohort_domain::Catalogue,
) -> Vec<Field> {
    let lang = tr.lang;
    let placements: Vec<(String, String)> = current
        .placements
        .iter()
        .map(|p| {
            let unit = catalogue
                .unit(&p.unit)
                .map_or_else(|| p.unit.to_string(), |u| u.name.get(lang).clone());
            (
                p.id.0.to_string(),
                format!("{} — {}", p.title.get(lang), unit),
            )
        })
        .collect();
    let max = usize::from(current.session.max_choices).min(CHOICE_INPUTS);
    (0..max)
        .map(|i| {
            let name = format!("choices[{i}]");
            let mut options = vec![(String::new(), tr.t("candidate-no-choice"))];
            options.extend(placements.iter().cloned());
            Field::new(&name, tr.t1("candidate-choice-n", "n", i + 1), f.get(&name)).select(options)
        })
        .collect()
}

fn zoned(millis: i64, session: &Session) -> String {
    jiff::Timestamp::from_millisecond(millis).map_or_else(
        |_| millis.to_string(),
        |t| {
            t.to_zoned(session.window.closes().time_zone().clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}

async fn render_page(
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
            page.withdrawable = row.status != ApplicationStatus::Withdrawn;
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
async fn signed_in(
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

fn done_message(tr: &Tr<'_>, uri: &Uri) -> Option<String> {
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

async fn show(
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

fn back(done: &str) -> Response {
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
async fn posted(
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

/// `POST /my-application/profile`.
pub async fn save_profile(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let (user, form) = match posted(&state, tr, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let read = read_profile(&tr, &form);
    let mut errors = read.errors;
    if errors.is_empty() {
        match profiles::save(&state, user.account.id, &read.raw).await {
            Ok(Ok(_)) => return back("profile"),
            Ok(Err(problems)) => errors.extend(problems.iter().map(|p| {
                let field = remap(&p.field, "nationalities", &read.nationality_inputs);
                let field = remap(&field, "languages", &read.language_rows);
                (
                    Some(field),
                    tr.with_args(p.problem.message_key(), &p.problem.message_args()),
                )
            })),
            Err(_) => return forms::internal(&state, tr, &uri),
        }
    } else if let Err(problems) = Profile::parse(&read.raw, utc_date(state.settings.now())) {
        // the number was refused: say what else is wrong at the same time
        errors.extend(problems.iter().map(|p| {
            let field = remap(&p.field, "nationalities", &read.nationality_inputs);
            let field = remap(&field, "languages", &read.language_rows);
            (
                Some(field),
                tr.with_args(p.problem.message_key(), &p.problem.message_args()),
            )
        }));
    }
    let typed = Typed {
        profile: Some(form),
        errors,
        ..Typed::default()
    };
    show(&state, tr, &uri, &user, typed, None).await
}

/// The open session and the application, or the page with a message saying why not.
async fn need_current(
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

/// `POST /my-application/draft`: ranked choices and motivation.
pub async fn save_draft(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let (user, form) = match posted(&state, tr, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let current = match need_current(&state, tr, &uri, &user).await {
        Ok(current) => current,
        Err(response) => return response,
    };
    let mut inputs = Vec::new();
    let mut ids = Vec::new();
    let mut errors = Vec::new();
    for i in 0..CHOICE_INPUTS {
        let name = format!("choices[{i}]");
        if let Some(value) = form.opt(&name) {
            match value.trim().parse::<i64>() {
                Ok(id) => {
                    inputs.push(i);
                    ids.push(id);
                }
                Err(_) => errors.push((Some(name), tr.t("application-foreign-choice"))),
            }
        }
    }
    if errors.is_empty() {
        let saved = applying::save_draft(
            &state,
            user.account.id,
            &current.session,
            &ids,
            form.get("motivation"),
        )
        .await;
        match saved {
            Ok(_) => return back("draft"),
            Err(ApiError::Internal) => return forms::internal(&state, tr, &uri),
            Err(error) => {
                let (field, message) = worded(&tr, &error);
                errors.push((field.map(|f| remap(&f, "choices", &inputs)), message));
            }
        }
    }
    let typed = Typed {
        draft: Some(form),
        errors,
        ..Typed::default()
    };
    show(&state, tr, &uri, &user, typed, None).await
}

/// `POST /my-application/documents` (multipart: `csrf_token`, `kind`, `file`).
pub async fn upload_document(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let user = match signed_in(&state, tr, &uri, &headers).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let Ok(multipart) = multipart else {
        return forms::csrf_refused(&state, tr, &uri);
    };
    let read = upload::read_form(multipart).await;
    let upload = match read {
        Ok((upload, csrf)) if csrf_ok(&user, csrf.as_deref()) => upload,
        Ok(_) => return forms::csrf_refused(&state, tr, &uri),
        Err(error) => {
            // nothing is stored; the error is shown like any other
            let typed = Typed {
                errors: vec![worded(&tr, &error)],
                ..Typed::default()
            };
            return show(&state, tr, &uri, &user, typed, None).await;
        }
    };
    let current = match need_current(&state, tr, &uri, &user).await {
        Ok(current) => current,
        Err(response) => return response,
    };
    let kind = upload.kind;
    let result = match &current.row {
        None => Err(ApiError::ApplicationNotFound),
        Some(row) if row.status != ApplicationStatus::Draft => Err(not_draft()),
        Some(row) => store_document(&state, row.id, upload).await.map(|_| ()),
    };
    match result {
        Ok(()) => back("document"),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error) => {
            let (field, message) = worded(&tr, &error);
            let field = field.map(|f| {
                if f == "file" {
                    format!("file-{}", kind.as_str())
                } else {
                    f
                }
            });
            let typed = Typed {
                errors: vec![(field, message)],
                ..Typed::default()
            };
            show(&state, tr, &uri, &user, typed, None).await
        }
    }
}

/// `POST /my-application/submit` and `/withdraw`.
async fn change(
    state: AppState,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
    submit: bool,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let (user, _) = match posted(&state, tr, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let current = match need_current(&state, tr, &uri, &user).await {
        Ok(current) => current,
        Err(response) => return response,
    };
    let account = user.account.id;
    let result = match current.row {
        None => Err(ApiError::ApplicationNotFound),
        Some(row) if submit => {
            applying::submit(&state, visitor, account, &current.session, row).await
        }
        Some(row) => applying::withdraw(&state, &current.session, row).await,
    };
    match result {
        Ok(_) => back(if submit { "submitted" } else { "withdrawn" }),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error) => {
            let typed = Typed {
                errors: vec![worded(&tr, &error)],
                ..Typed::default()
            };
            show(&state, tr, &uri, &user, typed, None).await
        }
    }
}

/// `POST /my-application/submit`.
pub async fn submit(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    change(state, visitor, uri, headers, body, true).await
}

/// `POST /my-application/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    change(state, visitor, uri, headers, body, false).await
}
