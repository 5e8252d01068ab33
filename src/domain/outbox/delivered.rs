//! Sign-ups the endpoint accepted: only their references, remembered for a day.

use serde::Serialize;

/// A sign-up the endpoint accepted, remembered for a day so the confirmation survives a reload
/// or shows up in another tab. Only the reference: no personal data stays on the device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Delivered {
    pub reference: String,
    pub at_ms: i64,
}

impl Delivered {
    /// Reads one delivered reference stored under its own key (`labo.delivered.<reference>`,
    /// the time as text): `None` when damaged or older than a day (the caller removes it).
    pub fn from_stored(reference: &str, text: &str, now_ms: i64) -> Option<Delivered> {
        let at_ms: i64 = text.trim().parse().ok()?;
        (crate::domain::ids::is_reference(reference) && now_ms.saturating_sub(at_ms) <= DELIVERED_KEEP_MS)
            .then(|| Delivered { reference: reference.to_owned(), at_ms })
    }

    /// The text stored under its key.
    pub fn to_storage(&self) -> String {
        self.at_ms.to_string()
    }
}

/// How long a delivered reference is remembered.
pub const DELIVERED_KEEP_MS: i64 = 24 * 3600 * 1000;

/// Adds a delivered reference and forgets old ones (more than a day, or beyond the last five).
pub fn remember_delivered(list: &[Delivered], reference: &str, now_ms: i64) -> Vec<Delivered> {
    let mut next: Vec<Delivered> =
        list.iter().filter(|d| d.reference != reference && now_ms - d.at_ms <= DELIVERED_KEEP_MS).cloned().collect();
    next.push(Delivered { reference: reference.to_owned(), at_ms: now_ms });
    let excess = next.len().saturating_sub(5);
    next.drain(..excess);
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delivered_reference_stored_under_its_own_key_reads_back_for_a_day() {
        let delivered = Delivered { reference: "ABCD3467".into(), at_ms: 10 };
        assert_eq!(Delivered::from_stored("ABCD3467", &delivered.to_storage(), 10), Some(delivered.clone()));
        assert_eq!(Delivered::from_stored("ABCD3467", "10", DELIVERED_KEEP_MS + 10), Some(delivered));
        assert_eq!(Delivered::from_stored("ABCD3467", "10", DELIVERED_KEEP_MS + 11), None, "older than a day");
        assert_eq!(Delivered::from_stored("ABCD3467", "soon", 0), None);
        assert_eq!(Delivered::from_stored("abcd", "10", 10), None);
    }

    #[test]
    fn delivered_references_are_kept_a_day_and_five_at_most() {
        let mut list = Vec::new();
        for (i, reference) in ["A", "B", "C", "D", "E", "F"].iter().enumerate() {
            list = remember_delivered(&list, reference, i as i64);
        }
        assert_eq!(list.iter().map(|d| d.reference.as_str()).collect::<Vec<_>>(), ["B", "C", "D", "E", "F"]);
        let later = remember_delivered(&list, "G", DELIVERED_KEEP_MS + 3);
        assert_eq!(later.iter().map(|d| d.reference.as_str()).collect::<Vec<_>>(), ["D", "E", "F", "G"]);
        assert_eq!(remember_delivered(&later, "G", DELIVERED_KEEP_MS + 3).len(), 4, "no duplicates");
    }
}
