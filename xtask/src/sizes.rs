//! Sizes of the release dist/: raw, gzip and brotli, per file and in total. What our users pay.

use std::io::Write;
use std::path::{Path, PathBuf};

/// One file of dist/ and its sizes in bytes.
pub struct FileSize {
    pub path: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
            // The host's header and redirect files are read by the host, never downloaded by a phone.
            && path.file_name().is_some_and(|n| n != "_headers" && n != "_redirects" && n != "labo-headers.conf")
        {
            out.push(path);
        }
    }
    Ok(())
}

fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("in memory");
    encoder.finish().expect("in memory")
}

fn brotli_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("in memory");
    out
}

fn gzip(bytes: &[u8]) -> usize {
    gzip_bytes(bytes).len()
}

fn brotli(bytes: &[u8]) -> usize {
    brotli_bytes(bytes).len()
}

/// Writes `name.br` and `name.gz` next to every text or wasm file of dist/, for hosts (and the
/// local server) that serve precompressed files.
pub fn precompress(dist: &Path) -> Result<(), String> {
    let mut paths = Vec::new();
    files(dist, &mut paths).map_err(|e| format!("{}: {e}", dist.display()))?;
    for path in paths {
        let compressible =
            matches!(path.extension().and_then(|e| e.to_str()), Some("wasm" | "js" | "css" | "html" | "json" | "svg"));
        if !compressible {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (extension, data) in [("br", brotli_bytes(&bytes)), ("gz", gzip_bytes(&bytes))] {
            let mut name = path.clone().into_os_string();
            name.push(format!(".{extension}"));
            std::fs::write(&name, data).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// The budget of `size-budget.toml`, in bytes.
pub fn budget(root: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(root.join("size-budget.toml")).map_err(|e| format!("size-budget.toml: {e}"))?;
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("total_brotli_kb"))
        .ok_or("size-budget.toml: no total_brotli_kb")?;
    let kb: usize = line
        .split('=')
        .nth(1)
        .map(str::trim)
        .and_then(|v| v.parse().ok())
        .ok_or("size-budget.toml: total_brotli_kb must be a number")?;
    Ok(kb * 1024)
}

/// Fails when dist/ is over budget, naming the biggest files.
pub fn check_budget(root: &Path, sizes: &[FileSize]) -> Result<(), String> {
    let limit = budget(root)?;
    let total: usize = sizes.iter().map(|s| s.brotli).sum();
    if total <= limit {
        println!("ok   {} within the budget of {} (brotli); goal 130.0 KB", kb(total), kb(limit));
        return Ok(());
    }
    let biggest: Vec<String> = sizes.iter().take(5).map(|s| format!("  {} {}", kb(s.brotli), s.path)).collect();
    Err(format!(
        "dist/ is {} brotli, over the budget of {} in size-budget.toml. Biggest files:\n{}",
        kb(total),
        kb(limit),
        biggest.join("\n")
    ))
}

/// The folder of dist/ holding the counsellors' page: a separate app, never downloaded by young
/// people, so it is reported apart and not counted in their first load.
pub const COUNSELLORS_DIR: &str = "conseillers";

/// The folders of dist/ holding the painted legal pages: read mostly by browsers
/// without JavaScript (the app shows its own), so reported apart like the counsellors' page.
pub const NO_SCRIPT_DIRS: [&str; 3] = ["confidentialite", "accessibilite", "mentions-legales"];

/// The folder of dist/ holding the languages other than French, fetched only when chosen: not
/// in a first load, reported apart.
pub const LANGUAGES_DIR: &str = "i18n";

/// A page painted at build time (`inscription.html`, `test/4.html`, src/bin/labo-render.rs): a link
/// to it loads it *instead of* index.html, so it is not added to the total but reported apart.
fn is_painted_page(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "html") && path.file_name().is_some_and(|n| n != "index.html")
}

/// Every painted page of `dist` with its brotli size.
pub fn painted_pages(dist: &Path) -> Result<Vec<FileSize>, String> {
    let mut paths = Vec::new();
    files(dist, &mut paths).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut sizes = Vec::new();
    for path in paths.into_iter().filter(|p| is_painted_page(p) && !p.starts_with(dist.join(COUNSELLORS_DIR))) {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.strip_prefix(dist).unwrap_or(&path).display().to_string();
        sizes.push(FileSize { path: name, raw: bytes.len(), gzip: gzip(&bytes), brotli: brotli(&bytes) });
    }
    sizes.sort_by(|a, b| b.brotli.cmp(&a.brotli).then(a.path.cmp(&b.path)));
    Ok(sizes)
}

/// Measures every file of `dist` (precompressed copies, the counsellors' page, the static legal
/// pages and the painted pages excluded).
pub fn measure(dist: &Path) -> Result<Vec<FileSize>, String> {
    let mut paths = Vec::new();
    files(dist, &mut paths).map_err(|e| format!("{}: {e}", dist.display()))?;
    let apart: Vec<PathBuf> =
        [COUNSELLORS_DIR, LANGUAGES_DIR].into_iter().chain(NO_SCRIPT_DIRS).map(|d| dist.join(d)).collect();
    paths.retain(|path| !apart.iter().any(|dir| path.starts_with(dir)) && !is_painted_page(path));
    let mut sizes = Vec::new();
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.strip_prefix(dist).unwrap_or(&path).display().to_string();
        sizes.push(FileSize { path: name, raw: bytes.len(), gzip: gzip(&bytes), brotli: brotli(&bytes) });
    }
    sizes.sort_by(|a, b| b.brotli.cmp(&a.brotli).then(a.path.cmp(&b.path)));
    Ok(sizes)
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// Prints the table and returns the sizes.
pub fn report(dist: &Path) -> Result<Vec<FileSize>, String> {
    let sizes = measure(dist)?;
    println!("{:<48} {:>10} {:>10} {:>10}", "dist/ (release)", "raw", "gzip", "brotli");
    for s in &sizes {
        println!("{:<48} {:>10} {:>10} {:>10}", s.path, kb(s.raw), kb(s.gzip), kb(s.brotli));
    }
    let total = |f: fn(&FileSize) -> usize| sizes.iter().map(f).sum::<usize>();
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "total",
        kb(total(|s| s.raw)),
        kb(total(|s| s.gzip)),
        kb(total(|s| s.brotli))
    );
    let counsellors = dist.join(COUNSELLORS_DIR);
    if counsellors.is_dir() {
        let page = measure(&counsellors)?;
        let brotli: usize = page.iter().map(|s| s.brotli).sum();
        println!(
            "(not in the total: the counsellors' page, {COUNSELLORS_DIR}/, {} brotli, loaded only there)",
            kb(brotli)
        );
    }
    let painted = painted_pages(dist)?;
    if let (Some(largest), Some(smallest)) = (painted.first(), painted.last()) {
        let index = sizes.iter().find(|s| s.path == "index.html").map_or(0, |s| s.brotli);
        println!(
            "(not in the total: {} pages painted at build time, {} to {} brotli ({} the largest); a link to one loads it instead of index.html, {} brotli: first load up to {})",
            painted.len(),
            kb(smallest.brotli),
            kb(largest.brotli),
            largest.path,
            kb(index),
            kb(total(|s| s.brotli) - index + largest.brotli)
        );
    }
    let languages = dist.join(LANGUAGES_DIR);
    if languages.is_dir() {
        for file in measure(&languages)? {
            println!(
                "(not in the total: {LANGUAGES_DIR}/{}, {} brotli, fetched when that language is chosen)",
                file.path,
                kb(file.brotli)
            );
        }
    }
    for dir in NO_SCRIPT_DIRS.map(|d| dist.join(d)).iter().filter(|d| d.is_dir()) {
        let brotli: usize = measure(dir)?.iter().map(|s| s.brotli).sum();
        println!(
            "(not in the total: {}/, the static legal page for browsers without JavaScript, {} brotli)",
            dir.file_name().unwrap_or_default().to_string_lossy(),
            kb(brotli)
        );
    }
    Ok(sizes)
}
