//! What a deployment says on its front door besides its contact details: where the Lab'O
//! happens (`places`), the facts it switches on (`facts`), and, if it has them, a few words of
//! young people who came (`testimonials`) and a photo (`photo`). All optional: without them
//! the pages say nothing of it and still look finished.

use serde_json::{Map, Value};

use super::problem::problem;
use super::reader::Reader;
use crate::domain::typography;

/// One place where the Lab'O meets young people.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// "Le Havre, Mission Locale" (optional).
    pub name: Option<String>,
    pub address: String,
    /// How to get there: "Tram A, arrêt Hôtel de Ville" (optional).
    pub access: Option<String>,
}

/// A fact the mission locale confirms and switches on, each with its catalogue text
/// (`[facts]`): nothing is promised that the deployment has not said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    /// Free of charge, and not a job (no salary).
    Free,
    /// Young people on a Contrat d'engagement jeune can join (talk to your counsellor).
    Cej,
    /// With an RQTH, up to 30 (call the mission locale).
    Rqth,
    /// One may come with a parent or a trusted person.
    Accompanied,
    /// Adjustments (disability, language, hours) are asked on the phone.
    Adjustments,
    /// Little French? Call us.
    LittleFrench,
}

impl Fact {
    /// Every fact, in the order of the page.
    pub const ALL: [Fact; 6] =
        [Fact::Free, Fact::Cej, Fact::Rqth, Fact::Accompanied, Fact::Adjustments, Fact::LittleFrench];

    /// Its key under `facts` in `config.json`.
    pub fn key(self) -> &'static str {
        match self {
            Fact::Free => "free",
            Fact::Cej => "cej",
            Fact::Rqth => "rqth",
            Fact::Accompanied => "accompanied",
            Fact::Adjustments => "adjustments",
            Fact::LittleFrench => "little_french",
        }
    }
}

/// A young person's words, with how they want to be named ("Inès, 19 ans").
#[derive(Clone, Debug, PartialEq)]
pub struct Testimonial {
    pub quote: String,
    pub name: String,
}

/// The deployment's photo, with its text alternative (RGAA 1.1).
#[derive(Clone, Debug, PartialEq)]
pub struct Photo {
    /// A path on this site (`/images/labo.jpg`): the app's Content-Security-Policy allows no
    /// other origin.
    pub src: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
}

/// The mission locale's logo, at the start of the header (before the site's name, which says
/// the same: its text alternative is empty, RGAA 1.2).
#[derive(Clone, Debug, PartialEq)]
pub struct Logo {
    /// A path on this site, like the photo's.
    pub src: String,
    pub width: u32,
    pub height: u32,
}

/// Everything above, as read from `config.json`, and the brand (`brand.logo`, `brand.colour`:
/// the colour is applied and its contrast checked by the build, tools/post-build.mjs).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FrontDoor {
    pub places: Vec<Place>,
    pub facts: Vec<Fact>,
    pub testimonials: Vec<Testimonial>,
    pub photo: Option<Photo>,
    pub logo: Option<Logo>,
}

/// At most this many testimonials are shown (the page stays short on a phone).
pub const MAX_TESTIMONIALS: usize = 2;

/// An array of objects at `key` (absent: empty), each read by `item`.
fn objects<T>(
    reader: &mut Reader<'_>,
    root: &Map<String, Value>,
    key: &str,
    mut item: impl FnMut(&mut Reader<'_>, &Map<String, Value>, &str) -> Option<T>,
) -> Vec<T> {
    match root.get(key) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, value)| {
                let path = format!("{key}[{i}]");
                match value {
                    Value::Object(o) => item(reader, o, &path),
                    _ => {
                        reader.problems.push(problem(&path, "doit être un objet { … }."));
                        None
                    }
                }
            })
            .collect(),
        Some(_) => {
            reader.problems.push(problem(key, "doit être une liste [ … ]."));
            Vec::new()
        }
    }
}

/// Reads the optional front-door sections of `config.json`; problems go to `reader`.
pub(super) fn read(reader: &mut Reader<'_>, root: &Map<String, Value>) -> FrontDoor {
    let typeset = |text: String| typography::french(&text);
    let places = objects(reader, root, "places", |reader, o, path| {
        reader.unknown_keys(path, o, &["name", "address", "access"]);
        let name = reader.text(o, &format!("{path}.name"), false).map(typeset);
        let access = reader.text(o, &format!("{path}.access"), false).map(typeset);
        let address = reader.text(o, &format!("{path}.address"), true)?;
        Some(Place { name, address: typeset(address), access })
    });
    let mut facts = Vec::new();
    if root.contains_key("facts")
        && let Some(o) = reader.object(root, "facts")
    {
        reader.unknown_keys("facts", o, &Fact::ALL.map(Fact::key));
        facts = Fact::ALL.into_iter().filter(|fact| reader.flag(o, &format!("facts.{}", fact.key()))).collect();
    }
    let testimonials = objects(reader, root, "testimonials", |reader, o, path| {
        reader.unknown_keys(path, o, &["quote", "name"]);
        let quote = reader.text(o, &format!("{path}.quote"), true);
        let name = reader.text(o, &format!("{path}.name"), true);
        Some(Testimonial { quote: typeset(quote?), name: typeset(name?) })
    });
    if root.get("testimonials").and_then(Value::as_array).is_some_and(|t| t.len() > MAX_TESTIMONIALS) {
        reader
            .problems
            .push(problem("testimonials", "en contient trop : deux au plus, pour une page courte sur un téléphone."));
    }
    let photo = match root.get("photo") {
        None | Some(Value::Null) => None,
        Some(_) => reader.object(root, "photo").and_then(|o| {
            reader.unknown_keys("photo", o, &["src", "alt", "width", "height"]);
            let image = image(reader, o, "photo");
            let alt = reader.text(o, "photo.alt", true);
            let (src, width, height) = image?;
            Some(Photo { src, alt: typeset(alt?), width, height })
        }),
    };
    let mut logo = None;
    if root.get("brand").is_some_and(|b| !b.is_null())
        && let Some(brand) = reader.object(root, "brand")
    {
        reader.unknown_keys("brand", brand, &["logo", "colour"]);
        logo = match brand.get("logo") {
            None | Some(Value::Null) => None,
            Some(Value::Object(o)) => {
                reader.unknown_keys("brand.logo", o, &["src", "width", "height"]);
                image(reader, o, "brand.logo").map(|(src, width, height)| Logo { src, width, height })
            }
            Some(_) => {
                reader.problems.push(problem("brand.logo", "doit être un objet { … }."));
                None
            }
        };
        // Its contrast is the build's to check (it applies it); here, only its form.
        if let Some(colour) = reader.text(brand, "brand.colour", false)
            && !(colour.len() == 7 && colour.starts_with('#') && colour[1..].chars().all(|c| c.is_ascii_hexdigit()))
        {
            reader.problems.push(problem(
                "brand.colour",
                format!("« {colour} » doit être une couleur écrite #rrvvbb, comme #0b4f8a."),
            ));
        }
    }
    FrontDoor { places, facts, testimonials: testimonials.into_iter().take(MAX_TESTIMONIALS).collect(), photo, logo }
}

/// An image's `src` (a path on this site: the Content-Security-Policy allows no other origin),
/// `width` and `height` (required: they reserve its place, so nothing moves when it arrives).
fn image(reader: &mut Reader<'_>, o: &Map<String, Value>, key: &str) -> Option<(String, u32, u32)> {
    let src = reader.text(o, &format!("{key}.src"), true).filter(|src| {
        let ok = src.starts_with('/') && !src.starts_with("//") && !src.contains(['"', ' ', '<', '>']);
        if !ok {
            reader.problems.push(problem(
                &format!("{key}.src"),
                format!("« {src} » doit être un chemin de ce site, comme /images/labo.jpg."),
            ));
        }
        ok
    });
    let mut size = |name: &str| {
        let path = format!("{key}.{name}");
        reader.number(o, &path, 1..=4000).unwrap_or_else(|| {
            reader.problems.push(problem(&path, "est absente ; elle est obligatoire (en pixels)."));
            None
        })
    };
    let (width, height) = (size("width"), size("height"));
    Some((src?, width?, height?))
}

#[cfg(test)]
mod tests {
    use super::super::Config;
    use super::*;

    /// The shipped example with `extra` merged at the top level.
    fn with(extra: serde_json::Value) -> Result<Config, Vec<super::super::ConfigProblem>> {
        let mut config = crate::domain::json::parse_value(include_str!("../../../public/config.json")).unwrap();
        config["endpoint"]["url"] = "https://inscriptions.labo-essai.fr/labo".into();
        for (key, value) in extra.as_object().unwrap() {
            config[key] = value.clone();
        }
        Config::parse(&config.to_string())
    }

    fn keys(problems: Vec<super::super::ConfigProblem>) -> Vec<String> {
        problems.into_iter().map(|p| p.key).collect()
    }

    #[test]
    fn places_facts_testimonials_and_photo_are_read_and_typeset() {
        let config = with(serde_json::json!({
            "places": [
                { "name": "Le Havre", "address": "10 rue de l'Exemple, 76600 Le Havre", "access": "Tram A : arrêt Exemple" },
                { "address": "2 place de l'Exemple, 76400 Fécamp" }
            ],
            "facts": { "free": true, "rqth": true, "cej": false },
            "testimonials": [{ "quote": "J'ai osé !", "name": "Inès, 19 ans" }],
            "photo": { "src": "/images/labo.jpg", "alt": "Deux jeunes devant un food truck", "width": 800, "height": 450 }
        }))
        .unwrap();
        let door = config.front_door;
        assert_eq!(door.places.len(), 2);
        assert_eq!(door.places[0].address, "10 rue de l’Exemple, 76600 Le Havre");
        assert_eq!(door.places[0].access.as_deref(), Some("Tram A\u{a0}: arrêt Exemple"));
        assert_eq!(door.places[1].name, None);
        assert_eq!(door.facts, [Fact::Free, Fact::Rqth], "only what is switched on, in the page's order");
        assert_eq!(door.testimonials[0].quote, "J’ai osé\u{202f}!");
        assert_eq!(door.photo.unwrap().width, 800);
    }

    #[test]
    fn without_them_the_front_door_is_empty() {
        assert_eq!(with(serde_json::json!({})).unwrap().front_door, FrontDoor::default());
    }

    #[test]
    fn every_mistake_is_reported_with_its_key() {
        let problems = with(serde_json::json!({
            "places": [{ "name": "sans adresse" }, "Le Havre"],
            "facts": { "free": "oui", "parking": true },
            "testimonials": [
                { "quote": "a", "name": "A" }, { "quote": "b", "name": "B" }, { "quote": "c" }
            ],
            "photo": { "src": "https://ailleurs.example/photo.jpg", "alt": "" }
        }))
        .unwrap_err();
        let found = keys(problems);
        for expected in [
            "places[0].address",
            "places[1]",
            "facts.free",
            "facts.parking",
            "testimonials[2].name",
            "testimonials",
            "photo.src",
            "photo.alt",
            "photo.width",
            "photo.height",
        ] {
            assert!(found.iter().any(|k| k == expected), "{expected} not in {found:?}");
        }
        assert_eq!(keys(with(serde_json::json!({ "places": {} })).unwrap_err()), ["places"]);
    }

    #[test]
    fn the_brand_gives_a_logo_on_this_site_and_a_colour_written_as_the_build_reads_it() {
        let config = with(serde_json::json!({
            "brand": { "colour": "#7a1f5c", "logo": { "src": "/images/logo.svg", "width": 120, "height": 40 } }
        }))
        .unwrap();
        assert_eq!(config.front_door.logo, Some(Logo { src: "/images/logo.svg".into(), width: 120, height: 40 }));
        let problems = keys(
            with(serde_json::json!({
                "brand": { "colour": "bleu", "logo": { "src": "//cdn.example/logo.svg", "width": 120 }, "font": "x" }
            }))
            .unwrap_err(),
        );
        assert_eq!(problems, ["brand.font", "brand.logo.src", "brand.logo.height", "brand.colour"]);
        assert_eq!(keys(with(serde_json::json!({ "brand": { "colour": "#12345g" } })).unwrap_err()), ["brand.colour"]);
    }
}
