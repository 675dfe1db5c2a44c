#!/usr/bin/env python3
"""Train straytext's line model (content vs noise) on the dev benchmark, with page-grouped
cross-validation, and export the trees to data/line-model.bin for src/model.rs.

usage: python3 tools/quality/train.py --dev dev.tsv --multi multi.tsv [--out data/line-model.bin]
       (the .tsv files come from examples/dump_features.rs; tools/quality/train.sh does it all)

Reports, for the cross-validated predictions (5 folds, grouped by page, so no page is scored
by a model that saw it), the noise-class line and character P/R/F1 on dev and on dev-multi,
then trains on everything and writes the model.
"""
import argparse, json, struct, sys
import numpy as np
import lightgbm as lgb
from sklearn.model_selection import GroupKFold

DEPTH = 5
PARAMS = dict(objective='binary', num_leaves=2 ** DEPTH, max_depth=DEPTH, learning_rate=0.1, min_child_samples=30,
              feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0,
              num_threads=1, verbose=-1, seed=7, deterministic=True)
TREES = 100
MULTI_WEIGHT = 4.0   # dev-multi has few labelled lines, but they are the only non-English ones
# The page rules after the plain-text model (the same as `page_scores` in src/classify.rs): the
# page's threshold moves by PAGE_BETA x (the page's mean score, weighted by characters, minus
# PAGE_MEAN_REFERENCE), and a page keeps at least PAGE_MIN_KEPT of its characters (the lines
# scored lowest stay content).
PAGE_BETA = 0.3
PAGE_MEAN_REFERENCE = 0.4
PAGE_MIN_KEPT = 0.1
# A prose line right after a prose line kept as content needs this score to go
# (CONTINUED_PROSE_THRESHOLD in src/classify.rs).
CONTINUED_PROSE = 0.6


def page_rule(scores, chars, threshold, prose):
    """Noise verdicts (bool) of one page's lines under the page rules."""
    noise = page_threshold_rule(scores, chars, threshold)
    for j in range(1, len(scores)):
        if noise[j] and prose[j] and prose[j - 1] and not noise[j - 1] and scores[j] < CONTINUED_PROSE:
            noise[j] = False
    return noise


def page_threshold_rule(scores, chars, threshold):
    """The per-page threshold and the floor of kept characters (`page_scores` in classify.rs)."""
    tot = float(chars.sum())
    if len(scores) == 0 or tot <= 0:
        return scores >= threshold
    mean = float((scores * chars).sum()) / tot
    t = threshold + PAGE_BETA * (mean - PAGE_MEAN_REFERENCE)
    noise = scores >= t
    if chars[~noise].sum() < PAGE_MIN_KEPT * tot:
        order = np.argsort(scores, kind='stable')
        k = int(np.searchsorted(np.cumsum(chars[order]), PAGE_MIN_KEPT * tot)) + 1
        noise[order[:k]] = False
    return noise


def verdicts(oof, chars, pages, threshold, rule, prose, fallback=None):
    """Noise verdicts (0/1) of every line: the threshold alone, or with the page rules. With
    `fallback` (scores, threshold, per-line flag), the pages whose lines are flagged get the
    fallback model's scores and threshold instead (as src/classify.rs picks the plain model)."""
    if not rule:
        return (oof >= threshold).astype(int)
    out = np.zeros(len(oof), dtype=int)
    for ix in pages:
        if fallback is not None and fallback[2][ix[0]]:
            out[ix] = page_rule(fallback[0][ix], chars[ix], fallback[1], prose[ix])
        else:
            out[ix] = page_rule(oof[ix], chars[ix], threshold, prose[ix])
    return out


def load(path):
    with open(path, encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        ids, src, gold, lab, chars, rows = [], [], [], [], [], []
        for line in f:
            p = line.rstrip('\n').split('\t')
            ids.append(p[0]); src.append(p[1]); gold.append(int(p[3])); lab.append(int(p[4]))
            chars.append(int(p[5])); rows.append([float(x) for x in p[6:]])
    return (header[6:], np.array(ids), np.array(src), np.array(gold), np.array(lab),
            np.array(chars, dtype=float), np.array(rows, dtype=np.float32))


def prf(y, pred, w):
    tp = float(((pred == 1) & (y == 1)) @ w); fp = float(((pred == 1) & (y == 0)) @ w)
    fn = float(((pred == 0) & (y == 1)) @ w)
    p = tp / (tp + fp) if tp + fp else 0.0; r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def weights(chars, is_multi, power):
    return np.power(np.maximum(chars, 1.0), power) * np.where(is_multi, MULTI_WEIGHT, 1.0)


def f32_floor(t):
    """The largest float32 <= t, so that x <= t  <=>  x <= f32_floor(t) for any float32 x."""
    v = np.float32(t)
    if float(v) > t:
        v = np.nextafter(v, np.float32(-np.inf))
    return float(v)


def complete_trees(booster):
    """Each tree as a complete binary tree of depth DEPTH in level order: (inputs, split values,
    leaves). Node k has children 2k+1 and 2k+2; a leaf above the last level is copied into
    every leaf below it (the splits on the way there are dummies)."""
    n_split, n_leaf = 2 ** DEPTH - 1, 2 ** DEPTH
    out = []
    for t in booster.dump_model()['tree_info']:
        inputs, values, leaves = [0] * n_split, [0.0] * n_split, [0.0] * n_leaf

        def fill(node, k, level):
            if level == DEPTH:
                assert 'split_index' not in node, 'tree deeper than DEPTH'
                leaves[k - n_split] = node.get('leaf_value', 0.0)
                return
            if 'split_index' in node:
                assert node['decision_type'] == '<=', node['decision_type']
                inputs[k] = node['split_feature']
                values[k] = f32_floor(node['threshold'])
                fill(node['left_child'], 2 * k + 1, level + 1)
                fill(node['right_child'], 2 * k + 2, level + 1)
            else:
                fill(node, 2 * k + 1, level + 1)
                fill(node, 2 * k + 2, level + 1)

        fill(t['tree_structure'], 0, 0)
        out.append((inputs, values, leaves))
    return out


def export(booster, names, threshold, out):
    """Write the trees in the format src/model.rs reads ("STM3": complete trees, leaves as
    i16 × scale)."""
    trees = complete_trees(booster)
    scale = max(abs(v) for _, _, leaves in trees for v in leaves) / 32767.0
    blob = bytearray(b'STM3')
    blob += struct.pack('<HHBff', len(names), len(trees), DEPTH, threshold, scale)
    for inputs, values, leaves in trees:
        blob += bytes(inputs)
        blob += struct.pack('<%df' % len(values), *values)
        blob += struct.pack('<%dh' % len(leaves), *[int(round(v / scale)) for v in leaves])
    with open(out, 'wb') as f:
        f.write(blob)
    return len(blob)


def eval_exported(path, X):
    """Raw scores of the exported file, computed the way src/model.rs does (checks the export)."""
    b = open(path, 'rb').read()
    nf, nt, depth, thr, scale = struct.unpack_from('<HHBff', b, 4)
    n_split, n_leaf = 2 ** depth - 1, 2 ** depth
    at = 17
    out = np.zeros(len(X))
    for _ in range(nt):
        inputs = np.frombuffer(b, np.uint8, n_split, at); at += n_split
        values = np.frombuffer(b, '<f4', n_split, at); at += 4 * n_split
        leaves = np.frombuffer(b, '<i2', n_leaf, at).astype(np.float32) * np.float32(scale); at += 2 * n_leaf
        k = np.zeros(len(X), dtype=np.int64)
        for _ in range(depth):
            go_right = X[np.arange(len(X)), inputs[k]] > values[k]
            k = 2 * k + 1 + go_right
        out += leaves[k - n_split]
    return out


def main():
    global DEPTH
    ap = argparse.ArgumentParser()
    ap.add_argument('--dev', required=True); ap.add_argument('--multi', required=True)
    ap.add_argument('--dev-html', help='the same pages dumped with their HTML hints')
    ap.add_argument('--multi-html')
    ap.add_argument('--out', default='data/line-model.bin')
    ap.add_argument('--power', type=float, default=1.0, help='sample weight = chars ** power')
    ap.add_argument('--folds', type=int, default=5)
    ap.add_argument('--trees', type=int, default=TREES)
    ap.add_argument('--depth', type=int, default=DEPTH,
                    help='the depth of the complete trees (src/model.rs walks depths 1-8 fast)')
    ap.add_argument('--importance', action='store_true')
    ap.add_argument('--seed', type=int, default=PARAMS['seed'], help='the bagging seed')
    ap.add_argument('--save-oof', help='write the out-of-fold scores (one a line, in the dump order) here')
    ap.add_argument('--cv-pred', default=None, help='directory for the cross-validated predictions')
    ap.add_argument('--tag', default='', help='suffix of the prediction files (dev<TAG>.cv-pred.jsonl)')
    ap.add_argument('--threshold', type=float, default=None,
                    help='the threshold to ship (default: the one that maximises the summed char F1 in CV)')
    ap.add_argument('--plain-inputs', action='store_true',
                    help="only the inputs from the text (those before 'html'): the plain-text model"
                         " (its verdicts also get the page rules, see page_rule)")
    ap.add_argument('--drop', action='append', default=[], metavar='PREFIX',
                    help='leave out the inputs whose names start with PREFIX (repeatable; to measure'
                         ' an input set without re-dumping; the model written then does not match'
                         ' the crate)')
    ap.add_argument('--mask', action='append', default=[], metavar='PREFIX',
                    help='set the inputs whose names start with PREFIX to 0, so that the model never'
                         ' reads them but keeps the crate\'s input layout (repeatable)')
    ap.add_argument('--fallback', nargs=2, metavar=('OOF', 'THRESHOLD'),
                    help="the plain model without the word inputs: its out-of-fold scores (--save-oof) and"
                         " threshold, for the pages where the word table knows less than --coverage of the"
                         " tokens (lex_known_page); the CV verdicts then are the pair's, as the crate's")
    ap.add_argument('--coverage', type=float, default=0.45)
    a = ap.parse_args()
    PARAMS['seed'] = a.seed
    DEPTH = a.depth
    PARAMS.update(num_leaves=2 ** DEPTH, max_depth=DEPTH)
    # Each bench file, plain and (when given) with the HTML: one model learns both, the
    # `html` input tells them apart. A page's two copies share its group in the folds.
    parts = [('plain', 'dev', a.dev, False), ('plain', 'dev-multi', a.multi, True)]
    if a.dev_html:
        parts += [('html', 'dev', a.dev_html, False), ('html', 'dev-multi', a.multi_html, True)]
    elif not a.plain_inputs and 'html' in open(a.dev, encoding='utf-8').readline().split('\t'):
        # One file pair dumped with the HTML: the HTML model.
        parts = [('html', name, path, m) for _, name, path, m in parts]
    loaded = [load(path) for _, _, path, _ in parts]
    names = loaded[0][0]
    assert all(l[0] == names for l in loaded)
    if a.plain_inputs and 'html' in names:
        k = names.index('html')
        names = names[:k]
        loaded = [l[:6] + (l[6][:, :k],) for l in loaded]
    if a.drop:
        keep = [k for k, n_ in enumerate(names) if not any(n_.startswith(d) for d in a.drop)]
        names = [names[k] for k in keep]
        loaded = [l[:6] + (l[6][:, keep],) for l in loaded]
    if a.mask:
        masked = [k for k, n_ in enumerate(names) if any(n_.startswith(d) for d in a.mask)]
        for l in loaded:
            l[6][:, masked] = 0.0
    ids = np.concatenate([l[1] for l in loaded]); src = np.concatenate([l[2] for l in loaded])
    gold = np.concatenate([l[3] for l in loaded]); y = np.concatenate([l[4] for l in loaded])
    ch = np.concatenate([l[5] for l in loaded]); X = np.concatenate([l[6] for l in loaded])
    is_multi = np.concatenate([np.full(len(l[4]), m) for (_, _, _, m), l in zip(parts, loaded)])
    mode = np.concatenate([np.full(len(l[4]), md) for (md, _, _, _), l in zip(parts, loaded)])
    lab = y >= 0
    prose = X[:, names.index('prose')] > 0.5
    fallback = None
    if a.fallback:
        assert 'lex_known_page' in names, '--fallback picks the model by the lex_known_page input'
        fallback = (np.loadtxt(a.fallback[0]), float(a.fallback[1]),
                    X[:, names.index('lex_known_page')] < a.coverage)
        print(f'{int(fallback[2].sum())} of {len(y)} lines on pages judged by the fallback model', file=sys.stderr)
    w = weights(ch, is_multi, a.power)
    print(f'{lab.sum()} labelled lines ({(lab & is_multi).sum()} from dev-multi), {len(names)} inputs, '
          f'modes {sorted(set(mode))}', file=sys.stderr)

    # Page-grouped cross-validation: every line of a page is predicted by a model trained on
    # the labelled lines of other pages only.
    oof = np.zeros(len(y))
    for k, (tr, te) in enumerate(GroupKFold(n_splits=a.folds).split(X, y, ids)):
        tr = tr[lab[tr]]
        m = lgb.train(PARAMS, lgb.Dataset(X[tr], y[tr], weight=w[tr], feature_name=names), a.trees)
        oof[te] = m.predict(X[te])
    if a.save_oof:
        np.savetxt(a.save_oof, oof, fmt='%.5f')
    report = {}
    modes = sorted(set(mode), reverse=True)
    sets = [(md, lab & ~is_multi & (mode == md), lab & is_multi & (mode == md)) for md in modes]
    rule = a.plain_inputs
    groups = {}
    for i, (pid, md) in enumerate(zip(ids, mode)):
        groups.setdefault((pid, md, bool(is_multi[i])), []).append(i)
    pages = [np.array(v) for v in groups.values()]

    def objective(t):
        v = verdicts(oof, ch, pages, t, rule, prose, fallback)
        return sum(prf(y[m_], v[m_], ch[m_])[2] for _, d_, u_ in sets for m_ in (d_, u_))
    best = max(np.arange(0.1, 0.91, 0.02), key=objective)
    print(f'CV threshold maximising char F1: {best:.2f}', file=sys.stderr)
    threshold = round(float(best if a.threshold is None else a.threshold), 2)
    for t in sorted({0.5, threshold}):
        v = verdicts(oof, ch, pages, t, rule, prose, fallback)
        for md, dev_l, multi_l in sets:
            for name, mask in [('dev', dev_l), ('dev-multi', multi_l)] + \
                    [(f'dev/{s}', (src == s) & dev_l) for s in sorted(set(src[dev_l]))]:
                pred = v[mask]
                lp, lr, lf = prf(y[mask], pred, np.ones(mask.sum()))
                cp, cr, cf = prf(y[mask], pred, ch[mask])
                report[f'{md}/{name}@{t}'] = dict(line_p=lp, line_r=lr, line_f1=lf, char_p=cp, char_r=cr, char_f1=cf)
                print(f'CV threshold {t:.2f} {md:5s} {name:24s} line P/R/F1 {lp:.3f} {lr:.3f} {lf:.3f}   char P/R/F1 {cp:.3f} {cr:.3f} {cf:.3f}')
    if a.cv_pred:
        # The cross-validated verdicts in score_noise.py's format, one file per bench file and mode.
        v = verdicts(oof, ch, pages, threshold, rule, prose, fallback)
        for md in modes:
            for tag, mask in [('dev', ~is_multi & (mode == md)), ('dev-multi', is_multi & (mode == md))]:
                flagged = {}
                for pid, gl, p in zip(ids[mask], gold[mask], v[mask]):
                    flagged.setdefault(pid, set())
                    if gl >= 0 and p:
                        flagged[pid].add(int(gl))
                suffix = a.tag + ('' if md == 'plain' else '.html')
                with open(f'{a.cv_pred}/{tag}{suffix}.cv-pred.jsonl', 'w') as f:
                    for pid, lines in flagged.items():
                        f.write(json.dumps({'id': pid, 'noise_lines': sorted(lines)}) + '\n')

    # The shipped model: trained on every labelled line.
    m = lgb.train(PARAMS, lgb.Dataset(X[lab], y[lab], weight=w[lab], feature_name=names), a.trees)
    size = export(m, names, threshold, a.out)
    print(f'wrote {a.out}: {m.num_trees()} trees, {size} bytes, threshold {threshold}')
    sample = X[np.random.default_rng(1).choice(len(X), 2000, replace=False)]
    mine = eval_exported(a.out, sample)
    ref = m.predict(sample, raw_score=True)
    print(f'export check: max |raw score difference| = {np.abs(mine - ref).max():.2e}')
    if a.importance:
        imp = m.feature_importance('gain')
        for n_, g in sorted(zip(names, imp), key=lambda x: -x[1])[:40]:
            print(f'  {n_:28s} {g:12.0f}')
    with open(a.out.rsplit('.', 1)[0] + '.cv.json', 'w') as f:
        json.dump(dict(threshold=threshold, trees=a.trees, params=PARAMS, power=a.power,
                       multi_weight=MULTI_WEIGHT, cv=report), f, indent=1)


if __name__ == '__main__':
    main()
