#!/usr/bin/env python3
"""Lists what a prediction file gets wrong on the mixed benchmark: missed gold spans, false
alarms and negatives hit, each with its context, grouped by kind.

  python3 tools/mixed/errors.py GOLD.jsonl PRED.jsonl [--only missed|false|neg] [--kind K]
"""
import argparse, json, collections


def iou(a0, a1, b0, b1):
    inter = max(0, min(a1, b1) - max(a0, b0))
    return inter / (max(a1, b1) - min(a0, b0)) if inter else 0.0


def u16_to_py(text):
    """Maps UTF-16 offsets to Python string indices."""
    m, u = {}, 0
    for i, ch in enumerate(text):
        m[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    m[u] = len(text)
    return m


def ctx(text, m, s, e, width=30):
    s, e = m.get(s, 0), m.get(e, len(text))
    ls = text.rfind('\n', 0, s) + 1
    le = text.find('\n', e)
    le = len(text) if le < 0 else le
    return repr(text[max(ls, s - width):s] + '[[' + text[s:e] + ']]' + text[e:min(le, e + width)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('gold')
    ap.add_argument('pred')
    ap.add_argument('--only')
    ap.add_argument('--kind')
    a = ap.parse_args()
    gold = {json.loads(l)['id']: json.loads(l) for l in open(a.gold) if l.strip()}
    pred = {json.loads(l)['id']: json.loads(l) for l in open(a.pred) if l.strip()}
    out = collections.defaultdict(list)
    for did, g in gold.items():
        t = g['text']
        m = u16_to_py(t)
        gs = [(s['start_u16'], s['end_u16'], s) for s in g['spans']]
        ps = [(p['start'], p['end'], p) for p in pred.get(did, {}).get('spans', [])]
        pairs = sorted(((iou(g0, g1, p0, p1), gi, pi) for gi, (g0, g1, _) in enumerate(gs)
                        for pi, (p0, p1, _) in enumerate(ps)), reverse=True)
        gm, pm = {}, {}
        for v, gi, pi in pairs:
            if v < 0.5:
                break
            if gi in gm or pi in pm:
                continue
            gm[gi] = pi
            pm[pi] = gi
        for gi, (g0, g1, s) in enumerate(gs):
            if gi not in gm:
                near = [ctx(t, m, p0, p1, 0) for p0, p1, _ in ps if min(p1, g1) > max(p0, g0)]
                out[('missed', s['kind'] + '/' + s['sub'])].append(
                    f"{did} {g['host_lang']}<-{s['lang']} {ctx(t, m, g0, g1)} pred:{near}")
        for pi, (p0, p1, p) in enumerate(ps):
            if pi not in pm:
                out[('false', p.get('kind', 'any'))].append(f"{did} {g['host_lang']} {ctx(t, m, p0, p1)}")
        for n in g.get('negatives', []):
            if any(min(p1, n['end_u16']) - max(p0, n['start_u16']) >= 1 for p0, p1, _ in ps):
                out[('neg', n['kind'])].append(f"{did} {g['host_lang']} {ctx(t, m, n['start_u16'], n['end_u16'])}")
    for (what, kind), rows in sorted(out.items()):
        if a.only and what != a.only or a.kind and a.kind not in kind:
            continue
        print(f"== {what} {kind}: {len(rows)}")
        for r in rows:
            print('  ', r)


if __name__ == '__main__':
    main()
