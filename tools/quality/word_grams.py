#!/usr/bin/env python3
"""The word table of the line model (data/line-word-grams.bin, read by
src/features/word_grams.rs): which words and pairs of words are more common in noise lines than
in content lines.

A line's tokens are its runs of word characters and, one token each, its punctuation and
symbol characters (`tokens` below; src/features/word_grams.rs splits the same way), lower-cased
character by character. A logistic regression over the line's counts of tokens and of pairs of
adjacent tokens (each line's counts divided by the square root of its number of tokens) learns
a weight per word and pair ("comments", "reply", "© 2024", "read more", "posted by"); the
20,000 of largest weight are kept, as i8 × scale. A line's word score is the sum of its words'
and pairs' weights over that square root: the model reads it, its neighbours', its means over
±3 and ±10 lines, the page's mean and the line's difference from it, and the share of the
line's and of the page's tokens that the table knows (the `lex_*` inputs).

The table knows English best, and some German, Spanish, French: a page in a language it does
not know has no word scores worth reading, and a model that learned to read them would misjudge
it (a one-word menu item the table does not know looks like content on an English page). So
the word inputs are read by a second plain-text model (data/line-model-words.bin), used only on
pages where the table knows enough of the tokens (src/classify.rs); the first model, without
them, judges the others.

It complements the word edges (edge_grams.py), which see only the first and last characters
of each word: whole words and the order of two of them.

usage:
  word_grams.py train BENCH_DIR OUT.bin
      learns the table from every labelled line of dev and dev-multi
  word_grams.py oof BENCH_DIR TABLE.bin DUMP.tsv [DUMP.tsv ...]
      checks that the dump's lex_score (computed by the crate with TABLE.bin) is this script's
      arithmetic, then replaces the dump's lex_* columns with out-of-fold values (tables
      learned without the page's web site, as edge_grams.py does)
"""
import sys
import numpy as np

from edge_grams import command_line, fold_tables, learn, read_bench, read_table, rewrite_dump, site_folds

KEEP = 20000        # words and pairs kept in the table
MIN_LINES = 3       # a word or pair must occur in at least this many lines to be learned
C = 3.0             # inverse L2 strength of the logistic regression
MAGIC = b'STWG'
NAMES = ['lex_score', 'lex_p1', 'lex_n1', 'lex_win3', 'lex_win10', 'lex_page', 'lex_rel', 'lex_known',
         'lex_known_page']

# Characters beyond ASCII that are a token each (punctuation and symbols), as ranges; every
# other character that is not white space belongs to a word.
SPLIT_RANGES = (
    (0x00A1, 0x00BF), (0x00D7, 0x00D7), (0x00F7, 0x00F7),
    (0x2010, 0x205E),   # general punctuation (dashes, quotes, bullets, ellipsis)
    (0x20A0, 0x20CF),   # currency signs
    (0x2100, 0x2BFF),   # letterlike and number forms, arrows, math, technical, shapes, dingbats
    (0x3000, 0x303F),   # CJK punctuation
    (0xFF01, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65),  # full-width punctuation
    (0x1F000, 0x1FAFF),  # emoji and pictographs
)


def is_space(c):
    """Rust's char::is_whitespace (Python's isspace also takes U+001C-U+001F)."""
    return c.isspace() and not '\x1c' <= c <= '\x1f'


def splits(c):
    """A character that is a token by itself."""
    o = ord(c)
    if o < 0x80:
        return not (c.isalnum() or c == '_')
    return any(a <= o <= b for a, b in SPLIT_RANGES)


def tokens(text):
    """The line's tokens, lower-cased character by character (as char::to_lowercase)."""
    out, word = [], []
    for c in text:
        if is_space(c) or splits(c):
            if word:
                out.append(''.join(word)); word = []
            if not is_space(c):
                out.append(c.lower())
        else:
            word.append(c.lower())
    if word:
        out.append(''.join(word))
    return out


def grams(toks):
    return toks + [a + ' ' + b for a, b in zip(toks, toks[1:])]


class Cache:
    """Each text's tokens, computed once (the folds tokenize the same lines again)."""
    def __init__(self):
        self.seen = {}

    def __call__(self, text):
        t = self.seen.get(text)
        if t is None:
            t = self.seen[text] = tokens(text)
        return t


TOKENS = Cache()


def fit(texts, labels, weights):
    """(gram -> weight) of a table learned from these lines: the KEEP largest, as i8 x scale."""
    table, scale = learn(texts, labels, weights, lambda t: grams(TOKENS(t)), lambda t: len(TOKENS(t)),
                         C, KEEP, MIN_LINES)
    # (A key longer than the file's u8 length could hold is left out.)
    return {g: w for g, w in table.items() if w != 0 and len(g.encode('utf-8')) < 256}, scale


def score(table, scale, text):
    t = TOKENS(text)
    if not t:
        return 0.0
    return sum(table.get(g, 0) for g in grams(t)) * scale / np.sqrt(len(t))


def known(table, text):
    """(tokens the table knows, tokens) of a line."""
    t = TOKENS(text)
    return sum(1 for g in t if table.get(g, 0) != 0), len(t)


def contexts(scores, chars, counts):
    """The lex_* inputs of one page's lines from their scores, lengths and (known, all) token
    counts (as src/features/inputs.rs computes them; 0 past the page's ends)."""
    s = np.asarray(scores, dtype=np.float64)
    n = len(s)
    if n == 0:
        return np.zeros((0, len(NAMES)))
    c = np.concatenate([[0.0], np.cumsum(s)])
    i = np.arange(n)

    def mean(w):
        lo = np.maximum(0, i - w); hi = np.minimum(n, i + w + 1)
        return (c[hi] - c[lo]) / np.maximum(hi - lo, 1)
    p1 = np.concatenate([[0.0], s[:-1]])
    n1 = np.concatenate([s[1:], [0.0]])
    page = float((s * chars).sum()) / max(float(chars.sum()), 1.0)
    k = np.array([c[0] for c in counts], dtype=np.float64); t = np.array([c[1] for c in counts], dtype=np.float64)
    share = np.where(t > 0, k / np.maximum(t, 1), 0.0)
    page_share = k.sum() / t.sum() if t.sum() else 0.0
    return np.stack([s, p1, n1, mean(3), mean(10), np.full(n, page), s - page, share, np.full(n, page_share)], axis=1)


def oof(bench_dir, table_path, dumps):
    pages = read_bench(bench_dir)
    fold_of = site_folds(pages)
    tables = fold_tables(pages, fold_of, fit)
    full = read_table(table_path, MAGIC)
    for path in dumps:
        rewrite_dump(path, pages, NAMES, lambda text, v: abs(v[0] - score(*full, text)),
                     lambda pid, texts, chars: contexts([score(*tables[fold_of[pid]], t) for t in texts], chars,
                                                        [known(tables[fold_of[pid]][0], t) for t in texts]))


if __name__ == '__main__':
    command_line(__doc__, fit, oof, MAGIC, 'words and pairs')
