//! Where a young person's sign-up stands, as the confirmation page tells it: the choice of
//! what to show lives here, with native tests, not in the page.

use super::delivered::Delivered;
use super::entry::{Entry, EntryStatus, Outbox};

/// Where a young person's sign-up stands, as the confirmation page tells it.
///
/// A page shows a sign-up only to the tab that made it, or to whoever typed its reference
/// (phones and tablets are shared: a reload or a direct visit must never show the last young
/// person's sign-up, nor let "Corriger mes réponses" load their answers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignupStatus {
    /// On the device, on its way; `endpoint_error` when the endpoint's last answer was its own
    /// error (tried again slowly: the page gives the phone more prominently).
    Pending { reference: String, endpoint_error: bool },
    /// Rejected: refused by the endpoint (400, 422), to correct.
    Rejected { key: String, reference: String, problems: Vec<String> },
    /// The endpoint's answer could not be read: maybe received; never said to be sent.
    Unreadable { key: String, reference: String },
    /// Delivered (2xx): "Inscription envoyée", and only then.
    Delivered { reference: String },
    /// This tab's sign-up is no longer on the device and was not seen delivered (erased, or the
    /// browser cleared the site's data): the app cannot tell, the young person calls with it.
    Unknown { reference: String },
    /// No sign-up of this tab's own, but some wait on this device (someone else's, perhaps), or
    /// were delivered from it today: only how many wait, nothing personal; the young person
    /// may type a reference to see theirs.
    Waiting { count: usize },
    /// Nothing waits on this device.
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
            EntryStatus::Unreadable { .. } => SignupStatus::Unreadable { key: entry.key().to_owned(), reference },
        }
    }

    /// The reference to show, if any.
    pub fn reference(&self) -> Option<&str> {
        match self {
            SignupStatus::Pending { reference, .. }
            | SignupStatus::Rejected { reference, .. }
            | SignupStatus::Unreadable { reference, .. }
            | SignupStatus::Delivered { reference }
            | SignupStatus::Unknown { reference } => Some(reference),
            SignupStatus::Waiting { .. } | SignupStatus::Nothing => None,
        }
    }
}

impl Outbox {
    /// The status to show to a tab whose own sign-up (`mine`: its reference, sent from this tab
    /// or typed by the young person) is known, wherever it is; to any other tab, only how many
    /// sign-ups wait on this device.
    pub fn status(&self, delivered: &[Delivered], mine: Option<&str>) -> SignupStatus {
        let Some(mine) = mine else {
            return match self.waiting() {
                0 if delivered.is_empty() => SignupStatus::Nothing,
                count => SignupStatus::Waiting { count },
            };
        };
        if let Some(entry) = self.entries.iter().find(|e| e.reference() == mine) {
            return SignupStatus::of(entry);
        }
        if delivered.iter().any(|d| d.reference == mine) {
            return SignupStatus::Delivered { reference: mine.to_owned() };
        }
        SignupStatus::Unknown { reference: mine.to_owned() }
    }

    /// The reference a young person typed to see their sign-up, as stored, if a sign-up with it
    /// is on this device or was delivered from it today. Read leniently (lower case, spaces,
    /// dashes: as a reference is copied by hand).
    pub fn claim(&self, delivered: &[Delivered], typed: &str) -> Option<String> {
        let typed: String =
            typed.chars().filter(|c| !matches!(c, ' ' | '-' | '\u{a0}')).collect::<String>().to_ascii_uppercase();
        let known =
            self.entries.iter().any(|e| e.reference() == typed) || delivered.iter().any(|d| d.reference == typed);
        (crate::domain::ids::is_reference(&typed) && known).then_some(typed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::draft::Draft;
    use crate::domain::outbox::fixtures::payload;
    use crate::domain::outbox::{POLICY, remember_delivered};
    use crate::domain::response::Outcome;

    fn with_reference(key: &str, reference: &str) -> Entry {
        let mut p = payload(key);
        p.reference = reference.into();
        Entry::new(&p, Draft::default(), 0)
    }

    #[test]
    fn the_status_shown_is_this_tabs_own_sign_up_wherever_it_is() {
        let mut outbox = Outbox::default();
        let delivered = remember_delivered(&[], "DCNE3467", 0);
        assert_eq!(
            outbox.status(&delivered, Some("DCNE3467")),
            SignupStatus::Delivered { reference: "DCNE3467".into() }
        );
        outbox.add(with_reference("k1", "PEND3467"));
        let pending = SignupStatus::Pending { reference: "PEND3467".into(), endpoint_error: false };
        assert_eq!(outbox.status(&delivered, Some("PEND3467")), pending);
        outbox.record("k1", &Outcome::EndpointError { status: 403 }, None, 0, 0.5, &POLICY);
        let endpoint = SignupStatus::Pending { reference: "PEND3467".into(), endpoint_error: true };
        assert_eq!(outbox.status(&[], Some("PEND3467")), endpoint);
        outbox.add(with_reference("k2", "MAYB3467"));
        outbox.record("k2", &Outcome::Unreadable { status: 0 }, None, 0, 0.5, &POLICY);
        let unreadable = SignupStatus::Unreadable { key: "k2".into(), reference: "MAYB3467".into() };
        assert_eq!(outbox.status(&[], Some("MAYB3467")), unreadable);
        assert_eq!(outbox.status(&[], Some("PEND3467")), endpoint, "another sign-up waiting changes nothing");
        assert_eq!(unreadable.reference(), Some("MAYB3467"));
    }

    #[test]
    fn a_tab_without_a_sign_up_of_its_own_never_sees_another_persons() {
        // On a counsellor's tablet: X's sign-up was refused; Y reloads or opens the confirmation.
        let mut outbox = Outbox::default();
        assert_eq!(outbox.status(&[], None), SignupStatus::Nothing);
        let delivered = remember_delivered(&[], "DCNE3467", 0);
        assert_eq!(outbox.status(&delivered, None), SignupStatus::Waiting { count: 0 }, "not the last delivered one");
        outbox.add(with_reference("kx", "XXXX3467"));
        let refused = Outcome::Rejected { status: 400, problems: vec!["Numéro".into()] };
        outbox.record("kx", &refused, None, 0, 0.5, &POLICY);
        assert_eq!(outbox.status(&delivered, None), SignupStatus::Waiting { count: 1 }, "how many, nothing personal");
        assert_eq!(SignupStatus::Waiting { count: 1 }.reference(), None);
        outbox.unreadable = 2;
        assert_eq!(outbox.status(&[], None), SignupStatus::Waiting { count: 3 }, "unreadable ones wait too");
        // This tab's own sign-up is gone from the device: we cannot tell, never someone else's.
        assert_eq!(outbox.status(&[], Some("MINE3467")), SignupStatus::Unknown { reference: "MINE3467".into() });
    }

    #[test]
    fn a_young_person_proves_a_sign_up_is_theirs_by_typing_its_reference() {
        let mut outbox = Outbox::default();
        outbox.add(with_reference("kx", "XXXX3467"));
        let delivered = remember_delivered(&[], "DCNE3467", 0);
        assert_eq!(outbox.claim(&delivered, "xxxx 3467"), Some("XXXX3467".into()));
        assert_eq!(outbox.claim(&delivered, " XXXX-3467 "), Some("XXXX3467".into()));
        assert_eq!(outbox.claim(&delivered, "dcne3467"), Some("DCNE3467".into()));
        assert_eq!(outbox.claim(&delivered, "YYYY3467"), None, "not on this device");
        assert_eq!(outbox.claim(&delivered, ""), None);
        assert_eq!(outbox.claim(&delivered, "XXXX346"), None);
    }
}
