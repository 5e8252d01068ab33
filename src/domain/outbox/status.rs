//! Where a young person's sign-up stands, as the confirmation page tells it: the choice of
//! what to show lives here, with native tests, not in the page.

use super::delivered::Delivered;
use super::entry::{Entry, EntryStatus, Outbox};

/// Where a young person's sign-up stands, as the confirmation page tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignupStatus {
    /// On the device, on its way; `endpoint_error` when the endpoint's last answer was its own
    /// error (tried again slowly: the page gives the phone more prominently).
    Pending { reference: String, endpoint_error: bool },
    /// Refused by the endpoint (400, 422): to correct.
    Rejected { key: String, reference: String, problems: Vec<String> },
    /// The endpoint's answer could not be read: maybe received; never said to be sent.
    Unreadable { reference: String },
    /// Delivered (2xx): "Inscription envoyée", and only then.
    Delivered { reference: String },
    /// Nothing sent from this device recently.
    Nothing,
}

impl SignupStatus {
    fn of(entry: &Entry) -> SignupStatus {
        let reference = entry.reference().to_owned();
        match &entry.status {
            EntryStatus::Pending => SignupStatus::Pending { reference, endpoint_error: false },
            EntryStatus::EndpointError { .. } => SignupStatus::Pending { reference, endpoint_error: true },
            EntryStatus::Rejected { problems, .. } => {
                SignupStatus::Rejected { key: entry.key().to_owned(), reference, problems: problems.clone() }
            }
            EntryStatus::Unreadable { .. } => SignupStatus::Unreadable { reference },
        }
    }

    /// The reference to show, if any.
    pub fn reference(&self) -> Option<&str> {
        match self {
            SignupStatus::Pending { reference, .. }
            | SignupStatus::Rejected { reference, .. }
            | SignupStatus::Unreadable { reference }
            | SignupStatus::Delivered { reference } => Some(reference),
            SignupStatus::Nothing => None,
        }
    }
}

impl Outbox {
    /// The status to show: the sign-up sent from this tab (`mine`, its reference) wherever it
    /// is; otherwise (a reload, another tab) one that needs the young person (refused, maybe
    /// received), then one on its way, then the last delivered reference.
    pub fn status(&self, delivered: &[Delivered], mine: Option<&str>) -> SignupStatus {
        if let Some(mine) = mine {
            if let Some(entry) = self.entries.iter().find(|e| e.reference() == mine) {
                return SignupStatus::of(entry);
            }
            if delivered.iter().any(|d| d.reference == mine) {
                return SignupStatus::Delivered { reference: mine.to_owned() };
            }
        }
        let stopped = self.entries.iter().rev().find(|e| !e.status.on_its_way());
        let on_its_way = self.entries.iter().rev().find(|e| e.status.on_its_way());
        match (stopped.or(on_its_way), delivered.last()) {
            (Some(entry), _) => SignupStatus::of(entry),
            (None, Some(last)) => SignupStatus::Delivered { reference: last.reference.clone() },
            (None, None) => SignupStatus::Nothing,
        }
    }

    /// References of the sign-ups still on this device, oldest first (listed when the
    /// configuration is broken, with the phone number).
    pub fn references(&self) -> Vec<String> {
        self.entries.iter().map(|e| e.reference().to_owned()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::draft::Draft;
    use crate::domain::outbox::fixtures::payload;
    use crate::domain::outbox::{POLICY, remember_delivered};
    use crate::domain::response::Outcome;

    #[test]
    fn the_status_shown_follows_this_tabs_sign_up_then_what_needs_the_young_person() {
        let with_reference = |key: &str, reference: &str| {
            let mut p = payload(key);
            p.reference = reference.into();
            Entry::new(&p, Draft::default(), 0)
        };
        let mut outbox = Outbox::default();
        assert_eq!(outbox.status(&[], None), SignupStatus::Nothing);
        let delivered = remember_delivered(&[], "DONE3467", 0);
        assert_eq!(outbox.status(&delivered, None), SignupStatus::Delivered { reference: "DONE3467".into() });
        outbox.add(with_reference("k1", "PEND3467"));
        let pending = SignupStatus::Pending { reference: "PEND3467".into(), endpoint_error: false };
        assert_eq!(outbox.status(&delivered, None), pending);
        assert_eq!(
            outbox.status(&delivered, Some("DONE3467")),
            SignupStatus::Delivered { reference: "DONE3467".into() }
        );
        outbox.record("k1", &Outcome::EndpointError { status: 403 }, None, 0, 0.5, &POLICY);
        let endpoint = SignupStatus::Pending { reference: "PEND3467".into(), endpoint_error: true };
        assert_eq!(outbox.status(&[], None), endpoint);
        outbox.add(with_reference("k2", "MAYB3467"));
        outbox.record("k2", &Outcome::Unreadable { status: 0 }, None, 0, 0.5, &POLICY);
        let unreadable = SignupStatus::Unreadable { reference: "MAYB3467".into() };
        assert_eq!(outbox.status(&[], None), unreadable, "what needs the young person first");
        assert_eq!(outbox.status(&[], Some("PEND3467")), endpoint, "but this tab's own sign-up wins");
        assert_eq!(unreadable.reference(), Some("MAYB3467"));
        assert_eq!(outbox.references(), ["PEND3467", "MAYB3467"]);
    }
}
