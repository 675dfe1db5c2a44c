//! The page this product was conceived from (`../shared/examples/news-article-pasted.txt`):
//! every line that is not the article is noise, every article paragraph is content, one of the
//! two identical titles is flagged as a duplicate, and the Arabic words are `foreign_script`.

use straytext::{analyze, clean, Kind, Options, Subkind, Verdict};

fn example() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/examples/news-article-pasted.txt"
    );
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("SKIPPED: {path} is absent (it lives in ../shared beside the project)");
            None
        }
    }
}

/// The verdict on the line whose 1-based number in the file is `n`.
fn verdict_of_file_line(text: &str, report: &straytext::Report, n: usize) -> Option<Verdict> {
    let start: usize = text.split('\n').take(n - 1).map(|l| l.len() + 1).sum();
    let end = start + text.split('\n').nth(n - 1)?.len();
    report
        .lines
        .iter()
        .find(|l| (start..end).contains(&l.byte_start))
        .map(|l| l.verdict)
}

#[test]
fn every_line_gets_the_expected_verdict() {
    let Some(text) = example() else { return };
    let report = analyze(&text, &Options::default());
    let noise: Vec<usize> = [1, 2, 3, 4, 5, 9, 13, 61, 63]
        .into_iter()
        .chain(65..=77)
        .collect();
    for n in noise {
        assert_eq!(
            verdict_of_file_line(&text, &report, n),
            Some(Verdict::Noise),
            "line {n} should be noise"
        );
    }
    for n in (15..=59).step_by(2) {
        assert_eq!(
            verdict_of_file_line(&text, &report, n),
            Some(Verdict::Content),
            "line {n} should be content"
        );
    }
    let titles = [
        verdict_of_file_line(&text, &report, 7),
        verdict_of_file_line(&text, &report, 11),
    ];
    assert_eq!(
        titles
            .iter()
            .filter(|v| **v == Some(Verdict::Noise))
            .count(),
        1,
        "exactly one of the two titles is noise: {titles:?}"
    );
}

#[test]
fn one_title_is_a_duplicate_and_the_arabic_is_foreign_script() {
    let Some(text) = example() else { return };
    let report = analyze(&text, &Options::default());
    let title = "US Officials Meet With Taliban In Doha As US Appears Unable To Achieve Military Victory In Afghan Conflict";
    let dups: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.subkind == Some(Subkind::Duplicate) && &text[f.bytes()] == title)
        .collect();
    assert_eq!(dups.len(), 1, "one title flagged as a duplicate");

    let arabic: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind == Kind::ForeignScript)
        .collect();
    assert_eq!(arabic.len(), 1);
    assert_eq!(&text[arabic[0].bytes()], "يوم متبقٍ");
    assert_eq!(arabic[0].script.as_deref(), Some("Arabic"));
    assert!(
        arabic[0].reason.contains("Arabic") && arabic[0].reason.contains("English"),
        "{}",
        arabic[0].reason
    );

    let lang = report.language.as_ref().expect("a language");
    assert_eq!(
        (lang.code.as_str(), report.script.as_deref()),
        ("eng", Some("Latin"))
    );
}

#[test]
fn clean_text_keeps_the_article_byte_for_byte() {
    let Some(text) = example() else { return };
    let cleaned = clean(&text, &Options::default());
    for paragraph in text.split('\n').skip(14).step_by(2).take(23) {
        assert!(
            cleaned.contains(paragraph),
            "article paragraph lost: {paragraph}"
        );
    }
    for widget in [
        "2,500 $",
        "يوم",
        "Notify of",
        "View all comments",
        "FILE IMAGE",
        "Support SouthFront",
    ] {
        assert!(!cleaned.contains(widget), "{widget} left in the clean text");
    }
    assert_eq!(cleaned.matches("US Officials Meet With Taliban").count(), 1);
}
