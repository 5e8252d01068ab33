//! Everything the app knows about the Lab'O, in plain Rust: no Leptos, no browser.
//!
//! These modules compile natively and are tested with `cargo test`; the user interface in
//! `crate::app` only renders their state and calls them.

pub mod config;
pub mod dates;
pub mod draft;
pub mod eligibility;
pub mod email;
pub mod ids;
pub mod json;
pub mod outbox;
pub mod phone;
pub mod questionnaire;
pub mod response;
pub mod route;
pub mod share;
pub mod signup;
pub mod small_sort;
pub mod summary;
pub mod territory;
pub mod typography;
pub mod wire;
