//! The password policy: long enough, not a common one, not built from the address.

/// The fewest characters a password may have.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// More than this is refused so that hashing cost stays bounded.
const MAX_PASSWORD_CHARS: usize = 256;

/// Passwords of 12 characters or more that people pick first, and their keyboard walks.
/// Compared after lower-casing.
const COMMON: &[&str] = &[
    "123456789012",
    "1234567890123",
    "12345678901234",
    "123456789123",
    "111111111111",
    "000000000000",
    "123123123123",
    "password1234",
    "password12345",
    "password123!",
    "passwordpassword",
    "motdepasse123",
    "motdepasse1234",
    "qwertyuiop12",
    "qwertyuiop123",
    "qwertyuiopas",
    "qwerty123456",
    "azertyuiop12",
    "azertyuiop123",
    "azerty123456",
    "iloveyou1234",
    "abcdefghijkl",
    "abcdef123456",
    "abc123456789",
    "1q2w3e4r5t6y",
    "q1w2e3r4t5y6",
    "letmein12345",
    "welcome12345",
    "welcome123456",
    "changeme1234",
    "administrator",
    "admin1234567",
    "trustno1trustno1",
    "football1234",
    "baseball1234",
    "superman1234",
    "sunshine1234",
    "princess1234",
    "monkey123456",
    "dragon123456",
    "starwars1234",
    "internship2027",
    "internship2026",
    "natointernship",
    "nato12345678",
    "cohort123456",
    "1qaz2wsx3edc",
    "zaq12wsxcde3",
    "qazwsxedcrfv",
    "asdfghjkl123",
    "soleil123456",
    "bonjour12345",
    "doudou123456",
    "chocolat1234",
    "loulou123456",
];

/// A password that meets the policy. Its text is only for hashing; it never prints.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// Why a password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_PASSWORD_CHARS`] characters.
    #[error("the password has fewer than 12 characters")]
    TooShort,
    /// Absurdly long.
    #[error("the password is too long")]
    TooLong,
    /// One of the passwords everyone tries first, or a repetition of one character.
    #[error("the password is too common")]
    TooCommon,
    /// Contains the e-mail address's name.
    #[error("the password contains the e-mail address")]
    ContainsEmail,
}

impl NewPassword {
    /// Checks `text` against the policy; `email_local` is the part of the address before `@`.
    pub fn parse(text: &str, email_local: &str) -> Result<NewPassword, PasswordProblem> {
        let chars = text.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(PasswordProblem::TooShort);
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(PasswordProblem::TooLong);
        }
        let lower = text.to_lowercase();
        let first = lower.chars().next();
        let one_char = lower.chars().all(|c| Some(c) == first);
        if one_char || COMMON.contains(&lower.as_str()) {
            return Err(PasswordProblem::TooCommon);
        }
        let local = email_local.to_lowercase();
        if local.chars().count() >= 4 && lower.contains(&local) {
            return Err(PasswordProblem::ContainsEmail);
        }
        Ok(NewPassword(text.to_owned()))
    }

    /// The text, to hash.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_table() {
        let check = |text: &str, expect: Result<(), PasswordProblem>| {
            assert_eq!(
                NewPassword::parse(text, "ana.popescu").map(|_| ()),
                expect,
                "{text:?}"
            );
        };
        check("short pass", Err(PasswordProblem::TooShort));
        check("elevenchars", Err(PasswordProblem::TooShort));
        check("éééééééééééé", Err(PasswordProblem::TooCommon));
        check("Password1234", Err(PasswordProblem::TooCommon));
        check("AZERTYUIOP123", Err(PasswordProblem::TooCommon));
        check("my ana.popescu pw", Err(PasswordProblem::ContainsEmail));
        check(&"x".repeat(300), Err(PasswordProblem::TooLong));
        check("correct horse battery", Ok(()));
        check("twelve chars", Ok(()));
        check("été à Bruxelles", Ok(()));
    }

    #[test]
    fn the_password_never_shows_in_debug_output() {
        let password = NewPassword::parse("correct horse battery", "ana").expect("valid");
        assert_eq!(format!("{password:?}"), "NewPassword(***)");
    }
}
