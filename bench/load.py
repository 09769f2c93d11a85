"""Workload (a): the people list page and the API list against the floor view, under load.

A gunicorn server (2 sync workers, one per core) serves the synthetic database; 10 client
threads on the same machine each fetch one URL in a loop bounded by a request count and a
time limit, one new connection per request. Targets take turns round by round (floor, page,
API, floor, …) so a slow drift of the machine hits them alike; each figure is the median of
the rounds.
"""

import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 10
PORTS = range(8100, 8200)


@dataclass
class Target:
    name: str
    path: str | None  # None: the URL does not exist (yet)
    headers: dict


@dataclass
class Round:
    requests: int
    seconds: float
    rps: float
    p95_ms: float
    errors: int
    bytes: int


def url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 8100-8199")


def start_server(port: int, workers: int = 2) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings",
           "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")])}
    command = [sys.executable, "-m", "gunicorn", "vinhdanh.wsgi", "-w", str(workers),
               "-b", f"127.0.0.1:{port}", "--log-level", "warning", "--backlog", "256",
               "--timeout", "120"]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {server.returncode}")
        try:
            fetch(port, "/bench/floor/", {})
            return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise RuntimeError("gunicorn did not answer within 60 s")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def fetch(port: int, path: str, headers: dict) -> tuple[int, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={**headers, "Connection": "close"})
        response = conn.getresponse()
        return response.status, len(response.read())
    finally:
        conn.close()


def hammer(port: int, target: Target, *, seconds: float, per_client: int) -> Round:
    """``CLIENTS`` threads fetch ``target`` until ``per_client`` requests or ``seconds`` pass."""
    latencies, errors, sizes, lock = [], [0], [0], threading.Lock()
    start = threading.Barrier(CLIENTS + 1)

    def client():
        mine, bad, size = [], 0, 0
        start.wait()
        deadline = time.perf_counter() + seconds
        while len(mine) < per_client and time.perf_counter() < deadline:
            began = time.perf_counter()
            status, size = fetch(port, target.path, target.headers)
            mine.append(time.perf_counter() - began)
            bad += status != 200
        with lock:
            latencies.extend(mine)
            errors[0] += bad
            sizes[0] = size

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0]
    return Round(len(latencies), elapsed, len(latencies) / elapsed, p95 * 1000, errors[0],
                 sizes[0])


def login_cookie(user) -> str:
    """A real session row for ``user``, as the browser's cookie header."""
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


def api_token(user) -> str:
    from rest_framework.authtoken.models import Token

    return Token.objects.get_or_create(user=user)[0].key


def targets(user) -> list[Target]:
    cookie = {"Cookie": login_cookie(user)}
    token = {"Authorization": f"Token {api_token(user)}", "Accept": "application/json"}
    return [
        Target("floor", url("bench-floor"), cookie),
        Target("page", url("workspace:person-list"), cookie),
        Target("api", url("v1:person-list"), token),
    ]


def count_queries(path: str | None, user, *, token: bool = False) -> dict:
    """Runs ``path`` once in this process and counts its SQL queries."""
    if path is None:
        return {"available": False}
    extra = {"HTTP_AUTHORIZATION": f"Token {api_token(user)}"} if token else {}
    client = Client(SERVER_NAME="127.0.0.1", **extra)
    if not token:
        client.force_login(user)
    client.get(path)  # the first request warms caches (content types, templates)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return {"available": response.status_code == 200, "status": response.status_code,
            "queries": len(queries), "bytes": len(response.content)}


def run(user, *, rounds: int, seconds: float, per_client: int, log=print) -> dict:
    """Starts a server, measures every available target ``rounds`` times, stops the server."""
    chosen = targets(user)
    available = [t for t in chosen if t.path]
    port = free_port()
    server = start_server(port)
    try:
        for target in available:  # warm both workers: imports, templates, caches
            hammer(port, target, seconds=min(seconds, 2.0), per_client=10)
        measured = {t.name: [] for t in available}
        for number in range(1, rounds + 1):
            for target in available:
                result = hammer(port, target, seconds=seconds, per_client=per_client)
                measured[target.name].append(result)
                log(f"  round {number} {target.name:5} {result.rps:8.1f} req/s  "
                    f"p95 {result.p95_ms:7.1f} ms  {result.requests} requests, "
                    f"{result.errors} errors")
    finally:
        stop_server(server)
    return {t.name: _summary(t, measured.get(t.name)) for t in chosen}


def _summary(target: Target, results: list[Round] | None) -> dict:
    if not results:
        return {"available": False, "path": target.path}
    return {
        "available": True, "path": target.path,
        "rps": statistics.median(r.rps for r in results),
        "p95_ms": statistics.median(r.p95_ms for r in results),
        "errors": sum(r.errors for r in results),
        "bytes": results[-1].bytes,
        "rounds": [asdict(r) for r in results],
    }
