//! For tests: a real SMTP server receiving what the product sends, and a reader for what
//! it received. The server is Debian's `python3-aiosmtpd` (`-c aiosmtpd.handlers.Mailbox`:
//! every message lands in a Maildir), run under `COHORT_SMTP_PYTHON` (default
//! `/usr/bin/python3`, Debian's own interpreter, which sees the package; a venv `python3`
//! usually does not). A missing module fails the test, saying how to install it.

use base64::Engine;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// aiosmtpd writing every message it receives into a Maildir; killed on drop.
#[derive(Debug)]
pub struct SmtpSink {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    /// Delivered messages are files in `new/` of this Maildir.
    pub maildir: PathBuf,
}

impl SmtpSink {
    /// Starts the sink on a free port of 127.0.0.1, writing into `maildir`.
    pub fn start(maildir: &Path) -> SmtpSink {
        let python =
            std::env::var("COHORT_SMTP_PYTHON").unwrap_or_else(|_| "/usr/bin/python3".into());
        let probe = Command::new(&python)
            .args(["-c", "import aiosmtpd"])
            .output()
            .unwrap_or_else(|e| panic!("cannot run {python} ({e}): set COHORT_SMTP_PYTHON"));
        assert!(
            probe.status.success(),
            "{python} cannot import aiosmtpd, the SMTP sink of this test: run \
             `apt-get install python3-aiosmtpd` (./scripts/test does), or point \
             COHORT_SMTP_PYTHON at a Python that has it.\n{}",
            String::from_utf8_lossy(&probe.stderr)
        );
        let addr = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port");
        let mut child = Command::new(&python)
            .args(["-m", "aiosmtpd", "-n", "-l", &addr.to_string()])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start aiosmtpd");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(addr).is_err() {
            if let Some(status) = child.try_wait().expect("poll aiosmtpd") {
                let mut stderr = String::new();
                if let Some(mut pipe) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut pipe, &mut stderr);
                }
                panic!("aiosmtpd exited ({status}) before listening:\n{stderr}");
            }
            assert!(
                Instant::now() < deadline,
                "aiosmtpd did not listen on {addr}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        SmtpSink {
            child,
            addr,
            maildir: maildir.to_owned(),
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The files of `dir` once there are `n` of them (bounded wait: delivery is asynchronous).
pub async fn wait_for_files(dir: &Path, n: usize) -> Vec<PathBuf> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        // Leave out files being written: `.NAME.partial` here, `tmp/` in a Maildir.
        files.retain(|p| {
            p.file_name()
                .is_some_and(|name| !name.to_string_lossy().starts_with('.'))
        });
        if files.len() >= n {
            files.sort();
            return files;
        }
        assert!(
            Instant::now() < deadline,
            "{n} message(s) expected in {}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A message split the simple way: unfolded headers, a blank line, the body.
#[derive(Debug)]
pub struct Parsed {
    headers: Vec<(String, String)>,
    body: String,
}

impl Parsed {
    /// Reads a stored message.
    pub fn read(path: &Path) -> Parsed {
        let raw = std::fs::read_to_string(path).expect("a message is ASCII text");
        let raw = raw.replace("\r\n", "\n");
        let (head, body) = raw.split_once("\n\n").expect("headers, blank line, body");
        let unfolded = head.replace("\n ", " ").replace("\n\t", " ");
        let headers = unfolded
            .lines()
            .map(|line| {
                let (name, value) = line.split_once(':').expect("Name: value");
                (name.to_owned(), value.trim().to_owned())
            })
            .collect();
        Parsed {
            headers,
            body: body.to_owned(),
        }
    }

    /// A header's value; panics naming the headers when it is missing.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {name} header in {:?}", self.headers))
    }

    /// The subject, decoded.
    pub fn subject(&self) -> String {
        decode_words(self.header("Subject"))
    }

    /// The plain-text body, decoded.
    pub fn text(&self) -> String {
        let encoding = self
            .header("Content-Transfer-Encoding")
            .to_ascii_lowercase();
        assert_eq!(encoding, "quoted-printable");
        decode_quoted_printable(&self.body)
    }
}

/// RFC 2047 encoded words (`=?utf-8?b?…?=`, as lettre writes them) back to text; the space
/// between two encoded words is not part of the text.
fn decode_words(value: &str) -> String {
    let mut text = String::new();
    let mut previous_encoded = false;
    for token in value.split(' ').filter(|t| !t.is_empty()) {
        let encoded = token
            .strip_prefix("=?")
            .and_then(|t| t.strip_suffix("?="))
            .map(|t| t.splitn(3, '?').collect::<Vec<_>>());
        match encoded.as_deref() {
            Some([charset, b, data])
                if charset.eq_ignore_ascii_case("utf-8") && b.eq_ignore_ascii_case("b") =>
            {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(data)
                    .expect("base64 word");
                if !previous_encoded && !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&String::from_utf8(bytes).expect("UTF-8 word"));
                previous_encoded = true;
            }
            Some(other) => panic!("unexpected encoded word {other:?}"),
            None => {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(token);
                previous_encoded = false;
            }
        }
    }
    text
}

fn decode_quoted_printable(body: &str) -> String {
    let joined = body.replace("=\n", "");
    let mut bytes = Vec::new();
    let mut rest = joined.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'=' && tail.len() >= 2 {
            let hex = std::str::from_utf8(&tail[..2]).expect("hex");
            bytes.push(u8::from_str_radix(hex, 16).expect("=XX"));
            rest = &tail[2..];
        } else {
            bytes.push(first);
            rest = tail;
        }
    }
    String::from_utf8(bytes).expect("UTF-8 body")
}

impl SmtpSink {
    /// The messages delivered so far, oldest name first.
    pub fn delivered(&self) -> Vec<Parsed> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.maildir.join("new"))
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        files.iter().map(|p| Parsed::read(p)).collect()
    }

    /// The first message delivered to `to` (the envelope recipient), waiting up to ten
    /// seconds for it: delivery is asynchronous.
    pub async fn message_to(&self, to: &str) -> Parsed {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(found) = self
                .delivered()
                .into_iter()
                .find(|m| m.header("X-RcptTo").eq_ignore_ascii_case(to))
            {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "no message to {to} reached the SMTP sink at {}",
                self.addr
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}
