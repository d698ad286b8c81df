//! Two reviewers for each application: drawn from the reviewers of the units it chose,
//! never one who stepped aside, spreading the load evenly. Applications with the fewest
//! possible reviewers are served first, so a scarce reviewer goes where only they can help.

use std::collections::HashMap;

/// How many independent reviews each application gets.
pub const REVIEWERS_PER_APPLICATION: usize = 2;

/// An application waiting for reviewers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToAssign {
    /// The application.
    pub application: i64,
    /// The units of its choices.
    pub units: Vec<String>,
    /// Reviewers already assigned.
    pub assigned: Vec<i64>,
    /// Reviewers who stepped aside.
    pub conflicted: Vec<i64>,
}

/// A reviewer and the units they review for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewerLoad {
    /// The reviewer's account.
    pub id: i64,
    /// Their units.
    pub units: Vec<String>,
    /// Applications already assigned to them.
    pub load: usize,
}

/// What an assignment gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assignment {
    /// New `(application, reviewer)` pairs.
    pub pairs: Vec<(i64, i64)>,
    /// Applications left with fewer than two reviewers (not enough reviewers in their units).
    pub short: Vec<i64>,
}

/// Completes every application to [`REVIEWERS_PER_APPLICATION`] reviewers where possible.
pub fn assign(applications: &[ToAssign], reviewers: &[ReviewerLoad]) -> Assignment {
    let mut load: HashMap<i64, usize> = reviewers.iter().map(|r| (r.id, r.load)).collect();
    let eligible = |a: &ToAssign| -> Vec<&ReviewerLoad> {
        reviewers
            .iter()
            .filter(|r| r.units.iter().any(|u| a.units.contains(u)))
            .filter(|r| !a.conflicted.contains(&r.id) && !a.assigned.contains(&r.id))
            .collect()
    };
    let mut order: Vec<(usize, &ToAssign)> = applications
        .iter()
        .filter(|a| a.assigned.len() < REVIEWERS_PER_APPLICATION)
        .map(|a| (eligible(a).len(), a))
        .collect();
    order.sort_by_key(|(n, a)| (*n, a.application));
    let mut result = Assignment::default();
    for (_, application) in order {
        let mut candidates = eligible(application);
        let wanted = REVIEWERS_PER_APPLICATION - application.assigned.len();
        candidates.sort_by_key(|r| (load.get(&r.id).copied().unwrap_or(0), r.id));
        for reviewer in candidates.iter().take(wanted) {
            result.pairs.push((application.application, reviewer.id));
            *load.entry(reviewer.id).or_default() += 1;
        }
        if candidates.len() < wanted {
            result.short.push(application.application);
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(id: i64, units: &[&str], assigned: &[i64], conflicted: &[i64]) -> ToAssign {
        ToAssign {
            application: id,
            units: units.iter().map(|u| (*u).to_owned()).collect(),
            assigned: assigned.to_vec(),
            conflicted: conflicted.to_vec(),
        }
    }

    fn reviewer(id: i64, units: &[&str]) -> ReviewerLoad {
        ReviewerLoad {
            id,
            units: units.iter().map(|u| (*u).to_owned()).collect(),
            load: 0,
        }
    }

    #[test]
    fn two_distinct_reviewers_of_a_chosen_unit_with_an_even_load() {
        let reviewers = [
            reviewer(1, &["DI"]),
            reviewer(2, &["DI"]),
            reviewer(3, &["DI", "OLA"]),
        ];
        let apps: Vec<_> = (10..16).map(|id| app(id, &["DI"], &[], &[])).collect();
        let done = assign(&apps, &reviewers);
        assert!(done.short.is_empty());
        for a in &apps {
            let mine: Vec<_> = done
                .pairs
                .iter()
                .filter(|(x, _)| *x == a.application)
                .collect();
            assert_eq!(mine.len(), 2);
            assert_ne!(mine[0].1, mine[1].1);
        }
        let load = |r| done.pairs.iter().filter(|(_, x)| *x == r).count();
        assert_eq!([load(1), load(2), load(3)], [4, 4, 4]);
    }

    #[test]
    fn conflicts_units_and_earlier_assignments_are_respected() {
        let reviewers = [
            reviewer(1, &["DI"]),
            reviewer(2, &["DI"]),
            reviewer(3, &["OLA"]),
        ];
        let apps = [
            // reviewer 1 stepped aside; only 2 is left in DI
            app(20, &["DI"], &[], &[1]),
            // already has reviewer 2; gets 1
            app(21, &["DI"], &[2], &[]),
            // complete already
            app(22, &["DI"], &[1, 2], &[]),
            // chose OLA and DI
            app(23, &["OLA", "DI"], &[], &[]),
        ];
        let done = assign(&apps, &reviewers);
        assert!(done.pairs.contains(&(20, 2)) && !done.pairs.contains(&(20, 1)));
        assert!(done.pairs.contains(&(21, 1)));
        assert!(!done.pairs.iter().any(|(a, _)| *a == 22));
        assert_eq!(done.pairs.iter().filter(|(a, _)| *a == 23).count(), 2);
        assert!(done.pairs.contains(&(23, 3)));
        assert_eq!(done.short, [20]);
    }
}
