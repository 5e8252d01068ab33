//! Paints the pages a link can open without answers (`/inscription`, `/test/1` … `/test/N`)
//! into a built site, natively, from the app's own components (issue 21): no browser needed.
//!
//!     cargo run --features render --bin labo-render -- dist
//!
//! Each page is `<path>.html` (`inscription.html`, `test/4.html`): a copy of the built
//! index.html whose static page is the app's markup of that page, marked with its path
//! (`<meta name="labo-page">`, read by index.html's inline script), with its title, and with the
//! start page's no-JavaScript and cannot-load messages at the top of its content. The app takes
//! over as on the start page; tools/boot.js carries over what was typed or tapped meanwhile.
//! tools/post-build.mjs runs it for release builds and when run by hand (config.json's values
//! are in the painted markup). A config.json or commune list it cannot read fails the build,
//! with the problems: a build never ships fewer pages without saying so.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: labo-render <built site folder, e.g. dist>");
        return ExitCode::FAILURE;
    };
    match labo::app::render::paint(Path::new(&dir)) {
        Ok(count) => {
            println!("labo-render: {count} pages painted natively (the start page, /inscription, /test/1 …)");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("labo-render: {message}");
            ExitCode::FAILURE
        }
    }
}
