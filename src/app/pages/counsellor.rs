use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::components::{ChoiceGroup, ChoiceOption, PageHeading, TextField, TextWithFrench};
use crate::app::state::{tr, use_config, use_texts};
use crate::app::{platform, sharing};
use crate::content::fill_mission_locale;
use crate::domain::questionnaire::QUESTIONNAIRE;
use crate::domain::share::{self, Channel, QrCode, ShareLink};
use crate::fill;

/// Ids of the poster formats, used as CSS classes (`poster-a4`) and named print pages.
const FORMATS: [&str; 2] = ["a4", "a5"];

/// The counsellors' link builder (`/conseillers`, not linked from the young people's pages):
/// a link with their attribution, its QR code (made on the device), ways to copy, share and
/// download it, and a poster to print.
#[component]
pub fn CounsellorPage() -> impl IntoView {
    let t = use_texts();
    let config = use_config();
    let name = RwSignal::new(String::new());
    let campaign = RwSignal::new(String::new());
    let channel = RwSignal::new(None::<Channel>);
    let pathway = RwSignal::new(String::new());
    let direct = RwSignal::new(false);
    let outside = RwSignal::new(false);
    let format = RwSignal::new(FORMATS[0].to_owned());
    let copy_status = RwSignal::new(None::<bool>);

    let name_error = Signal::derive(move || {
        let typed = name.get();
        (!typed.trim().is_empty() && share::counsellor_code(&typed).is_none()).then(|| t.get().counsellor_name_error)
    });
    let link = Memo::new(move |_| {
        let counsellor = share::counsellor_code(&name.get())?;
        let channel = channel.get()?;
        let campaign = Some(share::campaign_code(&campaign.get())).filter(|c| !c.is_empty());
        let pathway = Some(pathway.get()).filter(|p| QUESTIONNAIRE.pathway_index(p).is_some());
        let origin = window().location().origin().unwrap_or_default();
        Some(
            ShareLink {
                counsellor: Some(counsellor),
                campaign,
                channel: Some(channel),
                pathway,
                direct: direct.get(),
                allow_outside_territory: outside.get(),
            }
            .to_url(&origin),
        )
    });
    let qr = Memo::new(move |_| link.get().and_then(|url| QrCode::encode(&url)));
    let svg = move || qr.get().map(|qr| qr.to_svg(t.get().counsellor_qr_title)).unwrap_or_default();

    let channels = [
        (Channel::Sms, tr(|t| t.counsellor_channel_sms)),
        (Channel::SocialMedia, tr(|t| t.counsellor_channel_social)),
        (Channel::Poster, tr(|t| t.counsellor_channel_poster)),
        (Channel::Fair, tr(|t| t.counsellor_channel_fair)),
        (Channel::Other, tr(|t| t.counsellor_channel_other)),
    ]
    .into_iter()
    .map(|(c, label)| ChoiceOption {
        value: c.code().to_owned(),
        label: Signal::derive(move || label.get().to_owned()),
    })
    .collect::<Vec<_>>();
    let mut pathways = vec![ChoiceOption::text("", |t| t.counsellor_pathway_none)];
    pathways.extend(ChoiceOption::pathways(None));
    let formats = vec![ChoiceOption::text(FORMATS[0], |_| "A4"), ChoiceOption::text(FORMATS[1], |_| "A5")];

    let copy = move |_| {
        if let Some(url) = link.get_untracked() {
            spawn_local(async move { copy_status.set(Some(platform::copy_text(&url).await)) });
        }
    };
    let can_share = sharing::can_share();
    let share_link = move |_| {
        if let Some(url) = link.get_untracked() {
            sharing::share(t.get_untracked().app_name, &url);
        }
    };
    let download_png = move |_| {
        if let Some(qr) = qr.get_untracked() {
            sharing::download_qr_png(&qr, "labo-qr-code.png");
        }
    };
    let svg_href = move || format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(&svg()));
    let (name_value, campaign_value) = (Signal::derive(move || name.get()), Signal::derive(move || campaign.get()));
    let ml = config.mission_locale.clone();
    let contact = move || fill!(t.get(), counsellor_poster_contact, name = &ml.name, phone = &ml.phone.display());
    let (territory, short_name) = (config.territory.description.clone(), config.mission_locale.short_name.clone());
    let poster_text = Signal::derive(move || {
        let t = t.get();
        fill_mission_locale(t, t.counsellor_poster_text, &short_name)
    });

    view! {
        <div class="no-print">
            <PageHeading text=tr(|t| t.counsellor_title) title=tr(|t| t.counsellor_page_title) />
            <p>{tr(|t| t.counsellor_intro)}</p>
            <form novalidate on:submit=|ev| ev.prevent_default()>
                <TextField id="counsellor-name" label=tr(|t| t.counsellor_name) hint=tr(|t| t.counsellor_name_hint)
                    value=name_value on_input=Callback::new(move |v| name.set(v)) error=name_error autocomplete="name" maxlength=share::VALUE_MAX />
                <TextField id="campaign" label=tr(|t| t.counsellor_campaign) optional=true hint=tr(|t| t.counsellor_campaign_hint)
                    value=campaign_value on_input=Callback::new(move |v| campaign.set(v)) maxlength=80 />
                <ChoiceGroup
                    name="channel"
                    legend=tr(|t| t.counsellor_channel_legend)
                    options=channels
                    selected=Signal::derive(move || channel.get().map(|c| c.code().to_owned()).into_iter().collect())
                    on_choose=Callback::new(move |code: String| channel.set(Channel::from_code(&code)))
                />
                <ChoiceGroup
                    name="pathway"
                    legend=tr(|t| t.counsellor_pathway_legend)
                    options=pathways
                    selected=Signal::derive(move || vec![pathway.get()])
                    on_choose=Callback::new(move |p: String| pathway.set(p))
                />
                <fieldset class="field">
                    <legend>{tr(|t| t.counsellor_options_legend)}</legend>
                    <div class="choices">
                        <div class="choice">
                            <input type="checkbox" id="direct" prop:checked=direct on:change=move |ev| direct.set(event_target_checked(&ev)) />
                            <label for="direct">{tr(|t| t.counsellor_direct)}</label>
                        </div>
                        <div class="choice">
                            <input type="checkbox" id="outside" aria-describedby="outside-hint" prop:checked=outside
                                on:change=move |ev| outside.set(event_target_checked(&ev)) />
                            <label for="outside">{tr(|t| t.counsellor_outside)}</label>
                        </div>
                    </div>
                    <p class="hint" id="outside-hint">{tr(|t| t.counsellor_outside_hint)}</p>
                </fieldset>
            </form>

            <h2>{tr(|t| t.counsellor_result_title)}</h2>
            <Show when=move || link.get().is_some() fallback=move || view! { <p>{tr(|t| t.counsellor_incomplete)}</p> }>
                <div class="field">
                    <label for="share-link">{tr(|t| t.counsellor_link_label)}</label>
                    <textarea id="share-link" class="share-link" readonly rows="3" prop:value=move || link.get().unwrap_or_default()></textarea>
                </div>
                <p class="actions">
                    <button type="button" class="button button-primary" on:click=copy>{tr(|t| t.counsellor_copy)}</button>
                    {can_share.then(|| view! { <button type="button" class="button" on:click=share_link>{tr(|t| t.counsellor_share)}</button> })}
                </p>
                <p role="status">
                    {move || copy_status.get().map(|ok| if ok { t.get().counsellor_copied } else { t.get().counsellor_copy_failed })}
                </p>
                <p class="actions">
                    <a class="button" href=svg_href download="labo-qr-code.svg">{tr(|t| t.counsellor_download_svg)}</a>
                    <button type="button" class="button" on:click=download_png>{tr(|t| t.counsellor_download_png)}</button>
                </p>
                <h2>{tr(|t| t.counsellor_poster_title)}</h2>
                <ChoiceGroup
                    name="format"
                    legend=tr(|t| t.counsellor_poster_format)
                    options=formats.clone()
                    selected=Signal::derive(move || vec![format.get()])
                    on_choose=Callback::new(move |f: String| format.set(f))
                />
                <p class="actions">
                    <button type="button" class="button button-primary" on:click=|_| sharing::print()>{tr(|t| t.counsellor_print)}</button>
                </p>
            </Show>
        </div>
        <Show when=move || link.get().is_some()>
            <section class=move || format!("poster poster-{}", format.get()) aria-label=move || t.get().counsellor_poster_title>
                <p class="poster-brand">{tr(|t| t.app_name)}</p>
                <h2 class="poster-heading">{tr(|t| t.counsellor_poster_heading)}</h2>
                <p class="poster-text"><TextWithFrench text=poster_text placeholder="territory" french=territory.clone() /></p>
                <p class="poster-text">{tr(|t| t.counsellor_poster_time)}</p>
                <div class="poster-qr" inner_html=svg></div>
                <p class="poster-scan">{tr(|t| t.counsellor_poster_scan)}</p>
                <p class="poster-url">{move || link.get().unwrap_or_default()}</p>
                <p class="poster-contact">{contact.clone()}</p>
            </section>
        </Show>
    }
}
