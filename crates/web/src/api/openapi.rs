//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use super::error::{ErrorBody, ErrorDetail};
use super::types::{
    SearchHit, SearchResults, TestimonialBody, Text, TextList, UnitDetail, UnitNode, UnitRef,
};
use axum::Json;
use utoipa::OpenApi;

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(title = "Cohort API", description = "The public catalogue of host units of an internship programme, in English and French."),
    paths(super::units::list, super::units::detail, super::search::search, crate::ops::healthz, crate::ops::readyz),
    components(schemas(UnitNode, UnitDetail, UnitRef, Text, TextList, TestimonialBody, SearchHit, SearchResults, ErrorBody, ErrorDetail)),
    tags((name = "catalogue", description = "Host units and their testimonials"), (name = "operations", description = "Health checks"))
)]
pub struct ApiDoc;

/// `GET /api/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
