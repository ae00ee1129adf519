#!/usr/bin/env python3
"""Records glibc regexec capture spans (REG_EXTENDED, optional REG_ICASE, C locale, 10 slots as 1.4's
MAX_MATCH) for reqrep/rsprep-style expressions. Run on a glibc host:
    python3 record-captures.py > glibc-captures.tsv
Output: hex(pattern) SP icase SP hex(input) SP ('-' | so,eo;so,eo;... for groups 0..9, -1,-1 when unset).
"""
import ctypes

libc = ctypes.CDLL("libc.so.6")
libc.setlocale.restype = ctypes.c_char_p
libc.setlocale(6, b"C")


class RegMatch(ctypes.Structure):
    _fields_ = [("so", ctypes.c_int), ("eo", ctypes.c_int)]


PATTERNS = [
    r"^([^\ :]*)\ /static/(.*)", r"^Host:\ (.*)", r"^(GET|POST)\ (.*)", r"^([^\ ]*)\ ([^\ ]*)\ (.*)",
    r"^(X-Forwarded-For):\ ([0-9.]+)", r"^([^:]*):\ *(.*)$", r"^(Cookie:.*)(JSESSIONID=[^;]*)(.*)",
    r"(.*)(.*)", r"^(.*)/(.*)$", r"^(GET|GETX)(.*)", r"^([a-z]+)([a-z]*)", r"(a|ab)(c|bcd)(d*)",
    r"^Accept-Encoding:.*", r"^(Location:\ )http://([^/]*)(/.*)", r"(/+)", r"^([^\ ]*\ [^\ ]*\ HTTP/1\.)0$",
    r"^(.*)\ (HTTP/1\.[01])$", r"([0-9]+)\.([0-9]+)", r"^Server:.*$",
    r"^(Set-Cookie:\ [^;]*)(;\ *[Pp]ath=[^;]*)?(.*)",
]
INPUTS = [
    "GET /static/a.png HTTP/1.1", "Host: www.example.com", "POST /x HTTP/1.0", "X-Forwarded-For: 10.0.0.1",
    "Cookie: a=b; JSESSIONID=xyz; c=d", "Location: http://host/path/to", "GET //a//b HTTP/1.0", "abcd",
    "Set-Cookie: sid=1; Path=/; HttpOnly", "Server: Apache/2.2", "GETX /", "version 1.22",
]

for p in PATTERNS:
    for icase in (0, 1):
        buf = ctypes.create_string_buffer(256)
        if libc.regcomp(buf, p.encode(), 1 | (2 if icase else 0)) != 0:
            raise SystemExit("unexpected reject: " + p)
        for s in INPUTS:
            m = (RegMatch * 10)()
            if libc.regexec(buf, s.encode(), 10, m, 0) != 0:
                spans = "-"
            else:
                spans = ";".join(f"{m[i].so},{m[i].eo}" for i in range(10))
            print(p.encode().hex(), icase, s.encode().hex(), spans)
        libc.regfree(buf)
