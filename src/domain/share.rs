//! Counsellors' share links: built on the counsellor page, read when a young person opens one.
//!
//! A link says who shared it and where (counsellor, campaign, channel), and may preselect a
//! pathway, open the sign-up directly, or let a young person from outside the territory sign
//! up (the counsellor's decision). It never carries personal data.
//!
//! Parameters (a small whitelist, documented in docs/share-links.md):
//!
//! | name | value |
//! |---|---|
//! | `conseiller` | name or code, 1–40 letters, digits, spaces, `. ' -` |
//! | `campagne` | 1–40 of `a-z 0-9 -` |
//! | `canal` | `sms`, `reseaux-sociaux`, `affiche`, `salon`, `autre` |
//! | `parcours` | `decouverte`, `collectif`, `individuel` |
//! | `hors-territoire` | `oui` |
//!
//! Anything else (unknown names, values too long or with other characters, repeated names) is
//! ignored and reported to developers, never shown, never breaking the app.

use super::signup::Source;
use super::wire::form_encode;

/// Where the link was shared; the code is the value in links and in the payload's
/// `source.channel` (French words: they show in the link a counsellor shares).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::VariantArray, strum::IntoStaticStr)]
pub enum Channel {
    #[strum(serialize = "sms")]
    Sms,
    #[strum(serialize = "reseaux-sociaux")]
    SocialMedia,
    #[strum(serialize = "affiche")]
    Poster,
    #[strum(serialize = "salon")]
    Fair,
    #[strum(serialize = "autre")]
    Other,
}

impl Channel {
    pub const ALL: &'static [Channel] = <Channel as strum::VariantArray>::VARIANTS;

    /// The value in links and in the payload's `source.channel`.
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        Channel::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// Pathway ids and their readable names in links: the questionnaire's data
/// (`content/questionnaire.toml`, `pathways` and `pathway_link_words`), not a second list here.
pub use super::questionnaire::PATHWAY_LINK_WORDS as PATHWAY_CODES;

/// Longest counsellor or campaign value.
pub const VALUE_MAX: usize = 40;
/// Longest query string read at all (a QR code holds much less anyway).
const QUERY_MAX: usize = 2000;

/// What a link says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShareLink {
    pub counsellor: Option<String>,
    pub campaign: Option<String>,
    pub channel: Option<Channel>,
    /// A pathway id (`discovery`…).
    pub pathway: Option<String>,
    /// Open the sign-up directly rather than the start page.
    pub direct: bool,
    /// The counsellor allows a sign-up from outside the territory.
    pub allow_outside_territory: bool,
}

/// A parameter that was ignored, for the developers' console (the value is never repeated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    /// The parameter's name, cut to 30 characters.
    pub name: String,
    pub reason: &'static str,
}

fn counsellor_ok(value: &str) -> bool {
    let count = value.chars().count();
    (1..=VALUE_MAX).contains(&count)
        && value.chars().any(char::is_alphanumeric)
        && value.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
}

fn campaign_ok(value: &str) -> bool {
    (1..=VALUE_MAX).contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Turns what a counsellor typed into a campaign code: "Forum emploi – Mars" → "forum-emploi-mars".
pub fn campaign_code(typed: &str) -> String {
    let mut code = String::new();
    for word in super::territory::tokens(typed) {
        let word: String = word.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        if word.is_empty() {
            continue;
        }
        if !code.is_empty() {
            code.push('-');
        }
        code.push_str(&word);
    }
    code.chars().take(VALUE_MAX).collect::<String>().trim_end_matches('-').to_owned()
}

/// Tidies what a counsellor typed as their name or code (spaces collapsed).
pub fn counsellor_code(typed: &str) -> Option<String> {
    let tidy = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    counsellor_ok(&tidy).then_some(tidy)
}

/// Decodes one `application/x-www-form-urlencoded` component; `None` if it is not valid UTF-8.
fn decode(component: &str) -> Option<String> {
    let bytes = component.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b'%' => return None,
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

impl ShareLink {
    /// Reads the query string of the address (without the `?`).
    pub fn parse(query: &str) -> (ShareLink, Vec<Ignored>) {
        let mut link = ShareLink::default();
        let mut ignored = Vec::new();
        if query.len() > QUERY_MAX {
            ignored.push(Ignored { name: "(adresse)".into(), reason: "trop longue, ignorée entièrement" });
            return (link, ignored);
        }
        let mut seen: Vec<String> = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let name = decode(raw_name).unwrap_or_default();
            let short_name: String = name.chars().take(30).collect();
            let mut ignore = |reason| ignored.push(Ignored { name: short_name.clone(), reason });
            let Some(value) = decode(raw_value) else {
                ignore("valeur mal encodée");
                continue;
            };
            if seen.contains(&name) {
                ignore("donné deux fois");
                continue;
            }
            seen.push(name.clone());
            match name.as_str() {
                "conseiller" if counsellor_ok(&value) => link.counsellor = Some(value),
                "campagne" if campaign_ok(&value) => link.campaign = Some(value),
                "canal" => match Channel::from_code(&value) {
                    Some(channel) => link.channel = Some(channel),
                    None => ignore("canal inconnu"),
                },
                "parcours" => match PATHWAY_CODES.iter().find(|(_, code)| *code == value) {
                    Some((id, _)) => link.pathway = Some((*id).to_owned()),
                    None => ignore("parcours inconnu"),
                },
                "hors-territoire" if value == "oui" => link.allow_outside_territory = true,
                "conseiller" | "campagne" | "hors-territoire" => ignore("valeur refusée (longueur ou caractères)"),
                _ => ignore("paramètre inconnu"),
            }
        }
        (link, ignored)
    }

    /// Whether the link carries anything (a plain address does not).
    pub fn is_empty(&self) -> bool {
        *self == ShareLink::default()
    }

    /// The attribution sent with the sign-up.
    pub fn source(&self) -> Source {
        Source {
            counsellor: self.counsellor.clone(),
            campaign: self.campaign.clone(),
            channel: self.channel.map(|c| c.code().to_owned()),
        }
    }

    /// The link to share, on the app at `origin` (`https://labo.exemple.fr`).
    pub fn to_url(&self, origin: &str) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(c) = &self.counsellor {
            pairs.push(("conseiller", c.clone()));
        }
        if let Some(c) = &self.campaign {
            pairs.push(("campagne", c.clone()));
        }
        if let Some(c) = self.channel {
            pairs.push(("canal", c.code().to_owned()));
        }
        if let Some(code) = self.pathway.as_ref().and_then(|p| PATHWAY_CODES.iter().find(|(id, _)| id == p)) {
            pairs.push(("parcours", code.1.to_owned()));
        }
        if self.allow_outside_territory {
            pairs.push(("hors-territoire", "oui".to_owned()));
        }
        let path = if self.direct { "/inscription" } else { "/" };
        let query: Vec<String> = pairs.iter().map(|(name, value)| format!("{name}={}", form_encode(value))).collect();
        let origin = origin.trim_end_matches('/');
        if query.is_empty() { format!("{origin}{path}") } else { format!("{origin}{path}?{}", query.join("&")) }
    }
}

/// A QR code: `size × size` modules, dark when `true`, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    pub size: usize,
    pub modules: Vec<bool>,
}

/// Margin around the code, in modules (the standard asks for 4).
pub const QR_QUIET_ZONE: usize = 4;

impl QrCode {
    /// Encodes a link with medium error correction (still readable with 15 % of a printed poster
    /// damaged). `None` if the text is too long for any QR code.
    pub fn encode(text: &str) -> Option<QrCode> {
        let qr = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium).ok()?;
        let size = usize::try_from(qr.size()).ok()?;
        let modules = (0..qr.size())
            .flat_map(|y| (0..qr.size()).map(move |x| (x, y)))
            .map(|(x, y)| qr.get_module(x, y))
            .collect();
        Some(QrCode { size, modules })
    }

    pub fn dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules[y * self.size + x]
    }

    /// A standalone SVG (black on white, with the quiet zone), one path for all dark modules.
    pub fn to_svg(&self, title: &str) -> String {
        let full = self.size + 2 * QR_QUIET_ZONE;
        let mut path = String::new();
        for y in 0..self.size {
            for x in 0..self.size {
                if self.dark(x, y) {
                    path.push_str(&format!("M{},{}h1v1h-1z", x + QR_QUIET_ZONE, y + QR_QUIET_ZONE));
                }
            }
        }
        let title: String = title
            .chars()
            .map(|c| match c {
                '<' => "&lt;".to_owned(),
                '>' => "&gt;".to_owned(),
                '&' => "&amp;".to_owned(),
                '"' => "&quot;".to_owned(),
                c => c.to_string(),
            })
            .collect();
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" shape-rendering=\"crispEdges\" role=\"img\"><title>{title}</title><rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> ShareLink {
        ShareLink {
            counsellor: Some("Claire M.".into()),
            campaign: Some("forum-emploi-mars".into()),
            channel: Some(Channel::Fair),
            pathway: Some("collective".into()),
            direct: true,
            allow_outside_territory: true,
        }
    }

    #[test]
    fn builds_readable_links_and_reads_them_back() {
        let url = full().to_url("https://labo.exemple.fr/");
        assert_eq!(
            url,
            "https://labo.exemple.fr/inscription?conseiller=Claire+M.&campagne=forum-emploi-mars&canal=salon&parcours=collectif&hors-territoire=oui"
        );
        let query = url.split_once('?').unwrap().1;
        let (read, ignored) = ShareLink::parse(query);
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(read, ShareLink { direct: false, ..full() }, "the path, not the query, says 'direct'");
        assert_eq!(ShareLink::default().to_url("https://labo.exemple.fr"), "https://labo.exemple.fr/");
    }

    #[test]
    fn round_trips_every_channel_pathway_and_accented_names() {
        for &channel in Channel::ALL {
            for (pathway, _) in PATHWAY_CODES {
                let link = ShareLink {
                    counsellor: Some("Zoé D'Almeida-Nguyễn".into()),
                    campaign: Some("salon-2026".into()),
                    channel: Some(channel),
                    pathway: Some(pathway.into()),
                    direct: false,
                    allow_outside_territory: false,
                };
                let url = link.to_url("http://127.0.0.1:8080");
                assert_eq!(ShareLink::parse(url.split_once('?').unwrap().1), (link, Vec::new()), "{url}");
            }
        }
    }

    #[test]
    fn ignores_unknown_oversized_and_script_looking_values() {
        let long = "a".repeat(41);
        let cases: Vec<(String, &str)> = vec![
            ("utm_source=facebook".into(), "paramètre inconnu"),
            ("conseiller=%3Cscript%3Ealert(1)%3C%2Fscript%3E".into(), "valeur refusée (longueur ou caractères)"),
            ("conseiller=<script>alert(1)</script>".into(), "valeur refusée (longueur ou caractères)"),
            (format!("conseiller={long}"), "valeur refusée (longueur ou caractères)"),
            ("campagne=Forum Mars".into(), "valeur refusée (longueur ou caractères)"),
            ("campagne=javascript:alert(1)".into(), "valeur refusée (longueur ou caractères)"),
            ("canal=telepathie".into(), "canal inconnu"),
            ("parcours=fast-track".into(), "parcours inconnu"),
            ("hors-territoire=1".into(), "valeur refusée (longueur ou caractères)"),
            ("conseiller=%E9".into(), "valeur mal encodée"),
            ("conseiller=%Z1".into(), "valeur mal encodée"),
            ("conseiller=50%".into(), "valeur mal encodée"),
        ];
        for (query, reason) in cases {
            let (link, ignored) = ShareLink::parse(&query);
            assert!(link.is_empty(), "{query}: {link:?}");
            assert_eq!(ignored.len(), 1, "{query}");
            assert_eq!(ignored[0].reason, reason, "{query}");
        }
    }

    #[test]
    fn keeps_the_good_parameters_of_a_hostile_link() {
        let huge = "x".repeat(10_000);
        let query = format!("conseiller=claire&{huge}=1&campagne=%3Cimg+src%3Dx%3E&canal=sms&canal=affiche&evil=%00");
        let (link, ignored) = ShareLink::parse(&query);
        assert_eq!(link, ShareLink::default(), "a 10 KB query is ignored entirely");
        assert_eq!(ignored[0].reason, "trop longue, ignorée entièrement");
        let (link, ignored) =
            ShareLink::parse("conseiller=claire&campagne=%3Cimg+src%3Dx%3E&canal=sms&canal=affiche&evil=%00&x");
        assert_eq!(link.counsellor.as_deref(), Some("claire"));
        assert_eq!(link.campaign, None);
        assert_eq!(link.channel, Some(Channel::Sms), "the first value wins");
        let reasons: Vec<_> = ignored.iter().map(|i| (i.name.as_str(), i.reason)).collect();
        assert_eq!(
            reasons,
            [
                ("campagne", "valeur refusée (longueur ou caractères)"),
                ("canal", "donné deux fois"),
                ("evil", "paramètre inconnu"),
                ("x", "paramètre inconnu")
            ]
        );
        assert_eq!(link.source().channel.as_deref(), Some("sms"));
    }

    #[test]
    fn tidies_what_counsellors_type() {
        assert_eq!(campaign_code("Forum emploi – Mars 2026"), "forum-emploi-mars-2026");
        assert_eq!(campaign_code("  Salon de l'Étudiant !  "), "salon-de-l-etudiant");
        assert_eq!(campaign_code("<script>"), "script");
        assert_eq!(campaign_code(&"mot ".repeat(20)).len(), 39);
        assert_eq!(counsellor_code("  Claire   M. "), Some("Claire M.".into()));
        assert_eq!(counsellor_code("<b>"), None);
        assert_eq!(counsellor_code(""), None);
    }

    #[test]
    fn a_plain_address_has_an_empty_attribution() {
        let (link, ignored) = ShareLink::parse("");
        assert!(link.is_empty() && ignored.is_empty());
        assert_eq!(link.source(), Source::default());
    }
}

// Native only: the QR reader is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod qr_tests {
    use super::*;

    /// Renders the code as a greyscale picture (`scale` pixels per module) and reads it back with
    /// an independent QR decoder, as a phone's camera would.
    fn decode(qr: &QrCode, scale: usize) -> String {
        let full = (qr.size + 2 * QR_QUIET_ZONE) * scale;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(full, full, |x, y| {
            let (mx, my) = (x / scale, y / scale);
            let inside = (QR_QUIET_ZONE..QR_QUIET_ZONE + qr.size).contains(&mx)
                && (QR_QUIET_ZONE..QR_QUIET_ZONE + qr.size).contains(&my);
            if inside && qr.dark(mx - QR_QUIET_ZONE, my - QR_QUIET_ZONE) { 0 } else { 255 }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code in the picture");
        grids[0].decode().expect("readable").1
    }

    #[test]
    fn the_qr_code_decodes_back_to_the_exact_link() {
        let links = [
            ShareLink::default().to_url("https://labo.exemple.fr"),
            ShareLink {
                counsellor: Some("Zoé D'Almeida".into()),
                campaign: Some("forum-emploi-mars".into()),
                channel: Some(Channel::Poster),
                pathway: Some("individual".into()),
                direct: true,
                allow_outside_territory: true,
            }
            .to_url("https://inscriptions.mission-locale-le-havre.example"),
        ];
        for link in links {
            let qr = QrCode::encode(&link).unwrap();
            assert_eq!(decode(&qr, 4), link);
        }
    }

    #[test]
    fn the_svg_draws_every_dark_module_and_escapes_its_title() {
        let qr = QrCode::encode("https://labo.exemple.fr/").unwrap();
        let svg = qr.to_svg("Lien <Lab'O> & co");
        assert_eq!(svg.matches("h1v1h-1z").count(), qr.modules.iter().filter(|m| **m).count());
        assert!(svg.contains("<title>Lien &lt;Lab'O&gt; &amp; co</title>"));
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }
}
