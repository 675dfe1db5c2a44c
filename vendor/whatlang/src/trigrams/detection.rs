use hashbrown::HashMap;

use super::utils::ranked_trigrams;
#[cfg(test)]
use super::utils::get_trigrams_with_positions;
use super::{ARABIC_LANGS, CYRILLIC_LANGS, DEVANAGARI_LANGS, HEBREW_LANGS, LATIN_LANGS};
use super::{LangProfile, LangProfileList};
use super::{MAX_TOTAL_DISTANCE, MAX_TRIGRAM_DISTANCE, Trigram};
use crate::Lang;
use crate::core::{FilterList, Info, InternalQuery, Text, calculate_confidence};
use crate::scripts::grouping::MultiLangScript;

#[derive(Debug)]
pub struct RawOutcome {
    pub trigrams_count: usize,
    #[allow(dead_code)]
    pub raw_distances: Vec<(Lang, u32)>,
    pub scores: Vec<(Lang, f64)>,
}

#[inline]
pub fn detect(iquery: &InternalQuery) -> Option<Info> {
    let raw_outcome = raw_detect(iquery);
    let RawOutcome {
        trigrams_count,
        scores,
        ..
    } = raw_outcome;

    let mut raw_scores_iter = scores.into_iter();

    let opt_lang_score1 = raw_scores_iter.next();
    let opt_lang_score2 = raw_scores_iter.next();

    // TODO: Logic is duplicated in alphabets. Consider refactoring
    opt_lang_score1.map(|(lang1, score1)| {
        let script = iquery.multi_lang_script.to_script();
        let confidence = if let Some((_, score2)) = opt_lang_score2 {
            calculate_confidence(score1, score2, trigrams_count)
        } else {
            1.0
        };
        Info::new(script, lang1, confidence)
    })
}

#[inline]
pub fn raw_detect(iquery: &InternalQuery) -> RawOutcome {
    let lang_profile_list = script_to_lang_profile_list(iquery.multi_lang_script);
    let index = profile_index(iquery.multi_lang_script);
    calculate_scores_in_profiles(&iquery.text, iquery.filter_list, lang_profile_list, index)
}

// straytext: the profiles' trigrams indexed by trigram, so that a text is scored by looking up
// each of its own (at most 600) trigrams once, instead of each language's 300 profile
// trigrams in the text's table (37 Latin languages: 11,100 lookups a call, whatever the
// text's length). The distances are the same integers (see `distances_by_index`).

/// Every profile trigram of one script's languages: for each trigram, the languages (their
/// index in the profile list) and positions it has.
struct ProfileIndex {
    /// A trigram's range in `entries`.
    ranges: HashMap<Trigram, (u32, u32)>,
    /// (language index, position in its profile).
    entries: Vec<(u16, u16)>,
}

fn build_profile_index(list: LangProfileList) -> ProfileIndex {
    let mut by_trigram: HashMap<Trigram, Vec<(u16, u16)>> = HashMap::new();
    for (li, &(_, profile)) in list.iter().enumerate() {
        for (i, &trigram) in profile.iter().enumerate() {
            by_trigram
                .entry(trigram)
                .or_default()
                .push((li as u16, i as u16));
        }
    }
    let mut ranges = HashMap::with_capacity(by_trigram.len());
    let mut entries = Vec::new();
    for (trigram, list) in by_trigram {
        ranges.insert(trigram, (entries.len() as u32, list.len() as u32));
        entries.extend(list);
    }
    ProfileIndex { ranges, entries }
}

fn profile_index(script: MultiLangScript) -> &'static ProfileIndex {
    use std::sync::OnceLock;
    static INDEXES: [OnceLock<ProfileIndex>; 5] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let at = match script {
        MultiLangScript::Latin => 0,
        MultiLangScript::Cyrillic => 1,
        MultiLangScript::Arabic => 2,
        MultiLangScript::Devanagari => 3,
        MultiLangScript::Hebrew => 4,
    };
    INDEXES[at].get_or_init(|| build_profile_index(script_to_lang_profile_list(script)))
}

/// Each language's `calculate_distance` before its adjustment, by the index: a profile trigram
/// at `i` adds `|n - i|` when the text has it at `n` and `MAX_TRIGRAM_DISTANCE` when not, so
/// the sum is `MAX_TRIGRAM_DISTANCE * len` less `MAX_TRIGRAM_DISTANCE - |n - i|` per profile
/// trigram the text has (each found once, from the text's side).
fn distances_by_index(
    index: &ProfileIndex,
    lang_profile_list: LangProfileList,
    ranked: &[Trigram],
) -> Vec<i64> {
    let mut dist: Vec<i64> = lang_profile_list
        .iter()
        .map(|(_, profile)| i64::from(MAX_TRIGRAM_DISTANCE) * profile.len() as i64)
        .collect();
    for (n, trigram) in ranked.iter().enumerate() {
        let n = n as u32;
        let Some(&(start, len)) = index.ranges.get(trigram) else {
            continue;
        };
        let found = &index.entries[start as usize..(start + len) as usize];
        for &(li, i) in found {
            let d = (i64::from(n) - i64::from(i)).abs();
            dist[li as usize] -= i64::from(MAX_TRIGRAM_DISTANCE) - d;
        }
    }
    dist
}

/// `calculate_distance`'s adjustment and clamp of a raw sum (in u32 as there, wrapping as a
/// release build does).
fn adjusted_distance(raw: u32, count: u32) -> u32 {
    let mut total_dist = raw;
    if MAX_TRIGRAM_DISTANCE > count {
        let delta = MAX_TRIGRAM_DISTANCE - count;
        total_dist = total_dist.wrapping_sub(delta * MAX_TRIGRAM_DISTANCE);
    }
    total_dist.clamp(0, MAX_TOTAL_DISTANCE)
}

fn script_to_lang_profile_list(script: MultiLangScript) -> LangProfileList {
    use MultiLangScript as MLS;
    match script {
        MLS::Latin => LATIN_LANGS,
        MLS::Cyrillic => CYRILLIC_LANGS,
        MLS::Arabic => ARABIC_LANGS,
        MLS::Devanagari => DEVANAGARI_LANGS,
        MLS::Hebrew => HEBREW_LANGS,
    }
}

#[inline]
fn calculate_scores_in_profiles(
    text: &Text,
    filter_list: &FilterList,
    lang_profile_list: LangProfileList,
    index: &ProfileIndex,
) -> RawOutcome {
    let mut lang_distances: Vec<(Lang, u32)> = vec![];

    // straytext: the ranked trigrams, their table of positions built only for the few
    // languages scored profile by profile (the index walks the ranking).
    let ranked = ranked_trigrams(&text.lowercase());
    let unique_trigrams_count = ranked.len();

    // A few allowed languages (a duel) are scored profile by profile; many by the index.
    let allowed = lang_profile_list
        .iter()
        .filter(|(lang, _)| filter_list.is_allowed(*lang))
        .count();
    if allowed <= FEW_LANGUAGES {
        let trigram_positions: HashMap<Trigram, u32> = ranked
            .iter()
            .enumerate()
            .map(|(i, &trigram)| (trigram, i as u32))
            .collect();
        for &(lang, lang_trigrams) in lang_profile_list {
            if !filter_list.is_allowed(lang) {
                continue;
            }
            let dist = calculate_distance(lang_trigrams, &trigram_positions);
            lang_distances.push(((lang), dist));
        }
    } else {
        let raw = distances_by_index(index, lang_profile_list, &ranked);
        let count = ranked.len() as u32;
        for (&(lang, _), &raw) in lang_profile_list.iter().zip(&raw) {
            if !filter_list.is_allowed(lang) {
                continue;
            }
            lang_distances.push((lang, adjusted_distance(raw as u32, count)));
        }
    }

    // Sort languages by distance
    lang_distances.sort_unstable_by_key(|(_, dist)| *dist);

    let max_dist = unique_trigrams_count as u32 * MAX_TRIGRAM_DISTANCE;

    let raw_scores = lang_distances
        .iter()
        .map(|&(lang, distance)| (lang, distance_to_raw_score(distance, max_dist)))
        .collect();

    RawOutcome {
        trigrams_count: unique_trigrams_count,
        scores: raw_scores,
        raw_distances: lang_distances,
    }
}

/// Up to this many allowed languages are scored without the index.
const FEW_LANGUAGES: usize = 4;

#[inline]
fn calculate_distance(lang_trigrams: LangProfile, text_trigrams: &HashMap<Trigram, u32>) -> u32 {
    let mut total_dist = 0u32;

    for (i, &trigram) in lang_trigrams.iter().enumerate() {
        let dist = match text_trigrams.get(&trigram) {
            Some(&n) => (n as i32 - i as i32).unsigned_abs(),
            None => MAX_TRIGRAM_DISTANCE,
        };
        total_dist += dist;
    }

    let count = text_trigrams.len() as u32;

    if MAX_TRIGRAM_DISTANCE > count {
        let delta = MAX_TRIGRAM_DISTANCE - count;
        total_dist -= delta * MAX_TRIGRAM_DISTANCE;
    }

    total_dist.clamp(0, MAX_TOTAL_DISTANCE)
}

#[inline]
fn distance_to_raw_score(distance: u32, max_distance: u32) -> f64 {
    let similarity = max_distance - distance;
    similarity as f64 / max_distance as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// straytext: the index's distances against `calculate_distance`, language by language, on
    /// random texts of every script with trigram profiles: pieces of the profiles' own
    /// trigrams (so that many match, at many positions), letters, digits and punctuation.
    #[test]
    fn distances_by_index_are_calculate_distance() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n.max(1) as u64) as usize
        };
        let scripts = [
            MultiLangScript::Latin,
            MultiLangScript::Cyrillic,
            MultiLangScript::Arabic,
            MultiLangScript::Devanagari,
            MultiLangScript::Hebrew,
        ];
        let extra = ['1', '7', '.', ',', '!', '-', ' ', ' ', 'A', 'Z', 'é', 'ß', 'ж', 'ع'];
        for round in 0..600 {
            let script = scripts[round % scripts.len()];
            let list = script_to_lang_profile_list(script);
            let index = profile_index(script);
            // Texts of 0 to ~2,000 characters (more than 600 distinct trigrams at the top).
            let pieces = next(if round % 10 == 0 { 700 } else { 150 });
            let mut text = String::new();
            for _ in 0..pieces {
                if next(4) == 0 {
                    text.push(extra[next(extra.len())]);
                } else {
                    let (_, profile) = list[next(list.len())];
                    let Trigram(a, b, c) = profile[next(profile.len())];
                    text.extend([a, b, c]);
                }
            }
            let text = Text::new(&text);
            let lowercase = text.lowercase();
            let trigrams = get_trigrams_with_positions(&lowercase);
            let positions = &trigrams.trigram_positions;
            let raw = distances_by_index(index, list, &ranked_trigrams(&lowercase));
            let count = positions.len() as u32;
            for (&(lang, profile), &raw) in list.iter().zip(&raw) {
                assert_eq!(
                    adjusted_distance(raw as u32, count),
                    calculate_distance(profile, positions),
                    "{lang:?} on {text:?}"
                );
            }
        }
    }

    #[test]
    fn test_when_german_is_given() {
        let text = "Die Ordnung muss für immer in diesem Codebase bleiben";
        let iq = InternalQuery {
            text: Text::new(text),
            filter_list: &FilterList::default(),
            multi_lang_script: MultiLangScript::Latin,
        };
        let raw_outcome = raw_detect(&iq);

        assert_eq!(raw_outcome.trigrams_count, 50);

        let &(first_lang, first_score) = raw_outcome.scores.first().unwrap();
        let &(_last_lang, last_score) = raw_outcome.scores.last().unwrap();

        assert_eq!(first_lang, Lang::Deu);

        assert!(first_score >= 0.0);
        assert!(first_score <= 1.0);

        assert!(last_score >= 0.0);
        assert!(last_score <= 1.0);
    }
}
