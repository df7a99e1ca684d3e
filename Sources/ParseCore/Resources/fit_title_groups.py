#!/usr/bin/env python3
"""Fits the weights of `Intertitles` (Headings/Intertitles.swift): whether a group of
headline-shaped lines between two paragraphs opens a new piece or is an intertitle.

Development time only. Lay out real-article pages with their truth, let the trainer write the
evidence the parser weighs on every such group, label each group from the truth, fit a logistic
model.
One feature is the wording of the group (TitleWording, from title-words.bin): fit with a table
made by make_title_words.py from months other than those the pages are laid from (--wording),
or the model learns to trust wording it has memorised; the package then ships the table of
every month.

  python3 Sources/ParseCore/Resources/make_title_words.py ../shared/corpus/rmrb-articles-dev.jsonl.gz \\
      /tmp/tw-other.bin --months 2019-02
  for s in 11 12 13; do
    python3 ../shared/tools/make_pages.py --articles ../shared/corpus/rmrb-articles-dev.jsonl.gz \\
        --out /tmp/fit$s --pages 150 --seed $s --months 2019-10
  done
  swift build -c release --product archive-train
  .build/release/archive-train title-groups --wording /tmp/tw-other.bin /tmp/fit11 /tmp/fit12 /tmp/fit13
  fit_title_groups.py /tmp/fit11 /tmp/fit12 /tmp/fit13

Each folder holds the pages' truth.jsonl and the trainer's groups.tsv (the group's lines joined by
'|', then its features). A group opens a piece when its first line is a headline, kicker,
subheadline or column of the truth, and is an intertitle when it is a paragraph. Prints the
weights and bias to paste into Intertitles.swift.
"""
import json, re, sys, unicodedata
import numpy as np


def norm(s):
    return re.sub(r'[\s#*]+', '', unicodedata.normalize('NFKC', s or ''))


def rows(folder):
    heads, paras = set(), set()
    with open(f'{folder}/truth.jsonl', encoding='utf-8') as f:
        for line in f:
            for a in json.loads(line)['articles']:
                heads.update(norm(a.get(k)) for k in ('headline', 'kicker', 'subheadline', 'column') if a.get(k))
                paras.update(norm(p) for p in a['paragraphs'])
    with open(f'{folder}/groups.tsv', encoding='utf-8') as f:
        for line in f:
            text, *features = line.rstrip('\n').split('\t')
            first = norm(text.split('|')[0])
            if first in heads or any(h.startswith(first) for h in heads if len(first) >= 4):
                yield [float(x) for x in features], 1.0
            elif first in paras:
                yield [float(x) for x in features], 0.0


def main(folders):
    data = [r for d in folders for r in rows(d)]
    x = np.array([f for f, _ in data])
    y = np.array([label for _, label in data])
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = (x - mu) / sd
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(4000):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        w -= 0.5 * (z.T @ (p - y) / len(y) + 0.001 * w)
        b -= 0.5 * (p - y).mean()
    wrong = int(((p > 0.5) != (y > 0.5)).sum())
    raw = w / sd
    print(f'{len(y)} groups, {int(y.sum())} open a piece; {wrong} misread by the fitted model')
    print('static let weights: [Double] = [' + ', '.join(f'{v:.3g}' for v in raw) + ']')
    print(f'static let bias = {b - float((w * mu / sd).sum()):.3g}')


if __name__ == '__main__':
    main(sys.argv[1:])
