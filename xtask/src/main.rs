//! Project automation, the idiomatic Rust way (`cargo xtask …`, aliased in `.cargo/config.toml`).
//!
//! - `cargo xtask dev`   installs what is missing, builds the app, starts the endpoint stand-in
//!   and serves the app at a printed local URL with a config pointing at the stand-in.
//! - `cargo xtask test`  installs what is missing and runs every check and test layer; exits
//!   non-zero on the first failure. `.ci/run` calls exactly this.
//! - `cargo xtask setup` only installs the tools.
//! - `cargo xtask sizes` builds the release app and prints the sizes of dist/.
//! - `cargo xtask bench` measures sizes, Lighthouse scores (app and a static baseline) and the
//!   next-question re-render time, and writes BENCHMARKS.md.
//! - `cargo xtask e2e [--no-build] [filter]` builds the release app (unless `--no-build`: the
//!   dist/ already there, e.g. an older build to show that a new test fails on it) and runs only
//!   the end-to-end tests.
//! - `cargo xtask engines` walks one complete sign-up in WebKit and in Firefox ESR through
//!   WebDriver against the dist/ already built (`cargo xtask test` runs it after Playwright); see
//!   the `engines` module.
//! - `cargo xtask check-endpoint [config.json]` sends one `OPTIONS` (the browser's CORS
//!   preflight, no body: nothing stored) to `endpoint.url` of `dist/config.json` (or
//!   `public/config.json`, or the file given) and reports a redirect with its `Location` (never
//!   followed: the app does not follow redirects), a TLS, DNS or connection error, or the status;
//!   see the `check_endpoint` module and docs/configuration.md.
//! - `cargo xtask communes [--check]` extracts the territory's communes from the Etalab package.
//! - `cargo xtask typography [--check]` sets French typography in the catalogue and the static
//!   pages, and writes the static legal pages from the catalogue (`--check`: only checks).

mod bench;
mod check_endpoint;
mod communes;
mod engines;
mod serve;
mod setup;
mod sizes;
mod steps;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <dev [--release] [--port N] | test | bench | setup | sizes | e2e [--no-build] [filter] | engines | check-endpoint [config.json] | communes [--check] | typography [--check]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("dev") => steps::dev(&root, &args[1..]),
        Some("test") => steps::test(&root),
        Some("setup") => setup::all(&root),
        Some("bench") => bench::run(&root),
        Some("e2e") if args.get(1).is_some_and(|a| a == "--no-build") => steps::e2e(&root, &args[2..]),
        Some("e2e") => steps::release_build(&root).and_then(|()| steps::e2e(&root, &args[1..])),
        Some("engines") => engines::run_alone(&root),
        Some("check-endpoint") => check_endpoint::run(&root, &args[1..]),
        Some("communes") => communes::run(&root, args.get(1).is_some_and(|a| a == "--check")),
        Some("typography") => steps::typography(&root, args.get(1).is_some_and(|a| a == "--check")),
        Some("sizes") => setup::all(&root)
            .and_then(|()| steps::release_build(&root))
            .and_then(|()| sizes::report(&root.join("dist")).map(|_| ())),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this crate's folder.
fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_owned()
}

/// Prints a visible step header, so CI logs show each layer.
fn banner(title: &str) {
    println!("\n==> {title}");
}
