//! JSON Lines corpora (native only): one `{"id", "text", "html"?}` record per input line in,
//! one report (or clean text) with the record's `id` per output line out, as
//! `straytext --format jsonl` reads and prints them (`../shared/docs/contract.md`).
//!
//! The command line adds the streaming, the batching and the threads around
//! [`process_line`]; keeping the parsing and the rendering here lets the fuzzer
//! (`fuzz/fuzz_targets/jsonl_record.rs`) and the tests reach exactly the code the CLI runs.

use crate::{analyze, clean_with, Options, Report};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One input record: the pasted `text`, the clipboard's `html` if any, and an `id` of any JSON
/// type that the output carries back unchanged.
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    /// The caller's identifier, echoed in the output (any JSON value).
    pub id: serde_json::Value,
    /// The pasted text.
    pub text: String,
    /// The clipboard's HTML for the same text, used for better line verdicts.
    #[serde(default)]
    pub html: Option<String>,
}

/// What the output line holds for a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The report of the contract with the record's `id` added.
    Report,
    /// `{"id", "clean"}`: the text without the noise (`--clean`).
    Clean,
}

/// Why an input line is not a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The line is not valid UTF-8; `offset` is the first invalid byte within the line.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte, counted from the start of the line.
        offset: usize,
    },
    /// The line is not a JSON object with a string `text` (serde_json's message says why).
    NotARecord {
        /// serde_json's description of what it found, with the column.
        message: String,
    },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::InvalidUtf8 { offset } => write!(
                f,
                "not valid UTF-8 (invalid byte at offset {offset} of the line)"
            ),
            RecordError::NotARecord { message } => {
                write!(f, "not a {{\"id\", \"text\", \"html\"?}} record: {message}")
            }
        }
    }
}

impl std::error::Error for RecordError {}

#[derive(Serialize)]
struct ReportOut<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    report: &'a Report,
}

#[derive(Serialize)]
struct CleanOut<'a> {
    id: &'a serde_json::Value,
    clean: &'a str,
}

/// Parses one input line (without its line break) into a record.
pub fn parse(line: &[u8]) -> Result<Record, RecordError> {
    let text = std::str::from_utf8(line).map_err(|e| RecordError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    serde_json::from_str(text).map_err(|e| RecordError::NotARecord {
        message: e.to_string(),
    })
}

/// Analyses a record and renders its output line (one line of JSON, without the line break).
pub fn render(record: &Record, output: Output) -> String {
    let mut options = Options::default();
    if let Some(html) = &record.html {
        options = options.with_html(html.clone());
    }
    let report = analyze(&record.text, &options);
    let printed = match output {
        Output::Clean => serde_json::to_string(&CleanOut {
            id: &record.id,
            clean: &clean_with(&record.text, &report),
        }),
        Output::Report => serde_json::to_string(&ReportOut {
            id: &record.id,
            report: &report,
        }),
    };
    // Every map key is a string and serde_json writes any float, so this cannot fail.
    printed.expect("a report always serializes")
}

/// [`parse`] then [`render`]: the output line for one input line.
pub fn process_line(line: &[u8], output: Output) -> Result<String, RecordError> {
    parse(line).map(|record| render(&record, output))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_of_any_type_come_back_unchanged() {
        for id in [r#""a-1""#, "7", "null", r#"{"k":[1,2]}"#, "1.5"] {
            let line = format!(r#"{{"id":{id},"text":"Subscribe\n\nA sentence of prose here."}}"#);
            let out: serde_json::Value =
                serde_json::from_str(&process_line(line.as_bytes(), Output::Report).unwrap())
                    .unwrap();
            let want: serde_json::Value = serde_json::from_str(id).unwrap();
            assert_eq!(out["id"], want, "{line}");
            assert!(out["lines"].is_array(), "{out}");
        }
    }

    #[test]
    fn clean_output_is_the_clean_text() {
        let text = "Subscribe\nThe article says something worth keeping, in full sentences.";
        let line = serde_json::json!({ "id": 1, "text": text }).to_string();
        let out: serde_json::Value =
            serde_json::from_str(&process_line(line.as_bytes(), Output::Clean).unwrap()).unwrap();
        let report = analyze(text, &Options::default());
        assert_eq!(out["clean"], clean_with(text, &report).as_str());
        assert_eq!(out.as_object().unwrap().len(), 2);
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        let table: &[(&[u8], &str)] = &[
            (b"{\"id\":1,\"text\":\"a\xff\"}", "offset 17"),
            (b"[1,2]", "record"),
            (b"{\"id\":1}", "missing field `text`"),
            (b"{\"id\":1,\"text\":5}", "invalid type"),
            (b"{\"id\":1,\"text\":\"a\"", "EOF"),
        ];
        for (line, want) in table {
            let err = process_line(line, Output::Report).unwrap_err().to_string();
            assert!(err.contains(want), "{err} lacks {want}");
        }
    }
}
