#!/usr/bin/env python3
"""Writes gb18030.bin, the GB 18030 decoding table ParseCore embeds, from CPython's gb18030
codec (Modules/cjkcodecs, which follows GB 18030-2005). Run once; the output is committed.

Layout, little-endian:
  23940 x u16   two-byte codes, lead 0x81-0xFE by trail 0x40-0x7E,0x80-0xFE; 0 = unmapped
  u32           number of four-byte runs in the BMP
  runs x (u32 linear index, u32 code point, u32 length)   each run maps consecutive
                                              indexes to consecutive code points
Four-byte codes above the BMP (lead 0x90-0xE3) are arithmetic and need no table.
"""
import struct, sys

out = bytearray()
trails = list(range(0x40, 0x7F)) + list(range(0x80, 0xFF))
for lead in range(0x81, 0xFF):
    for trail in trails:
        try:
            s = bytes([lead, trail]).decode('gb18030')
            cp = ord(s) if len(s) == 1 else 0
        except UnicodeDecodeError:
            cp = 0
        out += struct.pack('<H', cp if cp <= 0xFFFF else 0)

runs = []  # [index, code point, length]
prev = None
for index in range(39420):
    b1, r = divmod(index, 12600)
    b2, r = divmod(r, 1260)
    b3, b4 = divmod(r, 10)
    seq = bytes([0x81 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4])
    try:
        s = seq.decode('gb18030')
    except UnicodeDecodeError:
        prev = None
        continue
    cp = ord(s)
    if prev is not None and prev == (index - 1, cp - 1):
        runs[-1][2] += 1
        prev = (index, cp)
        continue
    runs.append([index, cp, 1])
    prev = (index, cp)
out += struct.pack('<I', len(runs))
for index, cp, length in runs:
    out += struct.pack('<III', index, cp, length)
open(sys.argv[1] if len(sys.argv) > 1 else 'gb18030.bin', 'wb').write(out)
print(len(runs), 'runs')
