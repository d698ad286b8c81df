//! Nationality caps: who gives way when a cap binds.
//!
//! The engine repeats { run DA on the market minus the removed set R; for
//! each nationality over its cap, add to R its matched candidates beyond the
//! cap with the lowest cap priority } until no cap is exceeded. See the crate
//! docs ("Nationality caps") for the stability notion this reaches and why.

use std::cmp::Ordering;

use crate::instance::Instance;
use crate::lottery::Lottery;

/// The order used when a cap binds: higher `priority` first, candidates
/// without a priority after all those with one, then the lottery.
pub fn cap_priority_cmp(instance: &Instance, lottery: &Lottery, a: usize, b: usize) -> Ordering {
    let pa = instance.priority(a);
    let pb = instance.priority(b);
    let by_priority = match (pa, pb) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    by_priority.then_with(|| lottery.position(a).cmp(&lottery.position(b)))
}

/// Marks in `removed` the matched candidates beyond each exceeded cap,
/// lowest cap priority first. Returns whether any cap was exceeded.
pub(crate) fn remove_excess(
    instance: &Instance,
    lottery: &Lottery,
    assignment: &[Option<u32>],
    removed: &mut [bool],
) -> bool {
    let mut matched_by_nat: Vec<Vec<u32>> = vec![Vec::new(); instance.nationality_count()];
    for (c, a) in assignment.iter().enumerate() {
        if let (Some(_), Some(n)) = (a, instance.nationality_of(c)) {
            if instance.cap(n).is_some() {
                matched_by_nat[n].push(c as u32);
            }
        }
    }
    let mut exceeded = false;
    for (n, matched) in matched_by_nat.iter_mut().enumerate() {
        let Some(cap) = instance.cap(n) else { continue };
        if matched.len() as u64 <= cap {
            continue;
        }
        exceeded = true;
        matched
            .sort_unstable_by(|&a, &b| cap_priority_cmp(instance, lottery, a as usize, b as usize));
        for &c in &matched[cap as usize..] {
            removed[c as usize] = true;
        }
    }
    exceeded
}
