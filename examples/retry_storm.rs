//! How retries hit the endpoint after an outage, with and without jitter.
//!
//! `cargo run --example retry_storm` (also printed by `cargo xtask test`). Each row simulates
//! phones that all try to send a sign-up while the endpoint is down, with the app's retry policy
//! (`labo::domain::outbox::POLICY`). Without jitter, phones that failed together retry together
//! and hit the endpoint in waves when it comes back; with full jitter they arrive spread out.
//!
//! The simulation lives here, next to what it shows, and not in the app's library: phones never
//! run it. Its test (`cargo test` runs this example's tests, see Cargo.toml) checks that jitter
//! spreads the load.

use labo::domain::outbox::POLICY;

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

/// What a simulated retry storm produced.
#[derive(Clone, Debug, PartialEq, Eq)]
struct StormReport {
    /// Most requests the endpoint received in one second.
    peak_per_second: usize,
    /// Most requests in one second once the endpoint is back.
    peak_after_recovery: usize,
    /// Seconds, once the endpoint is back, in which more phones called than it could serve.
    seconds_over_capacity: usize,
    total_requests: usize,
    /// When the last sign-up was delivered (ms after the outage began).
    last_delivery_ms: u64,
}

/// Simulates `devices` phones that each send one sign-up during an outage of `outage_ms` (the
/// endpoint answers 503 until then, and can take `capacity_per_second` requests once back; the
/// rest get 503 too), all starting within the first `spread_ms`. With `jitter` false, each waits
/// exactly the ceiling (plain exponential backoff), which keeps failures in lockstep.
fn simulate(
    devices: usize,
    outage_ms: u64,
    spread_ms: u64,
    capacity_per_second: usize,
    jitter: bool,
    seed: u64,
) -> StormReport {
    let mut rng = seed.max(1);
    let mut random = move || {
        // xorshift64*: deterministic and good enough for a load picture.
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        (rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    };
    let policy = POLICY;
    // (next attempt time, failures so far) per device still waiting.
    let mut pending: Vec<(u64, u32)> = (0..devices).map(|_| ((random() * spread_ms as f64) as u64, 0)).collect();
    let mut per_second: Vec<usize> = Vec::new();
    let (mut total, mut last_delivery) = (0, 0);
    while !pending.is_empty() {
        pending.sort_unstable();
        let second = (pending[0].0 / 1000) as usize;
        let end = (second as u64 + 1) * 1000;
        let batch: Vec<(u64, u32)> = pending.iter().copied().take_while(|(at, _)| *at < end).collect();
        pending.drain(..batch.len());
        if per_second.len() <= second {
            per_second.resize(second + 1, 0);
        }
        per_second[second] += batch.len();
        total += batch.len();
        let mut served = 0;
        for (at, failures) in batch {
            let accepted = at >= outage_ms && served < capacity_per_second;
            if accepted {
                served += 1;
                last_delivery = last_delivery.max(at);
            } else {
                let failures = failures + 1;
                let wait = if jitter { policy.backoff_ms(failures, random()) } else { policy.ceiling_ms(failures) };
                pending.push((at + wait, failures));
            }
        }
    }
    let recovery_second = (outage_ms / 1000) as usize;
    StormReport {
        peak_per_second: per_second.iter().copied().max().unwrap_or(0),
        peak_after_recovery: per_second.iter().skip(recovery_second).copied().max().unwrap_or(0),
        seconds_over_capacity: per_second.iter().skip(recovery_second).filter(|n| **n > capacity_per_second).count(),
        total_requests: total,
        last_delivery_ms: last_delivery,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jitter_spreads_the_load_after_an_outage() {
        // 2,000 phones try during a 60 s outage; the endpoint then takes 200 requests a second.
        let plain = simulate(2_000, 60_000, 5_000, 200, false, 7);
        let jittered = simulate(2_000, 60_000, 5_000, 200, true, 7);
        eprintln!("without jitter: {plain:?}\nwith jitter:    {jittered:?}");
        assert!(
            jittered.peak_after_recovery * 2 < plain.peak_after_recovery,
            "with jitter {jittered:?}, without {plain:?}"
        );
        assert!(jittered.seconds_over_capacity < plain.seconds_over_capacity, "fewer overloaded seconds");
        assert!(plain.total_requests.min(jittered.total_requests) > 2_000, "everyone retried at least once");
    }
}
