use crate::{Catalogue, CatalogueError};

const PROGRAMME: &str = "[programme]\ncode = \"t\"\nname.en = \"T\"\nname.fr = \"T\"\n";

fn unit(code: &str, parent: Option<&str>, name_fr: Option<&str>) -> String {
    let parent = parent
        .map(|p| format!("parent = \"{p}\"\n"))
        .unwrap_or_default();
    let name_fr = name_fr
        .map(|n| format!("name.fr = \"{n}\"\n"))
        .unwrap_or_default();
    format!(
        "\n[[units]]\ncode = \"{code}\"\n{parent}kind = \"section\"\nname.en = \"N\"\n{name_fr}\
         summary.en = \"S\"\nsummary.fr = \"S\"\nresponsibilities.en = [\n  \"R\",\n]\n\
         responsibilities.fr = [\n  \"R\",\n]\n"
    )
}

fn check(units: &[String], expect: &str) {
    let text = format!("{PROGRAMME}{}", units.concat());
    let error = Catalogue::from_toml(&text).expect_err("the catalogue should be refused");
    assert_eq!(error.to_string(), expect);
}

#[test]
fn duplicate_code_is_named() {
    check(
        &[unit("A", None, Some("a")), unit("A", None, Some("a"))],
        "unit \"A\", field `code`: this code is already used by another unit",
    );
}

#[test]
fn unknown_parent_is_named() {
    check(
        &[unit("A", Some("NOPE"), Some("a"))],
        "unit \"A\", field `parent`: parent \"NOPE\" is not a unit of this catalogue",
    );
}

#[test]
fn missing_french_name_is_named() {
    check(
        &[unit("A", None, Some("a")), unit("B", Some("A"), None)],
        "unit \"B\", field `name.fr`: missing or blank",
    );
    check(
        &[unit("A", None, Some("  "))],
        "unit \"A\", field `name.fr`: missing or blank",
    );
}

#[test]
fn cycles_are_found() {
    check(
        &[
            unit("A", Some("B"), Some("a")),
            unit("B", Some("A"), Some("b")),
        ],
        "unit \"A\", field `parent`: the chain of parents comes back to this unit (a cycle)",
    );
    check(
        &[unit("A", Some("A"), Some("a"))],
        "unit \"A\", field `parent`: the chain of parents comes back to this unit (a cycle)",
    );
}

#[test]
fn bad_kind_and_code_are_named() {
    let text = format!("{PROGRAMME}{}", unit("A", None, Some("a"))).replace("section", "team");
    let error = Catalogue::from_toml(&text).expect_err("kind refused");
    assert!(error
        .to_string()
        .starts_with("unit \"A\", field `kind`: \"team\" is not a kind"));
    let text = format!("{PROGRAMME}{}", unit("a", None, Some("a")));
    let error = Catalogue::from_toml(&text).expect_err("code refused");
    assert!(error
        .to_string()
        .starts_with("unit \"a\", field `code`: \"a\" is not a unit code"));
}

#[test]
fn testimonial_of_unknown_unit_is_refused() {
    let text = format!(
        "{PROGRAMME}{}\n[[testimonials]]\nunit = \"B\"\ntitle.en = \"t\"\ntitle.fr = \"t\"\n\
         body.en = [\n  \"b\",\n]\nbody.fr = [\n  \"b\",\n]\n",
        unit("A", None, Some("a"))
    );
    let error = Catalogue::from_toml(&text).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "testimonial #1, field `unit`: \"B\" is not a unit of this catalogue"
    );
}

#[test]
fn syntax_errors_and_unknown_fields_are_refused() {
    assert!(matches!(
        Catalogue::from_toml("[programme\n"),
        Err(CatalogueError::Syntax(_))
    ));
    let text = format!("{PROGRAMME}{}", unit("A", None, Some("a")))
        .replace("kind", "colour = \"red\"\nkind");
    let error = Catalogue::from_toml(&text).expect_err("unknown field refused");
    assert!(error.to_string().contains("colour"), "{error}");
}

#[test]
fn canonical_text_round_trips_with_escapes() {
    let text = format!(
        "{PROGRAMME}{}",
        unit("A", None, Some("Dit \\\"juridique\\\" \\\\ l’équipe"))
    );
    let catalogue = Catalogue::from_toml(&text).expect("valid");
    assert_eq!(
        catalogue
            .unit(&crate::UnitCode::parse("A").expect("code"))
            .expect("unit A")
            .name
            .fr,
        "Dit \"juridique\" \\ l’équipe"
    );
    assert_eq!(catalogue.to_toml(), text);
}

#[test]
fn breadcrumb_and_children_follow_parents() {
    let text = format!(
        "{PROGRAMME}{}{}{}",
        unit("A", None, Some("a")),
        unit("B", Some("A"), Some("b")),
        unit("C", Some("B"), Some("c"))
    );
    let catalogue = Catalogue::from_toml(&text).expect("valid");
    let code = |c: &str| crate::UnitCode::parse(c).expect("code");
    let chain: Vec<_> = catalogue
        .ancestors(&code("C"))
        .iter()
        .map(|u| u.code.to_string())
        .collect();
    assert_eq!(chain, ["A", "B"]);
    let children: Vec<_> = catalogue
        .children(&code("A"))
        .map(|u| u.code.to_string())
        .collect();
    assert_eq!(children, ["B"]);
    assert_eq!(catalogue.roots().count(), 1);
}
