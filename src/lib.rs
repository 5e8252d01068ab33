//! Lab'O – Mission Locale du Havre: the public sign-up app.
//!
//! - [`domain`]: plain Rust (config, validation, payload, identifiers), tested natively.
//! - [`content`]: user-facing texts generated from `content/`.
//! - [`legal`]: the privacy notice, the accessibility statement and the legal notice, as blocks.
//! - `app` (wasm32 only): the Leptos user interface and the browser side effects.
//!
//! See `docs/architecture.md` for how a sign-up travels from the form to the endpoint.

pub mod content;
pub mod domain;
pub mod legal;

#[cfg(any(target_arch = "wasm32", feature = "render"))]
pub mod app;

// Talc instead of the standard library's dlmalloc: a smaller allocator for the same work
// (BENCHMARKS.md, issue 22). The app has no threads, so no atomics.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
