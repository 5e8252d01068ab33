//! Dates, in one place: the formats the app writes (ISO 8601 for the endpoint, `jj/mm/aaaa` and
//! `jeudi 10 décembre` for people), the one it reads from servers (the HTTP date of
//! `Retry-After`), and the French working-day calendar of the call-back deadline.
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

/// `2026-12-04` (or the date of an ISO timestamp) as a date; `None` if it is not one. By hand:
/// chrono's parser is heavy for the wasm.
pub fn parse_iso_date(iso: &str) -> Option<chrono::NaiveDate> {
    let mut parts = iso.get(..10)?.split('-');
    let (year, month, day) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(year, month, day)
}

/// `27/11/2026`: a date as a form shows it.
pub fn numeric_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// `2026-11-27T16:08:42+01:00` → `27/11/2026`.
pub fn french_date(iso: &str) -> Option<String> {
    let date = iso.get(..10)?;
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    Some(format!("{day}/{month}/{year}"))
}

/// Easter Sunday of `year` in the Gregorian calendar, by the anonymous algorithm (Meeus, Jones,
/// Butcher): no table of years. Euclidean division keeps every step in range for any year chrono
/// knows, so the result is always between 22 March and 25 April.
fn easter_sunday(year: i32) -> chrono::NaiveDate {
    let a = year.rem_euclid(19);
    let (b, c) = (year.div_euclid(100), year.rem_euclid(100));
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    // `n / 31` is 3 or 4 and `n % 31 + 1` a day of that month (22 March to 25 April): it exists.
    let (month, day) = ((n / 31) as u32, (n % 31 + 1) as u32);
    chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap_or(chrono::NaiveDate::MIN)
}

/// Whether `date` is one of the 11 national public holidays of metropolitan France (Code du
/// travail, art. L3133-1): 1 January, Easter Monday, 1 May, 8 May, Ascension Thursday (Easter +
/// 39 days), Whit Monday (Easter + 50), 14 July, 15 August, 1 November, 11 November, 25 December.
///
/// Whit Monday (lundi de Pentecôte) stays a holiday: many workplaces make it their "journée de
/// solidarité" and work that day, but it is still a public holiday in the calendar, and the
/// mission locale may well be closed: a call promised on a day nobody may be there would be a
/// promise broken. Counting it costs a young person at most one day of waiting.
///
/// Not included: Good Friday and 26 December, holidays in Alsace-Moselle only, and the overseas
/// departments' own days (abolition of slavery): the Lab'O is in Normandy. The list is today's,
/// applied to every year.
pub fn is_french_public_holiday(date: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    let fixed = matches!(
        (date.month(), date.day()),
        (1, 1) | (5, 1) | (5, 8) | (7, 14) | (8, 15) | (11, 1) | (11, 11) | (12, 25)
    );
    fixed || matches!((date - easter_sunday(date.year())).num_days(), 1 | 39 | 50)
}

/// Whether `date` is a working day: Monday to Friday, and not a French public holiday.
pub fn is_working_day(date: chrono::NaiveDate) -> bool {
    use chrono::{Datelike, Weekday};
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_french_public_holiday(date)
}

/// The `days`-th working day after `from` (see [`is_working_day`]): the deadline of "on t'appelle
/// sous `days` jours ouvrés" for a sign-up made on `from`.
///
/// The day of the sign-up never counts, even when it is a working day (a sign-up sent at 23:00
/// is read the next morning): the count starts at the first working day after `from`, which is
/// day 1. A sign-up made on a Saturday, a Sunday or a public holiday is therefore counted as one
/// made on the working day before it. Every working day in `from` (excluded) to the result
/// (included) is counted, and there are exactly `days` of them.
///
/// For example, with 3 working days: a sign-up on Wednesday 23 December 2026 is called back by
/// Tuesday 29 December (Thursday 24 is day 1, Friday 25 is Christmas, Monday 28 is day 2); one on
/// Saturday 5 December 2026 by Wednesday 9 December (Monday 7, Tuesday 8, Wednesday 9), the same
/// as one on Friday 4 December.
///
/// `days == 0` gives `from` itself. At the end of chrono's calendar (year 262 142) the count stops
/// at its last date instead of failing.
pub fn add_working_days(from: chrono::NaiveDate, days: u32) -> chrono::NaiveDate {
    let (mut date, mut left) = (from, days);
    while left > 0 {
        let Some(next) = date.succ_opt() else { return date };
        date = next;
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

/// `jeudi 10 décembre`, `mardi 1er décembre`: the day and the month in words, lower case, without
/// the year (the call-back deadline is never more than a few weeks away). French typography: the
/// first of the month is `1er`, and a no-break space (U+00A0) holds the number to its month, so
/// that `10` never ends a line alone on a 320 px screen.
pub fn french_long_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const DAYS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let weekday = DAYS[date.weekday().num_days_from_monday() as usize];
    let month = MONTHS[date.month0() as usize];
    let nbsp = super::typography::NBSP;
    match date.day() {
        1 => format!("{weekday} 1er{nbsp}{month}"),
        day => format!("{weekday} {day}{nbsp}{month}"),
    }
}

/// `Friday 4 December`: [`french_long_date`] for an English page (British order, no "1st").
pub fn english_long_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let nbsp = super::typography::NBSP;
    format!(
        "{} {}{nbsp}{}",
        DAYS[date.weekday().num_days_from_monday() as usize],
        date.day(),
        MONTHS[date.month0() as usize]
    )
}

/// The long date in the page's language (`meta_lang`): French unless English.
pub fn long_date(date: chrono::NaiveDate, lang: &str) -> String {
    if lang == "en" { english_long_date(date) } else { french_long_date(date) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn long_dates_in_each_language() {
        assert_eq!(long_date(date(2026, 12, 4), "fr"), "vendredi 4\u{a0}décembre");
        assert_eq!(long_date(date(2026, 12, 4), "en"), "Friday 4\u{a0}December");
        assert_eq!(long_date(date(2027, 2, 1), "fr"), "lundi 1er\u{a0}février");
        assert_eq!(long_date(date(2027, 2, 1), "en"), "Monday 1\u{a0}February");
    }

    #[test]
    fn iso_dates_read_back() {
        assert_eq!(parse_iso_date("2026-12-04"), Some(date(2026, 12, 4)));
        assert_eq!(parse_iso_date("2026-11-27T16:08:42+01:00"), Some(date(2026, 11, 27)));
        assert_eq!(parse_iso_date(&iso_date(date(2027, 2, 28))), Some(date(2027, 2, 28)));
        for wrong in ["", "2026-02-30", "2026-1-1", "demain", "2026-12-0x"] {
            assert_eq!(parse_iso_date(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn easter_sunday_matches_the_calendar() {
        assert_eq!(easter_sunday(2024), date(2024, 3, 31));
        assert_eq!(easter_sunday(2025), date(2025, 4, 20));
        assert_eq!(easter_sunday(2026), date(2026, 4, 5));
        assert_eq!(easter_sunday(2027), date(2027, 3, 28));
        assert_eq!(easter_sunday(2038), date(2038, 4, 25), "the latest Easter possible");
        assert_eq!(easter_sunday(2285), date(2285, 3, 22), "the earliest Easter possible");
        assert_eq!(easter_sunday(2008), date(2008, 3, 23));
    }

    #[test]
    fn public_holidays_of_2026() {
        let holidays: Vec<_> =
            date(2026, 1, 1).iter_days().take(365).filter(|d| is_french_public_holiday(*d)).collect();
        let expected = [
            (1, 1),
            (4, 6),  // Easter Monday
            (5, 1),  // a Friday
            (5, 8),  // a Friday
            (5, 14), // Ascension Thursday
            (5, 25), // Whit Monday
            (7, 14),
            (8, 15),
            (11, 1),
            (11, 11),
            (12, 25),
        ];
        assert_eq!(holidays, expected.map(|(m, d)| date(2026, m, d)));
        // Easter Sunday itself and Whit Sunday are Sundays, not holidays of their own.
        assert!(!is_french_public_holiday(date(2026, 4, 5)));
        assert!(!is_french_public_holiday(date(2026, 5, 24)));
        // Not in metropolitan France outside Alsace-Moselle: Good Friday, 26 December.
        assert!(!is_french_public_holiday(date(2026, 4, 3)));
        assert!(!is_french_public_holiday(date(2026, 12, 26)));
    }

    #[test]
    fn a_holiday_falling_on_another_is_one_day_off() {
        // 2008: Easter on 23 March, so Ascension fell on 1 May; 10 distinct days off that year.
        assert!(is_french_public_holiday(date(2008, 5, 1)));
        let count = date(2008, 1, 1).iter_days().take(366).filter(|d| is_french_public_holiday(*d)).count();
        assert_eq!(count, 10);
    }

    #[test]
    fn working_days_across_a_weekend() {
        // Friday 4 December 2026 + 1 → Monday 7; + 4 → Thursday 10.
        assert_eq!(add_working_days(date(2026, 12, 4), 1), date(2026, 12, 7));
        assert_eq!(add_working_days(date(2026, 12, 4), 4), date(2026, 12, 10));
        // Tuesday + 2 within the week.
        assert_eq!(add_working_days(date(2026, 12, 1), 2), date(2026, 12, 3));
        assert_eq!(add_working_days(date(2026, 12, 1), 0), date(2026, 12, 1));
    }

    #[test]
    fn working_days_across_christmas_and_new_year() {
        // Wednesday 23 December 2026: Thursday 24 (1), Friday 25 Christmas, Monday 28 (2), Tuesday 29 (3).
        assert_eq!(add_working_days(date(2026, 12, 23), 3), date(2026, 12, 29));
        // Tuesday 29 December 2026: Wednesday 30 (1), Thursday 31 (2), Friday 1 January, Monday 4 (3).
        assert_eq!(add_working_days(date(2026, 12, 29), 3), date(2027, 1, 4));
        assert_eq!(add_working_days(date(2026, 12, 23), 5), date(2026, 12, 31));
        assert_eq!(add_working_days(date(2026, 12, 23), 6), date(2027, 1, 4));
    }

    #[test]
    fn working_days_across_the_ascension_bridge() {
        // Wednesday 13 May 2026: Thursday 14 is Ascension; Friday 15 (the "pont") is worked.
        assert_eq!(add_working_days(date(2026, 5, 13), 1), date(2026, 5, 15));
        assert_eq!(add_working_days(date(2026, 5, 13), 2), date(2026, 5, 18));
        // Friday 22 May 2026: Monday 25 is Whit Monday.
        assert_eq!(add_working_days(date(2026, 5, 22), 1), date(2026, 5, 26));
        // Thursday 30 April 2026: Friday 1 May.
        assert_eq!(add_working_days(date(2026, 4, 30), 1), date(2026, 5, 4));
    }

    #[test]
    fn working_days_from_a_saturday_count_like_from_the_friday() {
        // Saturday 5 December 2026: Monday 7 is day 1.
        assert_eq!(add_working_days(date(2026, 12, 5), 1), date(2026, 12, 7));
        assert_eq!(add_working_days(date(2026, 12, 5), 3), date(2026, 12, 9));
        assert_eq!(add_working_days(date(2026, 12, 5), 4), date(2026, 12, 10));
        assert_eq!(add_working_days(date(2026, 12, 6), 4), add_working_days(date(2026, 12, 4), 4), "Sunday, Friday");
    }

    #[test]
    fn working_days_from_a_holiday() {
        // Ascension Thursday 14 May 2026 + 1 → Friday 15.
        assert_eq!(add_working_days(date(2026, 5, 14), 1), date(2026, 5, 15));
        // Easter Monday 6 April 2026 + 2 → Wednesday 8.
        assert_eq!(add_working_days(date(2026, 4, 6), 2), date(2026, 4, 8));
        // Friday 1 January 2027 + 1 → Monday 4.
        assert_eq!(add_working_days(date(2027, 1, 1), 1), date(2027, 1, 4));
        // Christmas Day 2026 counts like Thursday 24.
        assert_eq!(add_working_days(date(2026, 12, 25), 3), add_working_days(date(2026, 12, 24), 3));
    }

    #[test]
    fn long_dates_in_french() {
        let nbsp = crate::domain::typography::NBSP;
        assert_eq!(french_long_date(date(2026, 12, 10)), format!("jeudi 10{nbsp}décembre"));
        assert_eq!(french_long_date(date(2026, 12, 1)), format!("mardi 1er{nbsp}décembre"));
        assert_eq!(french_long_date(date(2026, 8, 15)), format!("samedi 15{nbsp}août"));
        assert_eq!(french_long_date(date(2027, 2, 7)), format!("dimanche 7{nbsp}février"));
        assert_eq!(french_long_date(date(2026, 1, 5)), format!("lundi 5{nbsp}janvier"));
    }

    // proptest is a native dev-dependency only (the wasm test build has no use for it).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use super::date;
        use proptest::prelude::*;

        /// Any day from 1 January 1900 to the end of 2199.
        fn any_date() -> impl Strategy<Value = chrono::NaiveDate> {
            let start = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
            (0i64..109_572).prop_map(move |offset| start + chrono::Duration::days(offset))
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            /// The deadline is a working day after the sign-up, with exactly `days` working days
            /// from the day after the sign-up to the deadline included.
            #[test]
            fn the_deadline_is_the_nth_working_day_after(from in any_date(), days in 0u32..60) {
                let deadline = add_working_days(from, days);
                if days == 0 {
                    prop_assert_eq!(deadline, from);
                } else {
                    prop_assert!(deadline > from);
                    prop_assert!(is_working_day(deadline), "{deadline}");
                }
                let counted = from.iter_days().skip(1).take_while(|d| *d <= deadline).filter(|d| is_working_day(*d)).count();
                prop_assert_eq!(counted, days as usize);
            }

            /// Easter is a Sunday between 22 March and 25 April, every year.
            #[test]
            fn easter_is_a_sunday_in_its_window(year in -5000i32..10_000) {
                use chrono::{Datelike, Weekday};
                let easter = easter_sunday(year);
                prop_assert_eq!(easter.year(), year);
                prop_assert_eq!(easter.weekday(), Weekday::Sun);
                prop_assert!((date(year, 3, 22)..=date(year, 4, 25)).contains(&easter), "{easter}");
            }
        }
    }

    #[test]
    fn dates_for_people_and_for_servers() {
        assert_eq!(french_date("2026-11-27T16:08:42+01:00").as_deref(), Some("27/11/2026"));
        assert_eq!(french_date("2026"), None);
        assert_eq!(iso_date(chrono::NaiveDate::from_ymd_opt(2007, 3, 14).unwrap()), "2007-03-14");
        assert_eq!(parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT"), Some(1_445_412_480_000));
        assert_eq!(parse_http_date("Wed, 21 Oct 2015 07:28:00 UTC"), None);
    }
}
