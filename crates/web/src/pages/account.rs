//! The account pages: register, confirm the address, sign in, sign out. They call the
//! same `crate::accounts` functions as the JSON API.

use super::forms::{
    self, attach, csrf_ok, page_user, with_retry, worded, ErrorView, Field, FormData,
};
use super::view::{render, Chrome};
use crate::accounts;
use crate::api::ApiError;
use crate::auth::session::{cleared_cookie, session_cookie};
use crate::client_addr::ClientAddr;
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_i18n::Tr;

#[derive(Template)]
#[template(path = "account_form.html")]
struct AccountForm<'a> {
    chrome: Chrome<'a>,
    intro: String,
    errors: Vec<ErrorView>,
    action: String,
    fields: Vec<Field>,
    button: String,
    other_text: String,
    other_href: &'static str,
    other_link: String,
    extra_link: Option<(&'static str, String)>,
}

/// The e-mail and password fields; the password is never sent back.
fn fields(tr: &Tr<'_>, email: &str, new_password: bool) -> Vec<Field> {
    let email = Field::new("email", tr.t("candidate-email"), email)
        .kind("email")
        .autocomplete("email")
        .required();
    let password = Field::new("password", tr.t("candidate-password"), "")
        .kind("password")
        .required();
    let password = if new_password {
        password
            .autocomplete("new-password")
            .hint(tr.t("candidate-password-hint"))
    } else {
        password.autocomplete("current-password")
    };
    vec![email, password]
}

fn register_page(
    state: &AppState,
    tr: Tr<'_>,
    uri: &Uri,
    email: &str,
    errors: Vec<(Option<String>, String)>,
) -> Response {
    let snapshot = state.snapshot();
    let mut fields = fields(&tr, email, true);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let errors = attach(&mut fields.iter_mut().collect::<Vec<_>>(), errors);
    let page = AccountForm {
        chrome: Chrome::new(
            tr,
            &snapshot.catalogue,
            uri,
            tr.t("candidate-register-title"),
        ),
        intro: tr.t("candidate-register-intro"),
        errors,
        action: "/register".to_owned(),
        fields,
        button: tr.t("candidate-register-button"),
        other_text: tr.t("candidate-have-account"),
        other_href: "/login",
        other_link: tr.t("candidate-login-title"),
        extra_link: None,
    };
    render(&page, status)
}

/// `GET /register`.
pub async fn register_form(State(state): State<AppState>, visitor: Visitor, uri: Uri) -> Response {
    register_page(&state, state.locales.tr(visitor.lang), &uri, "", Vec::new())
}

/// `POST /register`: "check your e-mail", or the form again with the address as typed.
pub async fn register(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    client: ClientAddr,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let form = FormData::parse(&body);
    let email = form.get("email");
    match accounts::register(&state, client, email, form.get("password"), visitor.lang).await {
        Ok(()) => forms::notice(
            &state,
            tr,
            &uri,
            StatusCode::OK,
            tr.t("candidate-check-mail-title"),
            tr.t("candidate-check-mail-body"),
            None,
        ),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error) => with_retry(
            register_page(&state, tr, &uri, email, vec![worded(&tr, &error)]),
            &error,
        ),
    }
}

/// `GET /verify?token=…`: confirms the address, then offers to sign in.
pub async fn verify(State(state): State<AppState>, visitor: Visitor, uri: Uri) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let token = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let (status, heading, body) = match accounts::verify(&state, &token).await {
        Ok(()) => (
            StatusCode::OK,
            tr.t("candidate-verified-title"),
            tr.t("candidate-verified-body"),
        ),
        Err(ApiError::Internal) => return forms::internal(&state, tr, &uri),
        Err(_) => (
            StatusCode::BAD_REQUEST,
            tr.t("candidate-verify-failed-title"),
            tr.t("api-error-bad-token"),
        ),
    };
    let link = Some(("/login".to_owned(), tr.t("candidate-login-title")));
    forms::notice(&state, tr, &uri, status, heading, body, link)
}

fn login_page(
    state: &AppState,
    tr: Tr<'_>,
    uri: &Uri,
    email: &str,
    errors: Vec<(Option<String>, String)>,
) -> Response {
    let snapshot = state.snapshot();
    let mut fields = fields(&tr, email, false);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let errors = attach(&mut fields.iter_mut().collect::<Vec<_>>(), errors);
    let page = AccountForm {
        chrome: Chrome::new(tr, &snapshot.catalogue, uri, tr.t("candidate-login-title")),
        intro: tr.t("candidate-login-intro"),
        errors,
        action: "/login".to_owned(),
        fields,
        button: tr.t("candidate-login-button"),
        other_text: tr.t("candidate-no-account"),
        other_href: "/register",
        other_link: tr.t("candidate-register-title"),
        extra_link: Some(("/password-reset", tr.t("reset-forgot-link"))),
    };
    render(&page, status)
}

/// `GET /login`.
pub async fn login_form(State(state): State<AppState>, visitor: Visitor, uri: Uri) -> Response {
    login_page(&state, state.locales.tr(visitor.lang), &uri, "", Vec::new())
}

/// `POST /login`: the session cookie and 303 to `/my-application`, or the form again.
pub async fn login(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    client: ClientAddr,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let form = FormData::parse(&body);
    let email = form.get("email");
    match accounts::login(&state, client, email, form.get("password").to_owned()).await {
        Ok(signed_in) => {
            let cookie = session_cookie(&signed_in.token, state.settings.secure_cookies());
            let home = home_of(&signed_in.account);
            ([(SET_COOKIE, cookie)], Redirect::to(home)).into_response()
        }
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error) => with_retry(
            login_page(&state, tr, &uri, email, vec![worded(&tr, &error)]),
            &error,
        ),
    }
}

/// Where an account lands once signed in.
fn home_of(account: &cohort_store::Account) -> &'static str {
    if account.role == "candidate" {
        "/my-application"
    } else {
        "/office"
    }
}

/// `POST /logout` with the form's `csrf_token`.
pub async fn logout(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let user = match page_user(&state, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return Redirect::to("/").into_response(),
        Err(error) => return forms::internal_after(&state, tr, &uri, &error),
    };
    if !csrf_ok(&user, FormData::parse(&body).opt("csrf_token").as_deref()) {
        return forms::csrf_refused(&state, tr, &uri);
    }
    if accounts::logout(&state, &user.token_hash).await.is_err() {
        return forms::internal(&state, tr, &uri);
    }
    let cookie = cleared_cookie(state.settings.secure_cookies());
    ([(SET_COOKIE, cookie)], Redirect::to("/")).into_response()
}

fn query_token(uri: &Uri) -> Option<String> {
    form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v.into_owned())
        .filter(|t| !t.is_empty())
}

/// The two forms of a password reset: the address to send the link to, or (with the
/// link's `token`) the new password.
fn reset_page(
    state: &AppState,
    tr: Tr<'_>,
    uri: &Uri,
    typed_email: &str,
    errors: Vec<(Option<String>, String)>,
) -> Response {
    let snapshot = state.snapshot();
    let token = query_token(uri);
    let mut fields = match &token {
        Some(_) => vec![Field::new("password", tr.t("reset-new-password"), "")
            .kind("password")
            .autocomplete("new-password")
            .hint(tr.t("candidate-password-hint"))
            .required()],
        None => vec![Field::new("email", tr.t("candidate-email"), typed_email)
            .kind("email")
            .autocomplete("email")
            .required()],
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let errors = attach(&mut fields.iter_mut().collect::<Vec<_>>(), errors);
    let (title, intro, button, action) = match &token {
        Some(token) => (
            "reset-new-title",
            "reset-new-intro",
            "reset-new-button",
            format!(
                "/password-reset?token={}",
                form_urlencoded::byte_serialize(token.as_bytes()).collect::<String>()
            ),
        ),
        None => (
            "reset-request-title",
            "reset-request-intro",
            "reset-request-button",
            "/password-reset".to_owned(),
        ),
    };
    let page = AccountForm {
        chrome: Chrome::new(tr, &snapshot.catalogue, uri, tr.t(title)),
        intro: tr.t(intro),
        errors,
        action,
        fields,
        button: tr.t(button),
        other_text: tr.t("candidate-have-account"),
        other_href: "/login",
        other_link: tr.t("candidate-login-title"),
        extra_link: None,
    };
    render(&page, status)
}

/// `GET /password-reset[?token=…]`.
pub async fn reset_form(State(state): State<AppState>, visitor: Visitor, uri: Uri) -> Response {
    reset_page(&state, state.locales.tr(visitor.lang), &uri, "", Vec::new())
}

/// `POST /password-reset[?token=…]`: sends the link, or sets the new password.
pub async fn reset(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    client: ClientAddr,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let form = FormData::parse(&body);
    match query_token(&uri) {
        Some(token) => match accounts::reset_password(&state, &token, form.get("password")).await {
            Ok(signed_in) => {
                // the link signs its owner in: no attacker's failed guesses can keep them out
                let cookie = session_cookie(&signed_in.token, state.settings.secure_cookies());
                let onwards = Some((
                    home_of(&signed_in.account).to_owned(),
                    tr.t("reset-done-continue"),
                ));
                let page = forms::notice(
                    &state,
                    tr,
                    &uri,
                    StatusCode::OK,
                    tr.t("reset-done-title"),
                    tr.t("reset-done-body"),
                    onwards,
                );
                ([(SET_COOKIE, cookie)], page).into_response()
            }
            Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
            Err(error) => with_retry(
                reset_page(&state, tr, &uri, "", vec![worded(&tr, &error)]),
                &error,
            ),
        },
        None => {
            let email = form.get("email");
            match accounts::request_reset(&state, client, email, visitor.lang).await {
                Ok(()) => forms::notice(
                    &state,
                    tr,
                    &uri,
                    StatusCode::OK,
                    tr.t("candidate-check-mail-title"),
                    tr.t("reset-sent-body"),
                    None,
                ),
                Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
                Err(error) => with_retry(
                    reset_page(&state, tr, &uri, email, vec![worded(&tr, &error)]),
                    &error,
                ),
            }
        }
    }
}
