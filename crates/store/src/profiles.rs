//! Candidates' profiles: one JSON document per account, read and written whole.

use crate::{Store, StoreError};

impl Store {
    /// The stored profile of an account, as JSON; `None` until one is saved.
    #[tracing::instrument(skip(self))]
    pub async fn profile(&self, account_id: i64) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT data FROM profiles WHERE account_id = $1")
                .bind(account_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(data,)| data))
    }

    /// Saves the profile of an account, replacing the previous one.
    #[tracing::instrument(skip(self, json))]
    pub async fn save_profile(
        &self,
        account_id: i64,
        json: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let _turn = self.turn().await;
        sqlx::query(
            "INSERT INTO profiles (account_id, data, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (account_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
        )
        .bind(account_id)
        .bind(json)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
