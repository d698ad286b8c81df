//! An e-mail address, checked enough to be deliverable-looking and compared without case.

use std::fmt;

/// A syntactically plausible e-mail address; [`Email::key`] is its case-folded form, used to
/// find an account whatever the capitals typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

/// Why a text is not an e-mail address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing typed.
    #[error("the e-mail address is empty")]
    Empty,
    /// Longer than the 254 characters SMTP allows.
    #[error("the e-mail address is too long")]
    TooLong,
    /// Not of the form name@domain.tld.
    #[error("the e-mail address is not of the form name@example.org")]
    Malformed,
}

impl Email {
    /// Parses an address, trimming surrounding spaces.
    pub fn parse(text: &str) -> Result<Email, EmailError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(EmailError::Empty);
        }
        if text.len() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = text.rsplit_once('@').ok_or(EmailError::Malformed)?;
        let well_formed = !local.is_empty()
            && local.len() <= 64
            && !domain.starts_with(['.', '-'])
            && !domain.ends_with(['.', '-'])
            && domain.contains('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
            && !text
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "<>\"(),;:[]\\".contains(c));
        if well_formed {
            Ok(Email(text.to_owned()))
        } else {
            Err(EmailError::Malformed)
        }
    }

    /// The address as typed (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The lookup key: lower case, so that `Ana@X.org` and `ana@x.org` are one account.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }

    /// The domain, for logs that must not hold personal data.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, d)| d)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for ok in [
            "ana@example.org",
            " Ana.Popescu+nato@uni-bucuresti.ro ",
            "élève@école.fr",
        ] {
            assert!(Email::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(Email::parse("Ana@X.org").expect("valid").key(), "ana@x.org");
        assert_eq!(Email::parse("a@b.org").expect("valid").domain(), "b.org");
    }

    #[test]
    fn refuses_what_cannot_be_an_address() {
        assert_eq!(Email::parse("   "), Err(EmailError::Empty));
        assert_eq!(
            Email::parse(&format!("{}@x.org", "a".repeat(250))),
            Err(EmailError::TooLong)
        );
        for bad in [
            "ana",
            "ana@",
            "@x.org",
            "ana@x",
            "ana@.x.org",
            "a na@x.org",
            "ana@x..org",
            "<a>@x.org",
            "a@x.org\nBcc: b@y.org",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Malformed), "{bad:?}");
        }
    }
}
