//! JSON in and out, always through `serde_json::Value`.
//!
//! Why: every type that is read or written with serde gets its code generated once per
//! (de)serializer it meets. Going through `Value` only — text ⇄ `Value` ⇄ our types — means one
//! copy of that code per type instead of two or three, which keeps the wasm download smaller.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Reads a JSON text into `T`, with serde_json's message on failure.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let value: Value = serde_json::from_str(text)?;
    serde_json::from_value(value)
}

/// Writes `T` as compact JSON text.
pub fn write<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).map(|v| v.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reports_errors() {
        let text = write(&vec![("a".to_owned(), 1u8)]);
        assert_eq!(text, r#"[["a",1]]"#);
        assert_eq!(parse::<Vec<(String, u8)>>(&text).unwrap(), [("a".to_owned(), 1)]);
        assert!(parse::<Vec<u8>>("{").is_err());
        assert!(parse::<Vec<u8>>(r#"["x"]"#).is_err());
    }
}
