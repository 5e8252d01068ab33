//! JSON in and out, always through `serde_json::Value`.
//!
//! Why: every type that is read or written with serde gets its code generated once per
//! (de)serializer it meets, and a derived `Deserialize` costs kilobytes of wasm per type.
//! Writing goes text ← `Value` ← our types (derived `Serialize`, one copy per type); reading
//! goes text → `Value` → our types with the small field readers below, shared by every type.

use serde::Serialize;
use serde_json::Value;

/// Reads a JSON text into a `Value`, with serde_json's message (and line) on failure. The one
/// door to serde_json's reader (clippy.toml forbids typed reads elsewhere).
#[allow(clippy::disallowed_methods)]
pub fn parse_value(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(text)
}

// Reading our own stored JSON back (drafts, the outbox) field by field. Derived `Deserialize`
// code costs kilobytes per type in the wasm; these few functions are shared by every type.
// A missing field, or one of the wrong type, reads as its default: one damaged field never
// throws away the rest of what a young person typed.

/// The text at `key`, or an empty string.
pub fn text(object: &Value, key: &str) -> String {
    object.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// The text at `key`, if there is one.
pub fn opt_text(object: &Value, key: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// The boolean at `key`, or `false`.
pub fn flag(object: &Value, key: &str) -> bool {
    object.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// The whole number at `key`, if there is one.
pub fn int(object: &Value, key: &str) -> Option<i64> {
    object.get(key).and_then(Value::as_i64)
}

/// The texts of the list at `key` (items that are not texts are left out).
pub fn texts(object: &Value, key: &str) -> Vec<String> {
    object.get(key).map(text_list).unwrap_or_default()
}

/// The texts of a list value (items that are not texts are left out).
pub fn text_list(list: &Value) -> Vec<String> {
    list.as_array().map(|items| items.iter().filter_map(Value::as_str).map(str::to_owned).collect()).unwrap_or_default()
}

/// A `BTreeMap` from key–value pairs, inserted one by one. Why not `collect()`: it sorts the
/// pairs with std's stable sort first, kilobytes of wasm per map type for maps of ~16 entries.
pub fn map<K: Ord, V>(pairs: impl Iterator<Item = (K, V)>) -> std::collections::BTreeMap<K, V> {
    let mut map = std::collections::BTreeMap::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// Writes `T` as compact JSON text.
pub fn write<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).map(|v| v.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_with_defaults() {
        let value: Value = parse_value(r#"{"a": "x", "b": true, "n": 42, "l": ["p", 3, "q"], "w": 1}"#).unwrap();
        assert_eq!(text(&value, "a"), "x");
        assert_eq!(text(&value, "w"), "", "a number is not a text");
        assert_eq!(opt_text(&value, "missing"), None);
        assert!(flag(&value, "b") && !flag(&value, "a"));
        assert_eq!(int(&value, "n"), Some(42));
        assert_eq!(int(&value, "a"), None);
        assert_eq!(texts(&value, "l"), ["p", "q"]);
        assert!(texts(&value, "a").is_empty());
    }

    #[test]
    fn round_trips_and_reports_errors() {
        let text = write(&vec![("a".to_owned(), 1u8)]);
        assert_eq!(text, r#"[["a",1]]"#);
        assert_eq!(parse_value(&text).unwrap(), serde_json::json!([["a", 1]]));
        assert_eq!(parse_value("{").unwrap_err().line(), 1);
    }
}
