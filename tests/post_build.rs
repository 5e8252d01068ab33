//! tools/post-build.mjs: the brand colour and its contrast, the cache rules, the service worker,
//! the start-up scripts (the pages themselves are painted natively: tests/render.rs). Runs Node.js (needed by the build anyway) on a copy of the pages.
#![cfg(not(target_arch = "wasm32"))]
// Native tests, never in the wasm: clippy.toml's size rules do not apply.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn node(args: &[&str], stdin: &str) -> String {
    let output = node_output(args, stdin);
    assert!(output.status.success(), "node {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn node_output(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new("node")
        .args(args)
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("Node.js runs the build's post-build step: install it (see README.md)");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// A dist/ folder with index.html as Trunk leaves it, its stylesheet, and `config` as config.json.
fn dist_with(config: &serde_json::Value) -> PathBuf {
    // One folder per test: they run at the same time.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("labo-post-build-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // index.html as Trunk leaves it: its stylesheet is a hashed file.
    let index = std::fs::read_to_string(root().join("index.html")).unwrap().replace(
        r#"<link data-trunk rel="css" href="style.css">"#,
        r#"<link rel="stylesheet" href="/style-0123456789abcdef.css" integrity="sha384-x"/>"#,
    );
    std::fs::write(dir.join("index.html"), index).unwrap();
    std::fs::copy(root().join("style.css"), dir.join("style-0123456789abcdef.css")).unwrap();
    write_config(&dir, config);
    dir
}

fn write_config(dir: &Path, config: &serde_json::Value) {
    std::fs::write(dir.join("config.json"), serde_json::to_string_pretty(config).unwrap()).unwrap();
}

fn post_build(dir: &Path) {
    node(&["tools/post-build.mjs", dir.to_str().unwrap()], "");
}

fn read(dir: &Path, page: &str) -> String {
    std::fs::read_to_string(dir.join(page)).unwrap()
}

/// The stylesheet index.html links to, and its name.
fn stylesheet(dir: &Path) -> (String, String) {
    let index = read(dir, "index.html");
    let at = index.find(r#"<link rel="stylesheet" href="/"#).unwrap() + r#"<link rel="stylesheet" href="/"#.len();
    let name = index[at..index[at..].find('"').unwrap() + at].to_owned();
    (read(dir, &name), name)
}

#[test]
fn the_brand_colour_is_applied_only_when_everyone_can_read_it() {
    let mut config: serde_json::Value = serde_json::from_str(include_str!("../public/config.json")).unwrap();
    config["brand"] =
        serde_json::json!({ "colour": "#7a1f5c", "logo": { "src": "/images/logo.svg", "width": 120, "height": 40 } });
    let dir = dist_with(&config);
    post_build(&dir);
    let (css, name) = stylesheet(&dir);
    assert_ne!(name, "style-0123456789abcdef.css", "a new name: the old one may be cached as immutable");
    assert!(!dir.join("style-0123456789abcdef.css").exists());
    let brand = &css[css.find("/* brand").expect("the brand's rules")..];
    assert!(brand.contains("--primary:#7a1f5c;--link:#7a1f5c"), "{brand}");
    assert!(brand.find("prefers-color-scheme: dark").is_some(), "the dark theme keeps its colours, after: {brand}");
    // (The pages are painted from this index.html, so they link the same stylesheet; the logo
    // is the app's, painted with them: tests/render.rs.)
    assert!(read(&dir, "index.html").contains(&format!(r#"href="/{name}""#)));
    // Run again (a deployer re-running the tool): the same file, not a second brand block.
    post_build(&dir);
    let (again, again_name) = stylesheet(&dir);
    assert_eq!((again.matches("/* brand").count(), &again_name), (1, &name));

    // A yellow on white cannot be read: the build stops and says why, and changes nothing.
    config["brand"]["colour"] = "#f5c400".into();
    write_config(&dir, &config);
    let output = node_output(&["tools/post-build.mjs", dir.to_str().unwrap()], "");
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("brand.colour #f5c400 n'est pas assez contrastée") && message.contains("4.5:1"),
        "{message}"
    );
    assert_eq!(stylesheet(&dir).1, name, "the last good stylesheet stays");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_contrast_is_computed_as_wcag_says() {
    let script = format!(
        "import {{ contrast }} from '{}'; process.stdout.write(JSON.stringify([contrast('#000000', '#ffffff'), contrast('#0b4f8a', '#ffffff'), contrast('#767676', '#ffffff')]));",
        url(&root().join("tools/brand.mjs"))
    );
    let ratios: Vec<f64> = serde_json::from_str(&node(&["--input-type=module", "-e", &script], "")).unwrap();
    assert!((ratios[0] - 21.0).abs() < 0.01, "{ratios:?}");
    assert!(ratios[1] > 7.0, "our own blue: {ratios:?}");
    assert!((ratios[2] - 4.54).abs() < 0.01, "WCAG's grey at the limit: {ratios:?}");
}

#[test]
fn the_start_up_scripts_are_valid_javascript() {
    // tools/boot.js is code read by people and filled in by the build: it must parse as it is,
    // and so must the build's own steps.
    for script in ["tools/boot.js", "tools/post-build.mjs", "tools/brand.mjs"] {
        node(&["--check", script], "");
    }
    let boot = std::fs::read_to_string(root().join("tools/boot.js")).unwrap();
    for placeholder in ["'%APP_JS%'", "'%APP_WASM%'", "'%APP_WASM_INTEGRITY%'"] {
        assert_eq!(boot.matches(placeholder).count(), 1, "tools/post-build.mjs fills {placeholder} in once");
    }
}

/// The `Cache-Control` values of a `_headers` file (Netlify / Cloudflare Pages: every rule whose
/// pattern matches the path applies, `*` matching anything) that apply to `path`.
fn cache_rules_for<'a>(headers: &'a str, path: &str) -> Vec<&'a str> {
    fn matches(pattern: &str, path: &str) -> bool {
        match pattern.split_once('*') {
            None => pattern == path,
            Some((head, tail)) => {
                path.starts_with(head) && (0..=path.len() - head.len()).any(|i| matches(tail, &path[head.len() + i..]))
            }
        }
    }
    let mut rules = Vec::new();
    let mut current = "";
    for line in headers.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        if !line.starts_with(' ') {
            current = line.trim();
        } else if let Some(value) = line.trim().strip_prefix("Cache-Control:")
            && matches(current, path)
        {
            rules.push(value.trim());
        }
    }
    rules
}

#[test]
fn every_page_and_the_service_worker_are_revalidated_at_each_visit() {
    // A page kept by a cache across a deploy names files the new deploy no longer has (or a
    // painted page older than the app that takes it over): every .html file, at every address a
    // host serves it at, and sw.js get `no-cache`, never the year-long rule of hashed files.
    let config: serde_json::Value = serde_json::from_str(include_str!("../public/config.json")).unwrap();
    let dir = dist_with(&config);
    let index = read(&dir, "index.html");
    let painted = |path: &str| {
        index.replace(r#"<meta name="labo-page" content="/">"#, &format!(r#"<meta name="labo-page" content="{path}">"#))
    };
    std::fs::write(dir.join("inscription.html"), painted("/inscription")).unwrap();
    std::fs::create_dir_all(dir.join("test")).unwrap();
    std::fs::write(dir.join("test/4.html"), painted("/test/4")).unwrap();
    std::fs::write(dir.join("test/17.html"), painted("/test/17")).unwrap();
    for folder in ["confidentialite", "accessibilite", "mentions-legales"] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        std::fs::write(dir.join(folder).join("index.html"), painted(&format!("/{folder}"))).unwrap();
    }
    std::fs::create_dir_all(dir.join("conseillers")).unwrap();
    std::fs::write(dir.join("conseillers/index.html"), &index).unwrap();
    std::fs::write(dir.join("sw.js"), include_str!("../public/sw.js")).unwrap();
    post_build(&dir);
    let headers = read(&dir, "_headers");

    fn html_files(dir: &Path, under: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() {
                html_files(&path, under, out);
            } else if path.extension().is_some_and(|e| e == "html") {
                out.push(format!("/{}", path.strip_prefix(under).unwrap().display()));
            }
        }
    }
    let mut pages = Vec::new();
    html_files(&dir, &dir, &mut pages);
    assert!(pages.len() >= 7, "{pages:?}");
    let mut addresses = vec!["/sw.js".to_owned(), "/i18n/en.json".to_owned(), "/config.json".to_owned()];
    for page in &pages {
        addresses.push(page.clone());
        match page.strip_suffix("index.html") {
            Some(folder) => addresses.push(folder.to_owned()),
            // A painted page is served at its address without .html (`try_files $uri.html`).
            None => addresses.push(page.trim_end_matches(".html").to_owned()),
        }
    }
    for address in &addresses {
        let rules = cache_rules_for(&headers, address);
        assert!(rules.contains(&"no-cache"), "{address} has no no-cache rule in _headers: {rules:?}\n{headers}");
        assert!(rules.iter().all(|r| !r.contains("immutable")), "{address} would be kept for a year: {rules:?}");
    }
    // Hashed files keep theirs.
    for hashed in ["/labo-0123456789abcdef_bg.wasm", "/boot-0123456789abcdef.js", "/style-0123456789abcdef.css"] {
        assert!(cache_rules_for(&headers, hashed).iter().any(|r| r.contains("immutable")), "{hashed}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_service_worker_installs_only_a_shell_naming_its_own_files() {
    // tests/service_worker.test.mjs runs public/sw.js in a fake worker scope.
    let output = Command::new("node")
        .args(["--test", "tests/service_worker.test.mjs"])
        .current_dir(root())
        .output()
        .expect("Node.js runs the build's post-build step: install it (see README.md)");
    assert!(
        output.status.success(),
        "node --test tests/service_worker.test.mjs:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
