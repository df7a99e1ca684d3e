#!/usr/bin/env python3
"""Writes places.txt, the gazetteer the parser embeds, from pca-code.json.

pca-code.json is GB/T 2260 (National Bureau of Statistics, 2023 edition) as compiled by
github.com/modood/Administrative-divisions-of-China (WTFPL): provinces, prefectures and counties
nested as {"code", "name", "children"}. The parser needs only the names and the nesting, and
reading JSON cost every union query tens of milliseconds, so the tree is written as one line a
place, depth-first: the depth (0 for a province), a tab, the name. Run once at development time:

  make_places.py Sources/ParseCore/Resources/pca-code.json Sources/ParseCore/Resources/places.txt
"""
import json, sys


def walk(nodes, depth, out):
    for n in nodes:
        out.append(f"{depth}\t{n['name']}")
        walk(n.get('children', []), depth + 1, out)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    out = []
    walk(json.load(open(src, encoding='utf-8')), 0, out)
    with open(dst, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
