//! The text of a made-up CV, as it would come out of a PDF: name and contact, education,
//! two to four experiences, skills and languages, in the candidate's language (about a
//! kilobyte, like a real one-page CV's text). Some skills are common and some rare, so
//! that a search over CV texts has both broad and narrow answers to measure.

use super::people::Rng;
use serde_json::Value;

const ROLES_EN: [&str; 8] = [
    "Research assistant",
    "Legal intern",
    "Policy analyst (intern)",
    "Data analyst",
    "Communication assistant",
    "Teaching assistant",
    "Project coordinator",
    "Translator (freelance)",
];
const ROLES_FR: [&str; 8] = [
    "Assistant de recherche",
    "Stagiaire juriste",
    "Analyste politique (stage)",
    "Analyste de données",
    "Assistant de communication",
    "Chargé de travaux dirigés",
    "Coordinateur de projet",
    "Traducteur indépendant",
];
const PLACES: [&str; 10] = [
    "European Parliament, Brussels",
    "Ministry of Foreign Affairs",
    "Institut français des relations internationales",
    "International Committee of the Red Cross, Geneva",
    "Stockholm International Peace Research Institute",
    "OSCE Secretariat, Vienna",
    "Centre for European Policy Studies",
    "Cour pénale internationale, La Haye",
    "Deloitte, public sector practice",
    "Agence nationale de la sécurité des systèmes d’information",
];
const TASKS_EN: [&str; 8] = [
    "drafted briefing notes on arms control and sanctions regimes",
    "analysed open-source intelligence on hybrid threats",
    "maintained a database of procurement contracts",
    "prepared summaries of case law for senior counsel",
    "organised conferences with delegations from twelve countries",
    "wrote press releases and managed social media accounts",
    "built dashboards in Python and Power BI for logistics data",
    "translated reports between English, French and German",
];
const TASKS_FR: [&str; 8] = [
    "rédigé des notes de synthèse sur la maîtrise des armements et les sanctions",
    "analysé du renseignement en sources ouvertes sur les menaces hybrides",
    "tenu une base de données des marchés publics",
    "préparé des synthèses de jurisprudence pour les avocats",
    "organisé des conférences avec des délégations de douze pays",
    "rédigé des communiqués de presse et animé les réseaux sociaux",
    "conçu des tableaux de bord en Python et Power BI pour la logistique",
    "traduit des rapports entre l’anglais, le français et l’allemand",
];
/// Common skills first; the last ones are rare (see [`cv`]).
const SKILLS: [&str; 14] = [
    "Microsoft Office",
    "Python",
    "Excel",
    "SQL",
    "project management",
    "public speaking",
    "GIS mapping",
    "R statistics",
    "OSINT",
    "Stata",
    "LaTeX",
    "Kubernetes",
    "Arabic calligraphy",
    "satellite imagery analysis",
];

fn text(value: &Value, key: &str) -> String {
    value[key].as_str().unwrap_or_default().to_owned()
}

/// A CV's text for the candidate of `profile` (JSON as generated) and `email`.
pub fn cv(rng: &mut Rng, profile: &Value, email: &str, french: bool) -> String {
    let education = &profile["education"];
    let (roles, tasks): (&[&str], &[&str]) = if french {
        (&ROLES_FR, &TASKS_FR)
    } else {
        (&ROLES_EN, &TASKS_EN)
    };
    let mut lines = vec![
        format!(
            "{} {}",
            text(profile, "given_names"),
            text(profile, "family_name")
        ),
        format!("{email} · {}", text(profile, "birth_date")),
        String::new(),
        if french { "FORMATION" } else { "EDUCATION" }.to_owned(),
        format!(
            "{} ({}), {} — {}",
            text(education, "level"),
            text(education, "field").replace('_', " "),
            text(education, "institution"),
            2020 + rng.below(6)
        ),
        String::new(),
        if french { "EXPÉRIENCE" } else { "EXPERIENCE" }.to_owned(),
    ];
    for _ in 0..2 + rng.below(3) {
        let year = 2019 + rng.below(7);
        lines.push(format!(
            "{year}–{}: {}, {}",
            year + 1,
            rng.pick(roles),
            rng.pick(&PLACES)
        ));
        lines.push(format!("- {}; {}.", rng.pick(tasks), rng.pick(tasks)));
    }
    lines.push(String::new());
    lines.push(if french { "COMPÉTENCES" } else { "SKILLS" }.to_owned());
    // mostly from the first ten; one CV in ten also has one of the rare ones
    let mut skills: Vec<&str> = (0..3).map(|_| SKILLS[rng.below(10)]).collect();
    if rng.chance(10) {
        skills.push(SKILLS[10 + rng.below(SKILLS.len() - 10)]);
    }
    skills.dedup();
    lines.push(skills.join(", "));
    let languages: Vec<String> = profile["languages"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|l| format!("{} {}", text(l, "language"), text(l, "level")))
                .collect()
        })
        .unwrap_or_default();
    lines.push(format!(
        "{}: {}",
        if french { "Langues" } else { "Languages" },
        languages.join(", ")
    ));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::{cv, Rng};

    #[test]
    fn a_cv_names_the_candidate_and_reads_like_one() {
        let mut rng = Rng::new(7);
        let (profile, _) = super::super::people::profile(&mut rng);
        let text = cv(&mut rng, &profile, "x@demo.example", true);
        let name = profile["family_name"].as_str().expect("name");
        assert!(text.starts_with(profile["given_names"].as_str().expect("given")));
        assert!(text.contains(name) && text.contains("x@demo.example"));
        assert!(
            text.contains("FORMATION") && text.contains("Langues: en "),
            "{text}"
        );
        assert!((300..3000).contains(&text.len()), "{}", text.len());
    }
}
