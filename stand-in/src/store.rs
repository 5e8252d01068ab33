//! Durable storage of accepted sign-ups: one JSON object per line in `submissions.jsonl`,
//! flushed to disk before the stand-in answers, read back at start-up.
//!
//! A crash or a full disk can leave a torn last line (a record cut before its newline). That
//! record was never answered 201 (the answer waits for the sync), so it is cut off at the next
//! start: otherwise the next record would be glued to it and lost in turn, although *it* was
//! answered 201.

use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Write};
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
        if !path.exists() {
            // The new file's name must survive a crash too: sync the folder that lists it.
            File::create(&path)?.sync_all()?;
            sync_dir(dir)?;
        }
        cut_torn_tail(&path)?;
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

/// Cuts a last line that has no newline (a write torn by a crash or a full disk).
fn cut_torn_tail(path: &Path) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    File::open(path)?.read_to_end(&mut bytes)?;
    if bytes.is_empty() || bytes.ends_with(b"\n") {
        return Ok(());
    }
    let keep = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    eprintln!("stand-in: {} ended with a torn record ({} bytes), cut off", path.display(), bytes.len() - keep);
    let file = OpenOptions::new().write(true).open(path)?;
    file.set_len(keep as u64)?;
    file.sync_all()
}

/// Makes a new file's directory entry durable (a no-op where folders cannot be opened).
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    match File::open(dir) {
        Ok(folder) => folder.sync_all().or(Ok(())),
        Err(_) => Ok(()),
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

    #[test]
    fn a_torn_last_record_is_cut_so_the_next_one_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut store = Store::open(dir.path()).unwrap();
            store.append(record("a")).unwrap();
        }
        // A crash in the middle of writing "b": half a line, no newline.
        let path = dir.path().join("submissions.jsonl");
        let line = serde_json::to_string(&record("b")).unwrap();
        OpenOptions::new().append(true).open(&path).unwrap().write_all(&line.as_bytes()[..line.len() / 2]).unwrap();
        {
            let mut store = Store::open(dir.path()).unwrap();
            assert_eq!(store.all().len(), 1, "the torn record was never answered 201");
            // "c" is answered 201 after this append: it must be there after the next restart.
            store.append(record("c")).unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.all().iter().map(|r| r.idempotency_key.as_str()).collect::<Vec<_>>(), ["a", "c"]);
        assert!(std::fs::read_to_string(&path).unwrap().ends_with('\n'));
    }
}
