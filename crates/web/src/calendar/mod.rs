//! Calendar feeds: each person may subscribe to their dates — for a candidate, the
//! application deadlines, the offer's reply deadline, the internship's first and last days
//! and their checklist items; for the office, every session's window and period and each
//! published round's reply deadline — at an unguessable URL they can replace or revoke.

pub mod api;
pub mod page;

use crate::api::ApiError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use cohort_app::tokens::{digest, random_token};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::calendar::{ics, Event, When};
use cohort_domain::onboarding::ItemStatus;
use cohort_domain::{Lang, Permission, Role};
use cohort_store::Account;
use jiff::Timestamp;

/// A new feed for `account` (the old one stops working); its URL.
pub async fn new_feed(state: &AppState, account: i64) -> Result<String, ApiError> {
    let token = random_token();
    state
        .store
        .replace_calendar_feed(account, &digest(&token), state.settings.now())
        .await
        .map_err(ApiError::internal)?;
    Ok(format!(
        "{}/calendar/{token}.ics",
        state.settings.public_url
    ))
}

fn instant(millis: i64) -> Option<When> {
    Timestamp::from_millisecond(millis).ok().map(When::At)
}

/// The events of `account`, in their language.
pub async fn events_for(state: &AppState, account: &Account) -> Result<Vec<Event>, ApiError> {
    let tr = state
        .locales
        .tr(Lang::parse(&account.lang).unwrap_or(Lang::En));
    let store = &state.store;
    let sessions = store.sessions().await.map_err(ApiError::internal)?;
    let role = Role::parse(&account.role).unwrap_or(Role::Candidate);
    let mut events = Vec::new();
    for session in &sessions {
        let name = session.name.get(tr.lang).clone();
        let s = session.id.0;
        let mut add = |uid: String, when: Option<When>, key: &str| {
            if let Some(when) = when {
                events.push(Event {
                    uid: format!("{uid}@cohort"),
                    when,
                    summary: tr.t1(key, "session", name.clone()),
                });
            }
        };
        if role.may(Permission::UseBackOffice) {
            add(
                format!("opens-{s}"),
                Some(When::At(session.window.opens().timestamp())),
                "calendar-opens",
            );
            add(
                format!("closes-{s}"),
                Some(When::At(session.window.closes().timestamp())),
                "calendar-closes",
            );
            add(
                format!("start-{s}"),
                Some(When::Day(session.period_start)),
                "calendar-start",
            );
            add(
                format!("end-{s}"),
                Some(When::Day(session.period_end)),
                "calendar-end",
            );
            if role.may(Permission::ManageSessions) {
                for run in store.runs(session.id).await.map_err(ApiError::internal)? {
                    if let (Some(_), Some(reply_by)) = (run.published_at, run.reply_by) {
                        add(
                            format!("reply-{s}-{}", run.round),
                            instant(reply_by),
                            "calendar-round-reply",
                        );
                    }
                }
            }
            continue;
        }
        let Some(application) = store
            .application(account.id, session.id)
            .await
            .map_err(ApiError::internal)?
        else {
            continue;
        };
        add(
            format!("closes-{s}"),
            Some(When::At(session.window.closes().timestamp())),
            "calendar-closes",
        );
        let offer = store
            .offer_of(application.id)
            .await
            .map_err(ApiError::internal)?;
        match application.status {
            ApplicationStatus::Offered => {
                add(
                    format!("reply-{s}"),
                    offer.and_then(|o| instant(o.reply_by)),
                    "calendar-reply",
                );
            }
            ApplicationStatus::Accepted => {
                // the intern's own dates, when the office changed them
                let period =
                    crate::internship::period_of_application(state, application.id, session)
                        .await?;
                add(
                    format!("start-{s}"),
                    Some(When::Day(period.start())),
                    "calendar-start",
                );
                add(
                    format!("end-{s}"),
                    Some(When::Day(period.end())),
                    "calendar-end",
                );
                let (_, _, items) =
                    crate::onboarding::candidate_items(state, account.id, s).await?;
                for item in items.iter().filter(|i| i.status != ItemStatus::Done) {
                    events.push(Event {
                        uid: format!("item-{s}-{}@cohort", item.item.key),
                        when: When::Day(item.due),
                        summary: tr.t1("calendar-item", "item", item.item.label.get(tr.lang)),
                    });
                }
            }
            _ => {}
        }
    }
    Ok(events)
}

/// `GET /calendar/{token}.ics`: the feed, for whoever has the link (no sign-in: calendar
/// applications cannot); an unknown or revoked token is a plain 404.
pub async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(token) = file.strip_suffix(".ics") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let account = match state.store.calendar_feed_account(&digest(token)).await {
        Ok(Some(account)) => account,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "calendar feed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let events = match events_for(&state, &account).await {
        Ok(events) => events,
        Err(error) => {
            tracing::error!(?error, "calendar feed events");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let tr = state
        .locales
        .tr(Lang::parse(&account.lang).unwrap_or(Lang::En));
    let body = ics(
        &tr.t("calendar-name"),
        &events,
        state.settings.now_timestamp(),
    );
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}
