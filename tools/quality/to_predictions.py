#!/usr/bin/env python3
"""straytext --format jsonl reports (standard input) -> score_noise.py predictions: the
character spans of the lines whose verdict is noise."""
import json, sys

for line in sys.stdin:
    if line.strip():
        r = json.loads(line)
        spans = [[l['char_start'], l['char_end']] for l in r['lines'] if l['verdict'] == 'noise']
        print(json.dumps({'id': r['id'], 'noise_spans': spans}))
