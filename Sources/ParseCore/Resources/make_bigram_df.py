#!/usr/bin/env python3
"""Writes bigram-df.bin: how many articles of a news corpus hold each common Chinese character pair.

The parser weighs topic overlap by how rare a pair is in news text at large, so that 我们, 发展
and 工作 say nothing and names, places and subjects say much. Only the most common pairs are
stored; any pair not listed counts as rare. Run once at development time:

  make_bigram_df.py ../shared/corpus/rmrb-articles-dev.jsonl.gz Sources/ParseCore/Resources/bigram-df.bin

Input: People's Daily articles of 2019-02 and 2019-10 (one JSON object a line with "paragraphs"),
from the history of the public repository caspiankexin/people-daily-crawler-date.
Output, little-endian: UInt32 article count, UInt32 entry count, then per entry, sorted by key,
UInt32 key (first scalar << 16 | second scalar, both in the BMP) and UInt16 article count.
"""
import gzip, json, struct, sys
from collections import Counter

KEEP = 8000


def cjk(c):
    return '\u4e00' <= c <= '\u9fff'


def main(src, out):
    df, n = Counter(), 0
    with gzip.open(src, 'rt', encoding='utf-8') as f:
        for line in f:
            text = ''.join(json.loads(line)['paragraphs'])
            n += 1
            df.update({a + b for a, b in zip(text, text[1:]) if cjk(a) and cjk(b)})
    rows = sorted((ord(k[0]) << 16 | ord(k[1]), min(v, 65535)) for k, v in df.most_common(KEEP))
    with open(out, 'wb') as f:
        f.write(struct.pack('<II', n, len(rows)))
        for key, count in rows:
            f.write(struct.pack('<IH', key, count))


if __name__ == '__main__':
    main(*sys.argv[1:3])
