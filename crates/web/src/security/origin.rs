//! Login CSRF: a page of another site must not be able to sign a visitor in (to an account
//! of the attacker's, which would then collect what the victim types), register or reset
//! a password in their browser. These forms have no session yet, hence no CSRF token; what
//! protects them is where the request says it comes from.
//!
//! Browsers send `Origin` on every POST (`null` when the page's referrer policy hides it,
//! as on a cross-site form with `no-referrer`); older ones send at least `Referer` for a
//! same-origin form, which our `Referrer-Policy: same-origin` keeps. So a form post is
//! accepted only when `Origin`, or failing it `Referer`, names this site: the public URL's
//! origin, or the host the request was sent to (`Host`). Neither: refused, since no
//! browser of ours sends neither. The JSON API is also used by programs, which send no
//! `Origin`; a browser always sends one on a cross-origin `fetch`, so the API refuses only
//! an `Origin` that is present and foreign (or `null`).

use axum::http::header::{HOST, ORIGIN, REFERER};
use axum::http::{HeaderMap, Method};

/// How a guarded path is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// An HTML form: a browser's, `Origin` or `Referer` required.
    Form,
    /// JSON: programs send no `Origin`; a foreign one is refused.
    Api,
}

/// The paths whose POST opens a session or an account without one: the guard each needs.
pub fn guard_for(method: &Method, path: &str) -> Option<Guard> {
    if method != Method::POST {
        return None;
    }
    match path {
        "/login" | "/register" | "/password-reset" => Some(Guard::Form),
        "/api/v1/auth/login"
        | "/api/v1/auth/register"
        | "/api/v1/auth/password-reset"
        | "/api/v1/auth/password-reset/request" => Some(Guard::Api),
        _ => None,
    }
}

/// `scheme://host[:port]` in lower case, without the scheme's default port.
fn normalized(scheme: &str, authority: &str) -> Option<(String, String)> {
    let scheme = scheme.to_ascii_lowercase();
    let authority = authority.to_ascii_lowercase();
    if authority.is_empty() || authority.contains(['/', '@', ' ']) {
        return None;
    }
    let authority = match (scheme.as_str(), authority.rsplit_once(':')) {
        ("http", Some((host, "80"))) | ("https", Some((host, "443"))) => host.to_owned(),
        _ => authority,
    };
    Some((scheme, authority))
}

/// The origin of an absolute URL (`https://a.example:8443/x?y` → `https`, `a.example:8443`).
fn origin_of(url: &str) -> Option<(String, String)> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    normalized(scheme, authority)
}

/// Whether the origin `claimed` (an `Origin` value, or a `Referer`'s) is this site's.
fn is_ours(claimed: &str, public_url: &str, host: Option<&str>) -> bool {
    let Some((scheme, authority)) = origin_of(claimed.trim()) else {
        // `null`, garbage, another scheme
        return false;
    };
    if origin_of(public_url) == Some((scheme.clone(), authority.clone())) {
        return true;
    }
    // the host the browser sent the request to, e.g. behind a proxy that keeps `Host`,
    // or when the site is reached under another name than its public URL's
    host.and_then(|h| normalized(&scheme, h.trim()))
        .is_some_and(|(_, h)| h == authority)
}

/// Whether a request under `guard` comes from this site, as far as its headers say.
pub fn allowed(guard: Guard, headers: &HeaderMap, public_url: &str) -> bool {
    let text = |name| headers.get(name).map(|v| v.to_str().unwrap_or("\u{0}"));
    let host = text(HOST);
    if let Some(origin) = text(ORIGIN) {
        return is_ours(origin, public_url, host);
    }
    match guard {
        Guard::Api => true,
        Guard::Form => text(REFERER).is_some_and(|referer| is_ours(referer, public_url, host)),
    }
}

#[cfg(test)]
mod tests {
    use super::{allowed, guard_for, Guard};
    use axum::http::{HeaderMap, HeaderValue, Method};

    const PUBLIC: &str = "https://interns.example.org";

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.append(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn our_origin_or_host_passes_and_anything_else_fails() {
        let ok =
            |guard, pairs: &[(&'static str, &'static str)]| allowed(guard, &headers(pairs), PUBLIC);
        for guard in [Guard::Form, Guard::Api] {
            assert!(ok(guard, &[("origin", "https://interns.example.org")]));
            assert!(ok(guard, &[("origin", "https://INTERNS.example.org:443")]));
            assert!(ok(
                guard,
                &[
                    ("origin", "http://127.0.0.1:8080"),
                    ("host", "127.0.0.1:8080")
                ]
            ));
            assert!(!ok(guard, &[("origin", "https://evil.example")]));
            assert!(!ok(guard, &[("origin", "null")]));
            assert!(!ok(
                guard,
                &[("origin", "https://interns.example.org.evil.example")]
            ));
            assert!(!ok(guard, &[("origin", "http://interns.example.org:8443")]));
            assert!(!ok(
                guard,
                &[
                    ("origin", "https://evil.example"),
                    ("host", "interns.example.org")
                ]
            ));
            // a foreign Origin is not saved by a Referer of ours
            assert!(!ok(
                guard,
                &[
                    ("origin", "https://evil.example"),
                    ("referer", "https://interns.example.org/login")
                ]
            ));
        }
        assert!(ok(
            Guard::Form,
            &[("referer", "https://interns.example.org/login?lang=fr")]
        ));
        assert!(!ok(
            Guard::Form,
            &[("referer", "https://evil.example/login")]
        ));
        assert!(!ok(Guard::Form, &[]), "a form post naming no origin");
        assert!(ok(Guard::Api, &[]), "a program's JSON");
    }

    #[test]
    fn only_the_sessionless_posts_are_guarded() {
        assert_eq!(guard_for(&Method::POST, "/login"), Some(Guard::Form));
        assert_eq!(guard_for(&Method::POST, "/register"), Some(Guard::Form));
        assert_eq!(
            guard_for(&Method::POST, "/api/v1/auth/login"),
            Some(Guard::Api)
        );
        assert_eq!(guard_for(&Method::GET, "/login"), None);
        assert_eq!(guard_for(&Method::POST, "/my-application/submit"), None);
    }
}
