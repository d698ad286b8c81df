//! `cohort user add`: a staff account and the link to choose its password.

use super::open_store;
use crate::args::{LangArg, StaffRole, UserCommand};
use anyhow::Context;
use cohort_app::staff::{invite_staff, Invitation};
use cohort_domain::{Lang, Role};

pub async fn run(command: UserCommand) -> anyhow::Result<()> {
    let UserCommand::Add(args) = command;
    let store = open_store(&args.database).await?;
    let catalogue = store
        .catalogue()
        .await?
        .context("the database holds no catalogue yet: run `cohort serve` once or `cohort catalogue import FILE`")?;
    let invitation = Invitation {
        email: args.email.clone(),
        role: match args.role {
            StaffRole::Reviewer => Role::Reviewer,
            StaffRole::Coordinator => Role::Coordinator,
            StaffRole::Administrator => Role::Administrator,
            StaffRole::Supervisor => Role::Supervisor,
        },
        units: args.units.clone(),
        lang: match args.lang {
            LangArg::En => Lang::En,
            LangArg::Fr => Lang::Fr,
        },
    };
    let app = super::app_without_files(store, &args.public_url)?;
    let link = invite_staff(&app, &catalogue, &invitation, false).await?;
    println!(
        "created {} account {}; the password is chosen with this link within 7 days (it works once):\n{link}",
        invitation.role.as_str(),
        args.email
    );
    Ok(())
}
