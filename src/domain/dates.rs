//! Dates, in one place: the formats the app writes (ISO 8601 for the endpoint, `jj/mm/aaaa` for
//! people) and the one it reads from servers (the HTTP date of `Retry-After`).
//!
//! Hand-written on purpose: chrono's general formatter and parser would add kilobytes to the
//! wasm for these few fixed formats (chrono is kept for calendar arithmetic only).

/// Formats a moment as ISO 8601 with its offset and whole seconds
/// (`2026-11-27T16:08:42+01:00`). Hand-written: chrono's formatter is heavy for the wasm.
pub fn iso_timestamp<Tz: chrono::TimeZone>(moment: &chrono::DateTime<Tz>) -> String {
    use chrono::{Offset, Timelike};
    let local = moment.naive_local();
    let offset = moment.offset().fix().local_minus_utc();
    let (sign, offset) = if offset < 0 { ('-', -offset) } else { ('+', offset) };
    format!(
        "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        iso_date(local.date()),
        local.hour(),
        local.minute(),
        local.second(),
        offset / 3600,
        offset % 3600 / 60
    )
}

/// `2007-03-14`.
pub fn iso_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Reads an HTTP date in the IMF-fixdate form every server sends (`Wed, 21 Oct 2015 07:28:00
/// GMT`, RFC 9110 §5.6.7) as milliseconds since 1970. Hand-written: chrono's general parser
/// would add kilobytes to the download for this one header.
///
/// Why not `httpdate` (1.0.3, available offline): Measured (issue 14) in a probe wasm built like the app's (opt-level z, LTO, wasm-opt -Oz 132, brotli 11), it costs 1,184 B more than this
/// function (2,239 B against 1,055 B over the same probe without either), above the 1 KB a
/// crate may cost us.
pub fn parse_http_date(value: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut parts = value.split_whitespace();
    let (_weekday, day, month, year, time, zone) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || zone != "GMT" {
        return None;
    }
    let number = |s: &str| s.parse::<u32>().ok().filter(|_| s.bytes().all(|b| b.is_ascii_digit()));
    let month = u32::try_from(MONTHS.iter().position(|m| *m == month)? + 1).ok()?;
    let mut clock = time.split(':');
    let (h, m, s) = (number(clock.next()?)?, number(clock.next()?)?, number(clock.next()?)?);
    if clock.next().is_some() {
        return None;
    }
    let year = i32::try_from(number(year)?).ok()?;
    let moment = chrono::NaiveDate::from_ymd_opt(year, month, number(day)?)?.and_hms_opt(h, m, s)?;
    Some(moment.and_utc().timestamp_millis())
}

/// `2026-11-27T16:08:42+01:00` → `27/11/2026`.
pub fn french_date(iso: &str) -> Option<String> {
    let date = iso.get(..10)?;
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    Some(format!("{day}/{month}/{year}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_for_people_and_for_servers() {
        assert_eq!(french_date("2026-11-27T16:08:42+01:00").as_deref(), Some("27/11/2026"));
        assert_eq!(french_date("2026"), None);
        assert_eq!(iso_date(chrono::NaiveDate::from_ymd_opt(2007, 3, 14).unwrap()), "2007-03-14");
        assert_eq!(parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT"), Some(1_445_412_480_000));
        assert_eq!(parse_http_date("Wed, 21 Oct 2015 07:28:00 UTC"), None);
    }
}
