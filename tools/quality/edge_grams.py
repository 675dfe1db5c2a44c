#!/usr/bin/env python3
"""The word-edge table of the line model (data/line-edge-grams.bin, read by
src/features/edge_grams.rs): which beginnings and endings of words are more common in noise
lines than in content lines.

Every whitespace-separated word of a line, lower-cased and padded with a space on each side,
gives its first and last 2, 3 and 4 characters (" ©", "ts ", " our", ". ", "; ", " {": a
copyright sign, a plural, a possessive, a sentence end inside the line, code). A logistic
regression over the line's counts of these edges (each line's counts divided by the square root
of its number of edges) learns a weight per edge; the 5,000 edges of largest weight are kept,
as i8 × scale. A line's edge score is the sum of its edges' weights over that square root: the
model reads it, its neighbours' and its ±3-line mean (the `edge_*` inputs).

usage:
  edge_grams.py train BENCH_DIR OUT.bin
      learns the table from every labelled line of dev and dev-multi
  edge_grams.py oof BENCH_DIR TABLE.bin DUMP.tsv [DUMP.tsv ...]
      checks that the dump's edge_score (computed by the crate with TABLE.bin) is this
      script's arithmetic, then replaces the dump's edge_* columns with out-of-fold values:
      each page's scores come from a table learned without any page of its web site (5 folds
      grouped by site, so a site's own boilerplate, say its copyright line, does not teach
      the table about its other pages), as the line model must learn how far the score can be
      trusted on pages it has not seen.
"""
import gzip, json, re, struct, sys
from urllib.parse import urlparse
import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

EDGE_LENGTHS = (2, 3, 4)
KEEP = 5000          # edges kept in the table
MIN_PAGES = 3        # an edge must occur in at least this many lines to be learned
MULTI_WEIGHT = 4.0   # as train.py: dev-multi's few labelled lines are its only non-English ones
C = 1.0              # inverse L2 strength of the logistic regression
FOLDS = 5
NAMES = ['edge_score', 'edge_p1', 'edge_n1', 'edge_win3']


def edges(text):
    """The word edges of a line (src/features/edge_grams.rs computes the same)."""
    out = []
    for w in text.lower().split():
        p = ' ' + w + ' '
        for n in EDGE_LENGTHS:
            if n > len(p):
                break
            out.append(p[:n])
            if n < len(p):
                out.append(p[-n:])
    return out


def site(url, page_id):
    m = re.match(r'https?://web\.archive\.org/web/[^/]+/(.*)', url or '')
    u = m.group(1) if m else (url or '')
    if u and not u.startswith('http'):
        u = 'http://' + u
    host = urlparse(u).netloc.lower()
    return host[4:] if host.startswith('www.') else (host or page_id)


def read_bench(bench_dir):
    """Every line of dev and dev-multi: (page id, site, text, label or None, weight)."""
    pages = {}
    for name, weight in (('dev', 1.0), ('dev-multi', MULTI_WEIGHT)):
        with gzip.open(f'{bench_dir}/{name}.jsonl.gz', 'rt', encoding='utf-8') as f:
            for line in f:
                d = json.loads(line)
                pages[d['id']] = dict(site=site(d.get('url'), d['id']), weight=weight,
                                      lines=[(d['text'][x['start']:x['end']], x['label']) for x in d['lines']])
    return pages


def learn(texts, labels, weights, analyzer, units, c, keep, min_df):
    """(key -> weight) of a table learned from these lines, and its scale: a logistic regression
    (inverse L2 strength `c`) over each line's counts of the keys `analyzer` lists (those in at
    least `min_df` lines), divided by the square root of its `units`; the `keep` largest weights,
    as i8 x scale."""
    vec = CountVectorizer(analyzer=analyzer, min_df=min_df, dtype=np.float64)
    X = vec.fit_transform(texts)
    n = np.array([max(units(t), 1) for t in texts], dtype=np.float64)
    X = X.multiply(1.0 / np.sqrt(n)[:, None]).tocsr()
    m = LogisticRegression(C=c, max_iter=3000)
    m.fit(X, labels, sample_weight=weights)
    coef = m.coef_[0]
    order = np.argsort(-np.abs(coef), kind='stable')[:keep]
    names = vec.get_feature_names_out()
    scale = float(np.abs(coef[order]).max()) / 127.0
    return {names[i]: int(round(coef[i] / scale)) for i in order}, scale


def fit(texts, labels, weights):
    """(edge -> weight) of a table learned from these lines: the KEEP largest, as i8 x scale."""
    return learn(texts, labels, weights, edges, lambda t: len(edges(t)), C, KEEP, MIN_PAGES)


def score(table, scale, text):
    e = edges(text)
    if not e:
        return 0.0
    return sum(table.get(g, 0) for g in e) * scale / np.sqrt(len(e))


def write_table(table, scale, path, magic=b'STEG'):
    """The table file: MAGIC, version 1, the count (u32), the scale (f32), then per entry its
    UTF-8 length (u8), its characters and its weight (i8), sorted."""
    blob = bytearray(magic)
    blob += struct.pack('<BIf', 1, len(table), scale)
    for g in sorted(table):
        b = g.encode('utf-8')
        blob += struct.pack('<B', len(b)) + b + struct.pack('<b', table[g])
    with open(path, 'wb') as f:
        f.write(blob)
    return len(blob)


def read_table(path, magic=b'STEG'):
    b = open(path, 'rb').read()
    assert b[:4] == magic, path
    _, n, scale = struct.unpack_from('<BIf', b, 4)
    at, table = 13, {}
    for _ in range(n):
        k = b[at]; g = b[at + 1:at + 1 + k].decode('utf-8'); w = struct.unpack_from('<b', b, at + 1 + k)[0]
        table[g] = w; at += k + 2
    return table, scale


def labelled(pages, ids):
    texts, labels, weights = [], [], []
    for pid in ids:
        p = pages[pid]
        for text, label in p['lines']:
            if label is not None:
                texts.append(text); labels.append(label == 'noise'); weights.append(p['weight'])
    return texts, np.array(labels), np.array(weights)


def neighbours(scores):
    """edge_score, edge_p1, edge_n1, edge_win3 of one page's lines (0 past the page's ends)."""
    n = len(scores)
    s = np.asarray(scores, dtype=np.float64)
    p1 = np.concatenate([[0.0], s[:-1]]) if n else s
    n1 = np.concatenate([s[1:], [0.0]]) if n else s
    c = np.concatenate([[0.0], np.cumsum(s)])
    i = np.arange(n); lo = np.maximum(0, i - 3); hi = np.minimum(n, i + 4)
    return np.stack([s, p1, n1, (c[hi] - c[lo]) / np.maximum(hi - lo, 1)], axis=1)


def site_folds(pages):
    """Each page's fold (0 to FOLDS - 1), grouped by web site."""
    ids = sorted(pages)
    groups = [pages[i]['site'] for i in ids]
    fold_of = {}
    for k, (_, te) in enumerate(GroupKFold(n_splits=FOLDS).split(ids, groups=groups)):
        for j in te:
            fold_of[ids[j]] = k
    return fold_of


def fold_tables(pages, fold_of, fit):
    """Per fold, the table `fit` learns from the labelled lines of the other folds' pages."""
    tables = []
    for k in range(FOLDS):
        texts, labels, weights = labelled(pages, [i for i in sorted(pages) if fold_of[i] != k])
        tables.append(fit(texts, labels, weights))
        print(f'fold {k}: table learned from {len(texts)} lines', file=sys.stderr)
    return tables


def rewrite_dump(path, pages, names, check, values):
    """Replaces the columns `names` of a feature dump with `values(page id, texts, chars)` (an
    array of a row per line), page by page, after `check(row text, row's values)` has compared
    the crate's arithmetic with the script's on every labelled line (it returns a difference).
    A line without a gold line is scored as empty text."""
    with open(path, encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        rows = [l.rstrip('\n').split('\t') for l in f]
    cols = [header.index(n) for n in names]
    diff = np.array([check(pages[r[0]]['lines'][int(r[3])][0], [float(r[c]) for c in cols])
                     for r in rows if int(r[3]) >= 0])
    print(f'{path}: |crate - script| {names[0]}: median {np.median(diff):.2e}, 99.9 % {np.quantile(diff, 0.999):.2e},'
          f' lines above 1e-3: {(diff > 1e-3).sum()} of {len(diff)}', file=sys.stderr)
    if (diff > 1e-3).mean() > 0.001:
        sys.exit(f'{path}: the crate computes {names[0]} differently from this script')
    # A page's rows are consecutive in the dump.
    start = 0
    while start < len(rows):
        end = start
        while end < len(rows) and rows[end][0] == rows[start][0]:
            end += 1
        pid = rows[start][0]
        texts = [pages[pid]['lines'][int(r[3])][0] if int(r[3]) >= 0 else '' for r in rows[start:end]]
        chars = np.array([float(r[5]) for r in rows[start:end]])
        for r, v in zip(rows[start:end], values(pid, texts, chars)):
            for c, x in zip(cols, v):
                r[c] = f'{x:.6g}'
        start = end
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\t'.join(header) + '\n')
        for r in rows:
            f.write('\t'.join(r) + '\n')


def oof(bench_dir, table_path, dumps):
    pages = read_bench(bench_dir)
    fold_of = site_folds(pages)
    tables = fold_tables(pages, fold_of, fit)
    full = read_table(table_path)
    for path in dumps:
        # The crate's edge_score against this script's, for the table the crate was built with;
        # then out-of-fold values.
        rewrite_dump(path, pages, NAMES, lambda text, v: abs(v[0] - score(*full, text)),
                     lambda pid, texts, chars: neighbours([score(*tables[fold_of[pid]], t) for t in texts]))


def command_line(doc, fit, oof, magic, what):
    """The `train` and `oof` commands of a table script (its usage is `doc`)."""
    if len(sys.argv) == 4 and sys.argv[1] == 'train':
        pages = read_bench(sys.argv[2])
        texts, labels, weights = labelled(pages, sorted(pages))
        table, scale = fit(texts, labels, weights)
        size = write_table(table, scale, sys.argv[3], magic)
        print(f'wrote {sys.argv[3]}: {len(table)} {what}, {size} bytes, scale {scale:.4g}')
    elif len(sys.argv) >= 5 and sys.argv[1] == 'oof':
        oof(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        sys.exit(doc)


if __name__ == '__main__':
    command_line(__doc__, fit, oof, b'STEG', 'edges')
