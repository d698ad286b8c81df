//! A candidate's own data: "download my data" and "delete my account".
//!
//! - **Only the caller's data**: both are reached through `SignedIn` and take the account
//!   from it; no path names an account, an application or a file.
//! - **Export** (`GET /api/v1/me/export`): a ZIP with `data.json` (the account, the
//!   profile, every application with its choices, timeline and documents' metadata) and
//!   each document's stored bytes under `documents/<session code>-<kind>.pdf`, the name
//!   `data.json` gives for it. Served as an attachment, `private, no-store`.
//! - **Deletion** (`DELETE /api/v1/me`): the store deletes the account and everything
//!   about the person in one transaction, keeping an anonymous row per application so
//!   that a session's counts stay true (`cohort_store::Store::delete_account`). The files
//!   go after commit: a file that cannot be deleted is logged, and the request still
//!   succeeds, because no row names it any more and the person's data is already gone
//!   from every query.

pub mod api;
mod archive;
