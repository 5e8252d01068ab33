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
        } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
            out.push(path);
        }
    }
    Ok(())
}

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("in memory");
    encoder.finish().expect("in memory").len()
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("in memory");
    out.len()
}

/// Measures every file of `dist` (precompressed copies excluded).
pub fn measure(dist: &Path) -> Result<Vec<FileSize>, String> {
    let mut paths = Vec::new();
    files(dist, &mut paths).map_err(|e| format!("{}: {e}", dist.display()))?;
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
    Ok(sizes)
}
