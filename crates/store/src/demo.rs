//! Demonstration data at scale (`cohort demo generate`): candidates with profiles, sent
//! applications with the text of a CV, their timelines and reviews, written in large
//! multi-row statements inside one transaction per batch, so that 100,000 applications take
//! seconds, not hours. Ids are
//! assigned here (after the largest in use) so that rows can refer to each other without a
//! round trip per row.

use crate::{Backend, Store, StoreError};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{PlacementId, SessionId};
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

/// One generated candidate and their application.
#[derive(Debug, Clone)]
pub struct DemoApplicant {
    /// Address (lower case).
    pub email: String,
    /// `en` or `fr`.
    pub lang: &'static str,
    /// The profile, JSON (also kept as submitted).
    pub profile: String,
    /// Met the rules.
    pub eligible: bool,
    /// Status (never draft).
    pub status: ApplicationStatus,
    /// Choices, best first.
    pub choices: Vec<PlacementId>,
    /// Motivation.
    pub motivation: String,
    /// The text of their CV (stored as a CV document's text; there is no file).
    pub cv_text: String,
    /// When it was sent.
    pub submitted_at: i64,
    /// Reviews: reviewer account, scores JSON, weighted score.
    pub reviews: Vec<(i64, String, f64)>,
}

/// A cell of a generated row.
enum Cell {
    Int(i64),
    OptInt(Option<i64>),
    Real(f64),
    Text(String),
}

/// A table's name, its columns, and the rows to insert.
type Table<'a> = (&'a str, &'a [&'a str], Vec<Vec<Cell>>);

/// The most parameters one statement binds: sqlx matches SQLite parameters by name, which
/// grows with the square of their number, so many small statements beat one huge one.
const MAX_PARAMS: usize = 960;

async fn insert_rows(
    conn: &mut AnyConnection,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Cell>>,
) -> Result<(), StoreError> {
    let per_statement = (MAX_PARAMS / columns.len()).max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Vec<Cell>> = rows.by_ref().take(per_statement).collect();
        let mut n = 0;
        let values = chunk
            .iter()
            .map(|row| {
                let cells = row
                    .iter()
                    .map(|_| {
                        n += 1;
                        format!("${n}")
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("({cells})")
            })
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES {values}",
            columns.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for cell in chunk.into_iter().flatten() {
            query = match cell {
                Cell::Int(v) => query.bind(v),
                Cell::OptInt(v) => query.bind(v),
                Cell::Real(v) => query.bind(v),
                Cell::Text(v) => query.bind(v),
            };
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

async fn next_id(conn: &mut AnyConnection, table: &str) -> Result<i64, StoreError> {
    let (max,): (Option<i64>,) = sqlx::query_as(&format!("SELECT MAX(id) FROM {table}"))
        .fetch_one(&mut *conn)
        .await?;
    Ok(max.unwrap_or(0) + 1)
}

impl Store {
    /// Writes one batch of generated candidates for `session`, in one transaction.
    pub async fn insert_demo_batch(
        &self,
        session: SessionId,
        batch: &[DemoApplicant],
        password_hash: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let first_account = next_id(&mut tx, "accounts").await?;
        let first_application = next_id(&mut tx, "applications").await?;
        let (mut accounts, mut profiles, mut applications, mut choices) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut events, mut submitted, mut reviews) = (Vec::new(), Vec::new(), Vec::new());
        let mut documents = Vec::new();
        for (i, a) in batch.iter().enumerate() {
            let account = first_account + i as i64;
            let application = first_application + i as i64;
            accounts.push(vec![
                Cell::Int(account),
                Cell::Text(a.email.clone()),
                Cell::Text(a.email.clone()),
                Cell::Text(password_hash.to_owned()),
                Cell::Text("candidate".into()),
                Cell::Text(a.lang.into()),
                Cell::OptInt(Some(a.submitted_at)),
                Cell::Int(a.submitted_at),
            ]);
            profiles.push(vec![
                Cell::Int(account),
                Cell::Text(a.profile.clone()),
                Cell::Int(a.submitted_at),
            ]);
            applications.push(vec![
                Cell::Int(application),
                Cell::Int(session.0),
                Cell::Int(account),
                Cell::Text(a.status.as_str().into()),
                Cell::Text(a.motivation.clone()),
                Cell::Int(a.submitted_at),
                Cell::Int(now),
                Cell::OptInt(Some(a.submitted_at)),
            ]);
            for (rank, placement) in a.choices.iter().enumerate() {
                choices.push(vec![
                    Cell::Int(application),
                    Cell::Int(rank as i64),
                    Cell::Int(placement.0),
                ]);
            }
            let mut timeline = vec![
                ("created", ApplicationStatus::Draft),
                ("submitted", ApplicationStatus::Submitted),
            ];
            if a.status != ApplicationStatus::Submitted {
                timeline.push((a.status.as_str(), a.status));
            }
            for (k, (kind, status)) in timeline.into_iter().enumerate() {
                events.push(vec![
                    Cell::Int(application),
                    Cell::Int(a.submitted_at + k as i64),
                    Cell::Text(kind.into()),
                    Cell::Text(status.as_str().into()),
                ]);
            }
            documents.push(vec![
                Cell::Int(application),
                Cell::Text("cv".into()),
                Cell::Text(format!("demo/{application}-cv")),
                Cell::Text("cv.pdf".into()),
                Cell::Int(a.cv_text.len() as i64),
                Cell::Text(format!("{:x}", Sha256::digest(a.cv_text.as_bytes()))),
                Cell::Int(a.submitted_at),
                Cell::Text(a.cv_text.clone()),
            ]);
            submitted.push(vec![
                Cell::Int(application),
                Cell::Text(a.profile.clone()),
                Cell::Int(i64::from(a.eligible)),
            ]);
            for (reviewer, scores, score) in &a.reviews {
                reviews.push(vec![
                    Cell::Int(application),
                    Cell::Int(*reviewer),
                    Cell::Text(scores.clone()),
                    Cell::Real(*score),
                    Cell::Text(String::new()),
                    Cell::Int(now),
                ]);
            }
        }
        let tables: [Table; 8] = [
            (
                "accounts",
                &[
                    "id",
                    "email_key",
                    "email",
                    "password_hash",
                    "role",
                    "lang",
                    "verified_at",
                    "created_at",
                ],
                accounts,
            ),
            ("profiles", &["account_id", "data", "updated_at"], profiles),
            (
                "applications",
                &[
                    "id",
                    "session_id",
                    "account_id",
                    "status",
                    "motivation",
                    "created_at",
                    "updated_at",
                    "submitted_at",
                ],
                applications,
            ),
            (
                "application_choices",
                &["application_id", "rank", "placement_id"],
                choices,
            ),
            (
                "application_events",
                &["application_id", "at", "kind", "status"],
                events,
            ),
            (
                "documents",
                &[
                    "application_id",
                    "kind",
                    "object_key",
                    "file_name",
                    "size",
                    "sha256",
                    "uploaded_at",
                    "text",
                ],
                documents,
            ),
            (
                "submitted_profiles",
                &["application_id", "data", "eligible"],
                submitted,
            ),
            (
                "reviews",
                &[
                    "application_id",
                    "reviewer_id",
                    "scores",
                    "score",
                    "comment",
                    "reviewed_at",
                ],
                reviews,
            ),
        ];
        for (table, columns, rows) in tables {
            insert_rows(&mut tx, table, columns, rows).await?;
        }
        if self.backend() == Backend::Postgres {
            // ids were given explicitly: move the sequences past them
            for table in ["accounts", "applications"] {
                sqlx::query(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                ))
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
