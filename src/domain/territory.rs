//! The territory served: its communes (from the deployment's `communes.json`) and the search
//! a young person uses to pick theirs, by name or postcode, without accents or capitals
//! mattering ("st romain" finds Saint-Romain-de-Colbosc, "76610" finds Le Havre).
//!
//! The list for Le Havre Seine Métropole and Fécamp Caux Littoral is extracted from the npm
//! package `@etalab/decoupage-administratif` by `cargo xtask communes` (see docs/content.md).

use serde::Serialize;
use serde_json::Value;

use super::json;

/// One commune of the territory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Commune {
    /// INSEE code (5 characters, e.g. `76351`).
    pub insee: String,
    pub name: String,
    /// Its postcodes (a big town can have several).
    pub postcodes: Vec<String>,
    /// The intercommunality it belongs to (EPCI SIREN code).
    pub epci: String,
}

/// A validated list of communes, ready to search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Territory {
    pub communes: Vec<Commune>,
    /// Normalised name tokens of each commune, computed once.
    tokens: Vec<Vec<String>>,
}

/// One line of the search results: a commune with one of its postcodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match<'a> {
    pub commune: &'a Commune,
    pub postcode: &'a str,
}

/// What a young person picked, as kept in the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CommuneChoice {
    pub insee: String,
    pub postcode: String,
}

impl CommuneChoice {
    /// Its value among the page's answers: `76351-76600` (a commune with one of its postcodes).
    pub fn value(&self) -> String {
        format!("{}-{}", self.insee, self.postcode)
    }

    /// The choice an answer's value names (see [`CommuneChoice::value`]).
    pub fn from_value(value: &str) -> Option<CommuneChoice> {
        let (insee, postcode) = value.split_once('-')?;
        Some(CommuneChoice { insee: insee.to_owned(), postcode: postcode.to_owned() })
    }
}

/// One commune the search offers: its value among the answers and its words, `Le Havre (76600)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub value: String,
    pub label: String,
}

/// How many communes the search found, for the line under the search box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// Fewer than 2 letters or digits typed: nothing said.
    TooShort,
    None,
    One,
    /// Several, all shown.
    Many(usize),
    /// More than can be shown ([`MAX_RESULTS`]): only the first ones.
    MoreThan(usize),
}

/// Most results shown at once.
pub const MAX_RESULTS: usize = 12;
/// Largest list accepted from a deployment.
const MAX_COMMUNES: usize = 5000;

fn is_postcode(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())
}

impl Territory {
    /// Reads `communes.json` (`{"source": "where the list comes from", "communes": [{"insee",
    /// "name", "postcodes": […], "epci"}, …]}`); every problem is described in French for the
    /// deployer.
    pub fn parse(text: &str) -> Result<Territory, Vec<String>> {
        let root = json::parse_value(text).map_err(|e| {
            vec![format!(
                "communes.json n'est pas valide : ce n'est pas du JSON (ligne {}, colonne {}).",
                e.line(),
                e.column()
            )]
        })?;
        let Some(list) = root.get("communes").and_then(Value::as_array) else {
            return Err(vec!["communes.json n'est pas valide : il faut une liste « communes ».".to_owned()]);
        };
        // A field missing or of the wrong type reads as empty, and `new` names the commune.
        let communes = list
            .iter()
            .map(|c| Commune {
                insee: json::text(c, "insee"),
                name: json::text(c, "name"),
                // A postcode that is not a text (76600 without quotes) reads as "", which the
                // check below reports with the commune's name.
                postcodes: c
                    .get("postcodes")
                    .and_then(Value::as_array)
                    .map(|list| list.iter().map(|p| p.as_str().unwrap_or_default().to_owned()).collect())
                    .unwrap_or_default(),
                epci: json::text(c, "epci"),
            })
            .collect();
        Territory::new(communes)
    }

    pub fn new(communes: Vec<Commune>) -> Result<Territory, Vec<String>> {
        let mut problems = Vec::new();
        if communes.is_empty() || communes.len() > MAX_COMMUNES {
            problems.push(format!("communes.json doit lister de 1 à {MAX_COMMUNES} communes."));
        }
        for (i, c) in communes.iter().enumerate() {
            let ok_insee = c.insee.len() == 5 && c.insee.chars().all(|ch| ch.is_ascii_alphanumeric());
            let ok_name = !c.name.trim().is_empty() && c.name.chars().count() <= 100;
            let ok_postcodes = !c.postcodes.is_empty() && c.postcodes.iter().all(|p| is_postcode(p));
            if !(ok_insee && ok_name && ok_postcodes) {
                problems.push(format!(
                    "communes.json, commune n° {} (« {} ») : il faut un code INSEE de 5 caractères, un nom et au moins un code postal de 5 chiffres.",
                    i + 1,
                    c.name
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let tokens = communes.iter().map(|c| tokens(&c.name)).collect();
        Ok(Territory { communes, tokens })
    }

    /// The commune with this INSEE code.
    pub fn by_insee(&self, insee: &str) -> Option<&Commune> {
        self.communes.iter().find(|c| c.insee == insee)
    }

    /// Resolves a saved choice, if it still names a commune and one of its postcodes.
    pub fn resolve(&self, choice: &CommuneChoice) -> Option<Match<'_>> {
        let commune = self.by_insee(&choice.insee)?;
        let postcode = commune.postcodes.iter().find(|p| **p == choice.postcode)?;
        Some(Match { commune, postcode })
    }

    /// The communes to offer for `query`, at most [`MAX_RESULTS`], and how many were found.
    /// The `chosen` commune stays first in the list when the search no longer finds it (the
    /// young person edited the search after choosing), so a choice is never hidden.
    pub fn offers(&self, query: &str, chosen: Option<&CommuneChoice>) -> (Vec<Offer>, Found) {
        let offer = |m: &Match<'_>| Offer {
            value: CommuneChoice { insee: m.commune.insee.clone(), postcode: m.postcode.to_owned() }.value(),
            label: format!("{} ({})", m.commune.name, m.postcode),
        };
        let matches = self.search_at_most(query, MAX_RESULTS + 1);
        let found = match matches.len() {
            _ if query.trim().chars().count() < 2 => Found::TooShort,
            0 => Found::None,
            1 => Found::One,
            n if n > MAX_RESULTS => Found::MoreThan(MAX_RESULTS),
            n => Found::Many(n),
        };
        let mut list: Vec<Offer> = matches.iter().take(MAX_RESULTS).map(offer).collect();
        if let Some(choice) = chosen
            && !list.iter().any(|o| o.value == choice.value())
            && let Some(m) = self.resolve(choice)
        {
            list.insert(0, offer(&m));
        }
        (list, found)
    }

    /// Whether any commune of the territory has this postcode.
    pub fn has_postcode(&self, postcode: &str) -> bool {
        self.communes.iter().any(|c| c.postcodes.iter().any(|p| p == postcode))
    }

    /// Communes whose name or postcode matches what was typed, best matches first.
    ///
    /// Words must each start a word of the name, in order ("st rom" → Saint-Romain-de-Colbosc);
    /// numbers must start a postcode ("766" → the three Le Havre postcodes… and others). Exact
    /// names come first, then names that start with the query, then the rest, alphabetically.
    /// Fewer than 2 characters give nothing, to avoid listing the whole territory.
    pub fn search(&self, query: &str) -> Vec<Match<'_>> {
        self.search_at_most(query, MAX_RESULTS)
    }

    /// [`Territory::search`] with another limit (the page asks for one more than it shows, to
    /// know when to ask for a more precise search).
    pub fn search_at_most(&self, query: &str, limit: usize) -> Vec<Match<'_>> {
        let query_tokens = tokens(query);
        if query_tokens.iter().map(String::len).sum::<usize>() < 2 {
            return Vec::new();
        }
        let (numbers, words): (Vec<&String>, Vec<&String>) =
            query_tokens.iter().partition(|t| t.bytes().all(|b| b.is_ascii_digit()));
        // The best `limit` matches, kept sorted while scanning: (rank, name as compared, match).
        // A deployment may list thousands of communes and a query like "76" matches them all;
        // sorting every match on each keystroke would be slow on a cheap phone.
        let mut best: Vec<(u8, String, Match<'_>)> = Vec::new();
        for (commune, name_tokens) in self.communes.iter().zip(&self.tokens) {
            let Some(rank) = rank_words(&words, name_tokens) else { continue };
            for postcode in &commune.postcodes {
                if !numbers.iter().all(|n| postcode.starts_with(n.as_str())) {
                    continue;
                }
                let key = name_tokens.join(" ");
                let order = |other: &(u8, String, Match<'_>)| {
                    (other.0, &other.1, other.2.postcode).cmp(&(rank, &key, postcode.as_str()))
                };
                // After every match that is not worse: equal ones keep the list's order.
                let at =
                    best.iter().position(|other| order(other) == std::cmp::Ordering::Greater).unwrap_or(best.len());
                if at < limit {
                    best.insert(at, (rank, key, Match { commune, postcode }));
                    best.truncate(limit);
                }
            }
        }
        best.into_iter().map(|(_, _, m)| m).collect()
    }
}

/// 0: exact name, 1: the name starts with the words, 2: the words start later words, in order.
/// `None` when a word matches nothing. No words (a postcode search) ranks everything 1.
fn rank_words(words: &[&String], name: &[String]) -> Option<u8> {
    if words.is_empty() {
        return Some(1);
    }
    if words.len() == name.len() && words.iter().zip(name).all(|(w, n)| *w == n) {
        return Some(0);
    }
    let mut position = 0;
    let mut first_at = None;
    for word in words {
        let found = name[position..].iter().position(|n| n.starts_with(word.as_str()))?;
        first_at.get_or_insert(position + found);
        position += found + 1;
    }
    Some(if first_at == Some(0) { 1 } else { 2 })
}

/// Lower case, without accents, words split on anything that is not a letter or a digit, and
/// the usual abbreviations expanded ("st" → "saint", "ste" → "sainte").
pub fn tokens(text: &str) -> Vec<String> {
    let mut plain = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => plain.push('a'),
            'ç' => plain.push('c'),
            'é' | 'è' | 'ê' | 'ë' => plain.push('e'),
            'î' | 'ï' | 'í' | 'ì' => plain.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => plain.push('o'),
            'û' | 'ü' | 'ú' | 'ù' => plain.push('u'),
            'ÿ' => plain.push('y'),
            // An accent typed as a separate combining mark adds nothing to the search.
            '\u{300}'..='\u{36f}' => {}
            'œ' => plain.push_str("oe"),
            'æ' => plain.push_str("ae"),
            c if c.is_alphanumeric() => plain.push(c),
            _ => plain.push(' '),
        }
    }
    plain
        .split_whitespace()
        .map(|word| match word {
            "st" => "saint".to_owned(),
            "ste" => "sainte".to_owned(),
            other => other.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commune(insee: &str, name: &str, postcodes: &[&str]) -> Commune {
        Commune {
            insee: insee.into(),
            name: name.into(),
            postcodes: postcodes.iter().map(|p| (*p).into()).collect(),
            epci: String::new(),
        }
    }

    fn sample() -> Territory {
        Territory::new(vec![
            commune("76351", "Le Havre", &["76600", "76610", "76620"]),
            commune("76259", "Fécamp", &["76400"]),
            commune("76616", "Saint-Romain-de-Colbosc", &["76430"]),
            commune("76238", "Épouville", &["76133"]),
            commune("76341", "Harfleur", &["76700"]),
            commune("76498", "Sainte-Adresse", &["76310"]),
            commune("76481", "Saint-Aubin-Routot", &["76430"]),
            commune("76255", "Étretat", &["76790"]),
        ])
        .unwrap()
    }

    #[test]
    fn the_offers_say_how_many_were_found_and_keep_the_chosen_commune_first() {
        let t = sample();
        assert_eq!(t.offers("h", None), (Vec::new(), Found::TooShort));
        assert_eq!(t.offers("zz", None), (Vec::new(), Found::None));
        let (list, found) = t.offers("Fécamp", None);
        assert_eq!(
            (list[0].value.as_str(), list[0].label.as_str(), found),
            ("76259-76400", "Fécamp (76400)", Found::One)
        );
        assert_eq!(t.offers("le havre", None).1, Found::Many(3));
        // Chosen, then the search changed: the choice stays, first.
        let chosen = CommuneChoice::from_value("76259-76400").unwrap();
        let (list, _) = t.offers("harfleur", Some(&chosen));
        assert_eq!(list.iter().map(|o| o.label.as_str()).collect::<Vec<_>>(), ["Fécamp (76400)", "Harfleur (76700)"]);
        // Already in the results: not twice.
        assert_eq!(t.offers("fecamp", Some(&chosen)).0.len(), 1);
        // More than can be shown.
        let many = Territory::new(
            (0..20).map(|i| commune(&format!("76{i:03}"), &format!("Saint-Ville {i}"), &["76000"])).collect(),
        )
        .unwrap();
        let (list, found) = many.offers("saint", None);
        assert_eq!((list.len(), found), (MAX_RESULTS, Found::MoreThan(MAX_RESULTS)));
        assert_eq!(CommuneChoice::from_value(&chosen.value()), Some(chosen));
        assert_eq!(CommuneChoice::from_value("nothing"), None);
    }

    fn names(t: &Territory, q: &str) -> Vec<String> {
        t.search(q).into_iter().map(|m| format!("{} ({})", m.commune.name, m.postcode)).collect()
    }

    #[test]
    fn finds_communes_whatever_the_accents_case_and_abbreviations() {
        let t = sample();
        assert_eq!(names(&t, "st romain"), ["Saint-Romain-de-Colbosc (76430)"]);
        assert_eq!(names(&t, "ST-ROMAIN"), ["Saint-Romain-de-Colbosc (76430)"]);
        assert_eq!(names(&t, "saint romain de colbosc"), ["Saint-Romain-de-Colbosc (76430)"]);
        assert_eq!(names(&t, "fecamp"), ["Fécamp (76400)"]);
        assert_eq!(names(&t, "FÉCAMP"), ["Fécamp (76400)"]);
        assert_eq!(names(&t, "epou"), ["Épouville (76133)"]);
        assert_eq!(names(&t, "ste adresse"), ["Sainte-Adresse (76310)"]);
        assert_eq!(names(&t, "etretat"), ["Étretat (76790)"]);
        assert_eq!(names(&t, "colbosc"), ["Saint-Romain-de-Colbosc (76430)"]);
        assert_eq!(names(&t, "Fe\u{301}camp"), ["Fécamp (76400)"], "accent as a combining mark");
    }

    #[test]
    fn lists_every_postcode_of_a_town_and_searches_by_postcode() {
        let t = sample();
        assert_eq!(names(&t, "le havre"), ["Le Havre (76600)", "Le Havre (76610)", "Le Havre (76620)"]);
        assert_eq!(names(&t, "76610"), ["Le Havre (76610)"]);
        assert_eq!(names(&t, "76430"), ["Saint-Aubin-Routot (76430)", "Saint-Romain-de-Colbosc (76430)"]);
        assert_eq!(names(&t, "le havre 76620"), ["Le Havre (76620)"]);
        assert_eq!(names(&t, "766"), ["Le Havre (76600)", "Le Havre (76610)", "Le Havre (76620)"]);
    }

    #[test]
    fn ranks_exact_then_starting_then_other_matches() {
        let t = sample();
        // "saint" starts two names; "sainte" is an exact word of one only.
        assert_eq!(
            names(&t, "saint"),
            ["Saint-Aubin-Routot (76430)", "Saint-Romain-de-Colbosc (76430)", "Sainte-Adresse (76310)"]
        );
        assert_eq!(names(&t, "havre"), ["Le Havre (76600)", "Le Havre (76610)", "Le Havre (76620)"]);
        assert_eq!(names(&t, "le havre")[0], "Le Havre (76600)");
    }

    #[test]
    fn short_unknown_or_odd_queries_give_nothing_and_never_fail() {
        let t = sample();
        for q in ["", " ", "h", "rouen", "76000", "<script>", "--", "le havre 76400", "💥💥"] {
            assert!(t.search(q).is_empty(), "{q}");
        }
        assert!(t.has_postcode("76600"));
        assert!(!t.has_postcode("76000"));
    }

    #[test]
    fn resolves_saved_choices() {
        let t = sample();
        let m = t.resolve(&CommuneChoice { insee: "76351".into(), postcode: "76610".into() }).unwrap();
        assert_eq!((m.commune.name.as_str(), m.postcode), ("Le Havre", "76610"));
        assert!(t.resolve(&CommuneChoice { insee: "76351".into(), postcode: "76400".into() }).is_none());
        assert!(t.resolve(&CommuneChoice { insee: "99999".into(), postcode: "76600".into() }).is_none());
    }

    #[test]
    fn refuses_broken_lists_with_a_reason() {
        assert!(Territory::parse("{").unwrap_err()[0].contains("pas valide"));
        assert!(Territory::parse(r#"{"source": "x"}"#).unwrap_err()[0].contains("« communes »"));
        let odd = r#"{"communes": [{"insee": "76351", "name": "Le Havre", "postcodes": ["76600"]}, {"insee": 7}]}"#;
        assert!(Territory::parse(odd).unwrap_err()[0].contains("commune n° 2"));
        let number = r#"{"communes": [{"insee": "76351", "name": "Le Havre", "postcodes": ["76600", 76610]}]}"#;
        assert!(
            Territory::parse(number).unwrap_err()[0].contains("commune n° 1"),
            "a postcode without quotes is reported"
        );
        assert!(Territory::parse(r#"{"source": "x", "communes": []}"#).is_err());
        let bad = r#"{"source": "x", "communes": [{"insee": "7", "name": "", "postcodes": ["abc"]}]}"#;
        assert!(Territory::parse(bad).unwrap_err()[0].contains("commune n° 1"));
    }

    #[test]
    fn the_best_matches_are_the_first_of_the_whole_sorted_list() {
        let t = Territory::parse(include_str!("../../public/communes.json")).unwrap();
        for q in ["le", "76", "766", "saint", "st", "sa", "fecamp", "ha", "la", "76 sa"] {
            let all = t.search_at_most(q, usize::MAX);
            for limit in [1, 5, MAX_RESULTS] {
                let best = t.search_at_most(q, limit);
                assert_eq!(best, all[..limit.min(all.len())], "{q} / {limit}");
            }
        }
        // The whole list is in the promised order: rank, then name, then postcode.
        let all = t.search_at_most("76", usize::MAX);
        assert!(all.len() > 87, "every postcode of the territory starts with 76");
        let keys: Vec<_> = all.iter().map(|m| (tokens(&m.commune.name).join(" "), m.postcode)).collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
    }

    #[test]
    fn a_big_territory_gives_only_the_best_matches() {
        let communes: Vec<Commune> = (0..5000)
            .map(|i| Commune {
                insee: format!("{:05}", 10000 + i),
                name: format!("Commune {i:04}"),
                postcodes: vec![format!("76{:03}", i % 1000)],
                epci: String::new(),
            })
            .collect();
        let t = Territory::new(communes).unwrap();
        let found = t.search("76");
        assert_eq!(found.len(), MAX_RESULTS);
        assert_eq!(found[0].commune.name, "Commune 0000");
        assert_eq!(found[MAX_RESULTS - 1].commune.name, "Commune 0011");
    }

    #[test]
    fn the_published_list_is_the_87_communes_of_the_territory() {
        let t = Territory::parse(include_str!("../../public/communes.json")).unwrap();
        assert_eq!(t.communes.len(), 87);
        let by_epci = |code: &str| t.communes.iter().filter(|c| c.epci == code).count();
        assert_eq!(by_epci("200084952"), 54, "Le Havre Seine Métropole");
        assert_eq!(by_epci("200069821"), 33, "Fécamp Caux Littoral");
        assert_eq!(t.by_insee("76351").unwrap().postcodes, ["76600", "76610", "76620"]);
        assert_eq!(t.by_insee("76259").unwrap().postcodes, ["76400"]);
        assert_eq!(names(&t, "st romain")[0], "Saint-Romain-de-Colbosc (76430)");
        assert!(t.communes.iter().all(|c| c.insee.starts_with("76") || c.insee.starts_with("27")));
    }
}
