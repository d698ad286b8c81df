//! What every page shows (header, language switch, search box) and the unit cards.

use askama::Template;
use axum::http::{StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use cohort_domain::{Catalogue, Lang, Unit};
use cohort_i18n::Tr;

/// The frame around every page.
#[derive(Debug)]
pub struct Chrome<'a> {
    pub tr: Tr<'a>,
    pub lang: &'static str,
    pub other_lang: &'static str,
    pub title: String,
    pub programme: String,
    pub switch_href: String,
    pub query: String,
}

impl<'a> Chrome<'a> {
    pub fn new(tr: Tr<'a>, catalogue: &Catalogue, uri: &Uri, title: String) -> Chrome<'a> {
        let lang = tr.lang;
        Chrome {
            tr,
            lang: lang.code(),
            other_lang: lang.other().code(),
            title,
            programme: catalogue.programme().name.get(lang).clone(),
            switch_href: switch_href(uri, lang.other()),
            query: String::new(),
        }
    }
}

/// A path to link to on this site: `path` when it starts with one `/` and reads the same
/// to every browser, `/` otherwise. `//evil.example/x` is a link to another host, and so
/// are `/\evil.example` (browsers read `\` as `/`) and `/<tab>/evil.example` (they drop
/// tabs and line breaks).
fn local_path(path: &str) -> &str {
    let bytes = path.as_bytes();
    let odd = |b: &u8| *b == b'\\' || b.is_ascii_control() || *b == b' ';
    match bytes {
        [b'/', second, ..] if *second == b'/' => "/",
        [b'/', ..] if !bytes.iter().any(odd) => path,
        _ => "/",
    }
}

/// The same address with `lang` set to the other language, keeping the other parameters;
/// always on this site (see [`local_path`]).
fn switch_href(uri: &Uri, to: Lang) -> String {
    let kept = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .filter(|(k, _)| k != "lang")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect::<Vec<_>>();
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &kept {
        query.append_pair(k, v);
    }
    query.append_pair("lang", to.code());
    format!("{}?{}", local_path(uri.path()), query.finish())
}

/// A unit in a list.
#[derive(Debug)]
pub struct Card {
    pub href: String,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub summary: String,
    pub parent: Option<String>,
}

impl Card {
    pub fn of(unit: &Unit, tr: &Tr<'_>) -> Card {
        Card {
            href: unit_href(unit),
            code: unit.code.to_string(),
            name: unit.name.get(tr.lang).clone(),
            kind: tr.kind(unit.kind),
            summary: unit.summary.get(tr.lang).clone(),
            parent: None,
        }
    }

    /// A card that also says which unit this one belongs to (for search results).
    pub fn with_parent(unit: &Unit, catalogue: &Catalogue, tr: &Tr<'_>) -> Card {
        let parent = unit
            .parent
            .as_ref()
            .and_then(|p| catalogue.unit(p))
            .map(|p| tr.t1("search-in", "parent", p.name.get(tr.lang)));
        Card {
            parent,
            ..Card::of(unit, tr)
        }
    }
}

pub fn unit_href(unit: &Unit) -> String {
    format!("/units/{}", unit.code)
}

/// Renders a template; a template error is our bug: logged, and a bare 500.
pub fn render(template: &impl Template, status: StatusCode) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "template rendering failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switch_keeps_the_search_and_replaces_the_language() {
        let uri: Uri = "/search?q=cyber+d%C3%A9fense&lang=fr".parse().expect("uri");
        assert_eq!(
            switch_href(&uri, Lang::En),
            "/search?q=cyber+d%C3%A9fense&lang=en"
        );
        let uri: Uri = "/units/DI".parse().expect("uri");
        assert_eq!(switch_href(&uri, Lang::Fr), "/units/DI?lang=fr");
    }

    #[test]
    fn the_switch_never_links_to_another_host() {
        let uri: Uri = "//evil.example/x".parse().expect("uri");
        assert_eq!(switch_href(&uri, Lang::Fr), "/?lang=fr");
        let uri: Uri = "//evil.example/x?q=1".parse().expect("uri");
        assert_eq!(switch_href(&uri, Lang::En), "/?q=1&lang=en");
        for path in [
            "/\\evil.example",
            "/\t/evil.example",
            "\\\\evil",
            "",
            "evil",
        ] {
            assert_eq!(local_path(path), "/", "{path:?}");
        }
        for path in ["/", "/units/DI", "/a//b", "/%2F%2Fevil.example"] {
            assert_eq!(local_path(path), path);
        }
    }
}
