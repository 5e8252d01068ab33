//! The legal pages, as blocks of text built from the catalogue and `config.json`: the privacy
//! notice (GDPR article 13), the accessibility statement (the RGAA model of the DINUM) and the
//! legal notice (LCEN article 6-III). Plain Rust, so it is tested natively; the app's pages
//! (`app::pages::legal`) render the blocks for the deployment's config, and the build paints
//! those pages for browsers without JavaScript (`app::render`).

use crate::content::{Texts, fill};
use crate::domain::config::{Config, DEFAULT_SHORT_NAME, short_name_in};
use crate::domain::route::Route;
use crate::domain::typography;

/// The CNIL's page to complain about the use of one's data.
pub const CNIL_COMPLAINT_URL: &str = "https://www.cnil.fr/fr/plaintes";
/// The Défenseur des droits' online form.
pub const DEFENSEUR_FORM_URL: &str = "https://formulaire.defenseurdesdroits.fr/";
/// The Défenseur des droits' delegates near you.
pub const DEFENSEUR_DELEGATES_URL: &str = "https://www.defenseurdesdroits.fr/saisir/delegues";

/// A piece of a sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    /// A value of config.json, given a capital when it starts a sentence; `french` when the
    /// deployer wrote it in French (marked `lang="fr"` on a page in another language), not when
    /// each catalogue says it in its own words (the short name) or it is a number.
    Value {
        text: String,
        french: bool,
    },
    /// A link.
    Link {
        href: String,
        text: String,
    },
}

/// One block of a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Lead(Vec<Inline>),
    /// A heading of level 2 or 3 (the page's `h1` is its title).
    Heading(u8, String),
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
}

/// A page: its title (the `h1`), the document title, its blocks, and its language.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub title: &'static str,
    pub page_title: &'static str,
    pub parts: Vec<Block>,
    /// The catalogue's language (`fr`, `en`): on a page in another language than French, the
    /// deployer's French texts are marked `lang="fr"` (RGAA 8.7).
    pub lang: &'static str,
}

impl Page {
    /// The words of the page, for tests: every text and value, in order.
    pub fn text(&self) -> String {
        let mut out = String::from(self.title);
        for part in &self.parts {
            out.push('\n');
            match part {
                Block::Heading(_, text) => out.push_str(text),
                Block::Lead(inlines) | Block::Paragraph(inlines) => out.push_str(&plain(inlines)),
                Block::List(items) => out.push_str(&items.iter().map(|i| plain(i)).collect::<Vec<_>>().join("\n")),
            }
        }
        out
    }
}

/// Text for HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A text of config.json the deployer wrote in French.
fn french(text: &str) -> Inline {
    Inline::Value { text: text.to_owned(), french: true }
}

/// A sentence as HTML, with the deployer's French texts marked `lang="fr"` when
/// `in_other_language`.
fn inline_html(inlines: &[Inline], in_other_language: bool) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => escape(text),
            Inline::Value { text, french: true } if in_other_language => {
                format!(r#"<span lang="fr">{}</span>"#, escape(text))
            }
            Inline::Value { text, .. } => escape(text),
            Inline::Link { href, text, .. } => format!(r#"<a href="{}">{}</a>"#, escape(href), escape(text)),
        })
        .collect()
}

/// The blocks of a page as HTML (the app shows it as is: one piece of markup instead of a view
/// per kind of block, which kept ~4 KB of rendering code out of the wasm).
pub fn html(page: &Page) -> String {
    let other_language = page.lang != "fr";
    let inline = |inlines: &[Inline]| inline_html(inlines, other_language);
    let mut out = String::new();
    for block in &page.parts {
        out.push_str(&match block {
            Block::Lead(inlines) => format!(r#"<p class="lead">{}</p>"#, inline(inlines)),
            Block::Heading(level, text) => format!("<h{level}>{}</h{level}>", escape(text)),
            Block::Paragraph(inlines) => format!("<p>{}</p>", inline(inlines)),
            Block::List(items) => {
                let items: String = items.iter().map(|i| format!("<li>{}</li>", inline(i))).collect();
                format!("<ul>{items}</ul>")
            }
        });
    }
    out
}

/// The text of a sentence, without its links' addresses.
pub fn plain(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) | Inline::Value { text, .. } | Inline::Link { text, .. } => text.as_str(),
        })
        .collect()
}

/// Splits `template` at its `{placeholders}`, putting the given pieces in their place. A value
/// that starts a sentence gets a capital.
pub fn sentence(template: &str, pieces: &[(&str, Inline)]) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut written = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        let name = &rest[open + 1..close];
        let Some((_, piece)) = pieces.iter().find(|(n, _)| *n == name) else {
            written.push_str(&rest[..=close]);
            push_text(&mut out, &rest[..=close]);
            rest = &rest[close + 1..];
            continue;
        };
        push_text(&mut out, &rest[..open]);
        written.push_str(&rest[..open]);
        let piece = match piece.clone() {
            Inline::Value { text, french } if typography::starts_sentence(&written) => {
                Inline::Value { text: typography::capitalised(&text), french }
            }
            other => other,
        };
        written.push_str(&plain(std::slice::from_ref(&piece)));
        out.push(piece);
        rest = &rest[close + 1..];
    }
    push_text(&mut out, rest);
    out
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if !text.is_empty() {
        out.push(Inline::Text(text.to_owned()));
    }
}

fn text(t: &str) -> Vec<Inline> {
    vec![Inline::Text(t.to_owned())]
}

/// What the pages take from config.json, as pieces of sentences.
struct Values {
    mission_locale: Inline,
    controller: Inline,
    email: Inline,
    phone: Inline,
    months: String,
}

fn values(t: &Texts, config: &Config) -> Values {
    let privacy = &config.privacy;
    let phone = &config.mission_locale.phone;
    let short_name = if config.mission_locale.short_name.is_empty() {
        DEFAULT_SHORT_NAME
    } else {
        &config.mission_locale.short_name
    };
    Values {
        mission_locale: Inline::Value { text: short_name_in(short_name, t.meta_lang), french: false },
        controller: french(&privacy.controller),
        email: mail_link(&privacy.contact_email),
        phone: Inline::Link { href: format!("tel:{}", phone.e164()), text: phone.display() },
        months: privacy.retention_months.to_string(),
    }
}

fn mail_link(address: &str) -> Inline {
    Inline::Link { href: format!("mailto:{address}"), text: address.to_owned() }
}

/// The privacy notice (GDPR article 13), in the order of the catalogue's `[privacy]` table.
pub fn privacy_notice(t: &Texts, config: &Config) -> Page {
    let v = values(t, config);
    let ml = ("mission_locale", v.mission_locale.clone());
    let privacy = &config.privacy;
    let mut p = Vec::new();
    p.push(Block::Lead(text(t.privacy_intro)));

    p.push(Block::Heading(2, t.privacy_who_title.to_owned()));
    p.push(Block::Paragraph(sentence(
        t.privacy_who_text,
        &[("controller", v.controller.clone()), ("email", v.email.clone())],
    )));
    if let Some(dpo) = &privacy.dpo_email {
        p.push(Block::Paragraph(sentence(t.privacy_dpo_text, &[("dpo", mail_link(dpo))])));
    }
    if let Some(address) = &privacy.controller_address {
        p.push(Block::Paragraph(sentence(t.privacy_address_text, &[("address", french(address))])));
    }

    p.push(Block::Heading(2, t.privacy_why_title.to_owned()));
    p.push(Block::List(t.privacy_why_list.iter().map(|line| text(line)).collect()));
    p.push(Block::Paragraph(text(t.privacy_why_text)));

    p.push(Block::Heading(2, t.privacy_basis_title.to_owned()));
    p.push(Block::Paragraph(sentence(t.privacy_basis_text, std::slice::from_ref(&ml))));

    p.push(Block::Heading(2, t.privacy_what_title.to_owned()));
    p.push(Block::List(t.privacy_what_list.iter().map(|line| text(line)).collect()));
    p.push(Block::Heading(2, t.privacy_required_title.to_owned()));
    p.push(Block::Paragraph(sentence(t.privacy_required_text, &[ml.clone(), ("phone", v.phone.clone())])));

    p.push(Block::Heading(2, t.privacy_who_sees_title.to_owned()));
    // i-milo is named only where the mission locale records sign-ups there (config.json).
    let mut recipients: Vec<&str> = t.privacy_who_sees_list.to_vec();
    if privacy.records_in_imilo {
        recipients.insert(1.min(recipients.len()), t.privacy_who_sees_imilo);
    }
    p.push(Block::List(recipients.iter().map(|line| sentence(line, std::slice::from_ref(&ml))).collect()));
    p.push(Block::Paragraph(text(t.privacy_who_sees_text)));

    p.push(Block::Heading(2, t.privacy_transfer_title.to_owned()));
    p.push(Block::Paragraph(match &privacy.transfers_outside_eu {
        Some(transfers) => sentence(t.privacy_transfer_some, &[("transfers", french(transfers))]),
        None => text(t.privacy_transfer_none),
    }));

    p.push(Block::Heading(2, t.privacy_how_long_title.to_owned()));
    p.push(Block::Paragraph(retention(t, t.privacy_how_long_text, &v)));

    p.push(Block::Heading(2, t.privacy_decision_title.to_owned()));
    p.push(Block::Paragraph(text(t.privacy_decision_text)));

    p.push(Block::Heading(2, t.privacy_device_title.to_owned()));
    p.push(Block::Paragraph(text(t.privacy_device_text)));
    p.push(Block::Paragraph(sentence(t.privacy_no_tracking, std::slice::from_ref(&ml))));

    p.push(Block::Heading(2, t.privacy_rights_title.to_owned()));
    p.push(Block::Paragraph(sentence(t.privacy_rights_text, &[("email", v.email.clone())])));
    p.push(Block::Paragraph(text(t.privacy_minors_text)));
    let mut complain = text(t.privacy_complain_text);
    complain.push(Inline::Text(" ".into()));
    complain.push(Inline::Link { href: CNIL_COMPLAINT_URL.into(), text: "www.cnil.fr".into() });
    p.push(Block::Paragraph(complain));
    Page { title: t.privacy_title, page_title: t.privacy_page_title, parts: p, lang: t.meta_lang }
}

/// A sentence with `{retention}`: "gardées 24 mois au plus après ton dernier contact avec la
/// Mission Locale", the same words everywhere.
fn retention(t: &Texts, template: &str, config_values: &Values) -> Vec<Inline> {
    let months = Inline::Value { text: config_values.months.clone(), french: false };
    let template = template.replace("{retention}", t.privacy_retention);
    sentence(&template, &[("months", months), ("mission_locale", config_values.mission_locale.clone())])
}

/// The accessibility statement, on the RGAA model (DINUM), in the order of the catalogue's
/// `[accessibility]` table.
pub fn accessibility_statement(t: &Texts, config: &Config) -> Page {
    let v = values(t, config);
    let ml = ("mission_locale", v.mission_locale.clone());
    let mut p = Vec::new();
    p.push(Block::Paragraph(sentence(t.accessibility_intro, std::slice::from_ref(&ml))));
    p.push(Block::Paragraph(text(t.accessibility_scope_text)));
    p.push(Block::Paragraph(text(t.accessibility_plans_text)));
    let plans = &config.accessibility;
    // One list item per document: its link, or "… : pas encore publié".
    for (name, url) in [
        (t.accessibility_multi_year_plan, &plans.multi_year_plan_url),
        (t.accessibility_action_plan, &plans.action_plan_url),
    ] {
        let item = match url {
            Some(url) => vec![Inline::Link { href: url.clone(), text: name.to_owned() }],
            None => text(&format!("{name}{}{}", t.app_colon, t.accessibility_not_published)),
        };
        p.push(Block::List(vec![item]));
    }

    p.push(Block::Heading(2, t.accessibility_status_title.to_owned()));
    p.push(Block::Paragraph(text(t.accessibility_status_text)));
    p.push(Block::Heading(2, t.accessibility_tests_title.to_owned()));
    p.push(Block::Paragraph(text(t.accessibility_tests_text)));
    p.push(Block::Paragraph(text(t.accessibility_tests_automatic)));

    p.push(Block::Heading(2, t.accessibility_non_accessible_title.to_owned()));
    p.push(Block::Heading(3, t.accessibility_non_conformities_title.to_owned()));
    p.push(Block::Paragraph(text(t.accessibility_non_conformities_text)));
    p.push(Block::Heading(3, t.accessibility_derogations_title.to_owned()));
    p.push(Block::Paragraph(text(t.accessibility_derogations_text)));
    p.push(Block::Heading(3, t.accessibility_exempt_title.to_owned()));
    p.push(Block::Paragraph(text(t.accessibility_exempt_text)));

    p.push(Block::Heading(2, t.accessibility_established_title.to_owned()));
    p.push(Block::Paragraph(text(t.accessibility_established_text)));
    p.push(Block::Heading(3, t.accessibility_technologies_title.to_owned()));
    p.push(Block::Paragraph(text(t.accessibility_technologies)));
    p.push(Block::Heading(3, t.accessibility_environment_title.to_owned()));
    p.push(Block::Paragraph(text(t.accessibility_environment)));
    p.push(Block::Heading(3, t.accessibility_tools_title.to_owned()));
    p.push(Block::Paragraph(text(t.accessibility_tools)));
    p.push(Block::Heading(3, t.accessibility_pages_title.to_owned()));
    p.push(Block::List(t.accessibility_pages_list.iter().map(|line| text(line)).collect()));

    p.push(Block::Heading(2, t.accessibility_contact_title.to_owned()));
    let contact_email = match &config.mission_locale.email {
        Some(email) => mail_link(email),
        None => mail_link(&config.privacy.contact_email),
    };
    p.push(Block::Paragraph(sentence(
        t.accessibility_contact_text,
        &[("email", contact_email), ("phone", v.phone.clone())],
    )));

    p.push(Block::Heading(2, t.accessibility_remedy_title.to_owned()));
    p.push(Block::Paragraph(text(t.accessibility_remedy_text)));
    let link = |href: &str, label: &str| vec![Inline::Link { href: href.to_owned(), text: label.to_owned() }];
    p.push(Block::List(vec![
        link(DEFENSEUR_FORM_URL, t.accessibility_remedy_online),
        link(DEFENSEUR_DELEGATES_URL, t.accessibility_remedy_delegate),
        text(t.accessibility_remedy_mail),
    ]));
    Page { title: t.accessibility_title, page_title: t.accessibility_page_title, parts: p, lang: t.meta_lang }
}

/// The legal notice (LCEN, article 6-III): the publisher with its address and phone, the
/// director of publication, the host with its address and phone. What config.json does not
/// give yet reads "ask the mission locale", never a blank.
pub fn legal_notice(t: &Texts, config: &Config) -> Page {
    let v = values(t, config);
    let notice = &config.legal_notice;
    let ml = &config.mission_locale;
    let missing = || {
        Block::Paragraph(sentence(
            t.legal_missing,
            &[("mission_locale", v.mission_locale.clone()), ("phone", v.phone.clone())],
        ))
    };
    let mut p = Vec::new();
    p.push(Block::Lead(text(t.legal_intro)));

    p.push(Block::Heading(2, t.legal_publisher_title.to_owned()));
    let publisher = notice.publisher.as_ref().unwrap_or(&ml.name);
    p.push(Block::Paragraph(sentence(t.legal_publisher_text, &[("publisher", french(publisher))])));
    // One line each: address (if known), phone, e-mail (if given).
    if let Some(address) = notice.address.as_ref().or(ml.address.as_ref()) {
        p.push(Block::Paragraph(sentence(t.legal_address, &[("address", french(address))])));
    }
    p.push(Block::Paragraph(sentence(t.legal_phone, &[("phone", v.phone.clone())])));
    if let Some(email) = &ml.email {
        p.push(Block::Paragraph(sentence(t.legal_email, &[("email", mail_link(email))])));
    }

    p.push(Block::Heading(2, t.legal_director_title.to_owned()));
    p.push(match &notice.director {
        Some(director) => Block::Paragraph(sentence(t.legal_director_text, &[("director", french(director))])),
        None => missing(),
    });

    p.push(Block::Heading(2, t.legal_host_title.to_owned()));
    p.push(match &notice.host {
        Some(host) => Block::Paragraph(sentence(
            t.legal_host_text,
            &[
                ("host", french(&host.name)),
                ("host_address", french(&host.address)),
                ("host_phone", french(&host.phone)),
            ],
        )),
        None => missing(),
    });

    p.push(Block::Heading(2, t.legal_data_title.to_owned()));
    let link = Inline::Link { href: Route::Privacy.path(), text: t.legal_data_link.to_owned() };
    p.push(Block::Paragraph(sentence(t.legal_data_text, &[("link", link)])));
    Page { title: t.legal_title, page_title: t.legal_page_title, parts: p, lang: t.meta_lang }
}

/// The short sentence under the sign-up form: who receives the data, for how long, whom to ask.
pub fn details_summary(t: &Texts, config: &Config) -> String {
    let v = values(t, config);
    let inlines = retention(t, t.details_privacy_text, &v);
    let text = plain(&inlines);
    let text = fill(&text, &[("email", &config.privacy.contact_email)]);
    crate::content::fill_mission_locale(t, &text, &config.mission_locale.short_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::language;

    const CONFIG: &str = r#"{
        "endpoint": { "url": "https://inscriptions.ml-havre.fr/labo" },
        "mission_locale": { "name": "Mission Locale Le Havre Estuaire Littoral", "phone": "02 61 91 00 00" },
        "territory": { "description": "au Havre" },
        "privacy": { "contact_email": "donnees@ml-havre.fr", "retention_months": 24 }
    }"#;

    fn with(extra_privacy: &str, accessibility: &str) -> Config {
        let text = CONFIG.replace(r#""retention_months": 24"#, &format!(r#""retention_months": 24{extra_privacy}"#));
        let text = if accessibility.is_empty() {
            text
        } else {
            text.replace(r#""privacy":"#, &format!(r#""accessibility": {accessibility}, "privacy":"#))
        };
        Config::parse(&text).unwrap()
    }

    /// The test config with a `legal_notice` section.
    fn with_notice(json: &str) -> Config {
        Config::parse(&CONFIG.replacen('{', &format!(r#"{{ "legal_notice": {json},"#), 1)).unwrap()
    }

    fn fr() -> &'static Texts {
        language("fr").unwrap()
    }

    #[test]
    fn sentences_put_values_and_links_in_place_with_a_capital_at_the_start() {
        let ml = Inline::Value { text: "la Mission Locale".into(), french: false };
        let parts =
            sentence("{ml} répond. Appelle {ml} au {phone}.", &[("ml", ml), ("phone", Inline::Text("02".into()))]);
        assert_eq!(plain(&parts), "La Mission Locale répond. Appelle la Mission Locale au 02.");
        assert!(matches!(&parts[0], Inline::Value { text, .. } if text == "La Mission Locale"));
        assert!(matches!(&parts[2], Inline::Value { text, .. } if text == "la Mission Locale"));
        assert_eq!(plain(&sentence("Sans {inconnu}.", &[])), "Sans {inconnu}.");
    }

    #[test]
    fn the_privacy_notice_has_every_part_article_13_asks_for() {
        let config = with(r#", "dpo_email": "dpo@ml-havre.fr""#, "");
        let page = privacy_notice(fr(), &config);
        let text = page.text().replace(['\u{a0}', '\u{202f}'], " ").replace('’', "'");
        for expected in [
            "Le responsable de tes données est : Mission Locale Le Havre Estuaire Littoral",
            "donnees@ml-havre.fr",
            "dpo@ml-havre.fr",
            "mission de service public (article 6.1.e du RGPD)",
            "te contacter et fixer un premier rendez-vous",
            "l'hébergeur du site",
            "seulement si tu es d'accord",
            "jamais ton nom",
            "gardées 24 mois au plus après ton dernier contact avec la Mission Locale",
            "Le test ne décide rien. Au premier rendez-vous, la conseillère ou le conseiller te propose un parcours",
            // Everything sent is listed; the right to portability; a minor's consent from 15.
            "le parcours que tu souhaites",
            "la langue de l'application, le temps mis à remplir",
            "sans aucune note ni aucun point",
            "le droit à la portabilité",
            "Dès 15 ans, la loi te permet aussi d'accepter toi-même",
            "Elle a été mise à jour le 7 décembre 2026.",
            "aucun pays en dehors de l'Union européenne",
            "l'inscription en ligne n'est pas possible : appelle alors la Mission Locale au 02 61 91 00 00",
            "tu peux faire ces demandes toi-même",
            "CNIL",
            "www.cnil.fr",
        ] {
            assert!(text.contains(expected), "the privacy notice lacks « {expected} »:\n{text}");
        }
        // The phone and the addresses are links.
        let links: Vec<String> = page
            .parts
            .iter()
            .flat_map(|block| match block {
                Block::Paragraph(i) | Block::Lead(i) => i.clone(),
                Block::List(items) => items.concat(),
                Block::Heading(..) => vec![],
            })
            .filter_map(|i| match i {
                Inline::Link { href, .. } => Some(href),
                _ => None,
            })
            .collect();
        for href in ["mailto:donnees@ml-havre.fr", "mailto:dpo@ml-havre.fr", "tel:+33261910000", CNIL_COMPLAINT_URL] {
            assert!(links.contains(&href.to_owned()), "{href} in {links:?}");
        }
    }

    #[test]
    fn optional_keys_change_the_notice() {
        let config = with(r#", "transfers_outside_eu": "l'hébergeur est au Canada.""#, "");
        let text = privacy_notice(fr(), &config).text();
        assert!(text.contains("Canada"), "{text}");
        assert!(!text.contains("aucun pays"), "{text}");
        assert!(!text.contains("délégué"), "no DPO without dpo_email: {text}");
        assert!(!text.contains("i-milo") && !text.contains("système d’information"), "not named unless said: {text}");
        assert!(!text.contains("Son adresse"), "no address given, none invented: {text}");
        let config =
            with(r#", "records_in_imilo": true, "controller_address": "1 rue de l'Exemple, 76600 Le Havre""#, "");
        let text = privacy_notice(fr(), &config).text();
        assert!(text.contains("i-milo, le système d’information national des missions locales"), "{text}");
        assert!(text.contains("Son adresse\u{a0}: 1 rue de l’Exemple, 76600 Le Havre."), "{text}");
        let recipients = text.lines().skip_while(|l| !l.starts_with("Qui les reçoit")).nth(2).unwrap();
        assert!(recipients.starts_with("i-milo"), "second among the recipients: {recipients}");
    }

    #[test]
    fn the_accessibility_statement_follows_the_rgaa_model() {
        let config = with(
            "",
            r#"{ "multi_year_plan_url": "https://ml-havre.fr/schema", "action_plan_url": "https://ml-havre.fr/plan" }"#,
        );
        let page = accessibility_statement(fr(), &config);
        let text = page.text().replace(['\u{a0}', '\u{202f}'], " ").replace('’', "'");
        for expected in [
            "La Mission Locale s'engage à rendre ses services numériques accessibles",
            "Schéma pluriannuel de mise en accessibilité",
            "Plan d'action",
            "État de conformité",
            "non conforme",
            "Résultats des tests",
            "Contenus non accessibles",
            "Non-conformités",
            "Dérogations pour charge disproportionnée",
            "Contenus non soumis à l'obligation d'accessibilité",
            "Établissement de cette déclaration",
            "Technologies utilisées",
            "Environnement de test",
            "lecteur d'écran",
            "Outils pour évaluer l'accessibilité",
            "Pages vérifiées",
            "Retour d'information et contact",
            "Voies de recours",
            "Défenseur des droits",
            "Libre réponse 71120",
            "version 4.1.2",
            "WAI-ARIA",
            "Elle ne couvre pas les sites d'autres organismes",
        ] {
            assert!(text.contains(expected), "the statement lacks « {expected} »:\n{text}");
        }
        assert!(!text.contains("qu'en français"), "being only in French is not a non-conformity");
        // Other bodies' sites are outside the statement, not "contenus non soumis" of ours.
        let exempt = text.lines().skip_while(|l| !l.starts_with("Contenus non soumis")).nth(1).unwrap();
        assert_eq!(exempt, "Aucun.");
        assert!(!text.contains("pas encore publié"));
        let without = accessibility_statement(fr(), &with("", "")).text();
        assert_eq!(without.matches("pas encore publié").count(), 2, "{without}");
    }

    #[test]
    fn in_english_the_mission_locale_is_the_mission_locale() {
        let en = language("en").unwrap();
        let text = privacy_notice(en, &with("", "")).text();
        assert!(text.contains("the Mission Locale"), "{text}");
        assert!(!text.contains("la Mission Locale"), "{text}");
        assert!(
            accessibility_statement(en, &with("", ""))
                .text()
                .starts_with("Accessibility statement\nThe Mission Locale is committed")
        );
    }

    #[test]
    fn the_markup_escapes_every_text() {
        let config = with(r#", "controller": "<script>alert(1)</script> & \"co\"""#, "");
        let app = html(&privacy_notice(fr(), &config));
        assert!(app.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"), "{app}");
        assert!(!app.contains("<script"), "{app}");
        assert!(app.contains(r#"<a href="tel:+33261910000">02 61 91 00 00</a>"#), "{app}");
    }

    #[test]
    fn the_legal_notice_names_publisher_director_and_host_as_the_lcen_asks() {
        let config = with_notice(
            r#"{ "director": "Claire Exemple, présidente",
                 "host": { "name": "Hébergeur Exemple", "address": "2 rue du Port, 59100 Roubaix", "phone": "+33 9 00 00 00 00" } }"#,
        );
        let text = legal_notice(fr(), &config).text().replace(['\u{a0}', '\u{202f}'], " ");
        for expected in [
            "Mentions légales",
            "Ce site est publié par Mission Locale Le Havre Estuaire Littoral.",
            "Téléphone : 02 61 91 00 00",
            "Directrice ou directeur de la publication\nClaire Exemple, présidente.",
            "Le site est hébergé par Hébergeur Exemple, 2 rue du Port, 59100 Roubaix. Téléphone : +33 9 00 00 00 00.",
            "Tes données personnelles",
        ] {
            assert!(text.contains(expected), "the legal notice lacks « {expected} »:\n{text}");
        }
        assert!(!text.contains("Adresse :"), "no address given, no line: {text}");
        assert!(!text.contains("Pas encore indiqué"), "{text}");
    }

    #[test]
    fn a_legal_notice_not_given_yet_says_whom_to_ask_never_a_blank() {
        let text = legal_notice(fr(), &with("", "")).text().replace(['\u{a0}', '\u{202f}'], " ");
        let ask = "Pas encore indiqué sur cette page : demande-le à la Mission Locale au 02 61 91 00 00.";
        assert_eq!(text.matches(ask).count(), 2, "the director and the host: {text}");
        assert!(text.contains("Ce site est publié par Mission Locale Le Havre Estuaire Littoral."), "{text}");
        let en = legal_notice(language("en").unwrap(), &with("", "")).text();
        assert!(en.contains("Not given on this page yet: ask the Mission Locale on 02 61 91 00 00."), "{en}");
    }

    #[test]
    fn on_an_english_page_the_deployers_french_texts_are_marked_french() {
        let config = with(r#", "transfers_outside_eu": "les sauvegardes sont au Canada.""#, "");
        let en = html(&privacy_notice(language("en").unwrap(), &config));
        assert!(en.contains(r#"<span lang="fr">les sauvegardes sont au Canada.</span>"#), "{en}");
        assert!(en.contains(r#"<span lang="fr">Mission Locale Le Havre Estuaire Littoral</span>"#), "{en}");
        assert!(!en.contains(r#"<span lang="fr">the Mission Locale"#), "the short name is said in English: {en}");
        let fr = html(&privacy_notice(fr(), &config));
        assert!(!fr.contains("lang="), "a French page needs no mark: {fr}");
    }

    #[test]
    fn the_form_says_the_same_retention_as_the_notice() {
        let config = with("", "");
        let summary = details_summary(fr(), &config);
        let notice = privacy_notice(fr(), &config).text();
        let retention = "24\u{a0}mois au plus après ton dernier contact avec la Mission Locale";
        let retention = retention.replace('\u{a0}', " ");
        assert!(summary.replace('\u{a0}', " ").contains(&retention), "{summary}");
        assert!(notice.replace('\u{a0}', " ").contains(&retention), "{notice}");
        assert!(summary.contains("donnees@ml-havre.fr"));
    }
}
