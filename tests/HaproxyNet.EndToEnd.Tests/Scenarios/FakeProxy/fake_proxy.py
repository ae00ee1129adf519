#!/usr/bin/env python3
"""A stand-in "proxy" for the scenario runner's own tests (not HAProxy, not HaproxyNet).

Usage: fake_proxy.py -db -f CFG. Reads from CFG the lines `log 127.0.0.1:P`,
`listen NAME`, `bind 127.0.0.1:P` and `server NAME 127.0.0.1:P` (first listen
only), relays each TCP connection to the server and sends one tcplog-shaped
syslog line per session when it ends. SIGUSR1 logs the two stop lines and
exits. A line `# fake: ignore-signals` makes it ignore SIGUSR1 and SIGTERM
(only SIGKILL ends it), `# fake: exit-now` makes it exit at once.
"""
import os, re, signal, socket, sys, threading, time

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def main():
    cfg = open(sys.argv[sys.argv.index("-f") + 1]).read()
    if "# fake: exit-now" in cfg:
        sys.exit(3)
    log_port = int(re.search(r"^\s*log 127\.0\.0\.1:(\d+)", cfg, re.M).group(1))
    name = re.search(r"^listen (\S+)", cfg, re.M).group(1)
    bind_port = int(re.search(r"^\s*bind 127\.0\.0\.1:(\d+)", cfg, re.M).group(1))
    srv_name, srv_port = re.search(r"^\s*server (\S+) 127\.0\.0\.1:(\d+)", cfg, re.M).groups()
    tag = os.path.basename(sys.argv[0])
    syslog = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    lock = threading.Lock()
    count = [0]

    def send(pri, msg):
        t = time.localtime()
        date = f"{MONTHS[t.tm_mon - 1]} {t.tm_mday:2d} {t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}"
        syslog.sendto(f"<{pri}>{date} {tag}[{os.getpid()}]: {msg}\n".encode(), ("127.0.0.1", log_port))

    def on_usr1(signum, frame):
        send(132, f"Stopping proxy {name} in 0 ms.")
        send(132, f"Proxy {name} stopped (FE: {count[0]} conns, BE: {count[0]} conns).")
        os._exit(0)

    if "# fake: ignore-signals" in cfg:
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    else:
        signal.signal(signal.SIGUSR1, on_usr1)

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", bind_port))
    listener.listen(16)
    listener.settimeout(0.1)
    send(133, f"Proxy {name} started.")
    send(133, f"{name} bound to 127.0.0.1:{bind_port}")

    def session(client, peer, accepted):
        t0 = time.time()
        server = socket.create_connection(("127.0.0.1", int(srv_port)))
        to_client = [0]

        def pump(src, dst, counter):
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
                if counter is not None:
                    counter[0] += len(data)
            try:
                dst.shutdown(socket.SHUT_WR)
            except OSError:
                pass

        up = threading.Thread(target=pump, args=(client, server, None))
        up.start()
        pump(server, client, to_client)
        up.join()
        tt = int((time.time() - t0) * 1000)
        lt = time.localtime(accepted)
        ms = int((accepted % 1) * 1000)
        adate = f"{lt.tm_mday:02d}/{MONTHS[lt.tm_mon - 1]}/{lt.tm_year}:{lt.tm_hour:02d}:{lt.tm_min:02d}:{lt.tm_sec:02d}.{ms:03d}"
        with lock:
            count[0] += 1
        send(134, f"{peer[0]}:{peer[1]} [{adate}] {name} {name}/{srv_name} 0/0/{tt} {to_client[0]} -- 0/0/0/0/0 0/0")
        client.close()
        server.close()

    while True:
        try:
            client, peer = listener.accept()
        except socket.timeout:
            continue
        threading.Thread(target=session, args=(client, peer, time.time()), daemon=True).start()


main()
