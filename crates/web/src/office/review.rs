//! Review and ranking, shared by the API and the pages: a reviewer scores the applications
//! that chose their units (independently: a reviewer sees only their own review until the
//! ranking closes), steps aside on a conflict of interest, and orders each placement's
//! shortlisted candidates; the coordinator sees every review, the disagreements, and
//! closes ranking.

use super::Staff;
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::state::AppState;
use cohort_domain::application::ApplicationStatus;
use cohort_domain::review::{disagree, propose, Ranking, RankingMove, Rubric};
use cohort_domain::session::{Placement, PlacementId, SessionId};
use cohort_domain::{Permission, Role};
use cohort_store::{NewReview, ReviewRow};
use std::collections::{BTreeMap, HashMap};

/// Two reviews further apart than this are flagged, unless the session says otherwise.
pub const DEFAULT_DISAGREEMENT: f64 = 1.5;

/// A session's rubric and disagreement threshold.
pub async fn settings(state: &AppState, session: SessionId) -> Result<(Rubric, f64), ApiError> {
    let stored = state
        .store
        .review_settings(session)
        .await
        .map_err(ApiError::internal)?;
    Ok(match stored {
        Some(row) => (
            serde_json::from_str(&row.rubric).map_err(ApiError::internal)?,
            row.disagreement,
        ),
        None => (Rubric::default(), DEFAULT_DISAGREEMENT),
    })
}

/// A placement by id, from the snapshot or the store.
pub async fn placement(state: &AppState, id: i64) -> Result<Option<Placement>, ApiError> {
    if let Some(p) = state.snapshot().placements.iter().find(|p| p.id.0 == id) {
        return Ok(Some(p.clone()));
    }
    state
        .store
        .placement(PlacementId(id))
        .await
        .map_err(ApiError::internal)
}

/// Whether `staff` may review or rank for `unit`: a reviewer of that unit, or (to see) a
/// coordinator.
pub fn works_for(staff: &Staff, unit: &str) -> bool {
    match staff.role {
        Role::Reviewer => staff.units.iter().any(|u| u == unit),
        _ => staff.role.may(Permission::ScreenApplications),
    }
}

/// Scores an application the reviewer may see; refused once ranking is closed, and for an
/// application the reviewer stepped aside from.
pub async fn review(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    application: i64,
    scores: &BTreeMap<String, i64>,
    comment: &str,
) -> Result<(), ApiError> {
    staff.require(Permission::ReviewApplications)?;
    let row = reviewable(state, staff, application).await?;
    if state
        .store
        .ranking_closed_at(SessionId(row.session_id))
        .await
        .map_err(ApiError::internal)?
        .is_some()
    {
        return Err(ApiError::Conflict {
            key: "review-ranking-closed",
            args: Vec::new(),
        });
    }
    let (rubric, _) = settings(state, SessionId(row.session_id)).await?;
    let checked = rubric.check(scores).map_err(|p| ApiError::InvalidAt {
        field: format!(
            "scores.{}",
            match &p {
                cohort_domain::review::ScoresProblem::Missing(k)
                | cohort_domain::review::ScoresProblem::OutOfRange(k)
                | cohort_domain::review::ScoresProblem::Unknown(k) => k,
            }
        ),
        key: match p {
            cohort_domain::review::ScoresProblem::Missing(_) => "review-score-missing",
            cohort_domain::review::ScoresProblem::OutOfRange(_) => "review-score-range",
            cohort_domain::review::ScoresProblem::Unknown(_) => "review-score-unknown",
        },
    })?;
    if comment.chars().count() > 4000 {
        return Err(ApiError::Invalid {
            field: "comment",
            key: "review-comment-too-long",
        });
    }
    let score = rubric.score(&checked);
    let json = serde_json::to_string(&checked.0).map_err(ApiError::internal)?;
    let label = staff.label();
    let subject = format!("application:{application}");
    let detail = serde_json::json!({ "score": score }).to_string();
    let address = peer.ip().to_string();
    state
        .store
        .save_review(
            &NewReview {
                application_id: application,
                reviewer_id: staff.account.id,
                scores: &json,
                score,
                comment: comment.trim(),
                audit: staff.audit_entry(&label, "review.save", &subject, &detail, &address),
            },
            state.settings.now(),
        )
        .await
        .map_err(ApiError::internal)
}

/// The application if this reviewer may review it: it chose one of their units, is sent
/// (submitted or shortlisted), and they have not stepped aside. 404 otherwise.
pub async fn reviewable(
    state: &AppState,
    staff: &Staff,
    application: i64,
) -> Result<cohort_store::ScreeningRow, ApiError> {
    let Some((list, index)) = super::api::visible_application(state, staff, application).await?
    else {
        return Err(ApiError::ApplicationNotFound);
    };
    let entry = &list.entries[index];
    let open = matches!(
        entry.row.status,
        ApplicationStatus::Submitted | ApplicationStatus::Shortlisted
    );
    let conflicts = state
        .store
        .conflicts_of(staff.account.id)
        .await
        .map_err(ApiError::internal)?;
    if !open || conflicts.contains(&application) {
        return Err(ApiError::ApplicationNotFound);
    }
    Ok(entry.row.clone())
}

/// The reviewer steps aside; their review of it, if any, is withdrawn.
pub async fn step_aside(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    application: i64,
    reason: &str,
) -> Result<(), ApiError> {
    staff.require(Permission::ReviewApplications)?;
    reviewable(state, staff, application).await?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ApiError::Invalid {
            field: "reason",
            key: "office-reason-missing",
        });
    }
    let label = staff.label();
    let subject = format!("application:{application}");
    let detail = serde_json::json!({ "reason": reason }).to_string();
    let address = peer.ip().to_string();
    state
        .store
        .declare_conflict(
            application,
            staff.account.id,
            reason,
            &staff.audit_entry(&label, "review.conflict", &subject, &detail, &address),
            state.settings.now(),
        )
        .await
        .map_err(ApiError::internal)
}

/// A ranked application with what the unit ranks by.
#[derive(Debug, Clone)]
pub struct Ranked {
    /// Application id.
    pub id: i64,
    /// The mean of its review scores, if reviewed.
    pub score: Option<f64>,
    /// How many reviews.
    pub reviews: usize,
    /// Two of its reviews disagree beyond the threshold.
    pub disagreement: bool,
}

/// A placement's ranking as the unit sees it now: the stored one, or the proposal from
/// the scores; with whether ranking is closed.
pub struct PlacementRanking {
    /// The placement.
    pub placement: Placement,
    /// Tie groups, best first.
    pub groups: Vec<Vec<Ranked>>,
    /// Stored (true) or only proposed.
    pub saved: bool,
    /// When ranking closed.
    pub closed: bool,
}

/// The shortlisted applications that chose `placement`, their scores, and the ranking.
pub async fn placement_ranking(
    state: &AppState,
    staff: &Staff,
    placement_id: i64,
) -> Result<PlacementRanking, ApiError> {
    let placement = placement(state, placement_id)
        .await?
        .ok_or(ApiError::NoRoute)?;
    if !works_for(staff, placement.unit.as_str()) {
        return Err(ApiError::NoRoute);
    }
    let list = super::api::session_list(state, placement.session).await?;
    let choosers: Vec<i64> = list
        .entries
        .iter()
        .filter(|e| e.row.status == ApplicationStatus::Shortlisted)
        .filter(|e| e.row.choices.contains(&placement.id))
        .map(|e| e.row.id)
        .collect();
    let (_, threshold) = settings(state, placement.session).await?;
    let reviews = state
        .store
        .reviews_in_session(placement.session)
        .await
        .map_err(ApiError::internal)?;
    let mut by_application: HashMap<i64, Vec<&ReviewRow>> = HashMap::new();
    for r in &reviews {
        by_application.entry(r.application_id).or_default().push(r);
    }
    let ranked = |id: i64| {
        let mine = by_application.get(&id).cloned().unwrap_or_default();
        let score = (!mine.is_empty())
            .then(|| mine.iter().map(|r| r.score).sum::<f64>() / mine.len() as f64);
        let disagreement = mine.iter().enumerate().any(|(i, a)| {
            mine[i + 1..]
                .iter()
                .any(|b| disagree(a.score, b.score, threshold))
        });
        Ranked {
            id,
            score,
            reviews: mine.len(),
            disagreement,
        }
    };
    let stored = state
        .store
        .ranking(placement.id)
        .await
        .map_err(ApiError::internal)?;
    let saved = !stored.is_empty();
    let ranking = if saved {
        // keep the unit's order; applications shortlisted since come last, tied
        let mut pairs: Vec<(i64, i64)> = stored
            .into_iter()
            .filter(|(id, _)| choosers.contains(id))
            .collect();
        let last = pairs.iter().map(|p| p.1).max().unwrap_or(0) + 1;
        for &id in &choosers {
            if !pairs.iter().any(|p| p.0 == id) {
                pairs.push((id, last));
            }
        }
        Ranking::from_ranks(&pairs)
    } else {
        let scored: Vec<(i64, Option<f64>)> =
            choosers.iter().map(|&id| (id, ranked(id).score)).collect();
        propose(&scored)
    };
    let closed = state
        .store
        .ranking_closed_at(placement.session)
        .await
        .map_err(ApiError::internal)?
        .is_some();
    Ok(PlacementRanking {
        groups: ranking
            .groups()
            .iter()
            .map(|g| g.iter().map(|&id| ranked(id)).collect())
            .collect(),
        placement,
        saved,
        closed,
    })
}

/// Applies one move (or replaces the whole order) and stores the result: reviewers of the
/// placement's unit only, while ranking is open.
pub async fn reorder(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    placement_id: i64,
    change: Reorder,
) -> Result<(), ApiError> {
    staff.require(Permission::ReviewApplications)?;
    let current = placement_ranking(state, staff, placement_id).await?;
    if current.closed {
        return Err(ApiError::Conflict {
            key: "review-ranking-closed",
            args: Vec::new(),
        });
    }
    let ids: Vec<i64> = current.groups.iter().flatten().map(|r| r.id).collect();
    let mut ranking = Ranking::from_ranks(
        &current
            .groups
            .iter()
            .enumerate()
            .flat_map(|(i, g)| g.iter().map(move |r| (r.id, i as i64 + 1)))
            .collect::<Vec<_>>(),
    );
    match change {
        Reorder::Step(step) => ranking.apply(step).map_err(|p| ApiError::Invalid {
            field: "move",
            key: match p {
                cohort_domain::review::RankingMoveProblem::NotRanked => "ranking-not-ranked",
                cohort_domain::review::RankingMoveProblem::AtTheEnd => "ranking-at-the-end",
                cohort_domain::review::RankingMoveProblem::NotTied => "ranking-not-tied",
            },
        })?,
        Reorder::Whole(groups) => {
            let flat: Vec<i64> = groups.iter().flatten().copied().collect();
            let mut unique = flat.clone();
            unique.sort_unstable();
            unique.dedup();
            if unique.len() != flat.len()
                || flat.iter().any(|id| !ids.contains(id))
                || groups.iter().any(Vec::is_empty)
            {
                return Err(ApiError::Invalid {
                    field: "groups",
                    key: "ranking-groups-invalid",
                });
            }
            let pairs: Vec<(i64, i64)> = groups
                .iter()
                .enumerate()
                .flat_map(|(i, g)| g.iter().map(move |&id| (id, i as i64 + 1)))
                .collect();
            ranking = Ranking::from_ranks(&pairs);
        }
    }
    let label = staff.label();
    let subject = format!("placement:{placement_id}");
    let detail = serde_json::json!({ "groups": ranking.groups() }).to_string();
    let address = peer.ip().to_string();
    state
        .store
        .save_ranking(
            current.placement.session,
            current.placement.id,
            &ranking.ranks(),
            &staff.audit_entry(&label, "ranking.save", &subject, &detail, &address),
            state.settings.now(),
        )
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| ApiError::Conflict {
            key: "review-ranking-closed",
            args: Vec::new(),
        })
}

/// A change to a ranking.
#[derive(Debug, Clone)]
pub enum Reorder {
    /// One step.
    Step(RankingMove),
    /// The whole order, as tie groups (an application left out is not ranked: the unit
    /// does not accept it).
    Whole(Vec<Vec<i64>>),
}

/// The coordinator freezes every ranking of the session (409 when already closed).
pub async fn close(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    session: SessionId,
) -> Result<(), ApiError> {
    staff.require(Permission::ScreenApplications)?;
    let label = staff.label();
    let subject = format!("session:{}", session.0);
    let address = peer.ip().to_string();
    state
        .store
        .close_ranking(
            session,
            &staff.audit_entry(&label, "ranking.close", &subject, "{}", &address),
            state.settings.now(),
        )
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| ApiError::Conflict {
            key: "review-ranking-closed",
            args: Vec::new(),
        })
}
