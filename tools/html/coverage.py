#!/usr/bin/env python3
"""How well the HTML hints (src/html.rs) cover the bench, and how they line up with the labels.

Runs the `html_hints` example over every page of the bench files that has its HTML, then prints
  * coverage: the share of labelled lines (and of their characters) the hints found in the HTML,
    per source and overall;
  * a correlation table: for each hint, how many found lines carry it and the noise rate
    among them against the noise rate of the other found lines (by lines and by characters).

    python3 tools/html/coverage.py                       # dev.jsonl.gz and dev-multi.jsonl.gz
    python3 tools/html/coverage.py --bench ../shared/bench/dev.jsonl.gz --bin target/release/examples/html_hints

Without --bin it builds and runs the example with cargo (dev profile).
"""
import argparse
import collections
import gzip
import json
import os
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BENCH = os.path.join(ROOT, "..", "shared", "bench")

BOOLS = ["in_nav", "in_footer", "in_aside", "in_header", "in_list_item", "in_heading",
         "in_control", "in_caption", "in_widget", "in_form", "in_byline", "in_main",
         "in_article", "aria_hidden"]


def records(path):
    base = os.path.dirname(path)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            hp = os.path.join(base, rec.get("html_path") or "")
            if not rec.get("html_path") or not os.path.exists(hp):
                continue
            with gzip.open(hp, "rb") as h:
                rec["html"] = h.read().decode("utf-8", "replace")
            yield rec


def run_hints(cmd, recs):
    """Feeds recs to the example; yields (rec, result) in order."""
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT,
                            text=True, encoding="utf-8", bufsize=1 << 20)
    pending = collections.deque()

    def feed():
        for rec in recs:
            pending.append(rec)
            proc.stdin.write(json.dumps({"id": rec["id"], "text": rec["text"],
                                         "html": rec["html"]}) + "\n")
        proc.stdin.close()

    t = threading.Thread(target=feed, daemon=True)
    t.start()
    for out in proc.stdout:
        res = json.loads(out)
        rec = pending.popleft()
        assert rec["id"] == res["id"], (rec["id"], res["id"])
        yield rec, res
    t.join()
    if proc.wait() != 0:
        sys.exit("html_hints failed")


class Tally:
    def __init__(self):
        self.n = collections.Counter()      # lines
        self.c = collections.Counter()      # characters

    def add(self, key, chars):
        self.n[key] += 1
        self.c[key] += chars


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", action="append",
                    help="bench file(s) (default: dev.jsonl.gz and dev-multi.jsonl.gz)")
    ap.add_argument("--bin", help="the built html_hints example (default: cargo run --example html_hints)")
    args = ap.parse_args()
    benches = args.bench or [os.path.join(BENCH, "dev.jsonl.gz"),
                             os.path.join(BENCH, "dev-multi.jsonl.gz")]
    cmd = [args.bin] if args.bin else ["cargo", "run", "-q", "--example", "html_hints"]

    for bench in benches:
        cov = collections.defaultdict(Tally)    # source -> found/missed
        corr = collections.defaultdict(Tally)   # (feature, value, label) -> counts
        ms = []
        for rec, res in run_hints(cmd, records(bench)):
            ms.append(res["ms"])
            hints = {h["char_start"]: h for h in res["lines"]}
            for line in rec["lines"]:
                label = line["label"]
                if label is None:
                    continue
                chars = line["end"] - line["start"]
                h = hints.get(line["start"])
                found = bool(h and h["found"])
                for src in (rec.get("source", "?"), "all"):
                    cov[src].add("found" if found else "missed", chars)
                if not found:
                    corr[("not found", True)].add(label, chars)
                    continue
                corr[("found", True)].add(label, chars)
                for b in BOOLS:
                    corr[(b, h[b])].add(label, chars)
                ld = h["link_density"]
                corr[("link_density>0.5", ld > 0.5)].add(label, chars)
                corr[("link_density>=0.9 & (nav|footer)",
                      ld >= 0.9 and (h["in_nav"] or h["in_footer"]))].add(label, chars)
                corr[("nav|footer|aside|widget",
                      h["in_nav"] or h["in_footer"] or h["in_aside"] or h["in_widget"])
                     ].add(label, chars)
                corr[("text_density>=10", h["text_density"] >= 10)].add(label, chars)
                corr[("in_article & link_density<0.5",
                      h["in_article"] and ld < 0.5)].add(label, chars)

        name = os.path.basename(bench)
        print(f"\n## {name}: {len(ms)} pages with HTML; hints took median "
              f"{sorted(ms)[len(ms) // 2]:.1f} ms, max {max(ms):.1f} ms per page")
        print("\n| source | labelled lines | found (lines) | found (chars) |")
        print("|---|---:|---:|---:|")
        for src in sorted(cov, key=lambda s: (s == "all", s)):
            t = cov[src]
            nl = t.n["found"] + t.n["missed"]
            nc = t.c["found"] + t.c["missed"]
            print(f"| {src} | {nl} | {t.n['found'] / nl:.1%} | {t.c['found'] / max(nc, 1):.1%} |")

        def rate(t):
            n = t.n["noise"] + t.n["content"]
            c = t.c["noise"] + t.c["content"]
            return n, (t.n["noise"] / n if n else float("nan")), (
                t.c["noise"] / c if c else float("nan"))

        print("\n| hint (found lines) | lines with | noise rate with (lines / chars) "
              "| lines without | noise rate without (lines / chars) "
              "| share of noise chars with | share of content chars with |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        feats = ["found", "not found", "link_density>0.5", "link_density>=0.9 & (nav|footer)",
                 "nav|footer|aside|widget"] + BOOLS + ["text_density>=10",
                                                       "in_article & link_density<0.5"]
        for f in feats:
            if f in ("found", "not found"):
                n, rl, rc = rate(corr[(f, True)])
                print(f"| {f} (all lines) | {n} | {rl:.1%} / {rc:.1%} | | |")
                continue
            n1, rl1, rc1 = rate(corr[(f, True)])
            n0, rl0, rc0 = rate(corr[(f, False)])
            t1, t0 = corr[(f, True)], corr[(f, False)]
            sn = t1.c["noise"] / max(t1.c["noise"] + t0.c["noise"], 1)
            sc = t1.c["content"] / max(t1.c["content"] + t0.c["content"], 1)
            print(f"| {f} | {n1} | {rl1:.1%} / {rc1:.1%} | {n0} | {rl0:.1%} / {rc0:.1%} "
                  f"| {sn:.1%} | {sc:.1%} |")


if __name__ == "__main__":
    main()
