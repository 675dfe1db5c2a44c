#!/usr/bin/env python3
"""Shows the foreign/homoglyph findings a prediction file holds for pages that have no labels
(the real pages of dev.jsonl.gz): a check of precision on real text.

  python3 tools/mixed/findings_on.py PAGES.jsonl PRED.jsonl [N]
"""
import json, sys, collections

pages = {json.loads(l)['id']: json.loads(l)['text'] for l in open(sys.argv[1]) if l.strip()}
n = int(sys.argv[3]) if len(sys.argv) > 3 else 40
count = collections.Counter()
rows = []
for l in open(sys.argv[2]):
    p = json.loads(l)
    t = pages[p['id']]
    u16 = t.encode('utf-16-le')
    for s in p['spans']:
        count[s.get('finding', s['kind'])] += 1
        frag = u16[2 * s['start']:2 * s['end']].decode('utf-16-le', 'replace')
        rows.append(f"{p['id']} {s.get('finding', s['kind'])} {frag[:100]!r}")
print(count)
for r in rows[:n]:
    print(' ', r)
