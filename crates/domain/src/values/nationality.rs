//! A nationality: an ISO 3166-1 alpha-2 country code that is officially assigned.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Every officially assigned ISO 3166-1 alpha-2 code (249), sorted, as published by the
/// ISO 3166 Maintenance Agency (taken from Debian's `iso-codes`). User-assigned codes such
/// as `XK` (Kosovo) and exceptionally reserved ones such as `UK` or `EU` are not in it.
pub const ISO_3166_1_ALPHA_2: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// A country of citizenship, as its ISO 3166-1 alpha-2 code, e.g. `FR` or `US`.
///
/// Only officially assigned codes parse, and only in uppercase: `fr` is refused rather
/// than silently changed, so that a file or a form says what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nationality([u8; 2]);

/// Why a text is not a nationality.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an ISO 3166-1 alpha-2 country code (two uppercase letters, officially assigned, e.g. \"FR\")")]
pub struct NationalityError(pub String);

impl Nationality {
    /// Parses an uppercase, officially assigned ISO 3166-1 alpha-2 code.
    pub fn parse(text: &str) -> Result<Nationality, NationalityError> {
        match text.as_bytes() {
            [a, b] if ISO_3166_1_ALPHA_2.binary_search(&text).is_ok() => Ok(Nationality([*a, *b])),
            _ => Err(NationalityError(text.to_owned())),
        }
    }

    /// The code, e.g. `"FR"`.
    pub fn as_str(&self) -> &str {
        super::two_letters(&self.0)
    }
}

impl fmt::Display for Nationality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Nationality {
    type Err = NationalityError;

    fn from_str(text: &str) -> Result<Nationality, NationalityError> {
        Nationality::parse(text)
    }
}

impl TryFrom<String> for Nationality {
    type Error = NationalityError;

    fn try_from(text: String) -> Result<Nationality, NationalityError> {
        Nationality::parse(&text)
    }
}

impl From<Nationality> for String {
    fn from(nationality: Nationality) -> String {
        nationality.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_unique_and_two_uppercase_letters() {
        assert!(ISO_3166_1_ALPHA_2.windows(2).all(|w| w[0] < w[1]));
        assert!(ISO_3166_1_ALPHA_2
            .iter()
            .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
    }

    #[test]
    fn parses_assigned_codes_only() {
        for (text, ok) in [
            ("FR", true),
            ("US", true),
            ("AX", true),
            ("ZW", true),
            ("fr", false),
            ("Fr", false),
            ("XX", false),
            ("XK", false),
            ("UK", false),
            ("FRA", false),
            ("F", false),
            ("", false),
            (" FR", false),
            ("É", false),
        ] {
            let parsed = Nationality::parse(text);
            assert_eq!(parsed.is_ok(), ok, "{text:?}");
            if let Ok(n) = parsed {
                assert_eq!(n.as_str(), text);
                assert_eq!(n.to_string(), text);
            }
        }
        assert_eq!(
            Nationality::parse("XX"),
            Err(NationalityError("XX".to_owned()))
        );
    }
}
