//! Identifiers made on the device: the reference a young person reads out on the phone, and the
//! idempotency key that makes a repeated POST harmless.
//!
//! Both take their randomness from the caller (the browser's `crypto.getRandomValues`, see
//! `app::platform`), so they are deterministic and testable here.

/// The reference alphabet: capitals and digits that cannot be mistaken for one another when read
/// aloud or copied by hand. No 0/O/Q, 1/I/L, 2/Z, 5/S.
pub const REFERENCE_ALPHABET: &[u8; 26] = b"ABCDEFGHJKMNPRTUVWXY346789";
/// Length of a reference: 26^8 ≈ 2 × 10^11 possibilities, so two sign-ups never share one.
pub const REFERENCE_LENGTH: usize = 8;

/// Builds a reference from random bytes, without bias: bytes that would favour the first
/// letters of the alphabet (234 and above) are skipped.
///
/// ```
/// use labo::domain::ids::reference;
/// let mut bytes = [0u8, 1, 2, 3, 4, 5, 6, 7].into_iter().cycle();
/// assert_eq!(reference(|| bytes.next().unwrap()), "ABCDEFGH");
/// ```
pub fn reference(mut random_byte: impl FnMut() -> u8) -> String {
    let alphabet_len = REFERENCE_ALPHABET.len() as u8;
    let limit = 256 - 256 % u16::from(alphabet_len);
    let mut out = String::with_capacity(REFERENCE_LENGTH);
    while out.len() < REFERENCE_LENGTH {
        let byte = random_byte();
        if u16::from(byte) < limit {
            out.push(char::from(REFERENCE_ALPHABET[usize::from(byte % alphabet_len)]));
        }
    }
    out
}

/// Whether a text is a well-formed reference (for references typed back or read from storage).
pub fn is_reference(text: &str) -> bool {
    text.len() == REFERENCE_LENGTH && text.bytes().all(|b| REFERENCE_ALPHABET.contains(&b))
}

/// Formats 16 random bytes as a version 4 UUID (RFC 9562), lower case.
///
/// `uuid` (1.29.3, `Builder::from_random_bytes`, no default features) does the same: Measured (issue 14) in a probe wasm built like the app's (opt-level z, LTO, wasm-opt -Oz 132, brotli 11), it
/// costs 567 B more than this function and [`is_uuid_v4`]. Within the 1 KB a crate may cost,
/// but not adopted: the size ratchet only goes down, and its parser accepts upper case and
/// braces where a stored key must be exactly what we wrote.
///
/// ```
/// use labo::domain::ids::uuid_v4;
/// assert_eq!(uuid_v4([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
/// ```
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(36);
    for (i, byte) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    out
}

/// Whether a text looks like a UUID as made by [`uuid_v4`].
pub fn is_uuid_v4(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            14 => *b == b'4',
            19 => matches!(b, b'8' | b'9' | b'a' | b'b'),
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(b),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabet_has_no_ambiguous_characters() {
        for ambiguous in b"0O1ILQ2Z5S" {
            assert!(!REFERENCE_ALPHABET.contains(ambiguous), "{}", char::from(*ambiguous));
        }
        let mut sorted = REFERENCE_ALPHABET.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), REFERENCE_ALPHABET.len());
    }

    #[test]
    fn reference_skips_biased_bytes() {
        // 234..=255 would make A..V more likely than the rest: they are skipped.
        let mut bytes = [255u8, 234, 25, 26, 233, 51, 52, 0, 1, 2].into_iter();
        assert_eq!(reference(|| bytes.next().unwrap()), "9A99AABC");
    }

    #[test]
    fn references_are_uniform_over_the_alphabet() {
        let mut counts = [0u32; 26];
        let mut state = 0u8;
        // Every byte value once per round: the alphabet must come out evenly.
        for _ in 0..9 {
            let r = reference(|| {
                state = state.wrapping_add(1);
                state
            });
            assert!(is_reference(&r));
            for b in r.bytes() {
                counts[REFERENCE_ALPHABET.iter().position(|x| *x == b).unwrap()] += 1;
            }
        }
        let (min, max) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
        assert!(max - min <= 1, "{counts:?}");
    }

    #[test]
    fn uuid_has_version_and_variant() {
        let id = uuid_v4([0; 16]);
        assert_eq!(id, "00000000-0000-4000-8000-000000000000");
        assert!(is_uuid_v4(&id));
        let id = uuid_v4(*b"\x12\x34\x56\x78\x9a\xbc\xde\xf0\x12\x34\x56\x78\x9a\xbc\xde\xf0");
        assert_eq!(id, "12345678-9abc-4ef0-9234-56789abcdef0");
        assert!(is_uuid_v4(&id));
        assert!(!is_uuid_v4("12345678-9abc-1ef0-9234-56789abcdef0"));
        assert!(!is_uuid_v4("not a uuid"));
    }
}
