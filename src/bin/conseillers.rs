//! Entry point of the counsellors' link builder, built by Trunk from `conseillers.html` into
//! `dist/conseillers/` (a separate wasm, so that young people never download it).

#[cfg(target_arch = "wasm32")]
fn main() {
    labo::app::start_counsellors();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The counsellors' page runs in a browser: use `cargo xtask dev` (see README.md).");
    std::process::exit(2);
}
