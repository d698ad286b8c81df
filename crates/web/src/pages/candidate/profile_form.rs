//! The profile form of `/my-application`: what it shows, how it reads back what was typed,
//! and saving it.

// the parent's imports and items: this file is one part of the same page
use super::*;

pub(super) const NATIONALITY_INPUTS: usize = 3;

pub(super) const LANGUAGE_ROWS: usize = 3;

pub(super) const LEVELS: [&str; 4] = ["bachelor", "master", "doctorate", "other"];
const GENDERS: [&str; 4] = ["female", "male", "other", "undisclosed"];

pub(super) const CEFR: [&str; 7] = ["A1", "A2", "B1", "B2", "C1", "C2", "native"];

pub(super) fn profile_form(raw: &RawProfile) -> FormData {
    let mut form = FormData::default();
    let mut put = |name: &str, value: &Option<String>| {
        form.push(name, value.clone().unwrap_or_default());
    };
    put("given_names", &raw.given_names);
    put("family_name", &raw.family_name);
    put("birth_date", &raw.birth_date);
    put("gender", &raw.gender);
    put("phone", &raw.phone);
    put("address", &raw.address);
    put("city", &raw.city);
    put("country", &raw.country);
    if let Some(e) = &raw.education {
        put("education.level", &e.level);
        put("education.field", &e.field);
        put("education.institution", &e.institution);
        put(
            "education.years_completed",
            &e.years_completed.map(|y| y.to_string()),
        );
        let enrolled = e.enrolled.map(|b| if b { "yes" } else { "no" }.to_owned());
        put("education.enrolled", &enrolled);
        put("education.graduation_date", &e.graduation_date);
    }
    for (i, n) in raw.nationalities.iter().enumerate() {
        form.push(format!("nationalities[{i}]"), n.clone());
    }
    for (i, l) in raw.languages.iter().enumerate() {
        form.push(format!("languages[{i}].language"), l.language.clone());
        form.push(format!("languages[{i}].level"), l.level.clone());
    }
    form
}

/// The profile as typed in the form, the problems only the form can have (a number that
/// is not one), and where each list entry came from (to name the right input).
pub(super) struct ReadProfile {
    pub(super) raw: RawProfile,
    pub(super) errors: Vec<(Option<String>, String)>,
    pub(super) nationality_inputs: Vec<usize>,
    pub(super) language_rows: Vec<usize>,
}

pub(super) fn read_profile(tr: &Tr<'_>, form: &FormData) -> ReadProfile {
    let mut errors = Vec::new();
    let mut nationality_inputs = Vec::new();
    let mut nationalities = Vec::new();
    for i in 0..NATIONALITY_INPUTS {
        if let Some(n) = form.opt(&format!("nationalities[{i}]")) {
            nationality_inputs.push(i);
            nationalities.push(n.trim().to_owned());
        }
    }
    let mut language_rows = Vec::new();
    let mut languages = Vec::new();
    for i in 0..LANGUAGE_ROWS {
        let language = form.get(&format!("languages[{i}].language")).trim();
        let level = form.get(&format!("languages[{i}].level")).trim();
        if !language.is_empty() || !level.is_empty() {
            language_rows.push(i);
            languages.push(RawLanguage {
                language: language.to_owned(),
                level: level.to_owned(),
            });
        }
    }
    let years = form.opt("education.years_completed");
    let years_completed = years
        .as_deref()
        .and_then(|y| match y.trim().parse::<i64>() {
            Ok(y) => Some(y),
            Err(_) => {
                errors.push((
                    Some("education.years_completed".to_owned()),
                    tr.t("candidate-number-invalid"),
                ));
                None
            }
        });
    let education = RawEducation {
        level: form.opt("education.level"),
        field: form.opt("education.field"),
        institution: form.opt("education.institution"),
        years_completed,
        enrolled: match form.get("education.enrolled") {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
        graduation_date: form.opt("education.graduation_date"),
    };
    let any_education = education != RawEducation::default() || years.is_some();
    ReadProfile {
        raw: RawProfile {
            given_names: form.opt("given_names"),
            family_name: form.opt("family_name"),
            birth_date: form.opt("birth_date"),
            nationalities,
            gender: form.opt("gender"),
            phone: form.opt("phone"),
            address: form.opt("address"),
            city: form.opt("city"),
            country: form.opt("country"),
            education: any_education.then_some(education),
            languages,
        },
        errors,
        nationality_inputs,
        language_rows,
    }
}

/// `nationalities[1]` of the parsed list → the input it was typed in.
pub(super) fn remap(field: &str, list: &str, inputs: &[usize]) -> String {
    let Some(rest) = field.strip_prefix(list).and_then(|r| r.strip_prefix('[')) else {
        return field.to_owned();
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return field.to_owned();
    };
    match index.parse::<usize>().ok().and_then(|i| inputs.get(i)) {
        Some(input) => format!("{list}[{input}]{tail}"),
        None => field.to_owned(),
    }
}

pub(super) fn options(
    tr: &Tr<'_>,
    blank: &str,
    values: &[&str],
    prefix: &str,
) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), tr.t(blank))];
    options.extend(values.iter().map(|v| {
        let label = if prefix.is_empty() {
            (*v).to_owned()
        } else {
            tr.t(&format!("{prefix}{v}"))
        };
        ((*v).to_owned(), label)
    }));
    options
}

pub(super) fn date_hint(tr: &Tr<'_>) -> String {
    tr.t("candidate-date-hint")
}

pub(super) struct ProfileFields {
    pub(super) identity: Vec<Field>,
    pub(super) nationalities: Vec<Field>,
    pub(super) contact: Vec<Field>,
    pub(super) education: Vec<Field>,
    pub(super) languages: Vec<LanguageRow>,
}

pub(super) fn profile_fields(tr: &Tr<'_>, f: &FormData) -> ProfileFields {
    let field = |name: &str, label: &str| Field::new(name, tr.t(label), f.get(name));
    let identity = vec![
        field("given_names", "candidate-given-names")
            .autocomplete("given-name")
            .maxlength(100),
        field("family_name", "candidate-family-name")
            .autocomplete("family-name")
            .maxlength(100),
        field("birth_date", "candidate-birth-date")
            .autocomplete("bday")
            .hint(date_hint(tr))
            .maxlength(10),
    ];
    let nationalities = (0..NATIONALITY_INPUTS)
        .map(|i| {
            let name = format!("nationalities[{i}]");
            Field::new(
                &name,
                tr.t1("candidate-nationality-n", "n", i + 1),
                f.get(&name),
            )
            .maxlength(2)
        })
        .collect();
    let contact = vec![
        field("gender", "candidate-gender")
            .hint(tr.t("candidate-gender-hint"))
            .select(options(
                tr,
                "candidate-not-given",
                &GENDERS,
                "candidate-gender-",
            )),
        field("phone", "candidate-phone")
            .kind("tel")
            .autocomplete("tel"),
        field("address", "candidate-address")
            .autocomplete("street-address")
            .maxlength(200),
        field("city", "candidate-city")
            .autocomplete("address-level2")
            .maxlength(100),
        field("country", "candidate-country")
            .hint(tr.t("candidate-country-hint"))
            .maxlength(2),
    ];
    let education = vec![
        field("education.level", "candidate-education-level").select(options(
            tr,
            "candidate-not-given",
            &LEVELS,
            "candidate-level-",
        )),
        field("education.field", "candidate-education-field").maxlength(200),
        field("education.institution", "candidate-education-institution").maxlength(200),
        field("education.years_completed", "candidate-years-completed")
            .kind("text")
            .maxlength(2),
        field("education.enrolled", "candidate-enrolled").select(vec![
            (String::new(), tr.t("candidate-not-given")),
            ("yes".to_owned(), tr.t("candidate-yes")),
            ("no".to_owned(), tr.t("candidate-no")),
        ]),
        field("education.graduation_date", "candidate-graduation-date")
            .hint(tr.t("candidate-graduation-hint"))
            .maxlength(10),
    ];
    let languages = (0..LANGUAGE_ROWS)
        .map(|i| {
            let language = format!("languages[{i}].language");
            let level = format!("languages[{i}].level");
            [
                Field::new(
                    &language,
                    tr.t1("candidate-language-n", "n", i + 1),
                    f.get(&language),
                )
                .maxlength(2),
                Field::new(
                    &level,
                    tr.t1("candidate-level-n", "n", i + 1),
                    f.get(&level),
                )
                .select(options(tr, "candidate-not-given", &CEFR, "")),
            ]
        })
        .collect();
    ProfileFields {
        identity,
        nationalities,
        contact,
        education,
        languages,
    }
}

/// `POST /my-application/profile`.
pub async fn save_profile(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let (user, form) = match posted(&state, tr, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let read = read_profile(&tr, &form);
    let mut errors = read.errors;
    if errors.is_empty() {
        match profiles::save(&state, user.account.id, &read.raw).await {
            Ok(Ok(_)) => return back("profile"),
            Ok(Err(problems)) => errors.extend(problems.iter().map(|p| {
                let field = remap(&p.field, "nationalities", &read.nationality_inputs);
                let field = remap(&field, "languages", &read.language_rows);
                (
                    Some(field),
                    tr.with_args(p.problem.message_key(), &p.problem.message_args()),
                )
            })),
            Err(error) => return forms::internal_after(&state, tr, &uri, &error),
        }
    } else if let Err(problems) = Profile::parse(&read.raw, utc_date(state.settings.now())) {
        // the number was refused: say what else is wrong at the same time
        errors.extend(problems.iter().map(|p| {
            let field = remap(&p.field, "nationalities", &read.nationality_inputs);
            let field = remap(&field, "languages", &read.language_rows);
            (
                Some(field),
                tr.with_args(p.problem.message_key(), &p.problem.message_args()),
            )
        }));
    }
    let typed = Typed {
        profile: Some(form),
        errors,
        ..Typed::default()
    };
    show(&state, tr, &uri, &user, typed, None).await
}
