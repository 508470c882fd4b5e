#!/usr/bin/env python3
"""Line ends inside a word in the short wrapped texts of a PDF.

Reads each PDF with `pdftotext -bbox-layout` (poppler-utils): a block of two or
more lines whose text is at most 40 characters is a wrapped short text (a
heading, a table cell, a 概要版 entry). Each of its line ends is checked
against the words MeCab with UniDic finds in the block's text (fugashi and
unidic-lite from PyPI), the measure issue 30 was filed with.

    python3 scripts/inword-breaks.py a.pdf [b.pdf …]

Prints each line end inside a word as 「…前／後…」 and the count per file.
"""
import html
import re
import subprocess
import sys

import fugashi

TAGGER = fugashi.Tagger()


def blocks(pdf):
    """The wrapped texts of each page: lines that start within 15 pt of each
    other, each right under the one before (a heading's lines, a cell's)."""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                         text=True, check=True).stdout
    for page in re.findall(r"<page[^>]*>(.*?)</page>", out, re.S):
        lines = []
        for attrs, body in re.findall(r"<line([^>]*)>(.*?)</line>", page, re.S):
            box = dict((k, float(v)) for k, v in re.findall(r'(\w+)="([0-9.]+)"', attrs))
            words = [html.unescape(w) for w in re.findall(r"<word[^>]*>(.*?)</word>", body, re.S)]
            lines.append([box["xMin"], box["yMin"], box["xMax"], box["yMax"], "".join(words)])
        lines.sort(key=lambda l: (l[1], l[0]))
        groups = []
        for line in lines:
            height = line[3] - line[1]
            for g in groups:
                last = g[-1]
                if (abs(last[0] - line[0]) < 15 and 0 <= line[1] - last[3] < 0.9 * height
                        and last[1] < line[1]):
                    g.append(line)
                    break
            else:
                groups.append([line])
        for g in groups:
            yield [l[4] for l in g]


def main():
    total = 0
    for pdf in sys.argv[1:]:
        found = 0
        wrapped = 0
        for lines in blocks(pdf):
            text = "".join(lines)
            if len(lines) < 2 or len(text) > 40:
                continue
            wrapped += 1
            inside = set()
            at = 0
            for word in TAGGER(text):
                n = len(word.surface)
                inside.update(range(at + 1, at + n))
                at += n
            end = 0
            for line in lines[:-1]:
                end += len(line)
                if end in inside:
                    found += 1
                    print(f"  {pdf}: 「{text[max(0, end - 8):end]}／{text[end:end + 8]}」")
        print(f"{pdf}: {found} line ends inside a word in {wrapped} wrapped short texts")
        total += found
    print(f"total: {total}")


if __name__ == "__main__":
    main()
