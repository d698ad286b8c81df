//! The order in which a unit ranks the candidates of one placement: groups of tied
//! applications, best first. Proposed from the review scores (equal scores stay tied, for
//! the lottery of the allocation to break), then reordered by the unit one step at a time —
//! what a keyboard user does with "move up", "move down", "tie with the one above" and
//! "untie".

/// One reordering step, on an application id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankingMove {
    /// One place up: out of its tie group (placed just above it), or above the previous
    /// group.
    Up(i64),
    /// One place down, the mirror of [`RankingMove::Up`].
    Down(i64),
    /// Into the group above it.
    TieWithAbove(i64),
    /// Out of its tie group, just below it.
    Untie(i64),
}

/// Why a move cannot be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RankingMoveProblem {
    /// The application is not in this ranking.
    #[error("the application is not in this ranking")]
    NotRanked,
    /// Nothing above (or below) to move past or tie with.
    #[error("the application is already at that end")]
    AtTheEnd,
    /// Untie an application that is not tied.
    #[error("the application is not tied")]
    NotTied,
}

/// Tie groups of application ids, best first; no group is empty.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ranking {
    groups: Vec<Vec<i64>>,
}

/// The proposed ranking from scores (higher first). Equal scores are tied; applications
/// without a score come last, tied together.
pub fn propose(scored: &[(i64, Option<f64>)]) -> Ranking {
    let mut with: Vec<(i64, f64)> = scored
        .iter()
        .filter_map(|&(id, s)| s.map(|s| (id, s)))
        .collect();
    with.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut groups: Vec<Vec<i64>> = Vec::new();
    let mut last: Option<f64> = None;
    for (id, score) in with {
        match (last, groups.last_mut()) {
            (Some(previous), Some(group)) if (previous - score).abs() < 1e-9 => group.push(id),
            _ => groups.push(vec![id]),
        }
        last = Some(score);
    }
    let mut unscored: Vec<i64> = scored
        .iter()
        .filter(|(_, s)| s.is_none())
        .map(|&(id, _)| id)
        .collect();
    unscored.sort_unstable();
    if !unscored.is_empty() {
        groups.push(unscored);
    }
    Ranking { groups }
}

impl Ranking {
    /// From stored `(application, rank)` pairs: equal ranks are one tie group.
    pub fn from_ranks(pairs: &[(i64, i64)]) -> Ranking {
        let mut sorted = pairs.to_vec();
        sorted.sort_by_key(|&(id, rank)| (rank, id));
        let mut groups: Vec<Vec<i64>> = Vec::new();
        let mut last = None;
        for (id, rank) in sorted {
            match groups.last_mut() {
                Some(group) if last == Some(rank) => group.push(id),
                _ => groups.push(vec![id]),
            }
            last = Some(rank);
        }
        Ranking { groups }
    }

    /// `(application, rank)` pairs to store: rank 1 is the best group; tied applications
    /// share a rank.
    pub fn ranks(&self) -> Vec<(i64, i64)> {
        self.groups
            .iter()
            .enumerate()
            .flat_map(|(i, g)| g.iter().map(move |&id| (id, i as i64 + 1)))
            .collect()
    }

    /// The tie groups, best first.
    pub fn groups(&self) -> &[Vec<i64>] {
        &self.groups
    }

    fn find(&self, id: i64) -> Result<usize, RankingMoveProblem> {
        self.groups
            .iter()
            .position(|g| g.contains(&id))
            .ok_or(RankingMoveProblem::NotRanked)
    }

    fn take(&mut self, g: usize, id: i64) {
        self.groups[g].retain(|&x| x != id);
    }

    /// Applies one step; the ranking is unchanged when it is refused.
    pub fn apply(&mut self, step: RankingMove) -> Result<(), RankingMoveProblem> {
        match step {
            RankingMove::Up(id) => {
                let g = self.find(id)?;
                if self.groups[g].len() > 1 {
                    self.take(g, id);
                    self.groups.insert(g, vec![id]);
                } else if g == 0 {
                    return Err(RankingMoveProblem::AtTheEnd);
                } else {
                    self.groups.swap(g - 1, g);
                }
            }
            RankingMove::Down(id) => {
                let g = self.find(id)?;
                if self.groups[g].len() > 1 {
                    self.take(g, id);
                    self.groups.insert(g + 1, vec![id]);
                } else if g + 1 == self.groups.len() {
                    return Err(RankingMoveProblem::AtTheEnd);
                } else {
                    self.groups.swap(g, g + 1);
                }
            }
            RankingMove::TieWithAbove(id) => {
                let g = self.find(id)?;
                if g == 0 {
                    return Err(RankingMoveProblem::AtTheEnd);
                }
                self.take(g, id);
                self.groups[g - 1].push(id);
                if self.groups[g].is_empty() {
                    self.groups.remove(g);
                }
            }
            RankingMove::Untie(id) => {
                let g = self.find(id)?;
                if self.groups[g].len() < 2 {
                    return Err(RankingMoveProblem::NotTied);
                }
                self.take(g, id);
                self.groups.insert(g + 1, vec![id]);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(r: &Ranking) -> Vec<Vec<i64>> {
        r.groups().to_vec()
    }

    #[test]
    fn proposals_keep_equal_scores_tied_and_put_the_unscored_last() {
        let r = propose(&[
            (1, Some(3.5)),
            (2, Some(4.25)),
            (3, Some(3.5)),
            (4, None),
            (5, Some(2.0)),
            (6, None),
        ]);
        assert_eq!(groups(&r), vec![vec![2], vec![1, 3], vec![5], vec![4, 6]]);
        assert_eq!(
            r.ranks(),
            vec![(2, 1), (1, 2), (3, 2), (5, 3), (4, 4), (6, 4)]
        );
        assert_eq!(
            Ranking::from_ranks(&r.ranks()),
            r,
            "stored ranks read back the same"
        );
        assert_eq!(propose(&[]), Ranking::default());
    }

    #[test]
    fn every_step_and_its_refusals() {
        let start = propose(&[
            (1, Some(5.0)),
            (2, Some(4.0)),
            (3, Some(4.0)),
            (4, Some(3.0)),
        ]);
        assert_eq!(groups(&start), vec![vec![1], vec![2, 3], vec![4]]);
        let step = |m: RankingMove| {
            let mut r = start.clone();
            r.apply(m).map(|()| groups(&r))
        };
        use RankingMove::*;
        assert_eq!(
            step(Up(3)),
            Ok(vec![vec![1], vec![3], vec![2], vec![4]]),
            "out of the tie, above it"
        );
        assert_eq!(step(Up(4)), Ok(vec![vec![1], vec![4], vec![2, 3]]));
        assert_eq!(step(Up(1)), Err(RankingMoveProblem::AtTheEnd));
        assert_eq!(step(Down(2)), Ok(vec![vec![1], vec![3], vec![2], vec![4]]));
        assert_eq!(step(Down(1)), Ok(vec![vec![2, 3], vec![1], vec![4]]));
        assert_eq!(step(Down(4)), Err(RankingMoveProblem::AtTheEnd));
        assert_eq!(step(TieWithAbove(4)), Ok(vec![vec![1], vec![2, 3, 4]]));
        assert_eq!(
            step(TieWithAbove(2)),
            Ok(vec![vec![1, 2], vec![3], vec![4]])
        );
        assert_eq!(step(TieWithAbove(1)), Err(RankingMoveProblem::AtTheEnd));
        assert_eq!(step(Untie(2)), Ok(vec![vec![1], vec![3], vec![2], vec![4]]));
        assert_eq!(step(Untie(1)), Err(RankingMoveProblem::NotTied));
        assert_eq!(step(Up(99)), Err(RankingMoveProblem::NotRanked));
    }
}
