//! Golden fixtures: `tests/fixtures/NAME.txt` (a page as a person pastes it) and
//! `NAME.expected.json` (facts about its report that MUST hold).
//!
//! The expected files assert facts, not a byte-exact report, so the classifier can improve
//! without rewriting them. Every key is optional:
//!
//! | key | what must hold |
//! |---|---|
//! | `language` | `report.language.code` equals it (ISO 639-3) |
//! | `script` | `report.script` equals it |
//! | `noise` | each entry names a line (its trimmed text; an entry ending in `…` is a prefix) whose verdict is `noise`; at least one line matches, and every match is noise |
//! | `content` | the same, verdict `content`, and no `ui_text` or `foreign_language` finding overlaps the line |
//! | `findings` | each `{kind, text, script?, subkind?}`: some finding of that kind has `text[byte_start..byte_end] == text` (and that script / subkind) |
//! | `no_findings_of_kind` | no finding has one of these kinds |
//! | `no_finding_overlaps` | no finding overlaps any occurrence of these strings (brands, units, Hanja…) |
//!
//! On every fixture the contract's invariants are checked too (offsets agree across units,
//! findings sorted, lines, clean text = text minus removed ranges) and the report is
//! deterministic.
//!
//! A fact the current classifier gets wrong may be listed in `tests/fixtures/KNOWN_GAPS.md`
//! (`` - `FIXTURE` `FACT` — why ``); only listed facts are tolerated, and the test prints
//! those that now pass so they can be struck from the list.

mod common;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use straytext::{analyze, Options, Report, Verdict};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `(fixture, fact)` pairs listed in KNOWN_GAPS.md.
fn known_gaps() -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(dir().join("KNOWN_GAPS.md")).unwrap_or_default();
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("- `") else {
            continue;
        };
        let mut parts = rest.split('`');
        let fixture = parts.next().unwrap_or_default().to_string();
        let _ = parts.next();
        let fact = parts.next().unwrap_or_default().to_string();
        assert!(!fact.is_empty(), "KNOWN_GAPS.md: malformed entry {line:?}");
        out.insert((fixture, fact));
    }
    out
}

fn kind_name(k: straytext::Kind) -> &'static str {
    k.as_str()
}

/// Lines of the report matching a `noise`/`content` entry.
fn matching_lines<'a>(
    text: &'a str,
    report: &'a Report,
    entry: &'a str,
) -> impl Iterator<Item = &'a straytext::LineVerdict> + 'a {
    let prefix = entry.strip_suffix('…');
    report.lines.iter().filter(move |l| {
        let line = &text[l.bytes()];
        match prefix {
            Some(p) => line.starts_with(p),
            None => line == entry,
        }
    })
}

fn overlaps(a: std::ops::Range<usize>, b: std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Every fact of one expected file, each with its id and whether it holds (an error message
/// when not).
fn facts(text: &str, report: &Report, expected: &Value) -> Vec<(String, Result<(), String>)> {
    let mut out = Vec::new();
    let strs = |key: &str| -> Vec<String> {
        expected[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().expect("a string").to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    if let Some(lang) = expected["language"].as_str() {
        let got = report.language.as_ref().map(|l| l.code.as_str());
        out.push((
            "language".to_string(),
            (got == Some(lang))
                .then_some(())
                .ok_or(format!("language {got:?}, expected {lang}")),
        ));
    }
    if let Some(script) = expected["script"].as_str() {
        let got = report.script.as_deref();
        out.push((
            "script".to_string(),
            (got == Some(script))
                .then_some(())
                .ok_or(format!("script {got:?}, expected {script}")),
        ));
    }
    for (key, want) in [("noise", Verdict::Noise), ("content", Verdict::Content)] {
        for entry in strs(key) {
            let lines: Vec<_> = matching_lines(text, report, &entry).collect();
            let result = if lines.is_empty() {
                Err(format!(
                    "no line matches {entry:?} (a typo in the fixture?)"
                ))
            } else if let Some(bad) = lines.iter().find(|l| l.verdict != want) {
                Err(format!(
                    "{:?} is {:?}, expected {want:?}",
                    &text[bad.bytes()],
                    bad.verdict
                ))
            } else if want == Verdict::Content {
                let hit = report.findings.iter().find(|f| {
                    matches!(
                        f.kind,
                        straytext::Kind::UiText | straytext::Kind::ForeignLanguage
                    ) && lines.iter().any(|l| overlaps(f.bytes(), l.bytes()))
                });
                match hit {
                    Some(f) => Err(format!("content line has a {} finding", f.kind.as_str())),
                    None => Ok(()),
                }
            } else {
                Ok(())
            };
            out.push((format!("{key}:{entry}"), result));
        }
    }
    for want in expected["findings"].as_array().into_iter().flatten() {
        let kind = want["kind"].as_str().expect("finding kind");
        let ftext = want["text"].as_str().expect("finding text");
        let script = want["script"].as_str();
        let subkind = want["subkind"].as_str();
        let found = report.findings.iter().any(|f| {
            kind_name(f.kind) == kind
                && &text[f.bytes()] == ftext
                && script.is_none_or(|s| f.script.as_deref() == Some(s))
                && subkind.is_none_or(|s| f.subkind.map(|k| k.as_str()) == Some(s))
        });
        let near: Vec<String> = report
            .findings
            .iter()
            .filter(|f| text[f.bytes()].contains(ftext) || ftext.contains(&text[f.bytes()]))
            .map(|f| format!("{} {:?}", f.kind.as_str(), &text[f.bytes()]))
            .collect();
        out.push((
            format!("finding:{kind}:{ftext}"),
            found
                .then_some(())
                .ok_or(format!("no such finding; nearby: {near:?}")),
        ));
    }
    for kind in strs("no_findings_of_kind") {
        let hits: Vec<String> = report
            .findings
            .iter()
            .filter(|f| kind_name(f.kind) == kind)
            .map(|f| format!("{:?}", &text[f.bytes()]))
            .collect();
        out.push((
            format!("no_findings_of_kind:{kind}"),
            hits.is_empty()
                .then_some(())
                .ok_or(format!("found {kind}: {}", hits.join(", "))),
        ));
    }
    for s in strs("no_finding_overlaps") {
        let spans: Vec<std::ops::Range<usize>> = text
            .match_indices(s.as_str())
            .map(|(i, m)| i..i + m.len())
            .collect();
        let result = if spans.is_empty() {
            Err(format!("{s:?} does not occur in the text (a typo?)"))
        } else {
            match report
                .findings
                .iter()
                .find(|f| spans.iter().any(|r| overlaps(f.bytes(), r.clone())))
            {
                Some(f) => Err(format!(
                    "{} finding {:?} overlaps {s:?}",
                    f.kind.as_str(),
                    &text[f.bytes()]
                )),
                None => Ok(()),
            }
        };
        out.push((format!("no_finding_overlaps:{s}"), result));
    }
    out
}

#[test]
fn golden_fixtures() {
    let gaps = known_gaps();
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/fixtures")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".expected.json").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= 10,
        "at least 10 fixtures, found {}",
        names.len()
    );

    let mut failures = Vec::new();
    let mut now_passing = Vec::new();
    let mut seen_facts = BTreeSet::new();
    let (mut held, mut total) = (0, 0);
    for name in &names {
        let text = std::fs::read_to_string(dir().join(format!("{name}.txt")))
            .unwrap_or_else(|e| panic!("{name}.txt: {e}"));
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(dir().join(format!("{name}.expected.json"))).unwrap(),
        )
        .unwrap_or_else(|e| panic!("{name}.expected.json: {e}"));
        let report = analyze(&text, &Options::default());
        common::check_report(&text, &report);
        assert_eq!(
            report,
            analyze(&text, &Options::default()),
            "{name}: not deterministic"
        );
        for (fact, result) in facts(&text, &report, &expected) {
            total += 1;
            let key = (name.clone(), fact.clone());
            let known = gaps.contains(&key);
            seen_facts.insert(key);
            match (result, known) {
                (Ok(()), false) => held += 1,
                (Ok(()), true) => {
                    held += 1;
                    now_passing.push(format!("{name} `{fact}`"));
                }
                (Err(_), true) => {}
                (Err(e), false) => failures.push(format!("{name} `{fact}`: {e}")),
            }
        }
    }
    let stale: Vec<_> = gaps.difference(&seen_facts).collect();
    eprintln!(
        "golden fixtures: {} files, {held} of {total} facts hold, {} known gaps",
        names.len(),
        gaps.len()
    );
    for p in &now_passing {
        eprintln!("known gap now passes (strike it from KNOWN_GAPS.md): {p}");
    }
    assert!(
        stale.is_empty(),
        "KNOWN_GAPS.md lists facts no fixture asserts: {stale:?}"
    );
    assert!(
        failures.is_empty(),
        "{} facts fail (fix the classifier, or list them in KNOWN_GAPS.md):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The fixtures cover what the issue asks: at least 10 languages over at least 8 scripts,
/// with right-to-left and CJK pages.
#[test]
fn fixtures_cover_languages_and_scripts() {
    let mut langs = BTreeSet::new();
    let mut scripts = BTreeSet::new();
    for e in std::fs::read_dir(dir()).unwrap() {
        let path = e.unwrap().path();
        if path.to_string_lossy().ends_with(".expected.json") {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            if let Some(l) = v["language"].as_str() {
                langs.insert(l.to_string());
            }
            if let Some(s) = v["script"].as_str() {
                scripts.insert(s.to_string());
            }
        }
    }
    eprintln!("languages {langs:?}, scripts {scripts:?}");
    assert!(langs.len() >= 10, "{langs:?}");
    assert!(scripts.len() >= 8, "{scripts:?}");
    for s in ["Arabic", "Hebrew", "Han", "Hangul"] {
        assert!(scripts.contains(s), "a {s} page");
    }
}
