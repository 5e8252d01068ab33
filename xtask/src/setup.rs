//! Installs the tools the project needs on a fresh machine, skipping what is already there.
//!
//! Only the package registries are reachable (crates.io, npm, Debian): every tool comes from
//! one of them, at a pinned version. Nothing downloads a browser.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{banner, engines};

pub const TRUNK_VERSION: &str = "0.21.14";
/// The WebDriver server for Firefox, from crates.io (its GitHub binaries cannot be fetched here).
pub const GECKODRIVER_VERSION: &str = "0.37.1";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Installs everything; each step is skipped when its tool is present at the right version.
pub fn all(root: &Path) -> Result<(), String> {
    banner("setup: tools (skipped when already installed)");
    wasm_target()?;
    trunk()?;
    wasm_bindgen(root)?;
    chromium()?;
    engines()?;
    npm_packages(root)?;
    run(Command::new("cargo").args(["fetch", "--locked"]).current_dir(root), "cargo fetch --locked")?;
    Ok(())
}

/// Runs a command, inheriting the terminal; an error names the command.
pub fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let status = command.status().map_err(|e| format!("{what}: cannot start: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{what} failed ({status})")) }
}

/// The command's stdout, if it ran and succeeded.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn wasm_target() -> Result<(), String> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        println!("ok   rust target {WASM_TARGET}");
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]), "rustup target add")
}

fn trunk() -> Result<(), String> {
    let version = output(Command::new("trunk").arg("--version")).unwrap_or_default();
    if version == format!("trunk {TRUNK_VERSION}") {
        println!("ok   {version}");
        return Ok(());
    }
    println!("install trunk {TRUNK_VERSION} (about 9 minutes on 2 cores; found: {version:?})");
    run(Command::new("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]), "cargo install trunk")
}

/// The wasm-bindgen version Cargo.lock resolved: the CLI must be exactly this one.
pub fn locked_wasm_bindgen(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) =
                lines.next().and_then(|l| l.strip_prefix("version = \"")).and_then(|l| l.strip_suffix('"'))
        {
            return Ok(version.to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn wasm_bindgen(root: &Path) -> Result<(), String> {
    let version = locked_wasm_bindgen(root)?;
    let trunk_toml = std::fs::read_to_string(root.join("Trunk.toml")).map_err(|e| format!("Trunk.toml: {e}"))?;
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")) {
        return Err(format!("Trunk.toml must pin [tools] wasm_bindgen = \"{version}\", the version in Cargo.lock"));
    }
    let found = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    let test_runner = output(Command::new("wasm-bindgen-test-runner").arg("--version")).unwrap_or_default();
    if found == format!("wasm-bindgen {version}") && test_runner.contains(&version) {
        println!("ok   {found}");
        return Ok(());
    }
    println!("install wasm-bindgen-cli {version} (found: {found:?})");
    // `--locked` fails for some versions (a locked dependency left the index): retry without.
    run(
        Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &version, "--locked", "--force"]),
        "cargo install wasm-bindgen-cli --locked",
    )
    .or_else(|_| {
        run(
            Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &version, "--force"]),
            "cargo install wasm-bindgen-cli",
        )
    })
}

/// Cargo's bin folder (`$CARGO_HOME/bin`, else `~/.cargo/bin`), where `cargo install` puts tools.
pub fn cargo_bin() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin"))
}

/// `apt-get update`, then installs Debian `packages` (as root, or with sudo).
fn apt_install(packages: &[&str]) -> Result<(), String> {
    let sudo = output(Command::new("id").arg("-u")).is_some_and(|uid| uid != "0");
    let apt = |args: &[&str]| {
        let mut command = if sudo { Command::new("sudo") } else { Command::new("apt-get") };
        if sudo {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    run(&mut apt(&["update"]), "apt-get update")?;
    run(
        apt(&["install", "-y", "--no-install-recommends"]).args(packages),
        &format!("apt-get install {}", packages.join(" ")),
    )
}

fn chromium() -> Result<(), String> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        println!(
            "ok   {}",
            output(Command::new("/usr/bin/chromium").arg("--version")).unwrap_or_else(|| "chromium".into())
        );
        return Ok(());
    }
    println!("install Debian chromium and chromium-driver");
    apt_install(&["chromium", "chromium-driver"])
}

/// What `cargo xtask engines` needs besides Chromium: WebKitGTK (its WebDriver server and
/// MiniBrowser) with a virtual display, Firefox ESR with geckodriver, and the French locale's
/// source (WebKitGTK takes the page's language from the C library's locale); and nginx, the
/// real host the deploy test serves dist/ with.
pub fn engines() -> Result<(), String> {
    let wanted = [
        ("webkit2gtk-driver", engines::WEBKIT_DRIVER),
        ("libwebkit2gtk-4.1-0", engines::MINIBROWSER),
        ("xvfb", engines::XVFB),
        ("firefox-esr", engines::FIREFOX),
        ("locales", engines::FRENCH_LOCALE_SOURCE),
        // deploy/nginx.conf served on loopback by tests/e2e/deploy.spec.ts (a real host).
        ("nginx-light", "/usr/sbin/nginx"),
    ];
    let missing: Vec<&str> =
        wanted.iter().filter(|(_, file)| !Path::new(file).exists()).map(|(package, _)| *package).collect();
    if missing.is_empty() {
        let version = |package: &str| {
            output(Command::new("dpkg-query").args(["-W", "-f=${Version}", package])).unwrap_or_default()
        };
        println!(
            "ok   WebKitGTK {} (WebKitWebDriver, MiniBrowser), Firefox ESR {}, Xvfb",
            version("webkit2gtk-driver"),
            version("firefox-esr")
        );
    } else {
        println!("install Debian {} (the WebKit and Firefox walk)", missing.join(", "));
        apt_install(&missing)?;
    }
    geckodriver()
}

/// geckodriver's path (installed by `cargo install` into cargo's bin folder).
pub fn geckodriver_path() -> PathBuf {
    cargo_bin().map_or_else(|| PathBuf::from("geckodriver"), |bin| bin.join("geckodriver"))
}

fn geckodriver() -> Result<(), String> {
    let found = output(Command::new(geckodriver_path()).arg("--version")).unwrap_or_default();
    let found = found.lines().next().unwrap_or_default();
    // "geckodriver 0.37.1", followed by the commit when built from a git checkout.
    if found.split_whitespace().take(2).eq(["geckodriver", GECKODRIVER_VERSION]) {
        println!("ok   {found}");
        return Ok(());
    }
    println!("install geckodriver {GECKODRIVER_VERSION} (about 3 minutes on 2 cores; found: {found:?})");
    // As for wasm-bindgen-cli: if a locked dependency left the index, retry without `--locked`.
    run(
        Command::new("cargo").args(["install", "geckodriver", "--version", GECKODRIVER_VERSION, "--locked", "--force"]),
        "cargo install geckodriver --locked",
    )
    .or_else(|_| {
        run(
            Command::new("cargo").args(["install", "geckodriver", "--version", GECKODRIVER_VERSION, "--force"]),
            "cargo install geckodriver",
        )
    })
}

/// twiggy, for the benchmark's list of the wasm's largest items (`cargo xtask bench` only).
pub fn twiggy() -> Result<(), String> {
    let path = twiggy_path();
    if let Some(found) = output(Command::new(&path).arg("--version")) {
        println!("ok   {found}");
        return Ok(());
    }
    println!("install twiggy {TWIGGY_VERSION} (about 3 minutes on 2 cores)");
    run(
        Command::new("cargo").args(["install", "twiggy", "--version", TWIGGY_VERSION, "--locked"]),
        "cargo install twiggy --locked",
    )
    .or_else(|_| {
        run(Command::new("cargo").args(["install", "twiggy", "--version", TWIGGY_VERSION]), "cargo install twiggy")
    })
}

const TWIGGY_VERSION: &str = "0.8.0";

/// twiggy's path (installed by `cargo install` into cargo's bin folder).
pub fn twiggy_path() -> PathBuf {
    cargo_bin().map_or_else(|| PathBuf::from("twiggy"), |bin| bin.join("twiggy"))
}

fn npm_packages(root: &Path) -> Result<(), String> {
    let bin = root.join("node_modules/.bin");
    let wasm_opt = output(Command::new(bin.join("wasm-opt")).arg("--version")).unwrap_or_default();
    let playwright = output(Command::new(bin.join("playwright")).arg("--version")).unwrap_or_default();
    let installed = |package: &str| root.join("node_modules").join(package).join("package.json").exists();
    if wasm_opt.contains("version 132")
        && playwright.contains("1.65")
        && installed("@axe-core/playwright")
        && installed(crate::communes::PACKAGE)
        && installed("lighthouse")
    {
        println!("ok   {wasm_opt}, playwright {playwright}");
        return Ok(());
    }
    println!("install npm packages from package-lock.json (binaryen 132, Playwright, Lighthouse; no browser download)");
    run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
            .current_dir(root),
        "npm ci",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_pins_the_locked_wasm_bindgen() {
        let root = crate::project_root();
        let version = locked_wasm_bindgen(&root).unwrap();
        let trunk_toml = std::fs::read_to_string(root.join("Trunk.toml")).unwrap();
        assert!(
            trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")),
            "Trunk.toml must pin wasm-bindgen {version}"
        );
    }
}
