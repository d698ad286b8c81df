//! Rate limits on SQLite and on PostgreSQL: quotas and sign-in reservations are exact
//! under concurrency, also from two `Store`s at once (two nodes over one database); a
//! reset link voids the others and forgets the failures; the purge deletes only what no
//! longer counts.

use cohort_domain::limits::{
    FailureLimit, Quota, RESET_PER_EMAIL, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_CLIENT,
};
use cohort_store::{insert_email_token, Grant, Limited, Store};

use crate::backends;
use crate::people;

on_both_backends!(
    a_quota_grants_its_burst_then_says_when,
    sign_in_delays_grow_and_a_right_password_gives_the_slot_back,
    a_refused_subject_counts_nothing_for_the_others,
    a_reset_voids_the_other_links_and_forgets_the_failures,
    the_purge_deletes_only_what_no_longer_counts,
);

mod concurrent {
    use super::*;
    on_both_backends_fresh!(
        thirty_concurrent_sign_ins_reserve_exactly_five,
        twenty_concurrent_reset_requests_take_exactly_three,
    );
}

const NOW: i64 = 1_800_000_000_000;
const SECOND: i64 = 1000;

fn pair() -> [(&'static str, FailureLimit); 2] {
    [
        ("signin-account:ana@example.org", SIGN_IN_PER_ACCOUNT),
        ("signin-client:203.0.113.7", SIGN_IN_PER_CLIENT),
    ]
}

async fn a_quota_grants_its_burst_then_says_when(store: Store) {
    let subject = Limited::ResetEmail.subject("ana@example.org");
    for _ in 0..3 {
        assert_eq!(
            store
                .take_quota(&subject, RESET_PER_EMAIL, NOW)
                .await
                .expect("take"),
            Grant::Granted
        );
    }
    let hour = RESET_PER_EMAIL.every_ms;
    assert_eq!(
        store
            .take_quota(&subject, RESET_PER_EMAIL, NOW + 10)
            .await
            .expect("take"),
        Grant::Refused {
            retry_at: NOW + hour
        }
    );
    let other = Limited::ResetEmail.subject("bo@example.org");
    assert_eq!(
        store
            .take_quota(&other, RESET_PER_EMAIL, NOW)
            .await
            .expect("take"),
        Grant::Granted,
        "another address has its own quota"
    );
    assert_eq!(
        store
            .take_quota(&subject, RESET_PER_EMAIL, NOW + hour)
            .await
            .expect("take"),
        Grant::Granted,
        "one more after an hour"
    );
    assert!(matches!(
        store
            .take_quota(&subject, RESET_PER_EMAIL, NOW + hour)
            .await
            .expect("take"),
        Grant::Refused { .. }
    ));
}

async fn sign_in_delays_grow_and_a_right_password_gives_the_slot_back(store: Store) {
    let subjects = pair();
    for _ in 0..5 {
        assert_eq!(
            store
                .reserve_sign_in(&subjects, NOW)
                .await
                .expect("reserve"),
            Grant::Granted
        );
    }
    assert_eq!(
        store
            .reserve_sign_in(&subjects, NOW)
            .await
            .expect("reserve"),
        Grant::Refused {
            retry_at: NOW + 2 * SECOND
        },
        "after five failures the next waits two seconds"
    );
    let later = NOW + 2 * SECOND;
    assert_eq!(
        store
            .reserve_sign_in(&subjects, later)
            .await
            .expect("reserve"),
        Grant::Granted
    );
    assert_eq!(
        store
            .reserve_sign_in(&subjects, later + 3 * SECOND)
            .await
            .expect("reserve"),
        Grant::Refused {
            retry_at: later + 4 * SECOND
        },
        "then four"
    );
    assert_eq!(
        store.sign_in_failures(subjects[0].0).await.expect("count"),
        6
    );
    assert_eq!(
        store.sign_in_failures(subjects[1].0).await.expect("count"),
        6
    );

    // a quiet window forgets them
    let quiet = later + SIGN_IN_PER_ACCOUNT.window_ms;
    assert_eq!(
        store
            .reserve_sign_in(&subjects, quiet)
            .await
            .expect("reserve"),
        Grant::Granted
    );
    assert_eq!(
        store.sign_in_failures(subjects[0].0).await.expect("count"),
        1
    );

    // the last attempt was right: the account's count is gone, the client's has it back
    store
        .sign_in_succeeded(subjects[0].0, subjects[1].0)
        .await
        .expect("succeeded");
    assert_eq!(
        store.sign_in_failures(subjects[0].0).await.expect("count"),
        0
    );
    assert_eq!(
        store.sign_in_failures(subjects[1].0).await.expect("count"),
        0
    );
}

async fn a_refused_subject_counts_nothing_for_the_others(store: Store) {
    // the client address is waiting: an attempt on a fresh account is refused and counts
    // nothing for that account
    let client = ("signin-client:203.0.113.9", SIGN_IN_PER_CLIENT);
    for i in 0..20 {
        let account = format!("signin-account:user{i}@example.org");
        let grant = store
            .reserve_sign_in(&[(&account, SIGN_IN_PER_ACCOUNT), client], NOW)
            .await
            .expect("reserve");
        assert_eq!(grant, Grant::Granted);
    }
    let fresh = "signin-account:fresh@example.org";
    assert!(matches!(
        store
            .reserve_sign_in(&[(fresh, SIGN_IN_PER_ACCOUNT), client], NOW)
            .await
            .expect("reserve"),
        Grant::Refused { .. }
    ));
    assert_eq!(store.sign_in_failures(fresh).await.expect("count"), 0);
    assert_eq!(store.sign_in_failures(client.0).await.expect("count"), 20);
}

async fn reset_token(store: &Store, hash: &str, account: i64, expires_at: i64) {
    let mut tx = store.begin().await.expect("begin");
    insert_email_token(&mut tx, hash, account, "reset", expires_at)
        .await
        .expect("token");
    tx.commit().await.expect("commit");
}

async fn a_reset_voids_the_other_links_and_forgets_the_failures(store: Store) {
    let ana = people::account(&store, "ana@example.org", "candidate", NOW).await;
    for link in ["first", "second", "third"] {
        reset_token(&store, link, ana, NOW + 3_600_000).await;
    }
    for _ in 0..8 {
        store.reserve_sign_in(&pair(), NOW).await.expect("reserve");
    }
    assert_eq!(store.sign_in_failures(pair()[0].0).await.expect("count"), 5);
    assert!(store
        .email_token_valid("second", "reset", NOW)
        .await
        .expect("valid"));
    assert!(!store
        .email_token_valid("nope", "reset", NOW)
        .await
        .expect("valid"));

    let account = store
        .reset_password("second", "$argon2id$new", NOW + 1)
        .await
        .expect("reset")
        .expect("a valid link");
    assert_eq!(account.id, ana);
    assert_eq!(account.password_hash, "$argon2id$new");
    assert!(account.verified, "the link proved the address");
    assert_eq!(
        store.sign_in_failures(pair()[0].0).await.expect("count"),
        0,
        "the owner gets in at once"
    );
    assert_eq!(
        store.sign_in_failures(pair()[1].0).await.expect("count"),
        5,
        "the client address keeps its count"
    );
    for link in ["first", "second", "third"] {
        assert!(
            store
                .reset_password(link, "$argon2id$again", NOW + 2)
                .await
                .expect("reset")
                .is_none(),
            "{link} is void"
        );
    }
    let account = store
        .account_by_email("ana@example.org")
        .await
        .expect("read")
        .expect("account");
    assert_eq!(account.password_hash, "$argon2id$new");
}

async fn the_purge_deletes_only_what_no_longer_counts(store: Store) {
    let ana = people::account(&store, "ana@example.org", "candidate", NOW).await;
    reset_token(&store, "old", ana, NOW - 1).await;
    reset_token(&store, "live", ana, NOW + 3_600_000).await;
    store
        .insert_sign_in("gone", ana, "csrf", NOW - 100, NOW - 1)
        .await
        .expect("sign in");
    store
        .insert_sign_in("here", ana, "csrf", NOW - 100, NOW + 1000)
        .await
        .expect("sign in");
    let quick = Quota {
        burst: 1,
        every_ms: 10,
    };
    store
        .take_quota("old-quota", quick, NOW - 100)
        .await
        .expect("take");
    store
        .take_quota("live-quota", quick, NOW)
        .await
        .expect("take");
    let old = [("signin-account:old@example.org", SIGN_IN_PER_ACCOUNT)];
    store
        .reserve_sign_in(&old, NOW - SIGN_IN_PER_ACCOUNT.window_ms)
        .await
        .expect("reserve");
    let live = [("signin-account:live@example.org", SIGN_IN_PER_ACCOUNT)];
    store
        .reserve_sign_in(&live, NOW - 1)
        .await
        .expect("reserve");

    let purged = store
        .purge_expired(NOW, SIGN_IN_PER_ACCOUNT.window_ms)
        .await
        .expect("purge");
    assert_eq!((purged.limits, purged.tokens, purged.sign_ins), (2, 1, 1));
    assert!(store.sign_in("here", NOW).await.expect("read").is_some());
    assert!(store
        .email_token_valid("live", "reset", NOW)
        .await
        .expect("read"));
    assert_eq!(store.sign_in_failures(live[0].0).await.expect("count"), 1);
    assert!(matches!(
        store
            .take_quota("live-quota", quick, NOW)
            .await
            .expect("take"),
        Grant::Refused { .. }
    ));
    let again = store
        .purge_expired(NOW, SIGN_IN_PER_ACCOUNT.window_ms)
        .await
        .expect("purge");
    assert_eq!(again.tokens + again.sign_ins, 0, "nothing left to purge");
}

/// Two stores over one database, as two nodes: half the requests go through each.
async fn two_nodes(fresh: &backends::Fresh) -> [Store; 2] {
    let second = Store::open(&fresh.url).await.expect("second node");
    [fresh.store.clone(), second]
}

async fn thirty_concurrent_sign_ins_reserve_exactly_five(fresh: backends::Fresh) {
    let nodes = two_nodes(&fresh).await;
    let subjects = pair();
    let attempts = (0..30).map(|i| {
        let store = nodes[i % 2].clone();
        async move {
            store
                .reserve_sign_in(&subjects, NOW)
                .await
                .expect("reserve")
        }
    });
    let grants = futures_join_all(attempts).await;
    let granted = grants.iter().filter(|g| **g == Grant::Granted).count();
    assert_eq!(granted, 5, "{grants:?}");
    for grant in &grants {
        if let Grant::Refused { retry_at } = grant {
            assert_eq!(*retry_at, NOW + 2 * SECOND);
        }
    }
    assert_eq!(
        fresh
            .store
            .sign_in_failures(subjects[0].0)
            .await
            .expect("count"),
        5
    );
    assert_eq!(
        fresh
            .store
            .sign_in_failures(subjects[1].0)
            .await
            .expect("count"),
        5
    );
}

async fn twenty_concurrent_reset_requests_take_exactly_three(fresh: backends::Fresh) {
    let nodes = two_nodes(&fresh).await;
    let subject = Limited::ResetEmail.subject("ana@example.org");
    let takes = (0..20).map(|i| {
        let store = nodes[i % 2].clone();
        let subject = subject.clone();
        async move {
            store
                .take_quota(&subject, RESET_PER_EMAIL, NOW)
                .await
                .expect("take")
        }
    });
    let grants = futures_join_all(takes).await;
    let granted = grants.iter().filter(|g| **g == Grant::Granted).count();
    assert_eq!(granted, 3, "{grants:?}");
}

/// Runs every future at once on their own tasks (so that they really overlap on a
/// multi-threaded runtime, and interleave at every await on the test's).
async fn futures_join_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.expect("task"));
    }
    out
}
