"""Shared pieces of the reliability scripts: loopback echo backend, proxy processes, counters.

Loopback only; every process started is stopped by its pid."""
import atexit
import os
import shutil
import signal
import socket
import socketserver
import subprocess
import tempfile
import threading
import time


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self):
        sock = self.request
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass


class EchoServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024


def start_echo():
    server = EchoServer(("127.0.0.1", 0), EchoHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def split_binary(binary):
    """The command's words, relative paths made absolute (the processes run in their own folder)."""
    return [os.path.abspath(w) if os.path.exists(w) else w for w in binary.split()]


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def wait_gone(pids, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if not any(pid_alive(p) for p in pids):
            return True
        time.sleep(0.05)
    return False


def read_pids(path):
    try:
        with open(path) as f:
            return [int(x) for x in f.read().split()]
    except (OSError, ValueError):
        return []


def wait_listening(port, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.02)
    return False


def stop_pids(pids, grace=10):
    """SIGUSR1 (soft stop), then SIGKILL whatever is left after `grace` seconds; returns the pids killed."""
    for p in pids:
        try:
            os.kill(p, signal.SIGUSR1)
        except OSError:
            pass
    if wait_gone(pids, grace):
        return []
    left = [p for p in pids if pid_alive(p)]
    for p in left:
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass
    return left


def workdir(prefix):
    """A fresh folder under /tmp, removed at exit unless RELIAB_KEEP=1 (to read the proxies' stderr)."""
    path = tempfile.mkdtemp(prefix=prefix)
    if os.environ.get("RELIAB_KEEP") != "1":
        atexit.register(shutil.rmtree, path, True)
    return path


def run(cmd, cwd, timeout=60):
    start = time.time()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    return proc.returncode, time.time() - start, proc.stderr.decode("latin-1")
