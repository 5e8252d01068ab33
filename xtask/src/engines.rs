//! One complete sign-up in **WebKit** and in **Firefox ESR**, through WebDriver.
//!
//! A third of the phones in France are iPhones, whose every browser is WebKit, and the other
//! layers run in Chromium only. This layer walks the whole journey — start → test (every
//! question) → result → eligibility → details → check → confirmation — the way a person does it
//! (visible labels, roles, button names, taps on the answers' lines), in:
//!
//! - **WebKit**: WebKitGTK's MiniBrowser driven by Debian's `WebKitWebDriver`
//!   (webkit2gtk-driver), on a virtual display (Xvfb, started here on a free display), in a French
//!   locale compiled into `target/locale` (WebKitGTK takes `navigator.languages` from the C
//!   library's locale, and a bare machine has only `C`);
//! - **Firefox ESR**: Debian's `firefox-esr`, headless, driven by `geckodriver` (`cargo install`),
//!   French in its preferences.
//!
//! against the release build in dist/ served on loopback ([`crate::serve`]) and a fresh endpoint
//! stand-in. It then checks the outcome: the page shows "Inscription envoyée" with the
//! reference, the stand-in received exactly one sign-up, whose `Idempotency-Key` equals the
//! body's `idempotency_key`, with the typed values, and the young person's data has left the
//! device.
//!
//! `cargo xtask test` runs it after the Playwright layer; `cargo xtask engines` runs only this
//! walk against the dist/ already built (installing the browsers first if they are missing).
//! Both engines are always walked; the command fails if either fails. Each engine's driver and
//! browser log goes to `target/engines/<engine>.log`; on a failure, the page's address and text
//! are printed and a screenshot is kept in `target/engines/<engine>-failure.png`.

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::{banner, serve, setup, steps};

pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
pub const XVFB: &str = "/usr/bin/Xvfb";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
/// The French locale's definition (Debian's `locales`), compiled by `localedef` for WebKitGTK.
pub const FRENCH_LOCALE_SOURCE: &str = "/usr/share/i18n/locales/fr_FR";
const FRENCH_LOCALE: &str = "fr_FR.UTF-8";

/// How long a step waits for what it looks for (a page, a field, a state), as a person would
/// wait for a slow phone. A wait that runs out fails the walk.
const WAIT: Duration = Duration::from_secs(20);
/// The whole walk in one engine, session start to checks.
const WALK_LIMIT: Duration = Duration::from_secs(300);
/// The W3C WebDriver key of an element reference in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

#[derive(Clone, Copy, Debug)]
enum Engine {
    WebKit,
    Firefox,
}

impl Engine {
    fn slug(self) -> &'static str {
        match self {
            Engine::WebKit => "webkit",
            Engine::Firefox => "firefox",
        }
    }
}

impl std::fmt::Display for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Engine::WebKit => "WebKit (WebKitGTK MiniBrowser)",
            Engine::Firefox => "Firefox ESR",
        })
    }
}

/// `cargo xtask engines`: the browsers if missing, then the walk against dist/.
pub fn run_alone(root: &Path) -> Result<(), String> {
    setup::engines()?;
    run(root)
}

/// Walks one sign-up in each engine against the release build in dist/.
pub fn run(root: &Path) -> Result<(), String> {
    let dist = root.join("dist");
    if !dist.join("index.html").exists() {
        return Err("dist/ has no build: run `cargo xtask sizes` (or `cargo xtask test`) first".into());
    }
    let work = root.join("target/engines");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let locales = french_locale(&root.join("target/locale"))?;
    let log = work.join("stand-in.log");
    // A walk driven by a program fills the forms faster than any person: only the trap counts.
    let (stand_in, _stand_in) =
        steps::start_stand_in(root, &work.join("stand-in"), Some(&log), &["--min-fill-seconds", "0"])?;
    let config = serve::config_for(&dist, &format!("{stand_in}/inscriptions"), None)?;
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let (address, server) = serve::bind(dist, config, 0).await?;
        tokio::spawn(server);
        let app = format!("http://{address}");
        println!("app {app}/ · stand-in {stand_in} (log: {})", log.display());
        let layer = Instant::now();
        let mut failed = Vec::new();
        for engine in [Engine::WebKit, Engine::Firefox] {
            banner(&format!("engines: one sign-up in {engine}"));
            let started = Instant::now();
            match one_engine(engine, &app, &stand_in, &work, &locales).await {
                Ok(outcome) => println!(
                    "ok   {engine}: sign-up {outcome}, received once with its Idempotency-Key ({:.1} s)",
                    started.elapsed().as_secs_f64()
                ),
                Err(message) => {
                    eprintln!("FAIL {engine} ({:.1} s): {message}", started.elapsed().as_secs_f64());
                    failed.push(engine);
                }
            }
        }
        println!("\nboth engines walked in {:.1} s", layer.elapsed().as_secs_f64());
        println!("engines: {} passed, {} failed", 2 - failed.len(), failed.len());
        if failed.is_empty() {
            Ok(())
        } else {
            Err(format!("the sign-up walk failed in {failed:?} (logs in {})", work.display()))
        }
    })
}

/// Compiles the French locale into `dir` once (about 2 s), for WebKitGTK through `LOCPATH`:
/// nothing is written to the system.
fn french_locale(dir: &Path) -> Result<PathBuf, String> {
    if dir.join(FRENCH_LOCALE).join("LC_CTYPE").exists() {
        return Ok(dir.to_owned());
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    setup::run(
        Command::new("localedef").args(["-i", "fr_FR", "-f", "UTF-8"]).arg(dir.join(FRENCH_LOCALE)),
        "localedef fr_FR.UTF-8",
    )?;
    Ok(dir.to_owned())
}

/// A process started in its own process group; dropping it ends the group (the driver and the
/// browser it started), asking first, then forcing.
struct Group {
    child: Child,
}

impl Group {
    fn spawn(command: &mut Command, what: &str) -> Result<Group, String> {
        let child = command.process_group(0).spawn().map_err(|e| format!("cannot start {what}: {e}"))?;
        Ok(Group { child })
    }
}

impl Group {
    /// Sends `signal` to the whole group, with the shell's `kill` (always there, unlike procps').
    fn signal(&self, signal: &str) {
        let _ = Command::new("sh")
            .args(["-c", &format!("kill -{signal} -\"$1\""), "sh", &self.child.id().to_string()])
            .stderr(Stdio::null())
            .status();
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        self.signal("TERM");
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline && matches!(self.child.try_wait(), Ok(None)) {
            std::thread::sleep(Duration::from_millis(50));
        }
        // What outlived the request (a browser whose driver went first), and the leader if
        // it did not stop.
        self.signal("KILL");
        let _ = self.child.wait();
    }
}

/// Starts Xvfb on the first free display; returns it (":N") once the server is ready.
fn start_xvfb(log: &std::fs::File) -> Result<(String, Group), String> {
    let mut group = Group::spawn(
        Command::new(XVFB)
            .args(["-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1280x1024x24"])
            .stdout(Stdio::piped())
            .stderr(log.try_clone().map_err(|e| e.to_string())?),
        "Xvfb",
    )?;
    let stdout = group.child.stdout.take().expect("piped");
    // Xvfb writes the display number once it accepts connections (or exits on failure).
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).map_err(|e| format!("Xvfb: {e}"))?;
    let number = line.trim();
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("Xvfb did not start (it said {line:?}; see the engine's log)"));
    }
    Ok((format!(":{number}"), group))
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// Starts the engine's WebDriver server (and, for WebKit, its display); returns its URL and the
/// processes to end afterwards.
fn start_driver(engine: Engine, work: &Path, locales: &Path) -> Result<(String, Vec<Group>), String> {
    let log_path = work.join(format!("{}.log", engine.slug()));
    let log = std::fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let clone = || log.try_clone().map_err(|e| e.to_string());
    let port = free_port()?;
    let mut groups = Vec::new();
    let mut command = match engine {
        Engine::WebKit => {
            let (display, xvfb) = start_xvfb(&log)?;
            groups.push(xvfb);
            let mut command = Command::new(WEBKIT_DRIVER);
            command
                .arg(format!("--port={port}"))
                .arg("--host=127.0.0.1")
                .env("DISPLAY", display)
                // MiniBrowser inherits these: a French phone, without a system-wide locale.
                .env("LOCPATH", locales)
                .env("LC_ALL", FRENCH_LOCALE)
                .env("LANG", FRENCH_LOCALE)
                // No accessibility bus on this machine: without this GTK waits for it and warns.
                .env("NO_AT_BRIDGE", "1");
            command
        }
        Engine::Firefox => {
            let profiles = work.join("firefox-profiles");
            std::fs::create_dir_all(&profiles).map_err(|e| e.to_string())?;
            let mut command = Command::new(setup::geckodriver_path());
            command.args(["--port", &port.to_string(), "--host", "127.0.0.1", "--profile-root"]).arg(&profiles);
            command
        }
    };
    command.stdin(Stdio::null()).stdout(clone()?).stderr(clone()?);
    groups.push(Group::spawn(&mut command, &format!("the {engine} WebDriver server"))?);
    Ok((format!("http://127.0.0.1:{port}"), groups))
}

/// The session's capabilities: which browser, and a French phone-sized window.
fn capabilities(engine: Engine) -> serde_json::Map<String, Value> {
    let capabilities = match engine {
        Engine::WebKit => json!({
            "browserName": "MiniBrowser",
            "webkitgtk:browserOptions": {
                "binary": MINIBROWSER,
                "args": ["--automation"],
            },
        }),
        Engine::Firefox => json!({
            "browserName": "firefox",
            "moz:firefoxOptions": {
                "binary": FIREFOX,
                "args": ["-headless"],
                "prefs": {
                    "intl.accept_languages": "fr-FR, fr",
                    // The page's console in the engine's log, for a failure's diagnosis.
                    "devtools.console.stdout.content": true,
                },
            },
        }),
    };
    match capabilities {
        Value::Object(map) => map,
        _ => unreachable!("an object"),
    }
}

/// Walks one sign-up in `engine`; returns the reference shown on the confirmation page and the
/// window's width.
async fn one_engine(engine: Engine, app: &str, stand_in: &str, work: &Path, locales: &Path) -> Result<String, String> {
    let (status, _) = http("DELETE", &format!("{stand_in}/__stand-in/submissions")).await?;
    if status != 204 {
        return Err(format!("the stand-in did not reset (HTTP {status})"));
    }
    let (driver, _processes) = start_driver(engine, work, locales)?;
    let log = work.join(format!("{}.log", engine.slug()));
    let result = async {
        wait_for_driver(&driver).await?;
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities(engine))
            .connect(&driver)
            .await
            .map_err(|e| format!("no {engine} session: {e}"))?;
        // A phone's window, or the narrowest the browser allows (about 450 px for MiniBrowser,
        // 500 px for headless Firefox): the layout the walk sees is the phone layout either way.
        client.set_window_size(412, 915).await.map_err(|e| format!("resizing the window: {e}"))?;
        let outcome = match tokio::time::timeout(WALK_LIMIT, walk(&client, app)).await {
            Ok(Ok(walked)) => check_stand_in(&client, stand_in, &walked)
                .await
                .map(|()| format!("{}, in a {} px wide window", walked.reference, walked.width)),
            Ok(Err(e)) => Err(e),
            Err(_) => Err(format!("the walk took more than {} s", WALK_LIMIT.as_secs())),
        };
        if let Err(message) = &outcome {
            let shown = describe_page(&client, &work.join(format!("{}-failure.png", engine.slug()))).await;
            let _ = client.close().await;
            return Err(format!("{message}\n{shown}"));
        }
        client.close().await.map_err(|e| format!("closing the {engine} session: {e}"))?;
        outcome
    }
    .await;
    if result.is_err() {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(40).collect();
        eprintln!("last lines of {}:\n{}", log.display(), tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
    }
    result
}

/// Waits until the WebDriver server answers `GET /status`.
async fn wait_for_driver(driver: &str) -> Result<(), String> {
    let deadline = Instant::now() + WAIT;
    loop {
        match http("GET", &format!("{driver}/status")).await {
            Ok((200, _)) => return Ok(()),
            result if Instant::now() > deadline => {
                return Err(format!("the WebDriver server at {driver} did not start: {result:?}"));
            }
            _ => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// What the page showed when the walk failed (address, visible text), and a screenshot.
async fn describe_page(client: &Client, screenshot: &Path) -> String {
    let url = client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
    let text = client
        .execute("return document.body ? document.body.innerText : ''", vec![])
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let text: String = text.chars().take(2000).collect();
    let saved = match client.screenshot().await {
        Ok(png) => match std::fs::write(screenshot, png) {
            Ok(()) => format!("screenshot: {}", screenshot.display()),
            Err(e) => format!("no screenshot: {e}"),
        },
        Err(e) => format!("no screenshot: {e}"),
    };
    format!("the page at {url} showed:\n---\n{text}\n---\n{saved}")
}

/// A plain HTTP/1.0 request on loopback (the stand-in, the driver's status); returns the status
/// and the body.
async fn http(method: &str, url: &str) -> Result<(u16, String), String> {
    let rest = url.strip_prefix("http://").ok_or_else(|| format!("not an http:// URL: {url}"))?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = if path.is_empty() { "/" } else { path };
    let mut stream = tokio::net::TcpStream::connect(host).await.map_err(|e| format!("{method} {url}: {e}"))?;
    let request = format!("{method} {path} HTTP/1.0\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.map_err(|e| format!("{method} {url}: {e}"))?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.map_err(|e| format!("{method} {url}: {e}"))?;
    let response = String::from_utf8_lossy(&response);
    let (head, body) = response.split_once("\r\n\r\n").ok_or_else(|| format!("{method} {url}: no HTTP answer"))?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("{method} {url}: bad status line {head:?}"))?;
    Ok((status, body.to_owned()))
}

// ---------------------------------------------------------------------------------------------
// Finding things on the page as a person does: by role and visible name.

/// How an accessible name is matched.
#[derive(Clone, Copy, Debug)]
enum Name<'a> {
    /// The whole name, spaces normalised.
    Is(&'a str),
    /// The name's beginning (a label followed by "(facultatif)", a long consent sentence).
    StartsWith(&'a str),
    /// A JavaScript regular expression.
    Matches(&'a str),
}

impl std::fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Name::Is(name) => write!(f, "{name:?}"),
            Name::StartsWith(name) => write!(f, "{name:?}…"),
            Name::Matches(pattern) => write!(f, "/{pattern}/"),
        }
    }
}

/// The visible elements of a role whose accessible name matches, computed as assistive
/// technology does for this app's markup: `aria-label`, `aria-labelledby`, the `<label>`s of a
/// form control, else the text. `text` finds the innermost elements with that text.
const FIND: &str = r#"
const [role, mode, name] = arguments;
const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
const shown = (el) => {
  if (el.closest('[hidden], [aria-hidden="true"], [inert]')) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none' && el.getClientRects().length > 0;
};
const nameOf = (el) => {
  const label = el.getAttribute('aria-label');
  if (label) return norm(label);
  const by = el.getAttribute('aria-labelledby');
  if (by) return norm(by.split(/\s+/).map((id) => (document.getElementById(id) || {}).textContent || '').join(' '));
  if (el.labels && el.labels.length > 0) return norm([...el.labels].map((l) => l.textContent).join(' '));
  if (el.tagName === 'INPUT') return norm(el.value);
  return norm(el.textContent);
};
const selectors = {
  button: 'button, input[type=submit], input[type=button], [role=button]',
  link: 'a[href], [role=link]',
  radio: 'input[type=radio]',
  checkbox: 'input[type=checkbox]',
  textbox: 'input:not([type]), input[type=text], input[type=tel], input[type=email], input[type=search], textarea',
  heading: 'h1',
  text: 'body *',
};
const matches = (value) =>
  mode === 'is' ? value === name : mode === 'starts' ? value.startsWith(name) : new RegExp(name).test(value);
let found = [...document.querySelectorAll(selectors[role])]
  .filter((el) => shown(el) && matches(role === 'text' ? norm(el.textContent) : nameOf(el)));
if (role === 'text') found = found.filter((el) => !found.some((other) => other !== el && el.contains(other)));
return found;
"#;

/// The roles the walk uses (a `heading` is a level-1 heading: the page's title).
#[derive(Clone, Copy, Debug)]
enum Role {
    Button,
    Link,
    Radio,
    Checkbox,
    Textbox,
    Heading,
    Text,
}

impl Role {
    fn key(self) -> &'static str {
        match self {
            Role::Button => "button",
            Role::Link => "link",
            Role::Radio => "radio",
            Role::Checkbox => "checkbox",
            Role::Textbox => "textbox",
            Role::Heading => "heading",
            Role::Text => "text",
        }
    }
}

fn element(client: &Client, value: &Value) -> Result<Element, String> {
    let id = value.get(ELEMENT_KEY).and_then(Value::as_str).ok_or_else(|| format!("not an element: {value}"))?;
    Ok(Element::from_element_id(client.clone(), id.to_owned().into()))
}

/// Every visible element of `role` named `name`, now.
async fn find_all(client: &Client, role: Role, name: Name<'_>) -> Result<Vec<Element>, String> {
    let (mode, text) = match name {
        Name::Is(t) => ("is", t),
        Name::StartsWith(t) => ("starts", t),
        Name::Matches(t) => ("matches", t),
    };
    let found = client
        .execute(FIND, vec![json!(role.key()), json!(mode), json!(text)])
        .await
        .map_err(|e| format!("looking for {} {name}: {e}", role.key()))?;
    found.as_array().ok_or("the finder returned no list")?.iter().map(|v| element(client, v)).collect()
}

/// The one visible element of `role` named `name`, now: `Ok(None)` while there is none,
/// an error when several match (a person could not tell which).
async fn find_now(client: &Client, role: Role, name: Name<'_>) -> Result<Option<Element>, String> {
    let mut found = find_all(client, role, name).await?;
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.pop()),
        n => Err(format!("{n} elements are {} {name}", role.key())),
    }
}

/// Retries `attempt` until it gives a value or `WAIT` runs out (an error says what was awaited
/// and the last reason it was not there).
async fn wait_until<T>(what: &str, mut attempt: impl AsyncFnMut() -> Result<Option<T>, String>) -> Result<T, String> {
    let deadline = Instant::now() + WAIT;
    let mut last = String::from("not there");
    loop {
        match attempt().await {
            Ok(Some(value)) => return Ok(value),
            Ok(None) => {}
            Err(reason) => last = reason,
        }
        if Instant::now() > deadline {
            return Err(format!("waited {} s for {what}: {last}", WAIT.as_secs()));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits for the one visible element of `role` named `name`.
async fn find(client: &Client, role: Role, name: Name<'_>) -> Result<Element, String> {
    wait_until(&format!("{} {name}", role.key()), async || find_now(client, role, name).await).await
}

/// Taps the one visible element of `role` named `name` (once it is there and can be tapped).
async fn tap(client: &Client, role: Role, name: Name<'_>) -> Result<(), String> {
    wait_until(&format!("a tap on {} {name}", role.key()), async || {
        let Some(target) = find_now(client, role, name).await? else { return Ok(None) };
        target.click().await.map_err(|e| format!("tap refused: {e}"))?;
        Ok(Some(()))
    })
    .await
}

async fn is_checked(input: &Element) -> Result<bool, String> {
    input.is_selected().await.map_err(|e| e.to_string())
}

/// Ticks the radio button or checkbox named `name` by tapping its label (the answer's whole
/// line, as on a phone), then waits until it shows as ticked. A tap that did not tick it within
/// 3 s is tapped again, as a person would, and said in the output (seen once in WebKit: a
/// WebDriver click computed before the page finished scrolling to the new question).
async fn choose(client: &Client, role: Role, name: Name<'_>) -> Result<(), String> {
    let what = format!("{} {name}", role.key());
    let mut taps = 0;
    wait_until(&format!("{what} to be ticked"), async || {
        let Some(input) = find_now(client, role, name).await? else { return Ok(None) };
        if is_checked(&input).await? {
            return Ok(Some(()));
        }
        if taps > 0 {
            // Give the last tap 3 s before tapping again.
            for _ in 0..30 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                if is_checked(&input).await.unwrap_or(false) {
                    return Ok(Some(()));
                }
            }
            println!("     (tapped {what} again: the tap before did not tick it)");
        }
        let arg = serde_json::to_value(&input).map_err(|e| e.to_string())?;
        let label = client
            .execute("return arguments[0].labels[0] || arguments[0]", vec![arg])
            .await
            .map_err(|e| e.to_string())?;
        element(client, &label)?.click().await.map_err(|e| format!("tap refused: {e}"))?;
        taps += 1;
        Ok(None)
    })
    .await?;
    expect_checked(client, role, name).await
}

async fn expect_checked(client: &Client, role: Role, name: Name<'_>) -> Result<(), String> {
    wait_until(&format!("{} {name} to be ticked", role.key()), async || {
        let Some(input) = find_now(client, role, name).await? else { return Ok(None) };
        Ok(is_checked(&input).await?.then_some(()))
    })
    .await
}

/// Taps the text field labelled `label` and types `text`, then checks the field holds it.
async fn fill(client: &Client, label: Name<'_>, text: &str) -> Result<(), String> {
    let field = find(client, Role::Textbox, label).await?;
    field.click().await.map_err(|e| format!("tap on the field {label}: {e}"))?;
    field.send_keys(text).await.map_err(|e| format!("typing into {label}: {e}"))?;
    wait_until(&format!("the field {label} to hold {text:?}"), async || {
        let Some(field) = find_now(client, Role::Textbox, label).await? else { return Ok(None) };
        let value = field.prop("value").await.map_err(|e| e.to_string())?.unwrap_or_default();
        if value == text { Ok(Some(())) } else { Err(format!("it holds {value:?}")) }
    })
    .await
}

async fn heading(client: &Client, title: &str) -> Result<(), String> {
    find(client, Role::Heading, Name::Is(title)).await.map(drop)
}

async fn script(client: &Client, source: &str) -> Result<Value, String> {
    client.execute(source, vec![]).await.map_err(|e| format!("{source}: {e}"))
}

// ---------------------------------------------------------------------------------------------
// The walk and its checks.

const FIRST_NAME: &str = "Léa";
const LAST_NAME: &str = "Martin";
const PHONE: &str = "06 12 34 56 78";
const EMAIL: &str = "lea.martin@exemple.fr";
const IDEA: &str = "Un food truck de crêpes bio";
const COMMUNE: &str = "Le Havre (76610)";
/// The pathway chosen on the result page: not the one suggested for these answers.
const CHOSEN_PATHWAY: &str = "S’entraîner en groupe";
/// The answer ticked on each question (the last one if it has fewer).
const PICK: usize = 2;
/// The page is reloaded after this question.
const RELOAD_AFTER: usize = 4;

/// What the walk typed and saw, for the checks against what the stand-in received.
struct Walked {
    reference: String,
    questions: usize,
    birth_year: i64,
    /// The page's width in CSS pixels.
    width: i64,
}

/// start → test (every question) → result → eligibility → details → check → confirmation.
async fn walk(client: &Client, app: &str) -> Result<Walked, String> {
    client.goto(&format!("{app}/")).await.map_err(|e| format!("opening {app}/: {e}"))?;
    tap(client, Role::Link, Name::Is("Faire le test")).await?;

    // The test: one question per page; "Question 1 sur N" says how many.
    let counter = find(client, Role::Text, Name::Matches(r"^Question 1 sur \d+$")).await?;
    let counter = counter.text().await.map_err(|e| e.to_string())?;
    let questions: usize = counter
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("no question count in {counter:?}"))?;
    for n in 1..=questions {
        find(client, Role::Text, Name::Is(&format!("Question {n} sur {questions}"))).await?;
        if !find_all(client, Role::Checkbox, Name::Matches("")).await?.is_empty() {
            // The several-answers question (life constraints).
            choose(client, Role::Checkbox, Name::Is("Rien de tout ça")).await?;
        } else {
            let names = script(
                client,
                "return [...document.querySelectorAll('input[type=radio]')]
                   .map((r) => (r.labels[0] ? r.labels[0].textContent : '').replace(/\\s+/g, ' ').trim())",
            )
            .await?;
            let names: Vec<&str> =
                names.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
            let name =
                names.get(PICK.min(names.len().saturating_sub(1))).ok_or(format!("question {n} has no answer"))?;
            choose(client, Role::Radio, Name::Is(name)).await?;
        }
        let next = if n < questions { "Continuer" } else { "Voir mon résultat" };
        tap(client, Role::Button, Name::Is(next)).await?;
        if n == RELOAD_AFTER {
            // A phone reloads a tab it had put away: the test goes on where it was, answers
            // kept (the service worker's shell, the deep-link start, the draft on the device).
            find(client, Role::Text, Name::Is(&format!("Question {} sur {questions}", n + 1))).await?;
            client.refresh().await.map_err(|e| format!("reloading: {e}"))?;
        }
    }

    heading(client, "Ton résultat").await?;
    find(client, Role::Radio, Name::Matches(r"\(suggéré pour toi\)$")).await?;
    choose(client, Role::Radio, Name::Is(CHOSEN_PATHWAY)).await?;
    tap(client, Role::Button, Name::Is("M’inscrire avec ce parcours")).await?;

    heading(client, "Vérifions que le Lab’O est fait pour toi").await?;
    // Born on 1 January, 19 years ago by the browser's clock, as the app counts.
    let year = script(client, "return new Date().getFullYear()").await?.as_i64().ok_or("no year")?;
    let birth_year = year - 19;
    fill(client, Name::Is("Jour"), "1").await?;
    fill(client, Name::Is("Mois"), "1").await?;
    fill(client, Name::Is("Année"), &birth_year.to_string()).await?;
    choose(client, Role::Radio, Name::Is("Non, j’ai arrêté ou terminé")).await?;
    fill(client, Name::Is("Dans quelle commune habites-tu ?"), "le havre").await?;
    choose(client, Role::Radio, Name::Is(COMMUNE)).await?;
    tap(client, Role::Button, Name::Is("Continuer")).await?;

    heading(client, "Tes coordonnées").await?;
    fill(client, Name::Is("Prénom"), FIRST_NAME).await?;
    fill(client, Name::Is("Nom"), LAST_NAME).await?;
    fill(client, Name::Is("Numéro de téléphone"), PHONE).await?;
    fill(client, Name::StartsWith("Adresse e-mail"), EMAIL).await?;
    choose(client, Role::Radio, Name::Is("Je cherche un emploi")).await?;
    choose(client, Role::Radio, Name::Is("Par SMS")).await?;
    choose(client, Role::Radio, Name::Is("L’après-midi")).await?;
    fill(client, Name::StartsWith("Ton idée ou ton projet"), IDEA).await?;
    // The pathway chosen on the result page came along.
    expect_checked(client, Role::Radio, Name::Is(CHOSEN_PATHWAY)).await?;
    choose(client, Role::Checkbox, Name::StartsWith("J’accepte que mes réponses au test")).await?;
    tap(client, Role::Button, Name::Is("Continuer")).await?;

    heading(client, "Vérifie tes réponses").await?;
    find(client, Role::Text, Name::Is(COMMUNE)).await?;
    find(client, Role::Text, Name::Is(PHONE)).await?;
    tap(client, Role::Button, Name::Is("Envoyer mon inscription")).await?;

    heading(client, "Inscription envoyée").await?;
    // The new page's title gets the focus, so a screen reader starts there (VoiceOver on iPhones).
    wait_until("the focus on the title \"Inscription envoyée\"", async || {
        let focused =
            script(client, "const e = document.activeElement; return e && e.tagName + ' ' + e.textContent.trim()")
                .await?;
        if focused == json!("H1 Inscription envoyée") {
            Ok(Some(()))
        } else {
            Err(format!("the focus is on {focused}"))
        }
    })
    .await?;
    let reference = client
        .find(fantoccini::Locator::Css("[data-testid=reference]"))
        .await
        .map_err(|e| format!("no reference on the confirmation page: {e}"))?
        .text()
        .await
        .map_err(|e| e.to_string())?
        .trim()
        .to_owned();
    if reference.len() != 8 {
        return Err(format!("the confirmation page shows {reference:?} as the reference"));
    }
    // The reference copied to be pasted in a message (the Clipboard API, after a tap).
    tap(client, Role::Button, Name::Is("Copier la référence")).await?;
    find(client, Role::Text, Name::Is("Référence copiée.")).await?;
    let width = script(client, "return innerWidth").await?.as_i64().unwrap_or_default();
    Ok(Walked { reference, questions, birth_year, width })
}

/// Fails with every difference between what `value` holds at `pointer` and `expected`.
fn expect(problems: &mut Vec<String>, value: &Value, pointer: &str, expected: Value) {
    let found = value.pointer(pointer).cloned().unwrap_or(Value::Null);
    if found != expected {
        problems.push(format!("{pointer}: expected {expected}, received {found}"));
    }
}

/// The stand-in received exactly one sign-up, with its Idempotency-Key, the reference shown and
/// the values typed; every attempt carried that key; nothing personal is left on the device.
async fn check_stand_in(client: &Client, stand_in: &str, walked: &Walked) -> Result<(), String> {
    let (status, body) = http("GET", &format!("{stand_in}/__stand-in/submissions")).await?;
    if status != 200 {
        return Err(format!("GET /__stand-in/submissions answered {status}"));
    }
    let stored: Vec<Value> = serde_json::from_str(&body).map_err(|e| format!("the stand-in's list: {e}"))?;
    let [record] = stored.as_slice() else {
        return Err(format!("the stand-in received {} sign-ups, not one: {body}", stored.len()));
    };
    let key = record["idempotency_key"].as_str().unwrap_or_default();
    let mut problems = Vec::new();
    if key.is_empty() || record.pointer("/body/idempotency_key").and_then(Value::as_str) != Some(key) {
        problems.push(format!(
            "Idempotency-Key {key:?} is not the body's idempotency_key {}",
            record.pointer("/body/idempotency_key").unwrap_or(&Value::Null)
        ));
    }
    expect(&mut problems, record, "/body/reference", json!(walked.reference));
    expect(&mut problems, record, "/body/schema_version", json!("signup-v2"));
    expect(&mut problems, record, "/body/locale", json!("fr"));
    expect(&mut problems, record, "/body/applicant/first_name", json!(FIRST_NAME));
    expect(&mut problems, record, "/body/applicant/last_name", json!(LAST_NAME));
    expect(&mut problems, record, "/body/applicant/birth_date", json!(format!("{}-01-01", walked.birth_year)));
    expect(&mut problems, record, "/body/applicant/phone", json!("+33612345678"));
    expect(&mut problems, record, "/body/applicant/email", json!(EMAIL));
    expect(&mut problems, record, "/body/applicant/commune/name", json!("Le Havre"));
    expect(&mut problems, record, "/body/applicant/commune/postcode", json!("76610"));
    expect(&mut problems, record, "/body/applicant/situation", json!("job_seeking"));
    expect(&mut problems, record, "/body/contact/channel", json!("sms"));
    expect(&mut problems, record, "/body/contact/time", json!("afternoon"));
    // The call-back deadline depends on today (working days, holidays): its shape is checked
    // here, its value by the domain's tests and tests/payload_schema.rs.
    let deadline = record.pointer("/body/contact/call_back_before").and_then(Value::as_str).unwrap_or_default();
    let is_date = deadline.len() == 10
        && deadline.char_indices().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    if !is_date {
        problems.push(format!("/body/contact/call_back_before: expected a YYYY-MM-DD date, received {deadline:?}"));
    }
    expect(&mut problems, record, "/body/idea", json!(IDEA));
    expect(&mut problems, record, "/body/eligibility/age", json!(19));
    expect(&mut problems, record, "/body/pathway/chosen", json!("collective"));
    expect(&mut problems, record, "/body/consent/share_self_assessment", json!(true));
    expect(&mut problems, record, "/body/self_assessment/answers/constraints", json!(["none"]));
    let answers = record.pointer("/body/self_assessment/answers").and_then(Value::as_object).map_or(0, |a| a.len());
    if answers != walked.questions {
        problems.push(format!("{answers} answers received for {} questions", walked.questions));
    }
    // The walk changed the pathway on the result page: the suggestion is kept beside the choice.
    match record.pointer("/body/pathway/suggested").and_then(Value::as_str) {
        None => problems.push("no suggested pathway received".into()),
        Some("collective") => problems.push("the suggestion was the pathway chosen: the walk changed nothing".into()),
        Some(_) => {}
    }

    let (_, attempts) = http("GET", &format!("{stand_in}/__stand-in/requests")).await?;
    let attempts: Vec<Value> = serde_json::from_str(&attempts).map_err(|e| format!("the stand-in's attempts: {e}"))?;
    if let Some(other) = attempts.iter().find(|a| a["idempotency_key"].as_str() != Some(key)) {
        problems.push(format!("an attempt carried another key: {other}"));
    }

    let draft = script(client, "return localStorage.getItem('labo.draft')").await?;
    if !draft.is_null() {
        problems.push(format!("the draft is still on the device after delivery: {draft}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("the sign-up received is wrong:\n  {}", problems.join("\n  ")))
    }
}
