//! The `dev` and `test` commands, step by step.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::{banner, serve, setup, sizes};

/// `endpoint.timeout_seconds` in the end-to-end tests' config.
const E2E_TIMEOUT_SECONDS: u32 = 4;

/// A child process killed when dropped, so no server outlives the command that started it.
pub(crate) struct Guard(pub(crate) Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// PATH with the npm tools (binaryen 132's wasm-opt, Playwright) and cargo's bin first.
pub(crate) fn tool_path(root: &Path) -> OsString {
    let mut paths = vec![root.join("node_modules/.bin")];
    if let Some(bin) = setup::cargo_bin() {
        paths.push(bin);
    }
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(paths).expect("valid PATH")
}

fn cargo(root: &Path, args: &[&str]) -> Command {
    let mut command = Command::new("cargo");
    command.args(args).current_dir(root).env("PATH", tool_path(root));
    command
}

/// Builds the site into dist/: the young people's app (index.html), and, through the post-build
/// hook (tools/post-build.mjs), the counsellors' page (conseillers.html → dist/conseillers/).
fn trunk(root: &Path, release: bool) -> Result<(), String> {
    let mut command = Command::new("trunk");
    command.arg("build").current_dir(root).env("PATH", tool_path(root)).env("TRUNK_SKIP_VERSION_CHECK", "true");
    if release {
        command.arg("--release");
    }
    setup::run(&mut command, "trunk build")
}

/// `trunk build --release` into dist/, then precompressed copies (.br, .gz) of its files.
pub fn release_build(root: &Path) -> Result<(), String> {
    banner("build: trunk build --release");
    trunk(root, true)?;
    sizes::precompress(&root.join("dist"))
}

/// Starts the stand-in on a free loopback port; returns its base URL. Its log goes to `log`
/// (or to the terminal when `None`).
pub(crate) fn start_stand_in(
    root: &Path,
    data_dir: &Path,
    log: Option<&Path>,
    extra: &[&str],
) -> Result<(String, Guard), String> {
    setup::run(
        &mut cargo(root, &["build", "--quiet", "--locked", "-p", "labo-stand-in"]),
        "cargo build -p labo-stand-in",
    )?;
    let binary = root.join("target/debug/labo-stand-in");
    let mut child = Command::new(binary)
        .args(["--port", "0", "--data-dir"])
        .arg(data_dir)
        .args(extra)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the stand-in: {e}"))?;
    let stdout = child.stdout.take().expect("piped");
    let guard = Guard(child);
    let mut lines = BufReader::new(stdout).lines();
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .ok_or_else(|| format!("the stand-in did not start: {first:?}"))?
        .to_owned();
    let mut sink: Box<dyn Write + Send> = match log {
        Some(path) => Box::new(std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?),
        None => Box::new(std::io::stdout()),
    };
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let _ = writeln!(sink, "stand-in | {line}");
        }
    });
    Ok((url, guard))
}

/// `cargo xtask dev`: build, start the stand-in, serve the app, wait for Ctrl-C.
pub fn dev(root: &Path, args: &[String]) -> Result<(), String> {
    let release = args.iter().any(|a| a == "--release");
    let port = match args.iter().position(|a| a == "--port") {
        Some(i) => args.get(i + 1).and_then(|p| p.parse().ok()).ok_or("--port needs a number")?,
        None => 8080,
    };
    setup::all(root)?;
    banner(if release { "build: trunk build --release" } else { "build: trunk build" });
    trunk(root, release)?;
    let data_dir = root.join(".labo-dev/stand-in");
    let (stand_in, _guard) = start_stand_in(root, &data_dir, None, &[])?;
    let endpoint = format!("{stand_in}/inscriptions");
    let dist = root.join("dist");
    let config = serve::config_for(&dist, &endpoint, None)?;
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let (address, server) = serve::bind(dist, config, port).await?;
        println!("\nLab'O is running:");
        println!("  app        http://{address}/");
        println!("  stand-in   {endpoint}   (sign-ups stored in {})", data_dir.display());
        println!("  inspect    {stand_in}/__stand-in/submissions");
        println!("Rebuild after a change with `trunk build` (or run `trunk watch` alongside). Ctrl-C stops.\n");
        tokio::select! {
            () = server => Ok(()),
            _ = tokio::signal::ctrl_c() => Ok(()),
        }
    })
}

/// `cargo xtask typography [--check]`: French typography in content/i18n/fr.toml and
/// conseillers.html (tests/typography.rs), then the other languages' files from the fixed
/// catalogue (tests/static_page.rs), both written with `LABO_FIX=1`. Then, or with `--check`
/// only, both tests run as in `cargo xtask test`.
pub fn typography(root: &Path, check: bool) -> Result<(), String> {
    let test = |name: &str, filter: Option<&str>, fix: bool| {
        banner(&format!("{}: cargo test --test {name} {}", if fix { "fix" } else { "check" }, filter.unwrap_or("")));
        let mut command = cargo(root, &["test", "-p", "labo", "--locked", "--test", name]);
        command.args(filter);
        if fix {
            command.env("LABO_FIX", "1");
        }
        setup::run(&mut command, &format!("cargo test --test {name}"))
    };
    if !check {
        test("typography", None, true)?;
        test("static_page", Some("the_other_languages_are_files_the_app_fetches_when_chosen"), true)?;
    }
    test("typography", None, false)?;
    test("static_page", None, false)
}

/// `cargo xtask test`: every check and test layer, stopping at the first failure.
pub fn test(root: &Path) -> Result<(), String> {
    setup::all(root)?;

    banner("check: public/communes.json is what @etalab/decoupage-administratif gives");
    crate::communes::run(root, true)?;

    banner("check: cargo fmt --check");
    setup::run(&mut cargo(root, &["fmt", "--all", "--", "--check"]), "cargo fmt --check")?;

    banner("check: cargo clippy (native) -D warnings");
    setup::run(
        &mut cargo(root, &["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"]),
        "cargo clippy (native)",
    )?;
    // The app's components compiled natively, as the render step builds them (issue 21).
    setup::run(
        &mut cargo(root, &["clippy", "--features", "render", "--all-targets", "--locked", "--", "-D", "warnings"]),
        "cargo clippy (native, render)",
    )?;

    banner("check: cargo clippy (wasm32) -D warnings");
    setup::run(
        &mut cargo(
            root,
            &[
                "clippy",
                "-p",
                "labo",
                "--target",
                "wasm32-unknown-unknown",
                "--all-targets",
                "--locked",
                "--",
                "-D",
                "warnings",
            ],
        ),
        "cargo clippy (wasm32)",
    )?;

    banner("layer 1/4: native tests (cargo test --workspace)");
    setup::run(&mut cargo(root, &["test", "--workspace", "--locked"]), "cargo test")?;
    banner("layer 1/4: the app's pages rendered natively (cargo test --features render)");
    setup::run(
        &mut cargo(root, &["test", "--features", "render", "--locked", "--test", "render"]),
        "cargo test (render)",
    )?;

    banner("report: retries after an outage, with and without jitter (examples/retry_storm.rs)");
    setup::run(
        &mut cargo(root, &["run", "--quiet", "--locked", "--example", "retry_storm"]),
        "retry storm simulation",
    )?;

    banner("layer 2/4: component tests (wasm-bindgen-test in headless Chromium)");
    setup::run(
        cargo(root, &["test", "-p", "labo", "--target", "wasm32-unknown-unknown", "--locked", "--test", "components"])
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "60"),
        "wasm-bindgen-test",
    )?;

    release_build(root)?;
    banner("sizes: release dist/ (budget in size-budget.toml)");
    let measured = sizes::report(&root.join("dist"))?;
    sizes::check_budget(root, &measured)?;

    banner("layer 3/4: end-to-end tests (Playwright, phone viewport, release build, stand-in)");
    e2e(root, &[])?;

    banner("layer 4/4: one whole sign-up in WebKit and Firefox ESR (WebDriver, release build, stand-in)");
    crate::engines::run(root)
}

/// Runs the Playwright tests against dist/ and a fresh stand-in; `filter` is passed to Playwright
/// (a file or test name pattern).
pub fn e2e(root: &Path, filter: &[String]) -> Result<(), String> {
    let work = root.join("target/e2e");
    let data_dir = work.join("stand-in");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let log = work.join("stand-in.log");
    // Tests fill the forms in a second, faster than any person: only the trap field counts.
    let (stand_in, _guard) = start_stand_in(root, &data_dir, Some(&log), &["--min-fill-seconds", "0"])?;
    let endpoint = format!("{stand_in}/inscriptions");
    let dist = root.join("dist");
    // A short attempt timeout, so the "slower than the timeout" scenario does not wait 20 s.
    let config = serve::config_for(&dist, &endpoint, Some(E2E_TIMEOUT_SECONDS))?;
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    let status = runtime.block_on(async {
        let (address, server) = serve::bind(dist, config, 0).await?;
        tokio::spawn(server);
        println!("app http://{address}/ · stand-in {stand_in} (log: {})", log.display());
        tokio::process::Command::new(root.join("node_modules/.bin/playwright"))
            .args(["test", "--config", "tests/e2e/playwright.config.ts"])
            .args(filter)
            .current_dir(root)
            .env("PATH", tool_path(root))
            .env("BASE_URL", format!("http://{address}"))
            .env("STAND_IN_URL", &stand_in)
            .env("ATTEMPT_TIMEOUT_SECONDS", E2E_TIMEOUT_SECONDS.to_string())
            .status()
            .await
            .map_err(|e| format!("cannot start Playwright: {e}"))
    })?;
    if status.success() {
        Ok(())
    } else {
        let tail = std::fs::read_to_string(&log).unwrap_or_default();
        let lines: Vec<_> = tail.lines().rev().take(30).collect();
        eprintln!("last stand-in log lines:\n{}", lines.into_iter().rev().collect::<Vec<_>>().join("\n"));
        Err(format!("end-to-end tests failed ({status})"))
    }
}
