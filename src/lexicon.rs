//! Multilingual UI phrases (`data/ui-phrases.tsv`), one signal among many: the classifier never
//! flags a line for its words alone, but a line that reads like a known control or widget
//! leans towards noise of that subkind.

use crate::report::Subkind;
use std::collections::HashMap;
use std::sync::OnceLock;

const PHRASES: &str = include_str!("../data/ui-phrases.tsv");
const DATE_WORDS: &str = include_str!("../data/date-words.txt");

/// True for a word (already lower case) that helps make up a date, a time or a countdown:
/// month and day names and units of time, in many languages.
pub fn is_date_word(word: &str) -> bool {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            DATE_WORDS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .collect()
        })
        .contains(word)
}

struct Lexicon {
    exact: HashMap<String, Subkind>,
    prefixes: Vec<(String, Subkind)>,
}

fn parse_subkind(s: &str) -> Option<Subkind> {
    Some(match s {
        "control" => Subkind::Control,
        "navigation" => Subkind::Navigation,
        "share" => Subkind::Share,
        "comments" => Subkind::Comments,
        "consent" => Subkind::Consent,
        "caption" => Subkind::Caption,
        _ => return None,
    })
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut exact = HashMap::new();
        let mut prefixes = Vec::new();
        for line in PHRASES.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((kind, phrase)) = line.split_once('\t') else {
                continue;
            };
            let Some(kind) = parse_subkind(kind) else {
                continue;
            };
            match phrase.strip_suffix('*') {
                Some(p) => prefixes.push((normalize(p), kind)),
                None => {
                    exact.entry(normalize(phrase)).or_insert(kind);
                }
            }
        }
        Lexicon { exact, prefixes }
    })
}

/// A line reduced to its words: lower case, digits, punctuation and symbols dropped, white
/// space collapsed.
pub fn normalize(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if c.is_alphabetic() || crate::script::letter_script(c).is_some() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '\'' || c == '’' {
            space = true;
        }
    }
    out
}

/// The subkind of UI phrase a line reads as, if any.
pub fn ui_phrase(line: &str) -> Option<Subkind> {
    if line.len() > 200 {
        return None;
    }
    let norm = normalize(line);
    if norm.is_empty() {
        return None;
    }
    let lex = lexicon();
    if let Some(&k) = lex.exact.get(&norm) {
        return Some(k);
    }
    lex.prefixes
        .iter()
        .find(|(p, _)| norm.starts_with(p.as_str()))
        .map(|&(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_words() {
        assert!(is_date_word("august") && is_date_word("октября") && is_date_word("月"));
        assert!(!is_date_word("taliban"));
    }

    #[test]
    fn phrases_in_many_languages() {
        let table = [
            ("Subscribe", Some(Subkind::Control)),
            ("Notify of", Some(Subkind::Control)),
            ("55 Comments", Some(Subkind::Comments)),
            ("Подписаться", Some(Subkind::Control)),
            ("コメントを残す", Some(Subkind::Comments)),
            ("Suscríbete", Some(Subkind::Control)),
            ("تعليقات", Some(Subkind::Comments)),
            (
                "We use cookies to improve your experience.",
                Some(Subkind::Consent),
            ),
            ("The minister said the talks would continue.", None),
        ];
        for (line, want) in table {
            assert_eq!(ui_phrase(line), want, "{line}");
        }
    }
}
