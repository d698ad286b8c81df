//! Browsing the audit log (administrators only; anyone else gets 404): entries newest
//! first, filtered by actor, action and a range of days (UTC), a page at a time, and the
//! filtered entries as a CSV file. Looking at the log and exporting it are themselves
//! entries of the log (`audit.view`, `audit.export`).
//!
//! `api.rs` answers JSON and the CSV download; `csv.rs` writes the file; the page is
//! `office/pages/audit.rs`. All three read the filters with [`parse_query`].

pub mod api;
pub mod csv;

use crate::api::ApiError;
pub use cohort_domain::instant::rfc3339;
use cohort_store::{AuditEntry, AuditFilter};

/// The actions the log records, offered as suggestions in the page's filter.
pub const ACTIONS: [&str; 19] = [
    "application.view",
    "applications.list",
    "applications.export",
    "application.status",
    "application.eligibility_override",
    "review.save",
    "review.conflict",
    "ranking.save",
    "ranking.close",
    "report.view",
    "staff.invite",
    "internships.list",
    "internship.view",
    "internship.set",
    "evaluation.save",
    "evaluation.submit",
    "audit.view",
    "audit.export",
    "retention.purge",
];

/// Entries on one page.
pub const PER_PAGE: i64 = 50;

/// What an administrator asked for: the filter, and the page (entries before this seq).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    /// Actor, action and time range.
    pub filter: AuditFilter,
    /// Entries older than this seq (`None`: from the newest).
    pub before: Option<i64>,
    /// The days as typed, `YYYY-MM-DD`, to show them back.
    pub from_day: String,
    /// See `from_day`.
    pub to_day: String,
}

const DAY_MILLIS: i64 = 24 * 3600 * 1000;

/// The instant a day (`YYYY-MM-DD`) starts in UTC, in unix milliseconds.
fn day_start(field: &'static str, text: &str) -> Result<i64, ApiError> {
    let invalid = ApiError::Invalid {
        field,
        key: "audit-filter-date",
    };
    let date: jiff::civil::Date = text.parse().map_err(|_| invalid.clone())?;
    date.to_zoned(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp().as_millisecond())
        .map_err(|_| invalid)
}

/// Reads `actor`, `action`, `from`, `to` (days, both included) and `before` from a query
/// string; a field that is not understood is named.
pub fn parse_query(raw: Option<&str>) -> Result<AuditQuery, ApiError> {
    let mut query = AuditQuery::default();
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match key.as_ref() {
            "actor" => query.filter.actor = Some(value.to_owned()),
            "action" => query.filter.action = Some(value.to_owned()),
            "from" => {
                query.filter.from = Some(day_start("from", value)?);
                query.from_day = value.to_owned();
            }
            "to" => {
                query.filter.until = Some(day_start("to", value)? + DAY_MILLIS);
                query.to_day = value.to_owned();
            }
            "before" => {
                query.before = Some(value.parse().map_err(|_| ApiError::Invalid {
                    field: "before",
                    key: "office-filter-invalid",
                })?)
            }
            _ => {}
        }
    }
    Ok(query)
}

/// A page of entries, newest first, and the seq to ask `before` for the next one (when
/// there are older entries).
pub async fn page(
    state: &crate::state::AppState,
    query: &AuditQuery,
) -> Result<(Vec<AuditEntry>, Option<i64>), ApiError> {
    let mut entries = state
        .store
        .audit_page(&query.filter, query.before, PER_PAGE + 1)
        .await
        .map_err(ApiError::internal)?;
    let more = entries.len() as i64 > PER_PAGE;
    entries.truncate(PER_PAGE as usize);
    let next = if more {
        entries.last().map(|e| e.seq)
    } else {
        None
    };
    Ok((entries, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_utc_and_both_included() {
        let query = parse_query(Some(
            "actor=ana%40x.org&from=2026-01-31&to=2026-02-01&before=9",
        ))
        .expect("valid");
        assert_eq!(query.filter.actor.as_deref(), Some("ana@x.org"));
        assert_eq!(query.filter.from, Some(1_769_817_600_000));
        assert_eq!(query.filter.until, Some(1_769_817_600_000 + 2 * DAY_MILLIS));
        assert_eq!(query.before, Some(9));
        assert_eq!(
            parse_query(Some("action=&to=")).expect("empty"),
            AuditQuery::default()
        );
        for (bad, field) in [
            ("from=31/01/2026", "from"),
            ("to=2026-02-30", "to"),
            ("before=x", "before"),
        ] {
            match parse_query(Some(bad)) {
                Err(ApiError::Invalid { field: named, .. }) => assert_eq!(named, field, "{bad}"),
                other => panic!("{bad}: {other:?}"),
            }
        }
    }
}
