#!/usr/bin/env python3
"""Writes the five sample dumps of Fixtures/dumps in traditional characters, as OpenCC's
standard simplified-to-traditional conversion (s2t, phrases included) prints them, under the
same names. Development time only; the tests read the files this writes.

  pip install opencc==1.4.2
  python3 Fixtures/traditional/make_traditional.py
"""
import os
import opencc

here = os.path.dirname(os.path.abspath(__file__))
dumps = os.path.join(here, '..', 'dumps')
convert = opencc.OpenCC('s2t').convert
for name in sorted(os.listdir(dumps)):
    if name.endswith('.txt'):
        with open(os.path.join(dumps, name), encoding='utf-8') as f:
            text = f.read()
        with open(os.path.join(here, name), 'w', encoding='utf-8', newline='') as f:
            f.write(convert(text))
