//! A stable sort for the short lists the app sorts (a question's options, a profile's
//! dimensions: a few dozen items at most; the commune search keeps its best matches itself).
//!
//! Why not `slice::sort_by`: the standard library's stable sort is built for millions of items
//! and each use of it adds about 5 KB to the wasm our users download. An insertion sort is a few
//! hundred bytes, stable, and as fast as anything on lists this short.

use std::cmp::Ordering;

/// Sorts `items` in place by `compare`, keeping equal items in their order (stable).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `items` in place by the key `key` gives, keeping equal keys in their order (stable).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Every list of up to 7 items drawn from 3 keys, each item tagged with its position:
        // the result must equal std's stable sort, ties included.
        for len in 0..=7u32 {
            for code in 0..3u32.pow(len) {
                let items: Vec<(u32, usize)> = (0..len).map(|i| ((code / 3u32.pow(i)) % 3, i as usize)).collect();
                let mut ours = items.clone();
                sort_by_key(&mut ours, |item| item.0);
                let mut expected = items.clone();
                #[allow(clippy::disallowed_methods)] // the reference our sort is checked against
                expected.sort_by_key(|item| item.0);
                assert_eq!(ours, expected, "{items:?}");
            }
        }
    }

    #[test]
    fn sorts_in_reverse_with_a_comparator() {
        let mut items = vec![3, 1, 2, 5, 4];
        sort_by(&mut items, |a, b| b.cmp(a));
        assert_eq!(items, [5, 4, 3, 2, 1]);
    }
}
