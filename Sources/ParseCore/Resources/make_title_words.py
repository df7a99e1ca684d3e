#!/usr/bin/env python3
"""Writes title-words.bin: how often each character pair is printed in kickers, headlines and
subheadlines, and in short paragraphs (intertitles, quotes, list items) of real news articles.

An intertitle and a headline look alike on the page; their wording differs (a headline reports:
举行, 召开, 会见; an intertitle sums up a stretch of argument). So do the lines of a headline
block: a kicker names the occasion or the source (中组部, 韩正在…时强调), a subheadline adds the
detail (栗战书主持会议). Run once at development time:

  make_title_words.py ../shared/corpus/rmrb-articles-dev.jsonl.gz Sources/ParseCore/Resources/title-words.bin

Input: People's Daily articles (date, kicker, headline, subheadline, paragraphs), from the history
of the public repository caspiankexin/people-daily-crawler-date; the shipped table counts every
month of the file (2019-02, 2019-10, 2020-02). --months M,M keeps those months only: `make eval`
reads each month with a table of the other two, as months to come meet the shipped one. Text is folded
to half-width punctuation as the dumps print it; ^ and $ stand for the start and end of a line
(stored as U+0002 and U+0003). Pairs seen once in all are left out.
Output, little-endian: UInt32 pairs in all of kickers, headlines, subheadlines and paragraphs,
UInt32 entry count, then per entry, sorted by key: UInt32 key (first << 16 | second), UInt16
kicker, headline, subheadline and paragraph counts.
"""
import gzip, json, re, struct, sys
from collections import Counter

FOLD = str.maketrans({'，': ',', '（': '(', '）': ')', '：': ':', '；': ';', '？': '?', '！': '!', '\u3000': ' '})


def fold(s):
    return re.sub(r' {2,}', ' ', (s or '').translate(FOLD)).strip()


def pairs(t):
    t = '\x02' + t + '\x03'
    return [(a, b) for a, b in zip(t, t[1:]) if ord(a) < 0x10000 and ord(b) < 0x10000]


def main(src, out, months=None):
    fields = ('kicker', 'headline', 'subheadline')
    counts = [Counter() for _ in range(len(fields) + 1)]
    with gzip.open(src, 'rt', encoding='utf-8') as f:
        for line in f:
            a = json.loads(line)
            if months and a['date'][:7] not in months:
                continue
            for i, k in enumerate(fields):
                if a.get(k):
                    counts[i].update(pairs(fold(a[k])))
            for p in map(fold, a['paragraphs']):
                if 2 <= len(p) <= 30 and '。' not in p:
                    counts[-1].update(pairs(p))
    keys = sorted(k for k in set().union(*counts) if sum(c[k] for c in counts) >= 2)
    with open(out, 'wb') as f:
        f.write(struct.pack('<4I', *(sum(c.values()) for c in counts)))
        f.write(struct.pack('<I', len(keys)))
        for a, b in keys:
            f.write(struct.pack('<I4H', ord(a) << 16 | ord(b), *(min(c[(a, b)], 65535) for c in counts)))


if __name__ == '__main__':
    args = sys.argv[1:]
    months = args[args.index('--months') + 1].split(',') if '--months' in args else None
    main(args[0], args[1], months)
