//! Entry point of the wasm app, built by Trunk (`index.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    labo::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Lab'O app runs in a browser: use `cargo xtask dev` (see README.md).");
    std::process::exit(2);
}
