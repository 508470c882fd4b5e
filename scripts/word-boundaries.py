#!/usr/bin/env python3
"""The places between words in the short texts of the print (headings, table
cells, 概要版 entries), by MeCab with UniDic, for `tests/layout.rs`
(`no_short_text_breaks_inside_a_word`): a segmenter other than the layout's
own (BudouX), and a dictionary one.

    cargo test --test layout write_short_texts -- --ignored
    pip install fugashi unidic-lite
    python3 scripts/word-boundaries.py

Reads tests/fixtures/short-texts.txt, writes tests/fixtures/short-text-words.tsv:
each text, a tab, and the character offsets where a word ends inside it.
"""
import os

import fugashi

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TAGGER = fugashi.Tagger()

with open(os.path.join(ROOT, "tests/fixtures/short-texts.txt"), encoding="utf-8") as f:
    texts = [line.rstrip("\n") for line in f if line.strip()]
out = []
for text in texts:
    places = []
    at = 0
    for word in TAGGER(text):
        at += len(word.surface)
        if at < len(text):
            places.append(at)
    out.append(f"{text}\t{','.join(map(str, places))}")
with open(os.path.join(ROOT, "tests/fixtures/short-text-words.tsv"), "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
print(f"{len(out)} texts")
