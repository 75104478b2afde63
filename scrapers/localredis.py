"""A throw-away `redis-server` on 127.0.0.1 (ephemeral port, temporary directory) for tests and benchmarks.

    with local_redis() as url:        # "redis://127.0.0.1:<port>/0"
        ...                            # the server is stopped and its directory removed on exit

    python -m scrapers.localredis      # run one in the foreground, print its URL (Ctrl-C or SIGTERM stops it)

The server also stops when the process that started it dies, even by SIGKILL (Linux, with
util-linux `setpriv`). `redis-server` comes from the distribution (`apt-get install redis-server`, which `make test`
and `make redis` do when they can). `unavailable()` says why there is none, for a pytest skip.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SEARCH = ("/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server")


def server_binary() -> str | None:
    """The path of `redis-server` (on PATH or in the usual places), or None."""
    return shutil.which("redis-server") or next((p for p in SEARCH if Path(p).is_file()), None)


def unavailable() -> str | None:
    """Why no local Redis can be started (a skip reason), or None when one can."""
    if server_binary() is None:
        return (
            "redis-server is not installed (`make redis` installs it with apt-get as root;"
            " or `apt-get install redis-server`)"
        )
    return None


def _die_with_parent() -> list[str]:
    """A command prefix: the server gets SIGTERM when the process that started it dies, even by
    SIGKILL (util-linux `setpriv --pdeathsig`, Linux); nothing where setpriv is missing."""
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "TERM"] if setpriv else []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return True
        except OSError:
            time.sleep(0.05)
    return False


class LocalRedis:
    """A redis-server on 127.0.0.1 keeping its files in `folder`; `start` again reuses port and data.

    With `appendonly`, every write is fsync'ed to the folder, so a killed server restarts with
    its data (tests of a Redis outage).
    """

    def __init__(self, folder: str | Path, appendonly: bool = False) -> None:
        binary = server_binary()
        if binary is None:
            raise RuntimeError(unavailable())
        self.binary, self.folder, self.appendonly = binary, Path(folder), appendonly
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> str:
        for _ in range(3 if not self.port else 1):  # a free port can be taken between probe and bind
            port = self.port or _free_port()
            persist = ["--appendonly", "yes", "--appendfsync", "always"] if self.appendonly else ["--appendonly", "no"]
            args = [
                *_die_with_parent(),
                self.binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--save",
                "",
                *persist,
                "--protected-mode",
                "yes",
                "--daemonize",
                "no",
                "--logfile",
                "",
            ]
            with open(self.folder / "redis.log", "ab") as log:
                self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            if _wait_ready(port, self.proc, timeout):
                self.port = port
                return self.url
            self.stop(kill=True)
        raise RuntimeError(f"redis-server did not start: {(self.folder / 'redis.log').read_text()[-500:]}")

    def stop(self, kill: bool = False) -> None:
        """Stop the server: SIGTERM (it exits cleanly), or SIGKILL (a crash)."""
        if self.proc is None:
            return
        if kill:
            self.proc.kill()
        else:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None


@contextmanager
def local_redis(timeout: float = 10.0) -> Iterator[str]:
    """Start redis-server on 127.0.0.1 with an ephemeral port in a temp dir; yield its URL; stop it."""
    with tempfile.TemporaryDirectory(prefix="kaznews-redis-") as folder:
        server = LocalRedis(folder)
        try:
            yield server.start(timeout)
        finally:
            server.stop()


def main() -> int:
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop (and clean up) on SIGTERM too
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with local_redis() as url:
        print(url, flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
