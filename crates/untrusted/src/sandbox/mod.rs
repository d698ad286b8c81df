//! Untrusted files are parsed in a child process with hard limits, never in the server.
//!
//! The child is the server's own binary run as a hidden subcommand (`cohort sandbox
//! pdf-text`, see [`child`]); it gets the file on stdin and answers one JSON document on
//! stdout. Before the first byte of input is written, the parent sets the child's limits
//! (`prlimit`): address space, CPU seconds, stack, no file writes, no core dump; and the
//! child refuses to parse if it finds them missing. The parent kills it at the wall-time
//! limit, reads at most [`Limits::output_bytes`], and gives it an empty environment (no
//! database URL or cloud key reaches a parser). A crash, a limit hit or garbage output is
//! a [`Failure`]: the caller decides what that means (for a CV: a valid file with no text).
//!
//! At most `running` children run at once and at most `waiting` more wait for a turn;
//! past that, or after waiting [`Limits::queue_wait`], the answer is [`Busy`] (the web
//! shell says 503 with `Retry-After`).

pub mod child;
mod limits;

pub use limits::Limits;

use crate::sheet::SheetError;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::Semaphore;

/// What a child is asked to do; its name is the subcommand's last argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// The tidied text of a PDF.
    PdfText,
    /// The rows of a CSV or XLSX sheet.
    SheetRows,
}

impl Job {
    /// The argument naming the job.
    pub fn name(self) -> &'static str {
        match self {
            Job::PdfText => "pdf-text",
            Job::SheetRows => "sheet-rows",
        }
    }

    /// The job an argument names.
    pub fn from_name(name: &str) -> Option<Job> {
        [Job::PdfText, Job::SheetRows]
            .into_iter()
            .find(|job| job.name() == name)
    }
}

/// What a child answers, one JSON document on stdout.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    /// A PDF's text.
    Text(String),
    /// A sheet's rows.
    Rows(Vec<Vec<String>>),
    /// Why a sheet cannot be read.
    SheetError(SheetError),
}

/// Too many files are being read at once: try again shortly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// Why a child gave no answer.
#[derive(Debug)]
pub enum Failure {
    /// Too many at once ([`Busy`]).
    Busy,
    /// The child could not be started or limited.
    Start(std::io::Error),
    /// Killed at the wall-time limit.
    TimedOut,
    /// Wrote more than [`Limits::output_bytes`].
    OutputTooLarge,
    /// Ended by a signal or a failing exit code (a crash, a limit hit).
    Crashed(std::process::ExitStatus),
    /// Its output is not an answer.
    Garbage,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Busy => f.write_str("too many sandboxes at once"),
            Failure::Start(e) => write!(f, "the sandbox could not start: {e}"),
            Failure::TimedOut => f.write_str("the sandbox was killed at its time limit"),
            Failure::OutputTooLarge => f.write_str("the sandbox wrote too much"),
            Failure::Crashed(status) => write!(f, "the sandbox ended: {status}"),
            Failure::Garbage => f.write_str("the sandbox's answer is unreadable"),
        }
    }
}

/// How to start the child: a program and the arguments before the job's name.
#[derive(Debug, Clone)]
pub struct ChildCommand {
    /// The program, e.g. the running `cohort` binary.
    pub program: PathBuf,
    /// Arguments before the job's name, e.g. `["sandbox"]`.
    pub args: Vec<OsString>,
}

impl ChildCommand {
    /// The running binary's own `sandbox` subcommand.
    pub fn this_binary() -> std::io::Result<ChildCommand> {
        Ok(ChildCommand {
            program: std::env::current_exe()?,
            args: vec!["sandbox".into()],
        })
    }
}

/// Runs jobs in limited children, a bounded number at once.
#[derive(Debug, Clone)]
pub struct Sandbox {
    command: ChildCommand,
    limits: Limits,
    running: Arc<Semaphore>,
    admitted: Arc<Semaphore>,
}

impl Sandbox {
    /// At most `running` children at once and `waiting` more waiting for a turn.
    pub fn new(command: ChildCommand, limits: Limits, running: usize, waiting: usize) -> Sandbox {
        let running = running.max(1);
        Sandbox {
            command,
            limits,
            running: Arc::new(Semaphore::new(running)),
            admitted: Arc::new(Semaphore::new(running + waiting)),
        }
    }

    /// As many children at once as the machine has cores, and 64 more waiting (the
    /// server bounds the uploads in flight before that: each waiter holds its file).
    pub fn sized_to_machine(command: ChildCommand) -> Sandbox {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Sandbox::new(command, Limits::default(), cores, 64)
    }

    /// The limits of every child.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The tidied text of a PDF; empty when the child failed (the file stays a valid
    /// upload). Only [`Busy`] is an error.
    pub async fn pdf_text(&self, bytes: &[u8]) -> Result<String, Busy> {
        match self.run(Job::PdfText, bytes).await {
            Ok(Answer::Text(text)) => Ok(text),
            Ok(_) => {
                tracing::warn!("the PDF sandbox answered with the wrong kind of answer");
                Ok(String::new())
            }
            Err(Failure::Busy) => Err(Busy),
            Err(failure) => {
                tracing::warn!(%failure, "no text from a document");
                Ok(String::new())
            }
        }
    }

    /// The rows of a sheet, or why it cannot be read; a failed child means unreadable.
    pub async fn sheet_rows(
        &self,
        bytes: &[u8],
    ) -> Result<Result<Vec<Vec<String>>, SheetError>, Busy> {
        match self.run(Job::SheetRows, bytes).await {
            Ok(Answer::Rows(rows)) => Ok(Ok(rows)),
            Ok(Answer::SheetError(error)) => Ok(Err(error)),
            Ok(Answer::Text(_)) => Ok(Err(SheetError::Unreadable)),
            Err(Failure::Busy) => Err(Busy),
            Err(failure) => {
                tracing::warn!(%failure, "a sheet could not be read");
                Ok(Err(SheetError::Unreadable))
            }
        }
    }

    /// Runs `job` on `input` in a new child, waiting for a turn.
    pub async fn run(&self, job: Job, input: &[u8]) -> Result<Answer, Failure> {
        let _admitted = self.admitted.try_acquire().map_err(|_| Failure::Busy)?;
        let _turn = tokio::time::timeout(self.limits.queue_wait, self.running.acquire())
            .await
            .map_err(|_| Failure::Busy)?
            .map_err(|_| Failure::Busy)?;
        self.run_now(job, input).await
    }

    async fn run_now(&self, job: Job, input: &[u8]) -> Result<Answer, Failure> {
        let mut child = tokio::process::Command::new(&self.command.program)
            .args(&self.command.args)
            .arg(job.name())
            .env_clear()
            .current_dir("/")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(Failure::Start)?;
        if let Err(error) = child.id().map_or(Ok(()), |pid| self.limits.apply_to(pid)) {
            let _ = child.start_kill();
            return Err(Failure::Start(error));
        }
        let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(Failure::Start(std::io::Error::other("no pipes")));
        };
        let limit = self.limits.output_bytes;
        let work = async {
            let write = async {
                // the child may stop reading early (a crash): its answer tells
                let _ = stdin.write_all(input).await;
                drop(stdin);
            };
            let read = async {
                let mut out = Vec::new();
                let read = stdout.take(limit as u64 + 1).read_to_end(&mut out).await;
                read.map(|_| out)
            };
            let ((), out) = tokio::join!(write, read);
            let out = out.map_err(|_| Failure::Garbage)?;
            if out.len() > limit {
                let _ = child.start_kill();
                let _ = child.wait().await;
                return Err(Failure::OutputTooLarge);
            }
            let status = child.wait().await.map_err(Failure::Start)?;
            if !status.success() {
                return Err(Failure::Crashed(status));
            }
            serde_json::from_slice::<Answer>(&out).map_err(|_| Failure::Garbage)
        };
        let outcome = tokio::time::timeout(self.limits.wall, work).await;
        match outcome {
            Ok(answer) => answer,
            Err(_) => {
                let _ = child.start_kill();
                let _ = child.wait().await;
                Err(Failure::TimedOut)
            }
        }
    }
}
