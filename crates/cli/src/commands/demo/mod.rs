//! `cohort demo generate --applications N`: fills a session with made-up candidates, their
//! sent applications (most submitted, some shortlisted, rejected or withdrawn) and, for
//! many, two reviews by demo reviewers of the chosen unit — enough to try screening,
//! review and ranking at the scale of a real programme.

mod cv;
mod people;

use super::open_store;
use crate::args::DemoGenerateArgs;
use anyhow::Context;
use cohort_domain::application::ApplicationStatus;
use cohort_domain::review::Rubric;
use cohort_domain::session::Session;
use cohort_domain::Role;
use cohort_store::{DemoApplicant, Store};
use people::Rng;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::time::Instant;

const BATCH: usize = 5_000;

pub async fn run(args: DemoGenerateArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let store = open_store(&args.database).await?;
    super::catalogue::seed_if_empty(&store).await?;
    let session = pick_session(&store, args.session.as_deref()).await?;
    let placements = store.placements(session.id).await?;
    anyhow::ensure!(
        !placements.is_empty(),
        "session {} has no placements",
        session.code
    );
    let now = cohort_mail::unix_millis();
    let reviewers = demo_reviewers(&store, &placements, now).await?;
    let rubric = Rubric::default();
    let mut rng = Rng::new(args.seed);
    let tag = format!("{:x}", now % 0xFFFF_FFFF);
    let total = args.applications;
    let mut done = 0;
    while done < total {
        let size = BATCH.min(total - done);
        let batch: Vec<DemoApplicant> = (done..done + size)
            .map(|i| applicant(&mut rng, i, &tag, &placements, &reviewers, &rubric, now))
            .collect();
        store
            .insert_demo_batch(session.id, &batch, cohort_store::NO_PASSWORD, now)
            .await
            .context("writing a batch")?;
        done += size;
        progress(done, total);
    }
    eprintln!();
    println!(
        "{total} applications to session {} ({}) in {:.1} s; demo reviewers: reviewer-UNIT-1@demo.example and -2 (set their passwords with cohort user add or an invitation)",
        session.code,
        session.id.0,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn progress(done: usize, total: usize) {
    let width = 30;
    let filled = done * width / total.max(1);
    eprint!(
        "\r[{}{}] {done}/{total}",
        "#".repeat(filled),
        "-".repeat(width - filled)
    );
    let _ = std::io::stderr().flush();
}

async fn pick_session(store: &Store, code: Option<&str>) -> anyhow::Result<Session> {
    let sessions = store.sessions().await?;
    match code {
        Some(code) => sessions
            .into_iter()
            .find(|s| s.code == code)
            .with_context(|| format!("no session with the code {code}")),
        None => sessions
            .into_iter()
            .next()
            .context("no session: run cohort serve once"),
    }
}

/// Two demo reviewers per unit offering a placement (created once, without a password).
async fn demo_reviewers(
    store: &Store,
    placements: &[cohort_domain::session::Placement],
    now: i64,
) -> anyhow::Result<HashMap<String, [i64; 2]>> {
    let mut reviewers = HashMap::new();
    for placement in placements {
        let unit = placement.unit.as_str().to_owned();
        if reviewers.contains_key(&unit) {
            continue;
        }
        let mut ids = [0; 2];
        for (k, id) in ids.iter_mut().enumerate() {
            let email = format!("reviewer-{}-{}@demo.example", unit.to_lowercase(), k + 1);
            if let Some(account) = store.account_by_email(&email).await? {
                *id = account.id;
                continue;
            }
            let units = vec![unit.clone()];
            let new = cohort_store::NewStaff {
                account: cohort_store::NewAccount {
                    email_key: &email,
                    email: &email,
                    password_hash: cohort_store::NO_PASSWORD,
                    role: Role::Reviewer.as_str(),
                    lang: "en",
                },
                units: &units,
                token_hash: &format!("demo-unusable-{email}"),
                token_expires_at: now,
                mail: None,
            };
            *id = store
                .create_staff(&new, now)
                .await?
                .context("a demo reviewer appeared meanwhile")?;
        }
        reviewers.insert(unit, ids);
    }
    Ok(reviewers)
}

fn applicant(
    rng: &mut Rng,
    i: usize,
    tag: &str,
    placements: &[cohort_domain::session::Placement],
    reviewers: &HashMap<String, [i64; 2]>,
    rubric: &Rubric,
    now: i64,
) -> DemoApplicant {
    let french = rng.chance(40);
    let (profile, eligible) = people::profile(rng);
    let mut choices = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let p = rng.pick(placements).id;
        if !choices.contains(&p) {
            choices.push(p);
        }
    }
    let status = match rng.below(100) {
        0..=64 => ApplicationStatus::Submitted,
        65..=84 => ApplicationStatus::Shortlisted,
        85..=94 => ApplicationStatus::Rejected,
        _ => ApplicationStatus::Withdrawn,
    };
    let mut reviews = Vec::new();
    let reviewed = status == ApplicationStatus::Shortlisted
        || (status == ApplicationStatus::Submitted && rng.chance(30));
    if reviewed {
        let first_unit = placements
            .iter()
            .find(|p| p.id == choices[0])
            .map(|p| p.unit.as_str().to_owned())
            .unwrap_or_default();
        if let Some(ids) = reviewers.get(&first_unit) {
            for &reviewer in ids {
                let scores: BTreeMap<String, i64> = rubric
                    .criteria
                    .iter()
                    .map(|c| (c.key.clone(), 1 + rng.below(5) as i64))
                    .collect();
                let Ok(checked) = rubric.check(&scores) else {
                    continue;
                };
                let score = rubric.score(&checked);
                let json = serde_json::to_string(&checked.0).unwrap_or_default();
                reviews.push((reviewer, json, score));
            }
        }
    }
    let email = format!("candidate-{tag}-{i}@demo.example");
    DemoApplicant {
        cv_text: cv::cv(rng, &profile, &email, french),
        email,
        lang: if french { "fr" } else { "en" },
        profile: profile.to_string(),
        eligible,
        status,
        choices,
        motivation: people::motivation(rng, french),
        // spread over the last three weeks of the window
        submitted_at: now - (rng.below(21 * 24 * 3600) as i64) * 1000,
        reviews,
    }
}
