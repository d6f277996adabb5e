//! Lookups that hold a 64-bit hash of each key instead of the key.
//!
//! A long paper has a hundred thousand works and citations; their folded
//! identities and printed texts, held as keys, were a tenth of its memory
//! while it was resolved and checked. The caller can rebuild the key of any
//! value it stored, so a hit is confirmed against it; a key whose hash an
//! earlier, different key already holds is kept whole in `clashes`. Two
//! keys are never taken for one.

use std::hash::{BuildHasher, Hash};

#[derive(Debug)]
pub struct HashedIndex<K, V> {
    by_hash: foldhash::HashMap<u64, V>,
    clashes: foldhash::HashMap<K, V>,
}

impl<K, V> Default for HashedIndex<K, V> {
    fn default() -> Self {
        HashedIndex {
            by_hash: foldhash::HashMap::default(),
            clashes: foldhash::HashMap::default(),
        }
    }
}

impl<K: Hash + Eq, V: Copy> HashedIndex<K, V> {
    /// The value stored for `key`. `stored_for_key(v)` tells whether `v`
    /// was stored for `key` (the caller rebuilds `v`'s key and compares).
    pub fn get(&self, key: &K, stored_for_key: impl Fn(V) -> bool) -> Option<V> {
        self.get_hashed(hash(key), key, stored_for_key)
    }

    /// Store `value` for a `key` that [`HashedIndex::get`] did not find.
    pub fn insert(&mut self, key: K, value: V) {
        self.insert_hashed(hash(&key), key, value);
    }

    fn get_hashed(&self, hash: u64, key: &K, stored_for_key: impl Fn(V) -> bool) -> Option<V> {
        self.by_hash
            .get(&hash)
            .copied()
            .filter(|&v| stored_for_key(v))
            .or_else(|| self.clashes.get(key).copied())
    }

    fn insert_hashed(&mut self, hash: u64, key: K, value: V) {
        match self.by_hash.entry(hash) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(value);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.clashes.entry(key).or_insert(value);
            }
        }
    }
}

/// Fixed, so that a run's lookups do not depend on a random seed.
fn hash<K: Hash>(key: &K) -> u64 {
    foldhash::fast::FixedState::default().hash_one(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored<'a>(keys: &'a [String], key: &'a str) -> impl Fn(usize) -> bool + 'a {
        move |v| keys.get(v).is_some_and(|k| k == key)
    }

    #[test]
    fn two_keys_with_one_hash_stay_two() {
        let keys = ["first", "second"].map(String::from);
        let mut index = HashedIndex::default();
        index.insert_hashed(7, keys[0].clone(), 0);
        assert_eq!(index.get_hashed(7, &keys[1], stored(&keys, "second")), None);
        index.insert_hashed(7, keys[1].clone(), 1);
        assert_eq!(
            index.get_hashed(7, &keys[0], stored(&keys, "first")),
            Some(0)
        );
        assert_eq!(
            index.get_hashed(7, &keys[1], stored(&keys, "second")),
            Some(1)
        );
        // Under a hash that holds no value, only a clash is found.
        assert_eq!(index.get_hashed(8, &keys[0], stored(&keys, "first")), None);
        assert_eq!(
            index.get_hashed(8, &keys[1], stored(&keys, "second")),
            Some(1)
        );
    }

    #[test]
    fn a_key_is_found_by_its_own_hash() {
        let keys = ["first", "second"].map(String::from);
        let mut index = HashedIndex::default();
        index.insert(keys[0].clone(), 0);
        assert_eq!(index.get(&keys[0], stored(&keys, "first")), Some(0));
        assert_eq!(index.get(&keys[1], stored(&keys, "second")), None);
        assert_eq!(hash(&keys[0]), hash(&"first".to_string()));
        assert_ne!(hash(&keys[0]), hash(&keys[1]));
    }
}
