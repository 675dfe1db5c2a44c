//! What a short line looks like from its characters alone ([`Shape`]): an amount, a counter,
//! a date, or symbols.

use super::Shape;
use crate::lexicon;

/// True for currency symbols and the common codes and abbreviations that stand for them.
fn is_currency_token(t: &str) -> bool {
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if matches!(
            c,
            '$' | '€'
                | '£'
                | '¥'
                | '₹'
                | '₽'
                | '₩'
                | '₺'
                | '₪'
                | '₫'
                | '₴'
                | '¢'
                | '₦'
                | '฿'
                | '﷼'
        ) {
            return true;
        }
    }
    matches!(
        t,
        "USD"
            | "EUR"
            | "GBP"
            | "JPY"
            | "CHF"
            | "CNY"
            | "RUB"
            | "INR"
            | "BRL"
            | "CAD"
            | "AUD"
            | "руб"
            | "грн"
            | "zł"
            | "kr"
            | "Kč"
            | "ر.س"
            | "د.إ"
            | "ج.م"
            | "元"
            | "円"
            | "원"
    )
}

/// True for a number in any digit system, with separators and a K/M/B suffix (`2,500`,
/// `1.2K`, `١٢٣`).
fn is_number(t: &str) -> bool {
    let t = t.trim_end_matches(['K', 'k', 'M', 'm', 'B', '+', '%']);
    !t.is_empty()
        && t.chars().any(|c| c.is_numeric())
        && t.chars()
            .all(|c| c.is_numeric() || matches!(c, ',' | '.' | '\'' | ' ' | '٫' | '٬'))
}

/// True for numbers glued to date units with no space, as CJK writes dates and times
/// (`2024年11月20日`, `10時32分`): alternating numbers and date words, at least one of each.
fn is_glued_date(t: &str) -> bool {
    // Both a number and a unit are needed: a token of only one kind is none.
    if !t.chars().any(char::is_numeric) || t.chars().all(char::is_numeric) {
        return false;
    }
    let mut numbers = 0;
    let mut units = 0;
    let mut rest = t;
    while let Some(c) = rest.chars().next() {
        let numeric = c.is_numeric();
        let len: usize = rest
            .chars()
            .take_while(|c| c.is_numeric() == numeric)
            .map(char::len_utf8)
            .sum();
        if numeric {
            numbers += 1;
        } else if lexicon::is_date_word(&rest[..len].to_lowercase()) {
            units += 1;
        } else {
            return false;
        }
        rest = &rest[len..];
    }
    numbers >= 1 && units >= 1
}

/// The shape of a short line, if it has a telling one.
pub fn shape(line: &str) -> Option<Shape> {
    // One pass: at most 60 characters, their letters and digits.
    let (mut chars, mut letters, mut digits) = (0usize, 0usize, 0usize);
    for c in line.chars() {
        chars += 1;
        if chars > 60 {
            return None;
        }
        // Both for letter numbers (`Ⅻ`), as two separate counts gave.
        letters += usize::from(c.is_alphabetic());
        digits += usize::from(c.is_numeric());
    }
    shape_counted(line, letters, digits)
}

/// [`shape`] of a line of at most 60 characters, `letters` of them alphabetic and `digits`
/// numeric (for an ASCII line, [`count_line`](super::count::count_line) has counted both).
pub(super) fn shape_counted(line: &str, letters: usize, digits: usize) -> Option<Shape> {
    if digits == 0 && letters <= 1 {
        return Some(Shape::Symbol);
    }
    if digits == 0 {
        // Without a digit no token is a number, so no shape below can hold (an amount, a date
        // and a counter all need one), and with two letters some token is not empty: the
        // most common short line (a menu item, a heading) stops here.
        return None;
    }
    // Split on white space and on symbols glued to numbers (`$2,500`).
    let mut tokens: Vec<&str> = Vec::new();
    for raw in line.split_whitespace() {
        let t = raw.trim_matches(|c: char| {
            matches!(
                c,
                '(' | ')' | '[' | ']' | '|' | '·' | '•' | '-' | '–' | '—' | ':' | '/'
            )
        });
        if t.is_empty() {
            continue;
        }
        let split = t.char_indices().find(|&(i, c)| {
            i > 0
                && (c.is_numeric() != t[..i].chars().last().is_some_and(|p| p.is_numeric()))
                && !matches!(c, ',' | '.')
        });
        match split {
            Some((i, _)) if is_currency_token(&t[..i]) || is_currency_token(&t[i..]) => {
                tokens.push(&t[..i]);
                tokens.push(&t[i..]);
            }
            _ => tokens.push(t),
        }
    }
    if tokens.is_empty() {
        return Some(Shape::Symbol);
    }
    let numbers = tokens.iter().filter(|t| is_number(t)).count();
    let currency = tokens.iter().filter(|t| is_currency_token(t)).count();
    let rest = tokens.len() - numbers - currency;
    if numbers >= 1 && currency >= 1 && rest == 0 {
        return Some(Shape::Amount);
    }
    // A date needs a digit: lines without one (most short lines) skip the date words.
    if tokens.iter().any(|t| t.chars().any(char::is_numeric)) {
        // One pass over the tokens: each lower-cased once, each glued-date test once.
        let (mut glued_count, mut date_words, mut has_month_or_unit) = (0, 0, false);
        let mut lower = String::new();
        for t in &tokens {
            let trimmed = t.trim_end_matches(['.', ',']);
            lower.clear();
            if trimmed.is_ascii() {
                lower.push_str(trimmed);
                lower.make_ascii_lowercase();
            } else {
                lower.push_str(&trimmed.to_lowercase());
            }
            let glued = is_glued_date(t);
            let date_word = lexicon::is_date_word(&lower);
            glued_count += usize::from(glued);
            has_month_or_unit |= date_word || glued;
            date_words += usize::from(
                date_word
                    || glued
                    || lower
                        .chars()
                        .all(|c| c.is_numeric() || matches!(c, '.' | '/' | '-' | ':' | ',')),
            );
        }
        let numbers = numbers + glued_count;
        let dotted_date = tokens.iter().any(|t| {
            // Three parts of ASCII digits, counted without collecting them.
            let parts = t.split(['.', '/', '-']).filter(|p| !p.is_empty());
            parts.clone().count() == 3
                && parts.clone().all(|p| p.bytes().all(|c| c.is_ascii_digit()))
        });
        if (numbers >= 1 && has_month_or_unit || dotted_date) && date_words + 1 >= tokens.len() {
            return Some(Shape::Date);
        }
    }
    if numbers == tokens.len() {
        return Some(Shape::Counter);
    }
    if numbers == 1 && rest <= 2 && tokens.len() <= 3 && is_number(tokens[0]) {
        return Some(Shape::Counter);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_short_lines() {
        let table = [
            ("2,500 $", Some(Shape::Amount)),
            ("$2,500", Some(Shape::Amount)),
            ("5.000 €", Some(Shape::Amount)),
            ("١٢٣ ر.س", Some(Shape::Amount)),
            ("55 Comments", Some(Shape::Counter)),
            ("1.2K shares", Some(Shape::Counter)),
            ("55", Some(Shape::Counter)),
            ("AUGUST 2025", Some(Shape::Date)),
            ("12 октября 2025", Some(Shape::Date)),
            ("3 hours ago", Some(Shape::Date)),
            ("12.10.2025", Some(Shape::Date)),
            ("2024年11月20日", Some(Shape::Date)),
            ("2025年3月18日 10:32", Some(Shape::Date)),
            ("۲۵ آبان ۱۴۰۳", Some(Shape::Date)),
            ("10 जून 2025", Some(Shape::Date)),
            ("3. мај 2025.", Some(Shape::Date)),
            ("5 มกราคม 2568", Some(Shape::Date)),
            ("Mis à jour le 18/04/2025 à 09:15", Some(Shape::Date)),
            ("5天后", None),
            ("()", Some(Shape::Symbol)),
            ("x", Some(Shape::Symbol)),
            ("Support SouthFront", None),
            ("He said 55 people came.", None),
        ];
        for (line, want) in table {
            assert_eq!(shape(line), want, "{line}");
        }
    }
}
