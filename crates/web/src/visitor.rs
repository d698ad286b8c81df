//! Which language a visitor reads: `?lang=`, then the `lang` cookie, then `Accept-Language`,
//! then English. A `?lang=` choice is remembered in the cookie by [`remember_language`].

use axum::extract::{FromRequestParts, Request};
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use cohort_domain::Lang;
use std::convert::Infallible;

/// The visitor's language, as negotiated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visitor {
    /// The language of every text we send back.
    pub lang: Lang,
}

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Visitor {
            lang: negotiate(parts.uri.query(), &parts.headers),
        })
    }
}

/// The language for a request.
pub fn negotiate(query: Option<&str>, headers: &HeaderMap) -> Lang {
    query_lang(query)
        .or_else(|| cookie_lang(headers))
        .or_else(|| accept_language(headers))
        .unwrap_or(Lang::En)
}

fn query_lang(query: Option<&str>) -> Option<Lang> {
    form_urlencoded::parse(query?.as_bytes())
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(&v))
}

fn cookie_lang(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == "lang")
        .and_then(|(_, value)| Lang::parse(value))
}

/// The supported language with the highest `q` in `Accept-Language`.
fn accept_language(headers: &HeaderMap) -> Option<Lang> {
    let header = headers.get(ACCEPT_LANGUAGE)?.to_str().ok()?;
    header
        .split(',')
        .enumerate()
        .filter_map(|(position, item)| {
            let mut parts = item.split(';');
            let lang = Lang::parse(parts.next()?)?;
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (q > 0.0).then_some((lang, q, position))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(lang, _, _)| lang)
}

/// Middleware: when the visitor picks a language with `?lang=`, keep it in a cookie.
pub async fn remember_language(request: Request, next: Next) -> Response {
    let chosen = query_lang(request.uri().query());
    let mut response = next.run(request).await;
    if let Some(lang) = chosen {
        let cookie = format!(
            "lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
            lang.code()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.append(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn query_beats_cookie_beats_header() {
        let h = headers(&[("cookie", "a=1; lang=fr"), ("accept-language", "en")]);
        assert_eq!(negotiate(Some("lang=en"), &h), Lang::En);
        assert_eq!(negotiate(Some("q=x"), &h), Lang::Fr);
        let h = headers(&[("accept-language", "de-DE, fr-BE;q=0.8, en;q=0.5")]);
        assert_eq!(negotiate(None, &h), Lang::Fr);
        assert_eq!(negotiate(Some("lang=xx"), &headers(&[])), Lang::En);
    }

    #[test]
    fn accept_language_weights_and_garbage() {
        let pick = |v: &'static str| accept_language(&headers(&[("accept-language", v)]));
        assert_eq!(pick("en;q=0.2, fr;q=0.9"), Some(Lang::Fr));
        assert_eq!(pick("fr;q=0, en;q=0.1"), Some(Lang::En));
        assert_eq!(pick("fr, en"), Some(Lang::Fr));
        assert_eq!(pick("*;q=abc"), None);
        assert_eq!(pick("de"), None);
    }
}
