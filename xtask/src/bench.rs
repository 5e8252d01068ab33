//! `cargo xtask bench`: sizes, Lighthouse (mobile) for the app's start page and a question page
//! and for a plain static HTML baseline (same start text and a form), all served precompressed
//! on loopback in the same run, and the time to move to the next question on a 4× slowed CPU.
//! Prints the results and writes them to BENCHMARKS.md. Timings are reported, never asserted.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::{banner, serve, setup, sizes, steps};

/// One Lighthouse run, reduced to what we report.
struct Report {
    page: &'static str,
    scores: [f64; 4],
    fcp_ms: f64,
    lcp_ms: f64,
    tbt_ms: f64,
    cls: f64,
    transfer_kb: f64,
}

fn lighthouse(root: &Path, url: &str, page: &'static str) -> Result<Report, String> {
    println!("lighthouse {url}");
    let out = Command::new(root.join("node_modules/.bin/lighthouse"))
        .args([
            url,
            "--output=json",
            "--quiet",
            "--only-categories=performance,accessibility,best-practices,seo",
            // French, like the young people the app is for (the static first paint is French).
            // `--accept-lang` sets navigator.languages, which the app follows on a first visit
            // (`--lang` alone leaves them en-US, and the app would re-render the page in English).
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --no-first-run --lang=fr-FR --accept-lang=fr-FR,fr",
        ])
        .env("CHROME_PATH", "/usr/bin/chromium")
        .output()
        .map_err(|e| format!("cannot start lighthouse: {e}"))?;
    if !out.status.success() {
        return Err(format!("lighthouse failed on {url}: {}", String::from_utf8_lossy(&out.stderr)));
    }
    // The whole report stays in target/bench/ for a closer look (long tasks, the waterfall).
    let slug: String = page.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let _ = std::fs::create_dir_all(root.join("target/bench"));
    let _ = std::fs::write(root.join(format!("target/bench/{slug}.json")), &out.stdout);
    let json: Value = serde_json::from_slice(&out.stdout).map_err(|e| format!("lighthouse output: {e}"))?;
    let score = |c: &str| json["categories"][c]["score"].as_f64().unwrap_or(0.0) * 100.0;
    let audit = |a: &str| json["audits"][a]["numericValue"].as_f64().unwrap_or(f64::NAN);
    Ok(Report {
        page,
        scores: [score("performance"), score("accessibility"), score("best-practices"), score("seo")],
        fcp_ms: audit("first-contentful-paint"),
        lcp_ms: audit("largest-contentful-paint"),
        tbt_ms: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"),
        transfer_kb: audit("total-byte-weight") / 1024.0,
    })
}

/// The baseline: dist/index.html's static start page with a plain form, no script at all.
fn write_baseline(dist: &Path, dir: &Path) -> Result<(), String> {
    let index = std::fs::read_to_string(dist.join("index.html")).map_err(|e| e.to_string())?;
    let start = index.find("<div id=\"static-page\"").ok_or("no static page in index.html")?;
    let end = index.rfind("</body>").ok_or("no </body>")?;
    let css = std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("style-") && n.ends_with(".css"))
        .ok_or("no stylesheet in dist/")?;
    // A fresh folder: stylesheets of earlier builds would be counted in the baseline's size.
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    std::fs::copy(dist.join(&css), dir.join(&css)).map_err(|e| e.to_string())?;
    std::fs::copy(dist.join("favicon.svg"), dir.join("favicon.svg")).map_err(|e| e.to_string())?;
    let form = r#"<form method="post" action="/inscription" class="baseline-form">
          <div class="field"><label for="first-name">Prénom</label><input id="first-name" name="first-name" autocomplete="given-name"></div>
          <div class="field"><label for="phone">Numéro de téléphone</label><input id="phone" name="phone" type="tel" autocomplete="tel"></div>
          <button type="submit" class="button button-primary">Envoyer mon inscription</button>
        </form>
      </main>"#;
    let body = index[start..end].replacen("</main>", form, 1);
    let page = format!(
        "<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Lab'O – Mission Locale du Havre</title>\n<meta name=\"description\" content=\"Baseline: the same start text and a form, as plain static HTML.\">\n<link rel=\"stylesheet\" href=\"/{css}\">\n<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n</head>\n<body>\n{body}</body>\n</html>\n"
    );
    std::fs::write(dir.join("index.html"), page).map_err(|e| e.to_string())?;
    sizes::precompress(dir)
}

pub fn run(root: &Path) -> Result<(), String> {
    setup::all(root)?;
    steps::release_build(root)?;
    banner("bench: sizes");
    let dist = root.join("dist");
    let measured = sizes::report(&dist)?;
    let baseline_dir = root.join("target/bench/baseline");
    write_baseline(&dist, &baseline_dir)?;
    let baseline_sizes = sizes::measure(&baseline_dir)?;

    // The example endpoint of a fresh checkout would show the "unavailable" page everywhere: an
    // endpoint on loopback instead (nothing is sent during the benchmark).
    let config = serve::config_for(&dist, "http://127.0.0.1:9/inscriptions", None)?;
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    let (reports, interaction) = runtime.block_on(async {
        let (app, app_server) = serve::bind(dist.clone(), config, 0).await?;
        let (base, base_server) = serve::bind_plain(baseline_dir.clone(), 0).await?;
        tokio::spawn(app_server);
        tokio::spawn(base_server);
        let (app_url, base_url) = (format!("http://{app}"), format!("http://{base}"));
        tokio::task::spawn_blocking({
            let root = root.to_owned();
            move || -> Result<(Vec<Report>, Value), String> {
                banner("bench: Lighthouse, mobile (Debian Chromium), served precompressed on loopback");
                // The start page and every kind of page a link can open (issue 15), then the
                // baseline, last (the table divides each LCP by it).
                let pages = [
                    ("/", "app: `/` start page"),
                    ("/inscription", "app: `/inscription` (a counsellor's link, painted)"),
                    ("/test/4", "app: `/test/4` (a reload mid-test, painted)"),
                    ("/resultat", "app: `/resultat` (needs answers: not painted)"),
                    ("/inscription/coordonnees", "app: `/inscription/coordonnees` (needs answers: not painted)"),
                    ("/confidentialite", "app: `/confidentialite` (static page)"),
                ];
                let mut reports = Vec::new();
                for (path, name) in pages {
                    reports.push(lighthouse(&root, &format!("{app_url}{path}"), name)?);
                }
                reports.push(lighthouse(&root, &format!("{base_url}/"), "baseline: static HTML")?);
                banner("bench: next question on a 4× slowed CPU");
                let out = Command::new("node")
                    .arg(root.join("bench/interaction.mjs"))
                    .arg(&app_url)
                    .current_dir(&root)
                    .output()
                    .map_err(|e| format!("cannot run bench/interaction.mjs: {e}"))?;
                if !out.status.success() {
                    return Err(format!("bench/interaction.mjs failed: {}", String::from_utf8_lossy(&out.stderr)));
                }
                let line = String::from_utf8_lossy(&out.stdout);
                let interaction: Value =
                    serde_json::from_str(line.lines().last().unwrap_or("{}")).map_err(|e| e.to_string())?;
                Ok((reports, interaction))
            }
        })
        .await
        .map_err(|e| e.to_string())?
    })?;

    banner("bench: the wasm's largest items (twiggy, before wasm-opt, which strips the names)");
    setup::twiggy()?;
    let twiggy = setup::output(
        Command::new(setup::twiggy_path())
            .args(["top", "-n", "25"])
            .arg(root.join("target/wasm-bindgen/release/labo_bg.wasm")),
    )
    .ok_or("twiggy top failed on target/wasm-bindgen/release/labo_bg.wasm")?;
    println!("{twiggy}");
    let text = markdown(root, &measured, &baseline_sizes, &reports, &interaction, &twiggy)?;
    println!("\n{text}");
    std::fs::write(root.join("BENCHMARKS.md"), text).map_err(|e| format!("BENCHMARKS.md: {e}"))?;
    println!("written to BENCHMARKS.md");
    Ok(())
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn markdown(
    root: &Path,
    app: &[sizes::FileSize],
    baseline: &[sizes::FileSize],
    reports: &[Report],
    interaction: &Value,
    twiggy: &str,
) -> Result<String, String> {
    let chromium = setup::output(Command::new("/usr/bin/chromium").arg("--version")).unwrap_or_default();
    let date = setup::output(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"])).unwrap_or_default();
    let budget = sizes::budget(root)?;
    let total = |list: &[sizes::FileSize], f: fn(&sizes::FileSize) -> usize| list.iter().map(f).sum::<usize>();
    let mut out = String::new();
    writeln!(out, "# Benchmarks\n").unwrap();
    writeln!(out, "Latest output of `cargo xtask bench` ({date}; {chromium}; Lighthouse 12.8.2, default mobile settings: simulated slow 4G, 4× CPU slowdown). Both the app and the baseline are served **precompressed** (brotli) from loopback by the same server. Timings vary between runs and machines: they are reported, never asserted. The size budget is asserted by `cargo xtask test` (`size-budget.toml`).\n").unwrap();
    writeln!(out, "## Sizes of the release dist/\n").unwrap();
    writeln!(out, "| file | raw | gzip | brotli |\n|---|---:|---:|---:|").unwrap();
    for s in app {
        writeln!(out, "| `{}` | {} | {} | {} |", s.path, kb(s.raw), kb(s.gzip), kb(s.brotli)).unwrap();
    }
    writeln!(
        out,
        "| **total** | **{}** | **{}** | **{}** |",
        kb(total(app, |s| s.raw)),
        kb(total(app, |s| s.gzip)),
        kb(total(app, |s| s.brotli))
    )
    .unwrap();
    writeln!(
        out,
        "| baseline (static HTML + CSS) | {} | {} | {} |\n",
        kb(total(baseline, |s| s.raw)),
        kb(total(baseline, |s| s.gzip)),
        kb(total(baseline, |s| s.brotli))
    )
    .unwrap();
    writeln!(out, "Budget (ratchet): **{}** brotli. Goal: 130 KB for the whole first load.\n", kb(budget)).unwrap();
    let counsellors = sizes::measure(&root.join("dist").join(sizes::COUNSELLORS_DIR)).unwrap_or_default();
    if !counsellors.is_empty() {
        writeln!(
            out,
            "Not in the total: the counsellors' page (`dist/{}/`, its own wasm, loaded only at `/conseillers/`), {} brotli: {}.\n",
            sizes::COUNSELLORS_DIR,
            kb(total(&counsellors, |s| s.brotli)),
            counsellors.iter().map(|s| format!("`{}` {}", s.path, kb(s.brotli))).collect::<Vec<_>>().join(", ")
        )
        .unwrap();
    }
    let painted = sizes::painted_pages(&root.join("dist")).unwrap_or_default();
    if let (Some(largest), Some(smallest)) = (painted.first(), painted.last()) {
        writeln!(
            out,
            "Not in the total either: {} pages painted at build time (`inscription.html`, `test/<n>.html`), {} to {} brotli; a link to one of them loads it instead of `index.html`.\n",
            painted.len(),
            kb(smallest.brotli),
            kb(largest.brotli)
        )
        .unwrap();
    }
    writeln!(out, "## Lighthouse (mobile)\n").unwrap();
    writeln!(
        out,
        "Goals (issue 15): LCP ≤ 1.5 × the baseline's on every page a link can open, TBT ≤ 50 ms, performance ≥ 98.\n"
    )
    .unwrap();
    writeln!(out, "| page | performance | accessibility | best practices | SEO | FCP | LCP | LCP / baseline | TBT | CLS | transfer |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|").unwrap();
    let base_lcp = reports.last().map_or(f64::NAN, |r| r.lcp_ms);
    for r in reports {
        writeln!(
            out,
            "| {} | {:.0} | {:.0} | {:.0} | {:.0} | {:.2} s | {:.2} s | {:.2} | {:.0} ms | {:.3} | {:.1} KB |",
            r.page,
            r.scores[0],
            r.scores[1],
            r.scores[2],
            r.scores[3],
            r.fcp_ms / 1000.0,
            r.lcp_ms / 1000.0,
            r.lcp_ms / base_lcp,
            r.tbt_ms,
            r.cls,
            r.transfer_kb
        )
        .unwrap();
    }
    writeln!(out, "\n## Moving to the next question (4× slowed CPU)\n").unwrap();
    writeln!(
        out,
        "Over {} questions: DOM updated after **{:.1} ms** (median), {:.1} ms at worst; next frame painted after {:.1} ms (median). One frame at 60 Hz is 16.7 ms.",
        interaction["samples"],
        interaction["render_median_ms"].as_f64().unwrap_or(f64::NAN),
        interaction["render_max_ms"].as_f64().unwrap_or(f64::NAN),
        interaction["next_frame_median_ms"].as_f64().unwrap_or(f64::NAN)
    )
    .unwrap();
    writeln!(out, "\n## The wasm's largest items\n").unwrap();
    writeln!(out, "`twiggy top -n 25` on the wasm before wasm-opt (which strips the names; sizes are raw, before wasm-opt and brotli). \"function names\" is the name section, not shipped.\n").unwrap();
    writeln!(out, "```text\n{}\n```", twiggy.trim_end()).unwrap();
    // What the measurements were written for (what a change cost, and why) stays: everything
    // from this marker on is kept as it was.
    let previous = std::fs::read_to_string(root.join("BENCHMARKS.md")).unwrap_or_default();
    if let Some(at) = previous.find(KEPT_MARKER) {
        writeln!(out, "\n{}", previous[at..].trim_end()).unwrap();
    }
    Ok(out)
}

/// BENCHMARKS.md below this line is written by hand and kept by `cargo xtask bench`.
const KEPT_MARKER: &str = "<!-- kept by cargo xtask bench -->";
