//! Instants as the product writes them for programs: RFC 3339 in UTC.

/// An instant in Unix milliseconds as RFC 3339 in UTC (`2027-01-10T08:00:00Z`); the number
/// itself if it is out of range.
pub fn rfc3339(millis: i64) -> String {
    jiff::Timestamp::from_millisecond(millis).map_or_else(|_| millis.to_string(), |t| t.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn instants_are_utc_with_a_z() {
        assert_eq!(super::rfc3339(1_799_568_000_000), "2027-01-10T08:00:00Z");
        assert_eq!(
            super::rfc3339(1_799_568_000_123),
            "2027-01-10T08:00:00.123Z"
        );
        assert_eq!(super::rfc3339(i64::MAX), i64::MAX.to_string());
    }
}
