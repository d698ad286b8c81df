//! Made-up but plausible candidates: names, nationalities of member states (and a few
//! others, who fail the rules), studies, languages and motivations in French or English.
//! Deterministic from a seed, so that a demonstration can be reproduced.

use serde_json::{json, Value};

/// A small, fast generator (splitmix64): demo data needs variety, not cryptography.
#[derive(Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `percent` in 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const GIVEN: [&str; 24] = [
    "Ana", "Lukas", "Sofia", "Mateusz", "Chloé", "Jonas", "Elena", "Tomás", "Ingrid", "Mehmet",
    "Aoife", "Matteo", "Zuzana", "Pierre", "Kristjan", "Marta", "Dimitris", "Laura", "Viktor",
    "Ioana", "Bram", "Hanna", "Ricardo", "Emma",
];
const FAMILY: [&str; 24] = [
    "Popescu",
    "Schmidt",
    "Rossi",
    "Kowalski",
    "Martin",
    "Jensen",
    "Georgiou",
    "Silva",
    "Larsen",
    "Yılmaz",
    "Murphy",
    "Bianchi",
    "Novák",
    "Dubois",
    "Tamm",
    "García",
    "Papadopoulos",
    "Peeters",
    "Horváth",
    "Ionescu",
    "De Vries",
    "Nieminen",
    "Costa",
    "Smith",
];
/// Member states (eligible) and, last, two that are not.
const NATIONALITIES: [&str; 18] = [
    "RO", "DE", "IT", "PL", "FR", "DK", "GR", "PT", "NO", "TR", "IE", "CZ", "BE", "EE", "ES", "US",
    "BR", "IN",
];
const FIELDS: [&str; 10] = [
    "law",
    "international_relations",
    "computer_science",
    "political_science",
    "economics",
    "engineering",
    "communication",
    "public_administration",
    "finance",
    "history",
];
const LEVELS: [&str; 3] = ["bachelor", "master", "doctorate"];
const INSTITUTIONS: [&str; 8] = [
    "Université libre de Bruxelles",
    "Sciences Po",
    "KU Leuven",
    "Universität Wien",
    "University of Edinburgh",
    "Università di Bologna",
    "Uniwersytet Warszawski",
    "Universidad Complutense",
];
const CEFR: [&str; 4] = ["B1", "B2", "C1", "C2"];

const OPENINGS_EN: [&str; 4] = [
    "I am applying because the work of this unit matches what I have studied.",
    "Working in an international organisation has been my goal since my first year.",
    "My studies prepared me to contribute to the unit from the first week.",
    "I want to see how decisions are prepared among thirty-two nations.",
];
const OPENINGS_FR: [&str; 4] = [
    "Je postule parce que les travaux de cette unité rejoignent mes études.",
    "Travailler dans une organisation internationale est mon objectif depuis ma première année.",
    "Mes études m’ont préparé à contribuer dès la première semaine.",
    "Je souhaite voir comment les décisions se préparent entre trente-deux nations.",
];
const TOPICS_EN: [&str; 8] = [
    "I wrote my thesis on cyber defence and the protection of networks.",
    "I worked on international humanitarian law in a legal clinic.",
    "I analysed defence budgets and public finance for a research centre.",
    "I organised a model of the Atlantic Council with students from six countries.",
    "I translated policy papers between French and English for a think tank.",
    "I built data dashboards to follow logistics and procurement.",
    "I studied public diplomacy and strategic communication.",
    "I assisted a professor on arms control and non-proliferation.",
];
const TOPICS_FR: [&str; 8] = [
    "J’ai consacré mon mémoire à la cyberdéfense et à la protection des réseaux.",
    "J’ai travaillé sur le droit international humanitaire dans une clinique juridique.",
    "J’ai analysé des budgets de défense et des finances publiques pour un centre de recherche.",
    "J’ai organisé une simulation du Conseil de l’Atlantique Nord avec des étudiants de six pays.",
    "J’ai traduit des notes de politique entre le français et l’anglais pour un groupe de réflexion.",
    "J’ai conçu des tableaux de bord pour suivre la logistique et les achats.",
    "J’ai étudié la diplomatie publique et la communication stratégique.",
    "J’ai assisté un professeur sur la maîtrise des armements et la non-prolifération.",
];

/// A profile (JSON) and whether it meets NATO's rules (nationality only varies here).
pub fn profile(rng: &mut Rng) -> (Value, bool) {
    let nationality = *rng.pick(&NATIONALITIES);
    let eligible = !matches!(nationality, "BR" | "IN");
    let year = 1996 + rng.below(8);
    let mut languages = vec![json!({"language": "en", "level": rng.pick(&CEFR)})];
    if rng.chance(60) {
        languages.push(json!({"language": "fr", "level": rng.pick(&CEFR)}));
    }
    let profile = json!({
        "given_names": rng.pick(&GIVEN),
        "family_name": rng.pick(&FAMILY),
        "birth_date": format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
        "nationalities": [nationality],
        "education": {
            "level": rng.pick(&LEVELS),
            "field": rng.pick(&FIELDS),
            "institution": rng.pick(&INSTITUTIONS),
            "years_completed": 2 + rng.below(4),
            "enrolled": true,
            "graduation_date": "2028-07-01",
        },
        "languages": languages,
    });
    (profile, eligible)
}

/// A motivation of three to five sentences, in the candidate's language.
pub fn motivation(rng: &mut Rng, french: bool) -> String {
    let (openings, topics): (&[&str], &[&str]) = if french {
        (&OPENINGS_FR, &TOPICS_FR)
    } else {
        (&OPENINGS_EN, &TOPICS_EN)
    };
    let mut text = (*rng.pick(openings)).to_owned();
    for _ in 0..2 + rng.below(3) {
        text.push(' ');
        text.push_str(rng.pick::<&str>(topics));
    }
    text
}
