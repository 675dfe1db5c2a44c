#!/usr/bin/env python3
"""Bench JSONL(.gz) -> straytext input records {"id", "text"} on standard output."""
import gzip, json, sys

with (gzip.open if sys.argv[1].endswith('.gz') else open)(sys.argv[1], 'rt', encoding='utf-8') as f:
    for line in f:
        if line.strip():
            d = json.loads(line)
            print(json.dumps({'id': d['id'], 'text': d['text']}, ensure_ascii=False))
