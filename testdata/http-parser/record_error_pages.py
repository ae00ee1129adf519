#!/usr/bin/env python3
"""Records the responses the reference HAProxy 1.4.25 makes itself, byte for byte, into error-pages/.

Usage: python3 record_error_pages.py --binary /work/shared/ref/haproxy-1.4.25
One haproxy on loopback with one frontend per case; each reply is read until haproxy closes. Files:
error-pages/<case>.http (exact bytes). Stops haproxy by its pid.
"""
import argparse, os, socket, subprocess, tempfile, threading, time

def free_port():
    s = socket.socket(); s.bind(('127.0.0.1', 0)); p = s.getsockname()[1]; s.close(); return p

CASES = [
    # name, extra frontend/backend lines, request, server behaviour
    ('200', 'monitor-uri /mon', b'GET /mon HTTP/1.0\r\n\r\n', None),
    ('400', '', b'GET / HTTP/1.0\r\nBad Header\r\n\r\n', None),
    ('403', 'block if TRUE', b'GET / HTTP/1.0\r\n\r\n', None),
    ('408', 'timeout http-request 300ms', b'GET / HTTP/1.0\r\n', None),
    ('500', 'reqitarpit ^GET\n    timeout tarpit 200ms', b'GET / HTTP/1.0\r\n\r\n', None),
    ('502', '', b'GET / HTTP/1.0\r\n\r\n', 'garbage'),
    ('503', '', b'GET / HTTP/1.0\r\n\r\n', 'none'),
    ('504', 'timeout server 300ms', b'GET / HTTP/1.0\r\n\r\n', 'silent'),
    ('errorloc-503', 'errorloc 503 http://example.com/sorry', b'GET / HTTP/1.0\r\n\r\n', 'none'),
    ('errorloc302-503', 'errorloc302 503 /sorry', b'GET / HTTP/1.0\r\n\r\n', 'none'),
    ('errorloc303-503', 'errorloc303 503 /see-other', b'GET / HTTP/1.0\r\n\r\n', 'none'),
    ('errorfile-503', 'errorfile 503 {errfile}', b'GET / HTTP/1.0\r\n\r\n', 'none'),
    ('errorfile-then-errorloc-503', 'errorfile 503 {errfile}\n    errorloc 503 /last-wins', b'GET / HTTP/1.0\r\n\r\n', 'none'),
]

def server(kind, sock):
    while True:
        try:
            c, _ = sock.accept()
        except OSError:
            return
        c.settimeout(1)
        try:
            c.recv(4096)
            if kind == 'garbage':
                c.sendall(b'garbage\r\n\r\n')
                c.close()
            else:  # silent: keep it open until haproxy gives up
                time.sleep(1.5)
                c.close()
        except OSError:
            pass

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('--binary', required=True); a = ap.parse_args()
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'error-pages')
    with tempfile.TemporaryDirectory() as d:
        errfile = os.path.join(d, '503.http')
        open(errfile, 'wb').write(b'HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain\r\n\r\ncustom 503\n')
        lines = ['global', '    stats socket %s/s.sock' % d, 'defaults', '    mode http', '    timeout connect 300ms',
                 '    timeout client 2s', '    timeout server 2s']
        ports = {}
        servers = []
        for name, extra, _, srv in CASES:
            p = free_port(); ports[name] = p
            lines += ['listen l%s' % name.replace('-', '_'), '    bind 127.0.0.1:%d' % p]
            lines += ['    ' + l for l in extra.format(errfile=errfile).split('\n') if l]
            if srv in ('garbage', 'silent') or srv is None:
                sp = free_port()
                s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(('127.0.0.1', sp)); s.listen(8); servers.append(s)
                threading.Thread(target=server, args=(srv or 'garbage', s), daemon=True).start()
                lines.append('    server s1 127.0.0.1:%d' % sp)
        cfg = os.path.join(d, 'h.cfg'); open(cfg, 'w').write('\n'.join(lines) + '\n')
        proc = subprocess.Popen([a.binary, '-db', '-f', cfg], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(0.5)
            for name, _, req, _ in CASES:
                c = socket.create_connection(('127.0.0.1', ports[name])); c.settimeout(3)
                c.sendall(req); data = b''
                while True:
                    try:
                        b = c.recv(65536)
                    except socket.timeout:
                        break
                    if not b:
                        break
                    data += b
                c.close()
                open(os.path.join(out, name + '.http'), 'wb').write(data)
                print(name, len(data), data[:40])
        finally:
            proc.terminate(); proc.wait(5)
            for s in servers:
                s.close()

if __name__ == '__main__':
    main()
