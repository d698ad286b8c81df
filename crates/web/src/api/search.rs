//! `GET /api/v1/search?q=…&lang=fr|en`.

use super::error::{ApiError, ErrorBody, LocalizedError};
use super::types::{SearchHit, SearchResults};
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::{RawQuery, State};
use axum::Json;
use cohort_domain::Lang;
use cohort_search::MAX_QUERY_CHARS;

/// Searches the units in French and English (accents, case, word endings and one typo
/// do not matter).
#[utoipa::path(
    get,
    path = "/api/v1/search",
    operation_id = "search_units",
    tag = "catalogue",
    params(
        ("q" = String, Query, description = "Words to look for, e.g. cyberdéfense or legal (at most 200 characters)"),
        ("lang" = Option<String>, Query, description = "Language of names and summaries in the hits: en or fr (default: the visitor's)"),
    ),
    responses(
        (status = 200, description = "Matching units, best first", body = SearchResults),
        (status = 400, description = "q is missing, blank or too long, or lang is not en or fr", body = ErrorBody),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    visitor: Visitor,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResults>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let params: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .into_owned()
        .collect();
    let param = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let lang = match param("lang") {
        None => visitor.lang,
        Some(text) => Lang::parse(text)
            .filter(|_| text.len() <= 5)
            .ok_or_else(|| fail(ApiError::BadLang(text.chars().take(20).collect())))?,
    };
    let query = param("q").map(str::trim).unwrap_or("");
    if query.is_empty() {
        return Err(fail(ApiError::QueryMissing));
    }
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(fail(ApiError::QueryTooLong));
    }
    let snapshot = state.snapshot();
    let catalogue = &snapshot.catalogue;
    let hits = snapshot
        .index
        .search(query, 50)
        .into_iter()
        .filter_map(|hit| catalogue.unit(&hit.code).map(|u| (u, hit.score)))
        .map(|(unit, score)| SearchHit {
            code: unit.code.to_string(),
            kind: unit.kind.as_str().to_owned(),
            name: unit.name.get(lang).clone(),
            summary: unit.summary.get(lang).clone(),
            parent: unit.parent.as_ref().map(ToString::to_string),
            score,
        })
        .collect();
    Ok(Json(SearchResults {
        query: query.to_owned(),
        lang: lang.code().to_owned(),
        hits,
    }))
}
