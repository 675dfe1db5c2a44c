#!/usr/bin/env python3
"""Bench JSONL(.gz) -> straytext input records {"id", "text"} on standard output.

usage: to_records.py BENCH.jsonl.gz [--html] [--keep]

--html  adds each page's HTML (`html_path`, relative to the bench file) as the record's "html"
        field, the clipboard's text/html as straytext reads it
--keep  keeps every field of the bench record (labels too), for examples/dump_features.rs
"""
import gzip, json, os, re, sys


def read_html(path):
    """The page's HTML as text: UTF-8, else the charset its <meta> names, else Windows-1252."""
    raw = gzip.open(path).read() if path.endswith('.gz') else open(path, 'rb').read()
    try:
        return raw.decode('utf-8')
    except UnicodeDecodeError:
        pass
    m = re.search(rb'charset\s*=\s*["\']?([A-Za-z0-9_.:-]+)', raw[:4096])
    for enc in ([m.group(1).decode('ascii')] if m else []) + ['cp1252']:
        try:
            return raw.decode(enc, errors='replace')
        except LookupError:
            continue
    return raw.decode('utf-8', errors='replace')


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    html, keep = '--html' in sys.argv, '--keep' in sys.argv
    bench = args[0]
    base = os.path.dirname(os.path.abspath(bench))
    with (gzip.open if bench.endswith('.gz') else open)(bench, 'rt', encoding='utf-8') as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            rec = d if keep else {'id': d['id'], 'text': d['text']}
            if html and d.get('html_path'):
                rec['html'] = read_html(os.path.join(base, d['html_path']))
            print(json.dumps(rec, ensure_ascii=False))


if __name__ == '__main__':
    main()
