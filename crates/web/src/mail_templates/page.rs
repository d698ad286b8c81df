//! `/office/mail-templates`: every e-mail the product sends, in both languages, and one
//! template's form — its variables listed, a preview with sample values, save, or back to
//! the product's wording (coordinators).

use super::api::{template_body, TemplateBody};
use super::{parse_path, problem_message, samples, MailBook};
use crate::client_addr::ClientAddr;
use crate::office::pages::{hidden, page_staff, posted_form};
use crate::pages::forms::{self, worded};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_domain::mail::{MailKind, MailTemplate, Rendered, TemplateField};
use cohort_domain::{Lang, Permission};

struct Cell {
    href: String,
    lang: &'static str,
    subject: String,
    state: String,
}

struct Row {
    label: String,
    cells: Vec<Cell>,
}

#[derive(Template)]
#[template(path = "office_mail_templates.html")]
struct ListPage<'a> {
    chrome: Chrome<'a>,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "office_mail_template.html")]
struct EditPage<'a> {
    chrome: Chrome<'a>,
    errors: Vec<(&'static str, String)>,
    subject_error: Option<String>,
    body_error: Option<String>,
    done: Option<String>,
    state_note: String,
    variables: Vec<super::api::VariableBody>,
    action: String,
    csrf_token: String,
    lang: &'static str,
    subject: String,
    body: String,
    custom: bool,
    preview: Option<Rendered>,
}

fn state_note(tr: &cohort_i18n::Tr<'_>, custom: bool) -> String {
    tr.t(if custom {
        "mail-template-custom"
    } else {
        "mail-template-default"
    })
}

/// `GET /office/mail-templates`.
pub async fn list(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let staff = match page_staff(&state, visitor, &uri, &headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    if !staff.role.may(Permission::ManageSessions) {
        return hidden(&state, visitor, &uri).await;
    }
    let Ok(book) = MailBook::load(&state.store).await else {
        return forms::internal(&state, tr, &uri);
    };
    let rows = MailKind::ALL
        .into_iter()
        .map(|kind| Row {
            label: tr.t(&format!("mail-kind-{}", kind.as_str())),
            cells: [Lang::En, Lang::Fr]
                .into_iter()
                .map(|lang| {
                    let body = template_body(&state, &book, visitor.lang, kind, lang);
                    Cell {
                        href: format!("/office/mail-templates/{}/{}", kind.as_str(), lang.code()),
                        lang: lang.code(),
                        subject: body.subject,
                        state: state_note(&tr, body.custom),
                    }
                })
                .collect(),
        })
        .collect();
    let page = ListPage {
        chrome: Chrome::new(
            tr,
            &state.snapshot().catalogue,
            &uri,
            tr.t("mail-templates-title"),
        ),
        rows,
    };
    render(&page, StatusCode::OK)
}

/// What the form shows beside the template in force.
#[derive(Default)]
struct Shown {
    typed: Option<MailTemplate>,
    errors: Vec<(&'static str, String)>,
    preview: Option<Rendered>,
    done: Option<String>,
}

async fn show(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
    (kind, lang): (MailKind, Lang),
    shown: Shown,
) -> Response {
    let staff = match page_staff(state, visitor, uri, headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    if !staff.role.may(Permission::ManageSessions) {
        return hidden(state, visitor, uri).await;
    }
    let Ok(book) = MailBook::load(&state.store).await else {
        return forms::internal(state, tr, uri);
    };
    let TemplateBody {
        label,
        subject,
        body,
        custom,
        variables,
        ..
    } = template_body(state, &book, visitor.lang, kind, lang);
    let (subject, body) = match shown.typed {
        Some(typed) => (typed.subject, typed.body),
        None => (subject, body),
    };
    let error_of = |field: TemplateField| {
        let messages: Vec<&str> = shown
            .errors
            .iter()
            .filter(|(f, _)| *f == field.as_str())
            .map(|(_, m)| m.as_str())
            .collect();
        (!messages.is_empty()).then(|| messages.join(" "))
    };
    let status = if shown.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let title = tr.with_args(
        "mail-template-title",
        &[
            ("kind", label),
            ("lang", tr.t(&format!("mail-templates-{}", lang.code()))),
        ],
    );
    let page = EditPage {
        chrome: Chrome::new(tr, &state.snapshot().catalogue, uri, title),
        subject_error: error_of(TemplateField::Subject),
        body_error: error_of(TemplateField::Body),
        errors: shown.errors,
        done: shown.done,
        state_note: state_note(&tr, custom),
        variables,
        action: format!("/office/mail-templates/{}/{}", kind.as_str(), lang.code()),
        csrf_token: staff.csrf_token.clone(),
        lang: lang.code(),
        subject,
        body,
        custom,
        preview: shown.preview,
    };
    render(&page, status)
}

/// `GET /office/mail-templates/{kind}/{lang}`.
pub async fn edit(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    Path((kind, lang)): Path<(String, String)>,
) -> Response {
    let Ok(path) = parse_path(&kind, &lang) else {
        return hidden(&state, visitor, &uri).await;
    };
    let tr = state.locales.tr(visitor.lang);
    let done = match uri.query() {
        Some("saved=1") => Some(tr.t("mail-template-saved")),
        Some("reset=1") => Some(tr.t("mail-template-was-reset")),
        _ => None,
    };
    let shown = Shown {
        done,
        ..Shown::default()
    };
    show(&state, visitor, &uri, &headers, path, shown).await
}

/// `POST /office/mail-templates/{kind}/{lang}`: `action` is `preview`, `save` or `reset`.
pub async fn post(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path((kind, lang)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let (staff, form) = match posted_form(&state, visitor, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let Ok((kind, lang)) = parse_path(&kind, &lang) else {
        return hidden(&state, visitor, &uri).await;
    };
    if !staff.role.may(Permission::ManageSessions) {
        return hidden(&state, visitor, &uri).await;
    }
    let back = format!("/office/mail-templates/{}/{}", kind.as_str(), lang.code());
    let address = peer.ip().to_string();
    if form.get("action") == "reset" {
        return match super::reset(&state, &staff, kind, lang, &address).await {
            Ok(()) => Redirect::to(&format!("{back}?reset=1")).into_response(),
            Err(_) => forms::internal(&state, tr, &uri),
        };
    }
    let typed = MailTemplate {
        subject: form.get("subject").to_owned(),
        body: form.get("body").replace("\r\n", "\n"),
    };
    let worded_problems = |problems: Vec<cohort_domain::mail::TemplateProblem>| {
        problems
            .iter()
            .map(|p| {
                let (_, message) = worded(&tr, &problem_message(p));
                (p.field().as_str(), message)
            })
            .collect::<Vec<_>>()
    };
    let shown = match (form.get("action"), typed.check(kind)) {
        (_, Err(problems)) => Shown {
            errors: worded_problems(problems),
            typed: Some(typed),
            ..Shown::default()
        },
        ("save", Ok(())) => {
            return match super::save(&state, &staff, kind, lang, &typed, &address).await {
                Ok(Ok(())) => Redirect::to(&format!("{back}?saved=1")).into_response(),
                Ok(Err(problems)) => {
                    let shown = Shown {
                        errors: worded_problems(problems),
                        typed: Some(typed),
                        ..Shown::default()
                    };
                    show(&state, visitor, &uri, &headers, (kind, lang), shown).await
                }
                Err(_) => forms::internal(&state, tr, &uri),
            };
        }
        (_, Ok(())) => Shown {
            preview: Some(typed.render(&samples(&state.locales, kind, lang))),
            typed: Some(typed),
            ..Shown::default()
        },
    };
    show(&state, visitor, &uri, &headers, (kind, lang), shown).await
}
