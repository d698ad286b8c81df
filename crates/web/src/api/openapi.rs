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
    paths(super::sessions::list, super::sessions::placements, super::applications::get, super::applications::save, super::applications::submit, super::applications::withdraw, super::units::list, super::auth::register, super::auth::verify, super::auth::login, super::auth::logout, super::auth::me, super::profile::get_profile, super::profile::put_profile, super::auth::request_reset, super::auth::reset_password, super::units::detail, super::search::search, crate::documents::api::upload, crate::documents::api::list, crate::documents::api::download, crate::privacy::api::export, crate::privacy::api::delete_account, crate::ops::healthz, crate::ops::readyz, crate::office::api::list_applications, crate::office::api::get_application, crate::office::api::decide, crate::office::download::export_applications, crate::office::review_api::put_review, crate::office::review_api::post_conflict, crate::office::eligibility::post_override, crate::office::audit_log::api::get_audit, crate::office::audit_log::api::export_audit, crate::office::review_api::get_reviews, crate::office::review_api::get_ranking, crate::office::review_api::put_ranking, crate::office::review_api::close_ranking, crate::office::staff_api::post_invite, crate::office::staff_api::get_staff),
    components(schemas(super::sessions::SessionBody, super::sessions::PlacementBody, super::sessions::LanguageBody, super::applications::DraftRequest, super::applications::ApplicationBody, super::applications::EventBody, super::auth::RegisterRequest, super::auth::TokenRequest, super::auth::LoginRequest, super::auth::ResetRequest, super::auth::NewPasswordRequest, super::auth::StatusBody, super::auth::LoginBody, super::auth::MeBody, super::profile::ProfileBody, super::profile::EducationBody, super::profile::LanguageBody, super::profile::ProfileResponse, super::profile::ProblemBody, super::profile::EligibilityBody, super::profile::RuleBody, super::profile::ProfileErrorBody, UnitNode, UnitDetail, UnitRef, Text, TextList, TestimonialBody, SearchHit, SearchResults, ErrorBody, ErrorDetail, crate::documents::api::DocumentBody, crate::documents::api::DocumentList, crate::documents::api::UploadForm, crate::documents::api::PdfFile, crate::privacy::api::ZipFile, crate::office::api::OfficeApplication, crate::office::api::ChoiceBody, crate::office::api::SkillBody, crate::office::api::FacetCount, crate::office::api::OfficeList, crate::office::api::DecisionRequest, crate::office::api::DecisionOutcome, crate::office::api::RefusedBody, crate::office::review_api::ReviewRequest, crate::office::review_api::ConflictRequest, crate::office::eligibility::OverrideRequest, crate::office::audit_log::api::AuditEntryBody, crate::office::audit_log::api::AuditPageBody, crate::office::review_api::ReviewBody, crate::office::review_api::ReviewsBody, crate::office::review_api::RankedBody, crate::office::review_api::RankingBody, crate::office::review_api::RankingRequest, crate::office::staff_api::InviteRequest, crate::office::staff_api::StaffBody)),
    tags((name = "catalogue", description = "Host units and their testimonials"), (name = "accounts", description = "Registration, sign-in and passwords"), (name = "profile", description = "The signed-in candidate's profile and eligibility preview"), (name = "sessions", description = "Sessions and their placements"), (name = "applications", description = "The signed-in candidate’s own application"), (name = "documents", description = "The signed-in candidate’s CV and motivation letter"), (name = "privacy", description = "The signed-in person’s own data: download it, or delete the account"), (name = "office", description = "The back office: screening and decisions (staff only)"), (name = "operations", description = "Health checks"))
)]
pub struct ApiDoc;

/// `GET /api/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
