#!/usr/bin/env python3
"""One row of the README's held-out table from score.py --json on stdin: pieces, body and
names F1, exact paragraphs, kicker and subheadline accuracy."""
import json
import sys

o = json.load(sys.stdin)["overall"]
f = o["fields"]


def field(name):
    v = f.get(name)
    if isinstance(v, dict):
        v = v.get("f1", v.get("accuracy"))
    return "" if v is None else "%.3f" % v


print(" | ".join(["%.3f" % o["pieces"]["f1"], "%.3f" % o["body"]["f1"], "%.3f" % o["paragraphs_exact"],
                  field("names"), field("kicker"), field("subheadline")]) + " |")
