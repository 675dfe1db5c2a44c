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
///
/// A `\uD800`–`\uDFFF` escape that is not half of a surrogate pair (a lone surrogate, which
/// `JSON.stringify` and Python's `json.dumps` write for strings that hold one) is read as
/// U+FFFD, as the npm package reads a lone surrogate: one UTF-16 code unit and one character
/// either way, so `start`/`end` and `char_*` still index the producer's string.
pub fn parse(line: &[u8]) -> Result<Record, RecordError> {
    let text = std::str::from_utf8(line).map_err(|e| RecordError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    serde_json::from_str(&replace_lone_surrogates(text)).map_err(|e| {
        // The record is one line, so serde_json's "at line 1 column N" would contradict the
        // line number the caller puts in front: keep only the column.
        let message = e.to_string();
        let position = format!(" at line {} column {}", e.line(), e.column());
        let message = match message.strip_suffix(&position) {
            Some(what) if e.column() > 0 => format!("{what} at column {}", e.column()),
            Some(what) => what.to_string(),
            None => message,
        };
        RecordError::NotARecord { message }
    })
}

/// The value of the four hex digits at the start of `hex`, if they are four hex digits.
fn hex4(hex: &[u8]) -> Option<u32> {
    let digits = std::str::from_utf8(hex.get(..4)?).ok()?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

/// `json` with every lone-surrogate escape (`\uD800`–`\uDFFF` not part of a pair) replaced by
/// `\uFFFD`; borrowed unchanged when there is none. A backslash only ever starts an escape in
/// valid JSON, so walking the escapes needs no knowledge of where the strings are.
fn replace_lone_surrogates(json: &str) -> std::borrow::Cow<'_, str> {
    let bytes = json.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(k) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\\'))
    {
        let at = i + k;
        if bytes.get(at + 1) != Some(&b'u') {
            i = at + 2; // any other escape: two bytes
            continue;
        }
        let Some(unit) = hex4(&bytes[at + 2..]) else {
            i = at + 2; // malformed: serde_json reports it
            continue;
        };
        let is_pair = (0xD800..0xDC00).contains(&unit)
            && bytes.get(at + 6..at + 8) == Some(&b"\\u"[..])
            && hex4(&bytes[at + 8..]).is_some_and(|low| (0xDC00..0xE000).contains(&low));
        if is_pair {
            i = at + 12;
        } else if (0xD800..0xE000).contains(&unit) {
            let s = out.get_or_insert_with(|| String::with_capacity(json.len()));
            s.push_str(&json[copied..at]);
            s.push_str("\\uFFFD");
            copied = at + 6;
            i = at + 6;
        } else {
            i = at + 6;
        }
    }
    match out {
        Some(mut s) => {
            s.push_str(&json[copied..]);
            std::borrow::Cow::Owned(s)
        }
        None => std::borrow::Cow::Borrowed(json),
    }
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
    fn lone_surrogate_escapes_read_as_replacement_characters() {
        // What JSON.stringify("x\uD800y") and Python's json.dumps("x\ud800y") write.
        let table: &[(&str, &str)] = &[
            (r#""a\ud800b""#, "a\u{FFFD}b"),
            (r#""a\uDFFF""#, "a\u{FFFD}"),
            (r#""\udbff\udbff\udc00""#, "\u{FFFD}\u{10FC00}"),
            (r#""\ud83d\ude00 \ud83d""#, "😀 \u{FFFD}"),
            (r#""\\ud800""#, "\\ud800"),
            (r#""\\\ud800""#, "\\\u{FFFD}"),
            (r#""\u00e9\n\ud800""#, "é\n\u{FFFD}"),
        ];
        for (json, want) in table {
            let line = format!(r#"{{"id":1,"text":{json},"html":{json}}}"#);
            let record = parse(line.as_bytes()).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(record.text, *want, "{line}");
            assert_eq!(record.html.as_deref(), Some(*want), "{line}");
        }
        // The offsets stay indices into the producer's string, whose lone surrogate is one
        // UTF-16 code unit and one character, as U+FFFD is.
        let line = r#"{"id":1,"text":"\ud800 Subscribe\n2,500 $\nThe talks in Doha ended on Sunday without an agreement, officials said."}"#;
        let out: serde_json::Value =
            serde_json::from_str(&process_line(line.as_bytes(), Output::Report).unwrap()).unwrap();
        let amount = out["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["subkind"] == "amount")
            .unwrap_or_else(|| panic!("{out}"));
        assert_eq!(
            (&amount["start"], &amount["char_start"]),
            (&12.into(), &12.into())
        );
        // Malformed escapes are still refused.
        for bad in [r#""\ud80""#, r#""\ud800\u""#, r#""\x""#, r#""\"#] {
            let line = format!(r#"{{"id":1,"text":{bad}}}"#);
            assert!(parse(line.as_bytes()).is_err(), "{line}");
        }
    }

    #[test]
    fn escape_soup_never_panics_and_stays_a_string_when_valid() {
        // Every string of up to 6 of these bytes inside a record: the surrogate rewrite must
        // neither panic nor turn valid JSON invalid (or the other way round, but for surrogates).
        const ALPHABET: &[u8] = b"\\ud8Dc\"";
        let mut stack: Vec<Vec<u8>> = vec![Vec::new()];
        while let Some(body) = stack.pop() {
            let mut line = br#"{"id":1,"text":""#.to_vec();
            line.extend_from_slice(&body);
            line.extend_from_slice(br#""}"#);
            let ours = parse(&line);
            let theirs = serde_json::from_slice::<Record>(&line);
            if theirs.is_ok() {
                assert!(ours.is_ok(), "{}", String::from_utf8_lossy(&line));
            }
            if body.len() < 6 {
                for &b in ALPHABET {
                    let mut next = body.clone();
                    next.push(b);
                    stack.push(next);
                }
            }
        }
    }

    #[test]
    fn errors_give_the_column_not_a_line_of_their_own() {
        // The caller puts the record's line number in front; serde_json's "line 1" would
        // contradict it.
        let err = process_line(b"{\"id\":1,\"text\":5}", Output::Report)
            .unwrap_err()
            .to_string();
        assert!(err.ends_with("at column 16"), "{err}");
        assert!(!err.contains("line"), "{err}");
        let err = process_line(b"{\"id\":1", Output::Report)
            .unwrap_err()
            .to_string();
        assert!(!err.contains("line 1"), "{err}");
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
