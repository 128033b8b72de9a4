"""Shared fixtures for the flow tests: telemetry off, one Prefect test server for the session.

The environment is set before Prefect is imported (it reads settings at import); the only
Prefect server is the session-scoped ``prefect_test_harness``, with the flow-run heartbeat off
(each sync flow run would otherwise wait up to 1 s for its heartbeat thread).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ["DO_NOT_TRACK"] = "1"
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("NEWSFACTS_THREADS", "2")
# flows/ is not an installed package (pyproject's packages.find lists extractors and models):
# make it importable here, in subprocesses and in Dask workers
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)

import http.server  # noqa: E402
import threading  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

FIXTURES = ROOT / "fixtures" / "flows"


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[str]:
    """One temporary Prefect server (SQLite) for the whole session; yields its API URL."""
    from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            yield str(PREFECT_API_URL.value())


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves fixtures/flows/site; /status/<code> answers that code; /redirect/<path> redirects."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, directory=str(FIXTURES / "site"), **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path.startswith("/status/"):
            self.send_response(int(self.path.split("/")[2]))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path.startswith("/redirect/"):
            self.send_response(302)
            self.send_header("Location", "/" + self.path[len("/redirect/") :])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass


@pytest.fixture(scope="session")
def site() -> Iterator[str]:
    """A local HTTP server on 127.0.0.1 serving the feed and pages; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
