//! `/office/sessions/new`, `/office/sessions/{id}/edit`, the placements' pages and the
//! sheet import with its preview: plain forms that keep what was typed and show every
//! problem next to its input, calling the same functions as the JSON API.

use super::{EditError, Problem, SessionForm, Staff};
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::pages::{hidden, page_staff, unit_name};
use crate::pages::forms::{self, attach, ErrorView, Field, FormData};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use cohort_domain::session::{Placement, PlacementFields, SessionFields};
use cohort_i18n::Tr;

struct TextArea {
    id: String,
    name: &'static str,
    label: String,
    hint: String,
    value: String,
    rows: usize,
    error: Option<String>,
}

struct WindowView {
    note: String,
    action: String,
}

struct PlacementRow {
    href: String,
    title: String,
    unit: String,
    seats: u32,
}

struct PlacementsView {
    rows: Vec<PlacementRow>,
    add_href: String,
    import_action: String,
}

#[derive(Template)]
#[template(path = "office_session.html")]
struct SessionPage<'a> {
    chrome: Chrome<'a>,
    errors: Vec<ErrorView>,
    done: Option<String>,
    window: Option<WindowView>,
    action: String,
    csrf_token: String,
    fields: Vec<Field>,
    blind: bool,
    areas: Vec<TextArea>,
    placements: Option<PlacementsView>,
}

#[derive(Template)]
#[template(path = "office_placement.html")]
struct PlacementPage<'a> {
    chrome: Chrome<'a>,
    errors: Vec<ErrorView>,
    back: String,
    action: String,
    csrf_token: String,
    fields: Vec<Field>,
}

#[derive(Template)]
#[template(path = "office_import.html")]
struct ImportPage<'a> {
    chrome: Chrome<'a>,
    back: String,
    problems: Vec<String>,
    rows: Vec<PlacementRow>,
    confirm_action: String,
    csrf_token: String,
    sheet: String,
}

fn worded(tr: &Tr<'_>, problems: &[Problem]) -> Vec<(Option<String>, String)> {
    problems
        .iter()
        .map(|p| (Some(p.field.clone()), tr.with_args(p.key, &p.args)))
        .collect()
}

/// The session form's inputs, filled with `form`.
fn session_fields(tr: &Tr<'_>, form: &SessionForm) -> (Vec<Field>, Vec<TextArea>) {
    let f = &form.fields;
    let field =
        |name: &str, value: &str| Field::new(name, tr.t(&format!("session-field-{name}")), value);
    let fields = vec![
        field("code", &f.code)
            .hint(tr.t("session-hint-code"))
            .required(),
        field("name_en", &f.name_en).required(),
        field("name_fr", &f.name_fr).required(),
        field("period_start", &f.period_start)
            .kind("date")
            .required(),
        field("period_end", &f.period_end).kind("date").required(),
        field("opens", &f.opens)
            .kind("datetime-local")
            .hint(tr.t("session-hint-local"))
            .required(),
        field("closes", &f.closes)
            .kind("datetime-local")
            .hint(tr.t("session-hint-local"))
            .required(),
        field("time_zone", &f.time_zone)
            .hint(tr.t("session-hint-time-zone"))
            .required(),
        field("max_choices", &f.max_choices.to_string())
            .kind("number")
            .required(),
        field("retention_months", &f.retention_months.to_string())
            .kind("number")
            .hint(tr.t("session-hint-retention"))
            .required(),
        field("disagreement", &form.disagreement).hint(tr.t("session-hint-disagreement")),
    ];
    let area = |name: &'static str, value: &str, rows| TextArea {
        id: format!("f-{name}"),
        name,
        label: tr.t(&format!("session-field-{name}")),
        hint: tr.t(&format!("session-hint-{name}")),
        value: value.to_owned(),
        rows,
        error: None,
    };
    let areas = vec![
        area("rubric", &form.rubric, 6),
        area("rules", &form.rules, 12),
    ];
    (fields, areas)
}

fn form_from(data: &FormData) -> SessionForm {
    SessionForm {
        fields: SessionFields {
            code: data.get("code").to_owned(),
            name_en: data.get("name_en").to_owned(),
            name_fr: data.get("name_fr").to_owned(),
            period_start: data.get("period_start").to_owned(),
            period_end: data.get("period_end").to_owned(),
            opens: data.get("opens").to_owned(),
            closes: data.get("closes").to_owned(),
            time_zone: data.get("time_zone").to_owned(),
            // not a number: out of range, so the form says so
            max_choices: data.get("max_choices").trim().parse().unwrap_or(-1),
            retention_months: data.get("retention_months").trim().parse().unwrap_or(-1),
        },
        rules: data.get("rules").to_owned(),
        blind: data.get("blind") == "1",
        disagreement: data.get("disagreement").to_owned(),
        rubric: data.get("rubric").to_owned(),
    }
}

#[allow(clippy::too_many_arguments)]
async fn session_page(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    staff: &Staff,
    id: Option<i64>,
    form: &SessionForm,
    problems: &[Problem],
    done: Option<String>,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let (mut fields, mut areas) = session_fields(&tr, form);
    let mut errors = Vec::new();
    for (name, message) in worded(&tr, problems) {
        match areas.iter_mut().find(|a| Some(a.name) == name.as_deref()) {
            Some(area) => {
                errors.push(ErrorView {
                    target: area.id.clone(),
                    message: message.clone(),
                });
                area.error.get_or_insert(message);
            }
            None => errors.extend(attach(
                &mut fields.iter_mut().collect::<Vec<_>>(),
                vec![(name, message)],
            )),
        }
    }
    let (title, action, window, placements) = match id {
        None => (
            tr.t("session-new-title"),
            "/office/sessions/new".to_owned(),
            None,
            None,
        ),
        Some(id) => {
            let Ok(session) = super::editable(state, staff, id).await else {
                return hidden(state, visitor, uri).await;
            };
            let Ok(placements) = state.store.placements(session.id).await else {
                return forms::internal(state, tr, uri);
            };
            let now = state.settings.now_timestamp();
            let window = WindowView {
                note: tr.t(&format!(
                    "office-window-{}",
                    session.window.state(now).as_str()
                )),
                action: format!("/office/sessions/{id}/window"),
            };
            let catalogue = &state.snapshot().catalogue;
            let rows = placements.iter().map(|p| row(&tr, catalogue, p)).collect();
            let view = PlacementsView {
                rows,
                add_href: format!("/office/sessions/{id}/placements/new"),
                import_action: format!("/office/sessions/{id}/placements/import"),
            };
            (
                tr.t1("session-edit-title", "session", session.name.get(tr.lang)),
                format!("/office/sessions/{id}/edit"),
                Some(window),
                Some(view),
            )
        }
    };
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = SessionPage {
        chrome: Chrome::new(tr, &state.snapshot().catalogue, uri, title),
        errors,
        done,
        window,
        action,
        csrf_token: staff.csrf_token.clone(),
        fields,
        blind: form.blind,
        areas,
        placements,
    };
    render(&page, status)
}

fn row(tr: &Tr<'_>, catalogue: &cohort_domain::Catalogue, p: &Placement) -> PlacementRow {
    PlacementRow {
        href: format!("/office/placements/{}/edit", p.id.0),
        title: p.title.get(tr.lang).clone(),
        unit: unit_name(catalogue, p.unit.as_str(), tr.lang),
        seats: p.capacity,
    }
}

/// The coordinator of a page, or the response to send (sign-in, 404).
async fn coordinator(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
) -> Result<Staff, Response> {
    let staff = page_staff(state, visitor, uri, headers).await?;
    if staff
        .require(cohort_domain::Permission::ManageSessions)
        .is_err()
    {
        return Err(hidden(state, visitor, uri).await);
    }
    Ok(staff)
}

/// A form's coordinator and fields once its CSRF token matched.
async fn posted(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(Staff, FormData), Response> {
    let (staff, form) =
        crate::office::pages::posted_form(state, visitor, uri, headers, body).await?;
    if staff
        .require(cohort_domain::Permission::ManageSessions)
        .is_err()
    {
        return Err(hidden(state, visitor, uri).await);
    }
    Ok((staff, form))
}

async fn refused(state: &AppState, visitor: Visitor, uri: &Uri, error: ApiError) -> Response {
    match error {
        ApiError::Internal => forms::internal(state, state.locales.tr(visitor.lang), uri),
        _ => hidden(state, visitor, uri).await,
    }
}

fn done_of(tr: &Tr<'_>, uri: &Uri) -> Option<String> {
    let key = match uri.query()? {
        "done=created" => "session-done-created",
        "done=saved" => "session-done-saved",
        "done=window" => "session-done-window",
        "done=placement" => "session-done-placement",
        "done=imported" => "session-done-imported",
        _ => return None,
    };
    Some(tr.t(key))
}

fn id_of(text: &str) -> Option<i64> {
    text.parse().ok()
}

/// `GET /office/sessions/new`.
pub async fn new_session(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let staff = match coordinator(&state, visitor, &uri, &headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    session_page(
        &state,
        visitor,
        &uri,
        &staff,
        None,
        &super::new_form(),
        &[],
        None,
    )
    .await
}

/// `POST /office/sessions/new`.
pub async fn create_session(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    body: Bytes,
) -> Response {
    let (staff, data) = match posted(&state, visitor, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let form = form_from(&data);
    match super::create(&state, &staff, peer, &form).await {
        Ok(id) => {
            Redirect::to(&format!("/office/sessions/{}/edit?done=created", id.0)).into_response()
        }
        Err(EditError::Problems(problems)) => {
            session_page(&state, visitor, &uri, &staff, None, &form, &problems, None).await
        }
        Err(EditError::Api(e)) => refused(&state, visitor, &uri, e).await,
    }
}

/// `GET /office/sessions/{id}/edit`.
pub async fn edit_session(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let staff = match coordinator(&state, visitor, &uri, &headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let Some(id) = id_of(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    let session = match super::editable(&state, &staff, id).await {
        Ok(session) => session,
        Err(e) => return refused(&state, visitor, &uri, e).await,
    };
    let form = match super::form_of(&state, &session).await {
        Ok(form) => form,
        Err(e) => return refused(&state, visitor, &uri, e).await,
    };
    let tr = state.locales.tr(visitor.lang);
    let done = done_of(&tr, &uri);
    session_page(&state, visitor, &uri, &staff, Some(id), &form, &[], done).await
}

/// `POST /office/sessions/{id}/edit`.
pub async fn save_session(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let (staff, data) = match posted(&state, visitor, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let Some(id) = id_of(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    let form = form_from(&data);
    match super::update(&state, &staff, peer, id, &form).await {
        Ok(()) => Redirect::to(&format!("/office/sessions/{id}/edit?done=saved")).into_response(),
        Err(EditError::Problems(problems)) => {
            session_page(
                &state,
                visitor,
                &uri,
                &staff,
                Some(id),
                &form,
                &problems,
                None,
            )
            .await
        }
        Err(EditError::Api(e)) => refused(&state, visitor, &uri, e).await,
    }
}

/// `POST /office/sessions/{id}/window`: `open` = `1` (now) or `0` (close now).
pub async fn window(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let (staff, data) = match posted(&state, visitor, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let Some(id) = id_of(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    match super::move_window(&state, &staff, peer, id, data.get("open") == "1").await {
        Ok(()) => Redirect::to(&format!("/office/sessions/{id}/edit?done=window")).into_response(),
        Err(e) => refused(&state, visitor, &uri, e).await,
    }
}

fn placement_fields(
    tr: &Tr<'_>,
    p: &PlacementFields,
    catalogue: &cohort_domain::Catalogue,
) -> Vec<Field> {
    let field =
        |name: &str, value: &str| Field::new(name, tr.t(&format!("placement-field-{name}")), value);
    let mut units: Vec<(String, String)> = catalogue
        .units()
        .iter()
        .map(|u| (u.code.as_str().to_owned(), u.name.get(tr.lang).clone()))
        .collect();
    units.sort_by(|a, b| a.1.cmp(&b.1));
    vec![
        field("unit", &p.unit).select(units),
        field("capacity", &p.capacity).kind("number").required(),
        field("title_en", &p.title_en).required(),
        field("title_fr", &p.title_fr).required(),
        field("description_en", &p.description_en).required(),
        field("description_fr", &p.description_fr).required(),
        field("languages", &p.languages).hint(tr.t("placement-hint-languages")),
        field("fields", &p.fields).hint(tr.t("placement-hint-fields")),
    ]
}

fn placement_from(data: &FormData) -> PlacementFields {
    PlacementFields {
        unit: data.get("unit").to_owned(),
        capacity: data.get("capacity").to_owned(),
        title_en: data.get("title_en").to_owned(),
        title_fr: data.get("title_fr").to_owned(),
        description_en: data.get("description_en").to_owned(),
        description_fr: data.get("description_fr").to_owned(),
        languages: data.get("languages").to_owned(),
        fields: data.get("fields").to_owned(),
    }
}

#[allow(clippy::too_many_arguments)]
fn placement_page(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    staff: &Staff,
    session: i64,
    action: String,
    fields: &PlacementFields,
    problems: &[Problem],
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let snapshot = state.snapshot();
    let mut inputs = placement_fields(&tr, fields, &snapshot.catalogue);
    let errors = attach(
        &mut inputs.iter_mut().collect::<Vec<_>>(),
        worded(&tr, problems),
    );
    let title = if fields.title_en.is_empty() && problems.is_empty() {
        tr.t("placement-new-title")
    } else {
        tr.t("placement-edit-title")
    };
    let page = PlacementPage {
        chrome: Chrome::new(tr, &snapshot.catalogue, uri, title),
        errors,
        back: format!("/office/sessions/{session}/edit"),
        action,
        csrf_token: staff.csrf_token.clone(),
        fields: inputs,
    };
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(&page, status)
}

/// `GET /office/sessions/{id}/placements/new`.
pub async fn new_placement(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let staff = match coordinator(&state, visitor, &uri, &headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let Some(id) = id_of(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    if let Err(e) = super::editable(&state, &staff, id).await {
        return refused(&state, visitor, &uri, e).await;
    }
    let blank = PlacementFields {
        capacity: "1".into(),
        ..PlacementFields::default()
    };
    let action = format!("/office/sessions/{id}/placements/new");
    placement_page(&state, visitor, &uri, &staff, id, action, &blank, &[])
}

/// `POST /office/sessions/{id}/placements/new`.
pub async fn add_placement(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let (staff, data) = match posted(&state, visitor, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let Some(id) = id_of(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    let fields = placement_from(&data);
    match super::add_placement(&state, &staff, peer, id, &fields).await {
        Ok(_) => {
            Redirect::to(&format!("/office/sessions/{id}/edit?done=placement")).into_response()
        }
        Err(EditError::Problems(problems)) => {
            let action = format!("/office/sessions/{id}/placements/new");
            placement_page(
                &state, visitor, &uri, &staff, id, action, &fields, &problems,
            )
        }
        Err(EditError::Api(e)) => refused(&state, visitor, &uri, e).await,
    }
}

/// `GET /office/placements/{id}/edit`.
pub async fn edit_placement(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let staff = match coordinator(&state, visitor, &uri, &headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let Some(id) = id_of(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    match super::editable_placement(&state, &staff, id).await {
        Ok(p) => {
            let action = format!("/office/placements/{id}/edit");
            placement_page(
                &state,
                visitor,
                &uri,
                &staff,
                p.session.0,
                action,
                &PlacementFields::of(&p),
                &[],
            )
        }
        Err(e) => refused(&state, visitor, &uri, e).await,
    }
}

/// `POST /office/placements/{id}/edit`.
pub async fn save_placement(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let (staff, data) = match posted(&state, visitor, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let Some(id) = id_of(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    let fields = placement_from(&data);
    match super::edit_placement(&state, &staff, peer, id, &fields).await {
        Ok(p) => Redirect::to(&format!(
            "/office/sessions/{}/edit?done=placement",
            p.session.0
        ))
        .into_response(),
        Err(EditError::Problems(problems)) => {
            let session = match super::editable_placement(&state, &staff, id).await {
                Ok(p) => p.session.0,
                Err(e) => return refused(&state, visitor, &uri, e).await,
            };
            let action = format!("/office/placements/{id}/edit");
            placement_page(
                &state, visitor, &uri, &staff, session, action, &fields, &problems,
            )
        }
        Err(EditError::Api(e)) => refused(&state, visitor, &uri, e).await,
    }
}

/// The preview (or the problems) of a sheet, nothing written.
#[allow(clippy::too_many_arguments)]
async fn import_page(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    staff: &Staff,
    peer: ClientAddr,
    id: i64,
    bytes: &[u8],
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let (rows, problems) = match super::import(state, staff, peer, id, bytes, false).await {
        Ok(placements) => {
            let catalogue = &state.snapshot().catalogue;
            (
                placements.iter().map(|p| row(&tr, catalogue, p)).collect(),
                Vec::new(),
            )
        }
        Err(EditError::Problems(problems)) => (
            Vec::new(),
            problems
                .iter()
                .map(|p| {
                    let message = tr.with_args(p.key, &p.args);
                    match p.args.iter().find(|(k, _)| *k == "row") {
                        Some((_, row)) => tr.with_args(
                            "placement-row-problem",
                            &[("row", row.clone()), ("message", message)],
                        ),
                        None => message,
                    }
                })
                .collect(),
        ),
        Err(EditError::Api(e)) => return refused(state, visitor, uri, e).await,
    };
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ImportPage {
        chrome: Chrome::new(
            tr,
            &state.snapshot().catalogue,
            uri,
            tr.t("session-import-title"),
        ),
        back: format!("/office/sessions/{id}/edit"),
        problems,
        rows,
        confirm_action: format!("/office/sessions/{id}/placements/import/confirm"),
        csrf_token: staff.csrf_token.clone(),
        sheet: base64::engine::general_purpose::STANDARD.encode(bytes),
    };
    render(&page, status)
}

/// `POST /office/sessions/{id}/placements/import` (multipart: `csrf_token`, `file`): the
/// preview.
pub async fn preview_import(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let staff = match coordinator(&state, visitor, &uri, &headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let Some(id) = id_of(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    let tr = state.locales.tr(visitor.lang);
    let (mut csrf, mut file) = (None, Vec::new());
    if let Ok(mut multipart) = multipart {
        while let Ok(Some(field)) = multipart.next_field().await {
            let name = field.name().unwrap_or_default().to_owned();
            let Ok(bytes) = field.bytes().await else {
                break;
            };
            match name.as_str() {
                "csrf_token" => csrf = Some(String::from_utf8_lossy(&bytes).into_owned()),
                "file" => file = bytes.to_vec(),
                _ => {}
            }
        }
    }
    if !staff.csrf_ok(csrf.as_deref()) {
        return forms::csrf_refused(&state, tr, &uri);
    }
    import_page(&state, visitor, &uri, &staff, peer, id, &file).await
}

/// `POST /office/sessions/{id}/placements/import/confirm` (`sheet`, the previewed file):
/// writes every placement, or none and shows the problems again.
pub async fn confirm_import(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let (staff, data) = match posted(&state, visitor, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let Some(id) = id_of(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data.get("sheet"))
        .unwrap_or_default();
    match super::import(&state, &staff, peer, id, &bytes, true).await {
        Ok(_) => Redirect::to(&format!("/office/sessions/{id}/edit?done=imported")).into_response(),
        Err(EditError::Problems(_)) => {
            import_page(&state, visitor, &uri, &staff, peer, id, &bytes).await
        }
        Err(EditError::Api(e)) => refused(&state, visitor, &uri, e).await,
    }
}
