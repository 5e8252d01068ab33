//! Durable storage of accepted sign-ups: one JSON object per line in `submissions.jsonl`,
//! flushed to disk before the stand-in answers, read back at start-up.

use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One accepted sign-up and the answer it got (replayed for a repeated Idempotency-Key).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Record {
    /// 1, 2, 3… in order of arrival.
    pub id: u64,
    pub received_at: String,
    pub idempotency_key: String,
    pub content_type: String,
    /// The body as received (parsed JSON).
    pub body: Value,
    pub response_status: u16,
    pub response_body: Value,
}

pub struct Store {
    path: PathBuf,
    records: Vec<Record>,
}

impl Store {
    /// Opens (or creates) the store in `dir`. A damaged line is reported and skipped, so one
    /// bad write never hides the other sign-ups.
    pub fn open(dir: &Path) -> std::io::Result<Store> {
        fs::create_dir_all(dir)?;
        let path = dir.join("submissions.jsonl");
        let mut records = Vec::new();
        if path.exists() {
            for (number, line) in BufReader::new(File::open(&path)?).lines().enumerate() {
                let line = line?;
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Record>(&line) {
                    Ok(record) => records.push(record),
                    Err(e) => eprintln!("stand-in: {} line {} skipped: {e}", path.display(), number + 1),
                }
            }
        }
        Ok(Store { path, records })
    }

    pub fn all(&self) -> &[Record] {
        &self.records
    }

    pub fn by_key(&self, key: &str) -> Option<&Record> {
        self.records.iter().find(|r| r.idempotency_key == key)
    }

    /// Appends a record (its `id` is assigned here) and syncs it to disk.
    pub fn append(&mut self, mut record: Record) -> std::io::Result<&Record> {
        record.id = self.records.last().map_or(1, |r| r.id + 1);
        let mut line = serde_json::to_string(&record).map_err(std::io::Error::other)?;
        line.push('\n');
        let mut file = OpenOptions::new().create(true).append(true).open(&self.path)?;
        file.write_all(line.as_bytes())?;
        file.sync_all()?;
        self.records.push(record);
        Ok(self.records.last().expect("just pushed"))
    }

    /// Forgets everything (tests call this between scenarios).
    pub fn clear(&mut self) -> std::io::Result<()> {
        File::create(&self.path)?.sync_all()?;
        self.records.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(key: &str) -> Record {
        Record {
            id: 0,
            received_at: "2026-11-27T16:00:00Z".into(),
            idempotency_key: key.into(),
            content_type: "application/json".into(),
            body: json!({"k": key}),
            response_status: 201,
            response_body: json!({}),
        }
    }

    #[test]
    fn survives_a_restart_and_skips_damaged_lines() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut store = Store::open(dir.path()).unwrap();
            store.append(record("a")).unwrap();
            store.append(record("b")).unwrap();
        }
        let mut file = OpenOptions::new().append(true).open(dir.path().join("submissions.jsonl")).unwrap();
        file.write_all(b"{not json\n").unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.all().iter().map(|r| (r.id, r.idempotency_key.as_str())).collect::<Vec<_>>(),
            [(1, "a"), (2, "b")]
        );
        assert_eq!(store.by_key("b").unwrap().id, 2);
        assert_eq!(store.append(record("c")).unwrap().id, 3);
        store.clear().unwrap();
        assert!(Store::open(dir.path()).unwrap().all().is_empty());
    }
}
