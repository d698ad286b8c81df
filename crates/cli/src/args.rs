//! The command line: every flag has an environment variable, passed explicitly.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Cohort runs an internship programme end to end: the public "meet us" catalogue of host
/// units in French and English, applications, review, allocation and onboarding.
#[derive(Debug, Parser)]
#[command(name = "cohort", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub log: LogArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web site and the JSON API (creates and migrates the database on first
    /// start and loads the default catalogue when it holds none).
    Serve(ServeArgs),
    /// Create or update the database schema, then exit.
    Migrate(DatabaseArgs),
    /// Import or export the catalogue of host units.
    #[command(subcommand)]
    Catalogue(CatalogueCommand),
    /// Allocate candidates to placements (stable matching) from an instance file.
    ///
    /// Reads the JSON instance format of shared/formats/allocation-instance.md and writes
    /// the result. Invalid instances exit with status 1, name the first wrong entry
    /// (JSON path and id) and write no result.
    Match(MatchArgs),
    /// Check or export the audit log: who did what to which record, chained by hashes.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Manage staff accounts (the first administrator, in particular).
    #[command(subcommand)]
    User(UserCommand),
    /// Demonstration data.
    #[command(subcommand)]
    Demo(DemoCommand),
    /// Sessions (intakes) and their placements.
    #[command(subcommand)]
    Session(SessionCommand),
    /// The retention of unsuccessful applications.
    #[command(subcommand)]
    Retention(RetentionCommand),
    /// Internal: parse one untrusted file from standard input under the limits that
    /// `cohort serve` sets on it (address space, CPU, stack), and answer in JSON.
    #[command(hide = true)]
    Sandbox {
        /// `pdf-text` or `sheet-rows`.
        job: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RetentionCommand {
    /// Delete, with their files, the unsuccessful applications (rejected, withdrawn, never
    /// sent — never one that was shortlisted) of every session whose retention
    /// (retention_months after the internships end, 12 by default) has run out, and record
    /// each session's purge in the audit log. `cohort serve` also does this every day.
    ///
    /// Prints one line per session purged.
    Purge(RetentionPurgeArgs),
}

/// `cohort retention purge`.
#[derive(Debug, Args)]
pub struct RetentionPurgeArgs {
    #[command(flatten)]
    pub files: FilesArgs,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

/// Where uploaded documents are kept.
#[derive(Debug, Args)]
pub struct FilesArgs {
    /// Keep uploaded documents in an S3-compatible bucket instead of DATA_DIR/files, e.g.
    /// s3://cohort-documents/prod. Credentials, region and endpoint come from the usual
    /// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION and AWS_ENDPOINT variables
    /// (AWS_ALLOW_HTTP=true for a server without TLS).
    #[arg(long, env = "COHORT_FILES_URL")]
    pub files_url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Create a session and its placements from a TOML file: a [session] table (code,
    /// name.en, name.fr, period_start, period_end, opens, closes in local time, time_zone,
    /// max_choices, retention_months (12 unless given), optionally rules = "FILE" relative
    /// to it; NATO's rules otherwise) and
    /// [[placements]] as in catalogue/demo-placements.toml. A file with a mistake changes
    /// nothing and the error names the field.
    Import {
        /// The session file.
        file: PathBuf,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum DemoCommand {
    /// Fill a session with made-up candidates and their sent applications (statuses,
    /// motivations and CV texts in French and English, reviews by demo reviewers), with a
    /// progress bar.
    ///
    /// Example: cohort demo generate --applications 100000
    Generate(DemoGenerateArgs),
}

/// `cohort demo generate`.
#[derive(Debug, Args)]
pub struct DemoGenerateArgs {
    /// How many applications.
    #[arg(long, default_value_t = 1000)]
    pub applications: usize,
    /// The session's code (default: the first session).
    #[arg(long)]
    pub session: Option<String>,
    /// Seed of the generator: the same seed gives the same people.
    #[arg(long, default_value_t = 2027)]
    pub seed: u64,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a confirmed staff account without a password and print the one-time link
    /// (valid seven days) with which its owner chooses one. Nothing secret goes through
    /// the command line.
    ///
    /// Example: cohort user add --email admin@example.org --role administrator
    Add(UserAddArgs),
}

/// `cohort user add`.
#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// The person's e-mail address.
    #[arg(long)]
    pub email: String,
    /// reviewer, supervisor, coordinator or administrator.
    #[arg(long, value_enum)]
    pub role: StaffRole,
    /// A host unit a reviewer works for (repeat for several), e.g. --unit DI.
    #[arg(long = "unit")]
    pub units: Vec<String>,
    /// The account's language: en or fr.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// The address people use to reach the site, for the link.
    #[arg(
        long,
        env = "COHORT_PUBLIC_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub public_url: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

/// `--role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StaffRole {
    Reviewer,
    Coordinator,
    Administrator,
    Supervisor,
}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Fr,
}

/// Logging, for every command.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// Log filter: error, warn, info, debug, trace, or per module (e.g. "info,sqlx=warn").
    #[arg(long, env = "COHORT_LOG", default_value = "info", global = true)]
    pub log_level: String,
    /// Log format: human-readable text or one JSON object per line.
    #[arg(long, env = "COHORT_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Where the data lives.
#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// Folder for the embedded SQLite database and, later, uploaded files; created if missing.
    #[arg(long, env = "COHORT_DATA_DIR", default_value = "cohort-data")]
    pub data_dir: PathBuf,
    /// Database URL: postgres://USER:PASSWORD@HOST/DB for PostgreSQL, or sqlite://PATH.
    /// Without it, SQLite in the data directory.
    #[arg(long, env = "COHORT_DATABASE_URL")]
    pub database_url: Option<String>,
    /// SQLite only: `normal` (default) keeps every acknowledged change when the process is
    /// killed; `full` also when the machine loses power, at a cost in speed.
    #[arg(long, env = "COHORT_SQLITE_SYNC", value_enum, default_value_t = SqliteSyncArg::Normal)]
    pub sqlite_sync: SqliteSyncArg,
}

/// `--sqlite-sync`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SqliteSyncArg {
    Normal,
    Full,
}

impl From<SqliteSyncArg> for cohort_store::SqliteSync {
    fn from(arg: SqliteSyncArg) -> Self {
        match arg {
            SqliteSyncArg::Normal => cohort_store::SqliteSync::Normal,
            SqliteSyncArg::Full => cohort_store::SqliteSync::Full,
        }
    }
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "COHORT_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// The address people use to reach the site, for links in e-mails (e.g.
    /// https://interns.example.org); cookies are marked Secure when it is https.
    /// Default: http://BIND.
    #[arg(long, env = "COHORT_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Send e-mail through this SMTP server, e.g. smtp://localhost:25 or
    /// smtps://user:password@mail.example.org (STARTTLS: add ?tls=required).
    #[arg(long, env = "COHORT_SMTP_URL", conflicts_with = "mail_dir")]
    pub smtp_url: Option<String>,
    /// Write each e-mail as an .eml file in DIR instead of sending it (development,
    /// tests). Without --smtp-url, e-mails go to DATA_DIR/mail.
    #[arg(long, env = "COHORT_MAIL_DIR")]
    pub mail_dir: Option<PathBuf>,
    #[command(flatten)]
    pub files: FilesArgs,
    /// The sender of every e-mail.
    #[arg(
        long,
        env = "COHORT_MAIL_FROM",
        default_value = "Cohort <noreply@localhost>"
    )]
    pub mail_from: String,
    /// Reverse proxies whose X-Forwarded-For names the client, as CIDR blocks or
    /// addresses separated by commas (e.g. 127.0.0.1,10.0.0.0/8). The client of a request
    /// from one of them is the right-most address in X-Forwarded-For that is not itself a
    /// trusted proxy; from any other peer, X-Forwarded-For is ignored. Rate limits and the
    /// audit log use that client address. Default: none (the TCP peer is the client).
    #[arg(
        long,
        env = "COHORT_TRUSTED_PROXIES",
        value_delimiter = ',',
        value_name = "CIDR[,CIDR…]"
    )]
    pub trusted_proxies: Vec<crate::commands::serve::Cidr>,
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Sign staff accounts (reviewers, coordinators, administrators, supervisors) out after
    /// this many minutes without a request, beside the 12-hour limit of every sign-in.
    #[arg(long, env = "COHORT_STAFF_IDLE_MINUTES", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=720))]
    pub staff_idle_minutes: u64,
    /// Sign candidates out after this many minutes without a request.
    #[arg(long, env = "COHORT_CANDIDATE_IDLE_MINUTES", default_value_t = 120,
          value_parser = clap::value_parser!(u64).range(1..=720))]
    pub candidate_idle_minutes: u64,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// What one client may hold of the server (slow and greedy clients).
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// Seconds a client may take to send a request's head; also how long an idle
    /// kept-alive connection stays open. A connection past it is closed.
    #[arg(
        long,
        env = "COHORT_HEADER_READ_TIMEOUT",
        default_value_t = 10,
        value_name = "SECONDS"
    )]
    pub header_read_timeout: u64,
    /// The longest pause, in seconds, while a request's body streams in.
    #[arg(
        long,
        env = "COHORT_BODY_READ_TIMEOUT",
        default_value_t = 15,
        value_name = "SECONDS"
    )]
    pub body_read_timeout: u64,
    /// Seconds a request may take before it is answered 503.
    #[arg(
        long,
        env = "COHORT_REQUEST_TIMEOUT",
        default_value_t = 30,
        value_name = "SECONDS"
    )]
    pub request_timeout: u64,
    /// Seconds an upload, import, export or download may take.
    #[arg(
        long,
        env = "COHORT_LONG_REQUEST_TIMEOUT",
        default_value_t = 300,
        value_name = "SECONDS"
    )]
    pub long_request_timeout: u64,
    /// Connections served at once (more wait to be accepted).
    #[arg(long, env = "COHORT_MAX_CONNECTIONS", default_value_t = 2048)]
    pub max_connections: usize,
    /// Requests handled at once (more are answered 503 with Retry-After).
    #[arg(long, env = "COHORT_MAX_IN_FLIGHT", default_value_t = 512)]
    pub max_in_flight: usize,
}

#[derive(Debug, Subcommand)]
pub enum CatalogueCommand {
    /// Replace the catalogue with FILE (TOML), in one transaction: a file with a mistake
    /// changes nothing and the error names the unit and the field.
    Import {
        /// The catalogue file, e.g. catalogue/nato-international-staff.toml.
        file: PathBuf,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Write the catalogue in its canonical TOML form (an import of it gives it back).
    Export {
        /// Where to write; standard output when absent or "-".
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check that no entry of the audit log was edited, deleted, inserted or reordered,
    /// and that its tail is whole.
    ///
    /// Prints "audit log intact: N entries" and exits with status 0, or prints one line
    /// per problem, naming the entry, and exits with status 3 (status 1 means that the
    /// check could not run).
    Verify(DatabaseArgs),
    /// Write every entry of the audit log, in order, as CSV: UTF-8 with a byte-order mark
    /// and a header row. A cell starting with = + - or @ gets a leading ' so that a
    /// spreadsheet shows it as text instead of running it as a formula.
    Export {
        /// Where to write; standard output when absent or "-".
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The instance (JSON); "-" for standard input.
    #[arg(long)]
    pub input: PathBuf,
    /// Where to write the result (JSON); "-" for standard output.
    #[arg(long)]
    pub output: PathBuf,
    /// Write stats.millis as 0, so that the same input gives the same bytes every run.
    #[arg(long)]
    pub reproducible: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn public_flags_keep_their_names() {
        let cli = Cli::try_parse_from([
            "cohort",
            "serve",
            "--bind",
            "0.0.0.0:9000",
            "--data-dir",
            "/tmp/x",
            "--database-url",
            "postgres://u@h/db",
        ])
        .expect("parses");
        let Command::Serve(serve) = cli.command else {
            panic!("expected serve")
        };
        assert_eq!(serve.bind.port(), 9000);
        assert_eq!(
            serve.database.database_url.as_deref(),
            Some("postgres://u@h/db")
        );
        let names: Vec<_> = Cli::command()
            .find_subcommand("serve")
            .expect("serve")
            .get_arguments()
            .filter_map(|a| a.get_env().map(|e| e.to_string_lossy().into_owned()))
            .collect();
        for env in [
            "COHORT_BIND",
            "COHORT_DATA_DIR",
            "COHORT_DATABASE_URL",
            "COHORT_STAFF_IDLE_MINUTES",
            "COHORT_CANDIDATE_IDLE_MINUTES",
            "COHORT_TRUSTED_PROXIES",
        ] {
            assert!(names.iter().any(|n| n == env), "{env} in {names:?}");
        }
        assert_eq!(
            (serve.staff_idle_minutes, serve.candidate_idle_minutes),
            (30, 120)
        );
    }

    #[test]
    fn idle_timeouts_are_set_in_minutes_and_bounded() {
        let parse = |args: &[&str]| {
            let mut all = vec!["cohort", "serve"];
            all.extend_from_slice(args);
            Cli::try_parse_from(all)
        };
        let cli = parse(&[
            "--staff-idle-minutes",
            "15",
            "--candidate-idle-minutes",
            "60",
        ])
        .expect("parses");
        let Command::Serve(serve) = cli.command else {
            panic!("expected serve")
        };
        assert_eq!(
            (serve.staff_idle_minutes, serve.candidate_idle_minutes),
            (15, 60)
        );
        assert!(parse(&["--staff-idle-minutes", "0"]).is_err());
        assert!(parse(&["--candidate-idle-minutes", "721"]).is_err());
    }

    #[test]
    fn trusted_proxies_are_cidr_blocks_separated_by_commas() {
        let parse = |value: &str| {
            Cli::try_parse_from(["cohort", "serve", "--trusted-proxies", value]).map(|cli| {
                let Command::Serve(serve) = cli.command else {
                    panic!("expected serve")
                };
                serve
                    .trusted_proxies
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            parse("127.0.0.1,10.0.0.0/8,2001:db8::/32").expect("parses"),
            ["127.0.0.1/32", "10.0.0.0/8", "2001:db8::/32"]
        );
        assert!(parse("10.0.0.0/40").is_err(), "a prefix too long");
        assert!(parse("proxy.example").is_err(), "names are not addresses");
        let none = Cli::try_parse_from(["cohort", "serve"]).expect("parses");
        let Command::Serve(serve) = none.command else {
            panic!("expected serve")
        };
        assert!(serve.trusted_proxies.is_empty(), "none by default");
    }
}
