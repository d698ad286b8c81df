//! Costly work behind a gate: at most `at_once` jobs run (on blocking threads), at most
//! `queued` more wait their turn, and anything beyond is refused at once, so that a flood
//! of requests costs a bounded amount of memory and CPU and the excess is answered 503
//! with `Retry-After` instead of piling up.
//!
//! The jobs run on the gate's own `at_once` threads, not on tokio's blocking pool: argon2
//! takes ~19 MiB a job, and glibc keeps such a block in the arena of each thread that
//! freed it, so hundreds of pool threads each kept their own (a burst of sign-ins left
//! the server at 385 MiB); a fixed set of threads keeps a fixed set of arenas.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How much of some work may run and wait at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkLimit {
    /// Jobs running at once.
    pub at_once: usize,
    /// Jobs waiting for a turn; past that, refused.
    pub queued: usize,
}

impl WorkLimit {
    /// One job per CPU, four times as many waiting.
    pub fn for_this_machine() -> WorkLimit {
        let cpus = std::thread::available_parallelism().map_or(2, |n| n.get());
        WorkLimit {
            at_once: cpus,
            queued: 4 * cpus,
        }
    }
}

/// Why a job did not run.
#[derive(Debug, thiserror::Error)]
pub enum GateError {
    /// Every turn is taken and the queue is full: try again later.
    #[error("too much of this work is already running or waiting")]
    Full,
    /// The job panicked or its thread was lost.
    #[error("the job panicked or its thread was lost")]
    Failed,
}

/// A gate for one kind of work; cheap to clone (the clones share it).
#[derive(Debug, Clone)]
pub struct Gate {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    limit: WorkLimit,
    /// Turns to run.
    run: Arc<Semaphore>,
    /// Places in the building: running or waiting.
    admit: Arc<Semaphore>,
    running: AtomicUsize,
    peak: AtomicUsize,
    done: AtomicU64,
    /// Jobs to the gate's threads.
    jobs: std::sync::Mutex<std::sync::mpsc::Sender<Job>>,
}

/// A job for one of the gate's threads.
type Job = Box<dyn FnOnce() + Send>;

/// Starts `count` threads that run the jobs sent on the returned channel; they end when
/// the channel closes (the gate dropped).
fn start_threads(count: usize) -> std::sync::mpsc::Sender<Job> {
    let (send, receive) = std::sync::mpsc::channel::<Job>();
    let receive = Arc::new(std::sync::Mutex::new(receive));
    for i in 0..count {
        let receive = receive.clone();
        let started = std::thread::Builder::new()
            .name(format!("cohort-gate-{i}"))
            .spawn(move || loop {
                let job = match receive.lock() {
                    Ok(receive) => receive.recv(),
                    Err(_) => return,
                };
                match job {
                    Ok(job) => job(),
                    Err(_) => return,
                }
            });
        if let Err(error) = started {
            tracing::error!(%error, "a thread of a gate could not start");
        }
    }
    send
}

impl Gate {
    /// A gate letting `limit.at_once` jobs run (at least one) and `limit.queued` wait.
    pub fn new(limit: WorkLimit) -> Gate {
        let at_once = limit.at_once.max(1);
        Gate {
            inner: Arc::new(Inner {
                limit: WorkLimit {
                    at_once,
                    queued: limit.queued,
                },
                run: Arc::new(Semaphore::new(at_once)),
                admit: Arc::new(Semaphore::new(at_once + limit.queued)),
                running: AtomicUsize::new(0),
                peak: AtomicUsize::new(0),
                done: AtomicU64::new(0),
                jobs: std::sync::Mutex::new(start_threads(at_once)),
            }),
        }
    }

    /// Runs `job` on a blocking thread when its turn comes, or refuses at once with
    /// [`GateError::Full`].
    pub async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, GateError> {
        self.admit()?.run(job).await
    }

    /// A place among the running and waiting jobs, or [`GateError::Full`] at once: taken
    /// before other work of the request (e.g. counting it against a rate limit), so that a
    /// refusal costs the client nothing.
    pub fn admit(&self) -> Result<Ticket, GateError> {
        let place = self
            .inner
            .admit
            .clone()
            .try_acquire_owned()
            .map_err(|_| GateError::Full)?;
        Ok(Ticket {
            inner: self.inner.clone(),
            place,
        })
    }

    /// Its limit.
    pub fn limit(&self) -> WorkLimit {
        self.inner.limit
    }

    /// The most jobs that ever ran at once.
    pub fn peak_running(&self) -> usize {
        self.inner.peak.load(Ordering::SeqCst)
    }

    /// How many jobs ran to their end.
    pub fn completed(&self) -> u64 {
        self.inner.done.load(Ordering::SeqCst)
    }
}

/// A place in the gate for one job.
#[derive(Debug)]
pub struct Ticket {
    inner: Arc<Inner>,
    place: OwnedSemaphorePermit,
}

impl Ticket {
    /// Runs `job` on one of the gate's threads when its turn comes. The turn is held by the
    /// job itself: a request given up while its job runs does not free the turn before the
    /// job ends.
    pub async fn run<T: Send + 'static>(
        self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, GateError> {
        let Ticket { inner, place } = self;
        let turn = inner
            .run
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| GateError::Full)?;
        let (answer, result) = tokio::sync::oneshot::channel();
        let jobs = inner.jobs.lock().map_err(|_| GateError::Failed)?.clone();
        let job: Job = Box::new(move || {
            let running = Running::start(inner, (turn, place));
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            // counted as done and its turn given back before anyone hears the answer
            drop(running);
            if let Ok(value) = outcome {
                let _ = answer.send(value);
            }
        });
        jobs.send(job).map_err(|_| GateError::Failed)?;
        result.await.map_err(|_| GateError::Failed)
    }
}

/// A job running: counted while it lives, its turn and place given back when it ends
/// (even by a panic).
struct Running {
    inner: Arc<Inner>,
    _permits: (OwnedSemaphorePermit, OwnedSemaphorePermit),
}

impl Running {
    fn start(inner: Arc<Inner>, permits: (OwnedSemaphorePermit, OwnedSemaphorePermit)) -> Running {
        let now = inner.running.fetch_add(1, Ordering::SeqCst) + 1;
        inner.peak.fetch_max(now, Ordering::SeqCst);
        Running {
            inner,
            _permits: permits,
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.inner.running.fetch_sub(1, Ordering::SeqCst);
        self.inner.done.fetch_add(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn excess_is_refused_at_once_and_the_rest_runs_in_turn() {
        let gate = Gate::new(WorkLimit {
            at_once: 1,
            queued: 2,
        });
        // the first job blocks until told, so the others queue behind it
        let (release, wait) = mpsc::channel::<()>();
        let (started, is_started) = mpsc::channel::<()>();
        let first = tokio::spawn({
            let gate = gate.clone();
            async move {
                gate.run(move || {
                    started.send(()).expect("started");
                    wait.recv().expect("released");
                    1
                })
                .await
            }
        });
        tokio::task::spawn_blocking(move || is_started.recv().expect("first runs"))
            .await
            .expect("join");
        let queued: Vec<_> = (0..2)
            .map(|i| {
                let gate = gate.clone();
                tokio::spawn(async move { gate.run(move || 10 + i).await })
            })
            .collect();
        // the queued two hold their places once they are polled; wait for that
        while gate.inner.admit.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        assert!(matches!(gate.run(|| 99).await, Err(GateError::Full)));
        release.send(()).expect("release");
        assert_eq!(first.await.expect("join").expect("ran"), 1);
        for job in queued {
            assert!(job.await.expect("join").expect("ran") >= 10);
        }
        assert_eq!(gate.peak_running(), 1);
        assert_eq!(gate.completed(), 3);
        assert_eq!(gate.run(|| 5).await.expect("room again"), 5);
    }
}
