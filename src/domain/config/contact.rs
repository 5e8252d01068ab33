//! The contact details kept on the device, for the day `config.json` breaks.

use serde::Serialize;

use super::DEFAULT_SHORT_NAME;

/// Contact details kept on the device from the last configuration that worked, so that a young
/// person still gets a phone number if a later deploy breaks `config.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContactFallback {
    pub name: String,
    /// With its article ("la Mission Locale"); absent from what older versions kept.
    pub short_name: String,
    pub phone_e164: String,
    pub phone_display: String,
}

impl ContactFallback {
    /// Reads the kept details back; `None` if anything is missing.
    pub fn from_storage(text: &str) -> Option<ContactFallback> {
        let value = crate::domain::json::parse_value(text).ok()?;
        Some(ContactFallback {
            name: crate::domain::json::opt_text(&value, "name")?,
            short_name: crate::domain::json::opt_text(&value, "short_name")
                .unwrap_or_else(|| DEFAULT_SHORT_NAME.to_owned()),
            phone_e164: crate::domain::json::opt_text(&value, "phone_e164")?,
            phone_display: crate::domain::json::opt_text(&value, "phone_display")?,
        })
    }
}
