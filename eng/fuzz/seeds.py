#!/usr/bin/env python3
"""Builds a fuzz target's seed corpus from testdata/ (nothing is fetched).

  http-request / http-response: every case of testdata/http-parser/{request,response}.md, each prefixed with the
      target's two control bytes (flags, cut seed), plus the smuggling table's payloads for http-request;
  config: testdata/corpus/*.cfg, testdata/config-check/*.cfg and haproxy-cfg-samples (files over 64 KiB skipped).
Plus every input committed under testdata/fuzz/<target>/corpus and crashes.

usage: seeds.py TARGET OUTDIR
"""
import glob
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TD = os.path.join(ROOT, "testdata")


def unescape(s):
    out = bytearray()
    i = 0
    while i < len(s):
        c = s[i]
        if c != "\\" or i + 1 == len(s):
            out += c.encode("latin-1")
            i += 1
            continue
        e = s[i + 1]
        i += 2
        if e == "r":
            out += b"\r"
        elif e == "n":
            out += b"\n"
        elif e == "t":
            out += b"\t"
        elif e == "0":
            out += b"\0"
        elif e == "x":
            out.append(int(s[i:i + 2], 16))
            i += 2
        else:
            out += e.encode("latin-1")
    return bytes(out)


def http_cases(name):
    text = open(os.path.join(TD, "http-parser", name), encoding="latin-1").read().replace("\r\n", "\n")
    for m in re.finditer(r"^### (\S+)\n<!-- (.*?) -->\n```http\n(.*?)```", text, re.S | re.M):
        data = bytearray()
        for line in m.group(3).split("\n"):
            if line.startswith("@repeat "):
                _, n, chunk = line.split(" ", 2)
                data += unescape(chunk) * int(n)
            elif line:
                data += unescape(line)
        meta = m.group(2).split()
        flags = (1 if "accept-invalid" in meta else 0) | (2 if "head" in meta else 0)
        yield m.group(1), bytes([flags, len(data) % 256]) + bytes(data)


def smuggling_cases():
    path = os.path.join(TD, "smuggling", "cases.tsv")
    if not os.path.exists(path):
        return
    for line in open(path, encoding="latin-1"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        payload = re.sub(r"\{\{(\d+)\*(.*?)\}\}", lambda m: m.group(2) * int(m.group(1)), f[4])
        yield "smuggling-" + f[0], bytes([0, 7]) + unescape(payload)


def main():
    target, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    seeds = []
    if target in ("http-request", "http-response"):
        seeds += list(http_cases("request.md" if target == "http-request" else "response.md"))
        if target == "http-request":
            seeds += list(smuggling_cases())
    elif target == "config":
        files = sorted(glob.glob(os.path.join(TD, "corpus", "*.cfg")) + glob.glob(os.path.join(TD, "config-check", "*.cfg"))
                       + glob.glob(os.path.join(ROOT, "haproxy-cfg-samples", "**", "*.cfg"), recursive=True))
        for f in files:
            if os.path.getsize(f) <= 65536:
                seeds.append(os.path.relpath(f, ROOT).replace("/", "_"), )
                seeds[-1] = (seeds[-1], open(f, "rb").read())
    else:
        sys.exit("unknown target " + target)
    for sub in ("corpus", "crashes"):
        for f in sorted(glob.glob(os.path.join(TD, "fuzz", target, sub, "*"))):
            if os.path.isfile(f) and not f.endswith(".md") and not os.path.basename(f).startswith("."):
                seeds.append((sub + "-" + os.path.basename(f), open(f, "rb").read()))
    for name, data in seeds:
        with open(os.path.join(out, re.sub(r"[^A-Za-z0-9._-]", "_", name)), "wb") as fh:
            fh.write(data)
    print(f"{len(seeds)} seeds for {target} in {out}")


if __name__ == "__main__":
    main()
