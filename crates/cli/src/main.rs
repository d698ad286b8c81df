//! `cohort`: one binary for the whole programme. See `cohort --help`.

mod args;
mod commands;
mod logging;

use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Sandbox { job } = &cli.command {
        // a child of `cohort serve`: no logging, no runtime, just the job
        return cohort_untrusted::sandbox::child::main(job);
    }
    if let Err(error) = logging::init(&cli.log) {
        eprintln!("error: {error:#}");
        return ExitCode::FAILURE;
    }
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            match error.downcast_ref::<commands::audit::NotIntact>() {
                Some(_) => ExitCode::from(commands::audit::NOT_INTACT_EXIT),
                None => ExitCode::FAILURE,
            }
        }
    }
}

fn run(command: Command) -> anyhow::Result<()> {
    match command {
        // `match` is pure computation: no runtime needed.
        Command::Match(args) => commands::allocate::run(&args),
        command => {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async move {
                match command {
                    Command::Serve(args) => commands::serve::run(args).await,
                    Command::Migrate(db) => commands::migrate::run(&db).await,
                    Command::Catalogue(sub) => commands::catalogue::run(sub).await,
                    Command::Audit(sub) => commands::audit::run(sub).await,
                    Command::User(sub) => commands::user::run(sub).await,
                    Command::Session(sub) => commands::session::run(sub).await,
                    Command::Retention(sub) => commands::retention::run(sub).await,
                    Command::Demo(args::DemoCommand::Generate(args)) => {
                        commands::demo::run(args).await
                    }
                    Command::Match(_) | Command::Sandbox { .. } => unreachable!("handled above"),
                }
            })
        }
    }
}
