#!/usr/bin/env python3
"""Builds src/FeedWatch.Core/Stories/Index/Background/scowl-en.txt.gz, the story engine's background prior of English
word commonness, from SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson; Debian package `scowl`, permissive
licence: "Permission to use, copy, modify, distribute and sell these word lists ... for any purpose is hereby granted
without fee", notice kept in the output's header).

Usage: apt-get install scowl && python3 tools/background-prior/build.py
Output: a header of comment lines, then for each SCOWL size level 10..50 (10 = the most common words) a line "#<level>"
followed by that level's words (english-words.N and american-words.N, lower-case, possessives dropped), one a line.
"""
import gzip
import os

SCOWL = "/usr/share/dict/scowl"
LEVELS = [10, 20, 35, 40, 50]
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "FeedWatch.Core", "Stories", "Index", "Background", "scowl-en.txt.gz")

HEADER = """# Background prior of English word commonness for FeedWatch's story engine (docs/stories.md, "Cold start").
# Built by tools/background-prior/build.py from SCOWL size levels 10-50 (english-words.N, american-words.N).
# SCOWL: Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell these word
# lists, the associated scripts, the output created from the scripts, and its documentation for any purpose is
# hereby granted without fee, provided that the above copyright notice appears in all copies and that both that
# copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson makes no
# representations about the suitability of this array for any purpose. It is provided "as is" without express or
# implied warranty. (Full notice: /usr/share/doc/scowl/copyright of the Debian package.)
"""

def main():
    seen = set()
    lines = [HEADER.rstrip("\n")]
    for level in LEVELS:
        words = []
        for name in ("english-words", "american-words"):
            path = os.path.join(SCOWL, f"{name}.{level}")
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                for w in f:
                    w = w.strip()
                    if not w or w.endswith("'s") or not w.isalpha() or not w.islower():
                        continue
                    if w not in seen:
                        seen.add(w)
                        words.append(w)
        lines.append(f"#{level}")
        lines.extend(sorted(words))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with gzip.GzipFile(OUT, "wb", mtime=0) as out:
        out.write(data)
    print(f"{len(seen)} words -> {OUT}")

if __name__ == "__main__":
    main()
