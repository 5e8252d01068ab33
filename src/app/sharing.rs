//! Sharing a link from the counsellors' page: the phone's share sheet, printing the poster, and
//! the QR code as a PNG. Only the counsellors' app (`dist/conseillers/`) uses this module, so
//! its code never reaches the young people's download.

use leptos::prelude::*;

/// Whether the browser can open the phone's share sheet (Web Share API).
pub fn can_share() -> bool {
    super::interop::can_share()
}

/// Opens the phone's share sheet with a link. Cancelling it is not an error worth showing.
pub fn share(title: &str, url: &str) {
    if let Some(Ok(promise)) = super::interop::share(title, url) {
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// Opens the browser's print dialog (the poster has its own print styles).
pub fn print() {
    let _ = window().print();
}

/// Draws a QR code on a canvas and downloads it as a PNG (10 pixels per module, white margin).
pub fn download_qr_png(qr: &crate::domain::share::QrCode, file_name: &str) {
    use crate::domain::share::QR_QUIET_ZONE;
    use leptos::wasm_bindgen::JsCast;
    const SCALE: usize = 10;
    let full = (qr.size + 2 * QR_QUIET_ZONE) * SCALE;
    let Some(canvas) =
        document().create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return;
    };
    canvas.set_width(full as u32);
    canvas.set_height(full as u32);
    let Some(context) =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, full as f64, full as f64);
    context.set_fill_style_str("#000");
    for y in 0..qr.size {
        for x in 0..qr.size {
            if qr.dark(x, y) {
                let (px, py) = (((x + QR_QUIET_ZONE) * SCALE) as f64, ((y + QR_QUIET_ZONE) * SCALE) as f64);
                context.fill_rect(px, py, SCALE as f64, SCALE as f64);
            }
        }
    }
    let Ok(url) = canvas.to_data_url_with_type("image/png") else { return };
    if let Some(link) =
        document().create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
}
