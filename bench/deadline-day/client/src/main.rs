//! The timed half of `bench/deadline-day/surge.py`, in Rust so that the load generator takes
//! little of the CPU it shares with the server on a 2-core machine (the Python client took
//! ~90 % of a core and became the limit).
//!
//! `deadline-day-client MANIFEST OUTPUT`: MANIFEST (written by surge.py after its untimed
//! setup) names the server, the session, the choices and, per candidate, the cookie, the
//! CSRF token and the two pre-encoded multipart bodies. Each candidate opens its own
//! HTTP/1.1 connection, all wait on one barrier, then each sends draft, cv, letter, submit
//! one after the other. OUTPUT receives the latencies (seconds, per step, in completion
//! order), the errors, and the completion instants (seconds since the barrier); surge.py
//! prints and judges them.

use anyhow::{bail, Context};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper::Request;
use hyper_util::rt::TokioIo;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::net::TcpStream;
use tokio::sync::Barrier;

#[derive(Debug, Deserialize)]
struct Manifest {
    /// `host:port` of the server.
    address: String,
    session: i64,
    choices: Vec<i64>,
    candidates: Vec<CandidateIn>,
}

#[derive(Debug, Deserialize)]
struct CandidateIn {
    email: String,
    cookie: String,
    csrf: String,
    /// Files holding the multipart bodies and their content types.
    cv_body: String,
    cv_type: String,
    letter_body: String,
    letter_type: String,
}

#[derive(Debug, Default, Serialize)]
struct Outcome {
    wall_s: f64,
    completed: usize,
    latency: BTreeMap<&'static str, Vec<f64>>,
    /// "step status" → count.
    errors: BTreeMap<String, usize>,
    error_samples: BTreeMap<String, String>,
    done_at: Vec<f64>,
}

/// One request ready to send: everything encoded before the barrier.
#[derive(Debug)]
struct Prepared {
    step: &'static str,
    expected: u16,
    request: Request<Full<Bytes>>,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [manifest, output] = args.as_slice() else {
        bail!("usage: deadline-day-client MANIFEST.json OUTPUT.json");
    };
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(manifest).with_context(|| format!("reading {manifest}"))?,
    )
    .context("parsing the manifest")?;
    // One thread: the client should cost the server as little CPU as possible.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let outcome = runtime.block_on(surge(manifest))?;
    std::fs::write(output, serde_json::to_vec(&outcome)?)
        .with_context(|| format!("writing {output}"))?;
    Ok(())
}

async fn surge(manifest: Manifest) -> anyhow::Result<Outcome> {
    let n = manifest.candidates.len();
    let barrier = Arc::new(Barrier::new(n + 1));
    let outcome = Arc::new(Mutex::new(Outcome::default()));
    let start = Arc::new(Mutex::new(None::<Instant>));
    let mut tasks = Vec::with_capacity(n);
    for candidate in &manifest.candidates {
        let requests = prepare(&manifest, candidate)?;
        let stream = TcpStream::connect(&manifest.address)
            .await
            .with_context(|| format!("connecting to {}", manifest.address))?;
        stream.set_nodelay(true)?;
        let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .context("HTTP/1.1 handshake")?;
        tokio::spawn(connection);
        let (barrier, outcome, start) = (barrier.clone(), outcome.clone(), start.clone());
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            flow(sender, requests, &outcome, &start).await;
        }));
    }
    barrier.wait().await;
    let t0 = Instant::now();
    *start.lock().expect("start instant") = Some(t0);
    for task in tasks {
        task.await?;
    }
    let wall = t0.elapsed().as_secs_f64();
    let mut outcome = std::mem::take(&mut *outcome.lock().expect("outcome"));
    outcome.wall_s = wall;
    Ok(outcome)
}

fn prepare(manifest: &Manifest, c: &CandidateIn) -> anyhow::Result<Vec<Prepared>> {
    let path = format!("/api/v1/sessions/{}/application", manifest.session);
    let draft = serde_json::json!({
        "choices": manifest.choices,
        "motivation": format!("Deadline day, {}.", c.email),
    });
    let read = |file: &str| -> anyhow::Result<Bytes> {
        Ok(Bytes::from(
            std::fs::read(file).with_context(|| format!("reading {file}"))?,
        ))
    };
    let request = |method: &str, uri: String, content_type: Option<&str>, body: Bytes| {
        let mut builder = Request::builder()
            .method(method)
            .uri(uri)
            .header("host", &manifest.address)
            .header("cookie", &c.cookie)
            .header("x-csrf-token", &c.csrf)
            .header("accept-language", "en");
        if let Some(t) = content_type {
            builder = builder.header("content-type", t);
        }
        builder.body(Full::new(body))
    };
    Ok(vec![
        Prepared {
            step: "draft",
            expected: 200,
            request: request(
                "PUT",
                path.clone(),
                Some("application/json"),
                Bytes::from(serde_json::to_vec(&draft)?),
            )?,
        },
        Prepared {
            step: "cv",
            expected: 201,
            request: request(
                "POST",
                format!("{path}/documents"),
                Some(&c.cv_type),
                read(&c.cv_body)?,
            )?,
        },
        Prepared {
            step: "letter",
            expected: 201,
            request: request(
                "POST",
                format!("{path}/documents"),
                Some(&c.letter_type),
                read(&c.letter_body)?,
            )?,
        },
        Prepared {
            step: "submit",
            expected: 200,
            request: request("POST", format!("{path}/submit"), None, Bytes::new())?,
        },
    ])
}

/// Sends the candidate's requests in order; stops at the first failure, as a person would.
async fn flow(
    mut sender: SendRequest<Full<Bytes>>,
    requests: Vec<Prepared>,
    outcome: &Mutex<Outcome>,
    start: &Mutex<Option<Instant>>,
) {
    for prepared in requests {
        let t0 = Instant::now();
        let result = async {
            sender.ready().await?;
            let response = sender.send_request(prepared.request).await?;
            let status = response.status().as_u16();
            let body = response.into_body().collect().await?.to_bytes();
            Ok::<_, hyper::Error>((status, body))
        }
        .await;
        let elapsed = t0.elapsed().as_secs_f64();
        let mut out = outcome.lock().expect("outcome");
        let failure = match result {
            Ok((status, _)) if status == prepared.expected => None,
            Ok((status, body)) => Some((
                status.to_string(),
                String::from_utf8_lossy(&body[..body.len().min(200)]).into_owned(),
            )),
            Err(e) => Some(("transport".to_owned(), e.to_string())),
        };
        match failure {
            None => out.latency.entry(prepared.step).or_default().push(elapsed),
            Some((what, sample)) => {
                let key = format!("{} {what}", prepared.step);
                *out.errors.entry(key.clone()).or_default() += 1;
                out.error_samples.entry(key).or_insert(sample);
                return;
            }
        }
    }
    let since = start
        .lock()
        .expect("start instant")
        .map_or(0.0, |t0| t0.elapsed().as_secs_f64());
    let mut out = outcome.lock().expect("outcome");
    out.completed += 1;
    out.done_at.push(since);
}
