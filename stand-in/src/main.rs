//! `labo-stand-in`: the development and test stand-in for the mission locale's endpoint.
//! See the crate documentation (`src/lib.rs`) for what it does.

use labo_stand_in::{StandIn, parse_args};

#[tokio::main]
async fn main() {
    let (port, settings) = parse_args(std::env::args().skip(1)).unwrap_or_else(|message| {
        eprintln!("{message}");
        std::process::exit(2);
    });
    let stand_in = StandIn::open(&settings).unwrap_or_else(|e| {
        eprintln!("stand-in: cannot open {}: {e}", settings.data_dir.display());
        std::process::exit(1);
    });
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.unwrap_or_else(|e| {
        eprintln!("stand-in: cannot listen on 127.0.0.1:{port}: {e}");
        std::process::exit(1);
    });
    let address = listener.local_addr().expect("bound address");
    // The first line is read by `cargo xtask` to learn the port when started with --port 0.
    println!("stand-in listening on http://{address} (development and test tool, not a production back end)");
    println!("data: {}", settings.data_dir.display());
    if let Err(e) = stand_in.serve(listener).await {
        eprintln!("stand-in stopped: {e}");
        std::process::exit(1);
    }
}
