//! `cargo xtask communes`: extracts the territory's communes from the npm package
//! `@etalab/decoupage-administratif` (Etalab, Licence Ouverte) into `public/communes.json`.
//! `--check` only verifies that the committed file is what the package gives (run by the tests).

use std::path::Path;

use serde_json::{Value, json};

/// The package and version the list comes from (pinned in package.json).
pub const PACKAGE: &str = "@etalab/decoupage-administratif";
pub const VERSION: &str = "6.0.0";
/// The intercommunalities served by the Lab'O: CU Le Havre Seine Métropole and CA Fécamp Caux
/// Littoral (SIREN codes).
pub const EPCI: [&str; 2] = ["200084952", "200069821"];

fn read(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e} (run `npm ci`)", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The content of `public/communes.json`, as the package gives it.
pub fn extract(root: &Path) -> Result<String, String> {
    let data = root.join("node_modules").join(PACKAGE).join("data");
    let package = read(&root.join("node_modules").join(PACKAGE).join("package.json"))?;
    if package["version"] != VERSION {
        return Err(format!("{PACKAGE} {} is installed, {VERSION} is expected", package["version"]));
    }
    let epcis = read(&data.join("epci.json"))?;
    let communes = read(&data.join("communes.json"))?;
    let mut out = Vec::new();
    for code in EPCI {
        let epci = epcis
            .as_array()
            .and_then(|list| list.iter().find(|e| e["code"] == code))
            .ok_or_else(|| format!("EPCI {code} not found in {PACKAGE}"))?;
        for member in epci["membres"].as_array().into_iter().flatten() {
            let insee = member["code"].as_str().ok_or("member without code")?;
            let commune = communes
                .as_array()
                .and_then(|list| list.iter().find(|c| c["code"] == insee && c["type"] == "commune-actuelle"))
                .ok_or_else(|| format!("commune {insee} not found"))?;
            out.push(json!({
                "insee": insee,
                "name": commune["nom"],
                "postcodes": commune["codesPostaux"],
                "epci": code,
            }));
        }
    }
    out.sort_by(|a, b| a["insee"].as_str().cmp(&b["insee"].as_str()));
    let lines: Vec<String> = out.iter().map(|c| format!("    {c}")).collect();
    Ok(format!(
        "{{\n  \"source\": \"{PACKAGE} {VERSION} (data/epci.json, data/communes.json), Etalab, Licence Ouverte 2.0; EPCI {} and {}; extracted by `cargo xtask communes`\",\n  \"communes\": [\n{}\n  ]\n}}\n",
        EPCI[0],
        EPCI[1],
        lines.join(",\n")
    ))
}

pub fn run(root: &Path, check: bool) -> Result<(), String> {
    let expected = extract(root)?;
    let path = root.join("public/communes.json");
    if check {
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != expected {
            return Err(format!("{} differs from {PACKAGE} {VERSION}: run `cargo xtask communes`", path.display()));
        }
        println!("ok   public/communes.json matches {PACKAGE} {VERSION}");
        return Ok(());
    }
    std::fs::write(&path, expected).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}
