#!/usr/bin/env python3
"""Records what the reference HAProxy 1.4.25 does with the messages of the parser cases.

Usage: python3 oracle.py --binary /work/shared/ref/haproxy-1.4.25 [--only NAME] request.md response.md ...

For each case of the markdown files (see README.md) it starts nothing new: one haproxy process serves all cases.
- request cases are sent by a client to a frontend (strict, or `option accept-invalid-http-request` when the case
  says accept-invalid); the verdict is the status of the page haproxy answers itself (400, 408...), or
  `fwd` with the exact bytes the backend server received (the echo server waits 300 ms of silence).
- response cases are answered by the backend server (after reading a fixed GET); the verdict is the page haproxy
  made (502...) or `fwd` with the exact bytes the client received.
After each case `show errors` on the stats socket tells whether haproxy captured the message and at which state
and position (state:position:length). Writes <file>.oracle.tsv next to each markdown file: name, verdict, escaped bytes. Loopback only; stops haproxy by
its pid.
"""
import argparse, os, re, socket, subprocess, sys, tempfile, threading, time

def unescape(s):
    return s.encode('latin1').decode('unicode_escape').encode('latin1')

def escape(b):
    out = []
    for c in b:
        if c == 0x5c: out.append('\\\\')
        elif c == 13: out.append('\\r')
        elif c == 10: out.append('\\n')
        elif c == 9: out.append('\\t')
        elif 32 <= c < 127: out.append(chr(c))
        else: out.append('\\x%02x' % c)
    return ''.join(out)

def parse_cases(path):
    text = open(path, encoding='utf-8').read()
    cases = []
    for m in re.finditer(r'^### (\S+)\n<!-- (.*?) -->\n```http\n(.*?)```', text, re.S | re.M):
        name, meta, body = m.group(1), m.group(2).split(), m.group(3)
        data = b''
        for line in body.split('\n'):
            if line.startswith('@repeat '):
                _, n, text = line.split(' ', 2)
                data += unescape(text) * int(n)
            elif line != '':
                data += unescape(line)
        cases.append((name, meta, data))
    return cases

def free_port():
    s = socket.socket(); s.bind(('127.0.0.1', 0)); p = s.getsockname()[1]; s.close(); return p

def read_until_idle(conn, idle=0.3, total=3.0):
    conn.settimeout(idle)
    data = b''; t0 = time.time()
    while time.time() - t0 < total:
        try:
            b = conn.recv(65536)
        except socket.timeout:
            break
        if not b:
            break
        data += b
    return data

class Backend(threading.Thread):
    def __init__(self, port):
        super().__init__(daemon=True)
        self.sock = socket.socket(); self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(('127.0.0.1', port)); self.sock.listen(16)
        self.response = None; self.received = None; self.done = threading.Event()
    def run(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            got = read_until_idle(conn)
            self.received = got
            try:
                if self.response is not None:
                    conn.sendall(self.response)
                else:
                    conn.sendall(b'HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n' % len(got) + got)
            except OSError:
                pass
            conn.close(); self.done.set()

CFG = """global
    maxconn 200
    stats socket {sock} level admin
defaults
    mode http
    timeout connect 1s
    timeout client 3s
    timeout server 3s
    timeout http-request 1500ms
frontend strict
    bind 127.0.0.1:{p1}
    default_backend be
frontend acc
    bind 127.0.0.1:{p2}
    option accept-invalid-http-request
    default_backend beacc
backend be
    server s1 127.0.0.1:{pb}
backend beacc
    option accept-invalid-http-response
    server s1 127.0.0.1:{pb}
"""

def show_errors(sock):
    s = socket.socket(socket.AF_UNIX); s.connect(sock); s.sendall(b'show errors\n'); d = b''
    while True:
        b = s.recv(65536)
        if not b:
            break
        d += b
    s.close()
    # the newest event: highest "event #N"
    best = None
    for m in re.finditer(rb'HTTP internal state (\d+), buffer flags 0x[0-9a-f]+, event #(\d+)\n  (?:request|response) length (\d+) bytes, error at position (\d+)', d):
        ev = int(m.group(2))
        if best is None or ev > best[0]:
            best = (ev, '%s:%s:%s' % (m.group(1).decode(), m.group(4).decode(), m.group(3).decode()))
    return best

def verdict_of(reply):
    m = re.match(rb'HTTP/1\.0 (\d+) [^\r]*\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html\r\n\r\n<html>', reply)
    return m.group(1).decode() if m else None

def run_case(kind, meta, data, ports, backend):
    port = ports[1] if 'accept-invalid' in meta else ports[0]
    backend.received = None; backend.done.clear()
    backend.response = data if kind == 'response' else None
    c = socket.create_connection(('127.0.0.1', port))
    c.sendall(data if kind == 'request' else (b'HEAD' if 'head' in meta else b'GET') + b' / HTTP/1.0\r\n\r\n')
    reply = read_until_idle(c, idle=2.5, total=5)
    c.close()
    page = verdict_of(reply)
    if kind == 'request':
        if page:
            return page, b''
        backend.done.wait(3)
        return 'fwd', backend.received or b''
    if page:
        return page, b''
    return 'fwd', reply

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--binary', required=True)
    ap.add_argument('--only')
    ap.add_argument('files', nargs='+')
    a = ap.parse_args()
    p1, p2, pb = free_port(), free_port(), free_port()
    backend = Backend(pb); backend.start()
    with tempfile.TemporaryDirectory() as d:
        cfg = os.path.join(d, 'h.cfg')
        sock = os.path.join(d, 'stats.sock')
        open(cfg, 'w').write(CFG.format(p1=p1, p2=p2, pb=pb, sock=sock))
        proc = subprocess.Popen([a.binary, '-db', '-f', cfg], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(0.5)
            for f in a.files:
                kind = 'response' if 'response' in os.path.basename(f) else 'request'
                rows = []
                last = show_errors(sock)
                for name, meta, data in parse_cases(f):
                    if a.only and name != a.only:
                        continue
                    v, got = run_case(kind, meta, data, (p1, p2), backend)
                    time.sleep(0.05)
                    now = show_errors(sock)
                    snap = now[1] if now is not None and now != last else '-'
                    last = now
                    rows.append('%s\t%s\t%s\t%s' % (name, v, snap, escape(got)))
                    print(rows[-1], flush=True)
                if not a.only:
                    open(f.replace('.md', '.oracle.tsv'), 'w').write(
                        '# recorded from %s by oracle.py; name, verdict (page status or fwd), show-errors snapshot (state:position:length or -), bytes forwarded\n' % os.path.basename(a.binary)
                        + '\n'.join(rows) + '\n')
        finally:
            proc.terminate(); proc.wait(5)
            backend.sock.close()

if __name__ == '__main__':
    main()
