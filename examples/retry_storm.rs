//! How retries hit the endpoint after an outage, with and without jitter.
//!
//! `cargo run --example retry_storm` (also printed by `cargo xtask test`). Each row simulates
//! phones that all try to send a sign-up while the endpoint is down, with the app's retry policy
//! (`labo::domain::outbox::POLICY`). Without jitter, phones that failed together retry together
//! and hit the endpoint in waves when it comes back; with full jitter they arrive spread out.

use labo::domain::outbox::simulate;

fn main() {
    println!(
        "{:>7} {:>8} {:>8} | {:>22} | {:>22} | {:>17} | {:>15}",
        "phones", "outage", "capacity", "peak/s after recovery", "overloaded seconds", "requests", "all delivered"
    );
    println!(
        "{:>7} {:>8} {:>8} | {:>10} {:>11} | {:>10} {:>11} | {:>8} {:>8} | {:>7} {:>7}",
        "", "", "req/s", "plain", "jitter", "plain", "jitter", "plain", "jitter", "plain", "jitter"
    );
    for (phones, outage_s, capacity) in [(500, 30, 100), (2_000, 60, 200), (10_000, 300, 500)] {
        let plain = simulate(phones, outage_s * 1000, 5_000, capacity, false, 7);
        let jitter = simulate(phones, outage_s * 1000, 5_000, capacity, true, 7);
        println!(
            "{:>7} {:>7}s {:>8} | {:>10} {:>11} | {:>10} {:>11} | {:>8} {:>8} | {:>6}s {:>6}s",
            phones,
            outage_s,
            capacity,
            plain.peak_after_recovery,
            jitter.peak_after_recovery,
            plain.seconds_over_capacity,
            jitter.seconds_over_capacity,
            plain.total_requests,
            jitter.total_requests,
            plain.last_delivery_ms / 1000,
            jitter.last_delivery_ms / 1000,
        );
    }
}
