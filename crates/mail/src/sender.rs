//! Turning an outbox row into an RFC 5322 message and handing it to a transport.

use cohort_store::QueuedMail;
use lettre::message::header::{ContentTransferEncoding, ContentType, HeaderName, HeaderValue};
use lettre::message::{Body, Mailbox};
use lettre::transport::smtp;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where messages go.
#[derive(Clone, PartialEq, Eq)]
pub enum Transport {
    /// An SMTP server, by lettre's URL: `smtp://host:port` (plain, for local sinks),
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS), `smtps://user:pass@host:465`.
    Smtp {
        /// The connection URL; it may hold credentials, so `Debug` hides them.
        url: String,
    },
    /// A directory: each message becomes `<dir>/<created-at unix millis>-<outbox id>.eml`,
    /// the full message as it would go over SMTP.
    MailDir(PathBuf),
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Transport::Smtp { url } => {
                let shown = match (url.split_once("://"), url.rsplit_once('@')) {
                    (Some((scheme, _)), Some((_, host))) => format!("{scheme}://…@{host}"),
                    _ => url.clone(),
                };
                f.debug_struct("Smtp").field("url", &shown).finish()
            }
            Transport::MailDir(dir) => f.debug_tuple("MailDir").field(dir).finish(),
        }
    }
}

/// Why a message could not be built or sent. The worker stores the text in the row's
/// `last_error` and retries later.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The SMTP URL could not be understood.
    #[error("invalid SMTP URL: {0}")]
    SmtpUrl(#[source] smtp::Error),
    /// The recipient's address is not valid (the address itself is left out: logs are
    /// not the place for it).
    #[error("the recipient address is not valid: {0}")]
    Recipient(#[from] lettre::address::AddressError),
    /// lettre refused to assemble the message.
    #[error("cannot build the message: {0}")]
    Message(#[from] lettre::error::Error),
    /// The SMTP server could not be reached or refused the message.
    #[error("SMTP: {0}")]
    Smtp(#[from] smtp::Error),
    /// The `.eml` file could not be written.
    #[error("cannot write {path}: {source}", path = .path.display())]
    Write {
        /// The file or directory.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Reading or updating the outbox failed.
    #[error(transparent)]
    Store(#[from] cohort_store::StoreError),
}

/// How long one SMTP conversation may take before it counts as failed.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone)]
enum Outlet {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    MailDir(PathBuf),
}

/// Sends outbox rows from one address through one [`Transport`].
#[derive(Debug, Clone)]
pub struct Sender {
    from: Mailbox,
    outlet: Outlet,
}

impl Sender {
    /// A sender from `from`; an SMTP URL is checked here, so a bad one fails at start-up.
    pub fn new(from: Mailbox, transport: Transport) -> Result<Sender, MailError> {
        let outlet = match transport {
            Transport::Smtp { url } => Outlet::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
                    .map_err(MailError::SmtpUrl)?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build(),
            ),
            Transport::MailDir(dir) => Outlet::MailDir(dir),
        };
        Ok(Sender { from, outlet })
    }

    /// The address messages come from.
    pub fn from(&self) -> &Mailbox {
        &self.from
    }

    /// Builds `mail` as a text/plain UTF-8 message and sends or writes it.
    #[tracing::instrument(skip_all, fields(outbox_id = mail.id, to_domain = crate::worker::domain_of(&mail.to)))]
    pub async fn send(&self, mail: &QueuedMail) -> Result<(), MailError> {
        let message = self.message(mail)?;
        match &self.outlet {
            Outlet::Smtp(smtp) => {
                smtp.send(message).await?;
            }
            Outlet::MailDir(dir) => {
                let name = format!("{}-{}.eml", mail.created_at, mail.id);
                write_atomically(dir, &name, &message.formatted()).await?;
            }
        }
        Ok(())
    }

    fn message(&self, mail: &QueuedMail) -> Result<Message, MailError> {
        let to: Mailbox = mail.to.parse()?;
        // Quoted-printable keeps French text legible in .eml files and needs no 8BITMIME.
        let body = Body::new_with_encoding(
            mail.body_text.clone(),
            ContentTransferEncoding::QuotedPrintable,
        )
        .map_err(|_| lettre::error::Error::NonAsciiChars)?;
        // Stable across retries, so a receiver can tell a resent message from a new one.
        let message_id = format!(
            "<cohort-outbox-{}.{}@{}>",
            mail.id,
            mail.created_at,
            self.from.email.domain()
        );
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.as_str())
            .message_id(Some(message_id))
            .header(ContentType::TEXT_PLAIN);
        if is_language_tag(&mail.lang) {
            builder = builder.raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Content-Language"),
                mail.lang.clone(),
            ));
        }
        Ok(builder.body(body)?)
    }
}

/// `en`, `fr`, `fr-BE`: letters, digits and hyphens only, so nothing can be smuggled into
/// the header block.
fn is_language_tag(lang: &str) -> bool {
    !lang.is_empty()
        && lang.len() <= 35
        && lang.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Writes beside the final name, then renames: a reader never sees half a message, and a
/// retry of the same row replaces its file instead of adding a second one.
async fn write_atomically(dir: &Path, name: &str, content: &[u8]) -> Result<(), MailError> {
    let failed = |path: &Path| {
        let path = path.to_path_buf();
        move |source| MailError::Write { path, source }
    };
    tokio::fs::create_dir_all(dir).await.map_err(failed(dir))?;
    let partial = dir.join(format!(".{name}.partial"));
    let path = dir.join(name);
    tokio::fs::write(&partial, content)
        .await
        .map_err(failed(&partial))?;
    tokio::fs::rename(&partial, &path)
        .await
        .map_err(failed(&path))?;
    Ok(())
}
