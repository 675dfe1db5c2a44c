//! Mixed-script words (homoglyphs), after UTS #39: a word whose letters come from scripts that
//! no single writing system combines, where those scripts hold look-alike letters (Latin,
//! Cyrillic, Greek…): `pаypal` with a Cyrillic `а`.

use crate::report::{Kind, RawFinding};
use crate::script::letter_script;
use std::ops::Range;
use unicode_script::Script;
use unicode_security::MixedScript;

/// Scripts with letters that pass for one another (the UTS #39 "moderately restrictive" level
/// forbids mixing them with Latin).
pub fn confusable_script(s: Script) -> bool {
    matches!(
        s,
        Script::Latin
            | Script::Cyrillic
            | Script::Greek
            | Script::Cherokee
            | Script::Armenian
            | Script::Coptic
    )
}

/// Checks one word; returns a finding when it mixes confusable scripts.
pub fn check_word(text: &str, range: Range<usize>) -> Option<RawFinding> {
    let word = &text[range.clone()];
    if word.is_ascii() || word.is_single_script() {
        return None;
    }
    // One or two letters are a symbol (`Δt` in a formula), not a word anyone would spoof.
    if word.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    // Count the letters of each script.
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for c in word.chars() {
        if let Some(s) = letter_script(c) {
            match counts.iter_mut().find(|(x, _)| *x == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    if counts.len() < 2 || !counts.iter().all(|&(s, _)| confusable_script(s)) {
        return None;
    }
    crate::sort::sort_by_key(&mut counts, |&(_, n)| std::cmp::Reverse(n));
    let main = counts[0].0;
    // The reason names the first few odd letters only: a hostile word of a million letters
    // must not make a reason (and a report) of tens of megabytes.
    const NAMED: usize = 8;
    let mut odd: Vec<String> = Vec::new();
    let mut odd_count = 0;
    for c in word
        .chars()
        .filter(|&c| letter_script(c).is_some_and(|s| s != main))
    {
        odd_count += 1;
        if odd_count <= NAMED {
            odd.push(format!(
                "'{c}' (U+{:04X}, {})",
                c as u32,
                letter_script(c).map_or("", |s| s.full_name())
            ));
        }
    }
    if odd_count > NAMED {
        odd.push(format!("and {} more", odd_count - NAMED));
    }
    Some(RawFinding {
        kind: Kind::MixedScriptWord,
        subkind: None,
        script: Some(main.full_name().to_string()),
        language: None,
        reason: format!(
            "a {} word with look-alike letters from another script: {}",
            main.full_name(),
            odd.join(", ")
        ),
        // One odd letter in a long word is the classic spoof; many are more likely a typo.
        score: if odd_count <= 2 { 0.95 } else { 0.8 },
        range,
    })
}

/// True when `s` holds letters of at least two confusable scripts: the only lines where a
/// mixed-script word can hide.
fn two_confusable_scripts(s: &str) -> bool {
    if s.is_ascii() {
        return false;
    }
    // ASCII letters are Latin: one byte scan tells whether there are any, and only the other
    // characters are looked up.
    let mut first = s
        .bytes()
        .any(|b| b.is_ascii_alphabetic())
        .then_some(Script::Latin);
    for sc in crate::script::non_ascii_chars(s).filter_map(letter_script) {
        if !confusable_script(sc) {
            continue;
        }
        match first {
            None => first = Some(sc),
            Some(f) if f != sc => return true,
            _ => {}
        }
    }
    false
}

/// Every mixed-script word in the given lines.
pub fn find(text: &str, lines: &[crate::segment::Line]) -> Vec<RawFinding> {
    lines
        .iter()
        .filter(|l| two_confusable_scripts(&text[l.range.clone()]))
        .flat_map(|l| crate::segment::words(text, l.range.clone()))
        .filter_map(|w| check_word(text, w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lines;

    fn flagged(text: &str) -> Vec<&str> {
        find(text, &lines(text))
            .into_iter()
            .map(|f| &text[f.range])
            .collect()
    }

    #[test]
    fn cyrillic_a_in_a_latin_word() {
        let text = "Log in to your p\u{0430}ypal account";
        assert_eq!(flagged(text), ["p\u{0430}ypal"]);
        let f = &find(text, &lines(text))[0];
        assert!(
            f.reason.contains("U+0430") && f.reason.contains("Cyrillic"),
            "{}",
            f.reason
        );
    }

    #[test]
    fn look_alikes_in_every_direction() {
        // (text, flagged word, a letter the reason must name)
        let cases = [
            ("Кожна людинa має право на освіту", "людинa", "U+0061"),
            ("Κaθένας έχει δικαίωμα", "Κaθένας", "Latin"),
            ("すべての人は gσoglе を使う", "gσoglе", "Greek"),
            ("人人有权 microsоft 工作", "microsоft", "U+043E"),
        ];
        for (text, word, named) in cases {
            let found = find(text, &lines(text));
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(&text[found[0].range.clone()], word);
            assert!(found[0].reason.contains(named), "{}", found[0].reason);
        }
    }

    #[test]
    fn legitimate_words_pass() {
        for text in [
            "日本語のテキストです",
            "Привет мир",
            "iPhone 15 и COVID-19",
            "αβγ and x",
            "인권(人權)",
            "naïve café",
            "Δt = 0.5 s",
        ] {
            assert!(flagged(text).is_empty(), "{text}");
        }
    }
}
