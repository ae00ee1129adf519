#!/usr/bin/env python3
"""Records glibc regcomp/regexec verdicts (REG_EXTENDED, optional REG_ICASE, C locale) for PosixRegexGlibcTests.

HAProxy 1.4.25 compiles ACL and req*/rsp* regexes with libc regcomp, so glibc is the reference dialect.
Run on a glibc host:  python3 record.py > glibc-regcomp.tsv
Output: hex(pattern) TAB icase TAB (REJECT | one 0/1 per INPUTS entry: regexec found a match).
"""
import ctypes
import os
import random
import sys

libc = ctypes.CDLL("libc.so.6")
libc.setlocale.restype = ctypes.c_char_p
libc.setlocale(6, b"C")  # LC_ALL: HAProxy never calls setlocale
REG_EXTENDED, REG_ICASE, REG_NOSUB = 1, 2, 8

INPUTS = ["", "a", "b", "ab", "ba", "aab", "abab", "A", "AB", "a b", "ab12", "_", "a-b", "(a)", "[a]",
          "a{1}", "a*", "-", "\\", "aaaa", "x:y", "zz", "a.b", "1"]
ATOMS = list("ab()[]{}*+?|^$.\\-,:=12_AZz ]") + [
    "[:alpha:]", "[:digit:]", "\\w", "\\b", "\\1", "{1,2}", "{2}", "[^", "\\<", "\\>",
    "[[:upper:]]", "[[:lower:]]", "[a-z]", "[^a-c]", "[[.a.]]", "[[=b=]]", "\\W", "\\s", "\\S", "\\B",
    "\\`", "\\'", "\\2", "{,2}", "{0}", "{1,}", "\\a", "\\A", "\\.", "\\{"]


def verdict(pattern, icase):
    buf = ctypes.create_string_buffer(256)
    if libc.regcomp(buf, pattern, REG_EXTENDED | REG_NOSUB | (REG_ICASE if icase else 0)) != 0:
        return "REJECT"
    bits = "".join("1" if libc.regexec(buf, s.encode("latin-1"), 0, None, 0) == 0 else "0" for s in INPUTS)
    libc.regfree(buf)
    return bits


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "patterns-hand.txt"), encoding="latin-1") as f:
        patterns = [line.rstrip("\n") for line in f if line.rstrip("\n")]
    rng = random.Random(20140327)
    while len(patterns) < 3000:
        patterns.append("".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 8))))
    seen = set()
    for p in patterns:
        for icase in (0, 1):
            if (p, icase) in seen:
                continue
            seen.add((p, icase))
            sys.stdout.write(f"{p.encode('latin-1').hex()}\t{icase}\t{verdict(p.encode('latin-1'), icase)}\n")


if __name__ == "__main__":
    main()
