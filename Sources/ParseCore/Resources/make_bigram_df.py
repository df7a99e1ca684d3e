#!/usr/bin/env python3
"""Writes bigram-df.bin: how many articles of a news corpus hold each common Chinese character pair.

The parser weighs topic overlap by how rare a pair is in news text at large, so that 我们, 发展
and 工作 say nothing and names, places and subjects say much. Only the most common pairs are
stored; any pair not listed counts as rare. Run once at development time:

  make_bigram_df.py ../shared/corpus/rmrb-articles-dev.jsonl.gz Sources/ParseCore/Resources/bigram-df.bin \
      --months 2019-02,2019-10

Input: People's Daily articles (one JSON object a line with "date" and "paragraphs"), from the
history of the public repository caspiankexin/people-daily-crawler-date; --months keeps those
months only. The shipped table counts 2019-02 and 2019-10, the months the file held when the
weights of `Intertitles` were fitted with it.
Output, little-endian: UInt32 article count, UInt32 entry count, then per entry, sorted by key,
UInt32 key (first scalar << 16 | second scalar, both in the BMP) and UInt16 article count.
"""
import gzip, json, struct, sys
from collections import Counter

KEEP = 8000


def cjk(c):
    return '\u4e00' <= c <= '\u9fff'


def main(src, out, months=None):
    df, n = Counter(), 0
    with gzip.open(src, 'rt', encoding='utf-8') as f:
        for line in f:
            article = json.loads(line)
            if months and article['date'][:7] not in months:
                continue
            text = ''.join(article['paragraphs'])
            n += 1
            df.update({a + b for a, b in zip(text, text[1:]) if cjk(a) and cjk(b)})
    # Ties at the cut go to the lower pair, so that the same articles give the same bytes.
    top = sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))[:KEEP]
    rows = sorted((ord(k[0]) << 16 | ord(k[1]), min(v, 65535)) for k, v in top)
    with open(out, 'wb') as f:
        f.write(struct.pack('<II', n, len(rows)))
        for key, count in rows:
            f.write(struct.pack('<IH', key, count))


if __name__ == '__main__':
    args = sys.argv[1:]
    months = args[args.index('--months') + 1].split(',') if '--months' in args else None
    main(args[0], args[1], months)
