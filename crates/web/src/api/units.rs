//! `GET /api/v1/units` and `GET /api/v1/units/{code}`.

use super::error::{ApiError, ErrorBody, LocalizedError};
use super::types::{UnitDetail, UnitNode, UnitRef};
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::Json;
use cohort_domain::UnitCode;

/// The whole catalogue as a tree: divisions and offices with their sub-units.
#[utoipa::path(
    get,
    path = "/api/v1/units",
    operation_id = "list_units",
    tag = "catalogue",
    responses((status = 200, description = "The tree of units", body = [UnitNode]))
)]
pub async fn list(State(state): State<AppState>) -> impl IntoResponse {
    // the tree changes only with the catalogue: serialized once per snapshot
    let tree = state.snapshot().units_json.clone();
    ([(CONTENT_TYPE, "application/json")], tree)
}

/// The JSON of the whole tree, as `list` sends it.
pub fn tree_json(catalogue: &cohort_domain::Catalogue) -> Vec<u8> {
    let roots: Vec<UnitNode> = catalogue
        .roots()
        .map(|u| UnitNode::tree(u, catalogue))
        .collect();
    serde_json::to_vec(&roots).unwrap_or_else(|_| b"[]".to_vec())
}

/// One unit with its breadcrumb, sub-units, responsibilities and testimonials.
#[utoipa::path(
    get,
    path = "/api/v1/units/{code}",
    operation_id = "get_unit",
    tag = "catalogue",
    params(("code" = String, Path, description = "The unit's code, e.g. ESCD-CYBER")),
    responses(
        (status = 200, description = "The unit", body = UnitDetail),
        (status = 404, description = "No unit has this code", body = ErrorBody),
    )
)]
pub async fn detail(
    State(state): State<AppState>,
    visitor: Visitor,
    code: Result<Path<String>, PathRejection>,
) -> Result<Json<UnitDetail>, LocalizedError> {
    let snapshot = state.snapshot();
    let catalogue = &snapshot.catalogue;
    let text = code.map(|Path(c)| c).unwrap_or_default();
    let unit = UnitCode::parse(&text)
        .ok()
        .and_then(|code| catalogue.unit(&code))
        .ok_or_else(|| ApiError::UnitNotFound(text.clone()).into_localized(&state, visitor))?;
    Ok(Json(UnitDetail {
        code: unit.code.to_string(),
        parent: unit.parent.as_ref().map(ToString::to_string),
        kind: unit.kind.as_str().to_owned(),
        name: (&unit.name).into(),
        summary: (&unit.summary).into(),
        responsibilities: (&unit.responsibilities).into(),
        breadcrumb: catalogue
            .ancestors(&unit.code)
            .into_iter()
            .map(UnitRef::from)
            .collect(),
        children: catalogue.children(&unit.code).map(UnitRef::from).collect(),
        testimonials: catalogue
            .testimonials_of(&unit.code)
            .map(Into::into)
            .collect(),
    }))
}
