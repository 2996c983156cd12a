"""The review desk's web server: the standard library's threading HTTP server on 127.0.0.1.

Only the local page may use it. Every request whose ``Host`` is not the local address and
port (a DNS-rebinding page) or whose ``Origin`` is another site is refused, and every API
call must carry the session's token, which only the desk's own page has (it is written into
that page; another origin cannot read it). Writes must be JSON, which a cross-site form
cannot send. The page itself runs under a strict Content-Security-Policy: scripts and
styles from the desk only, nothing inline.
"""

from __future__ import annotations

import hmac
import html
import json
import logging
import secrets
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .desk import Desk
from .edits import ConflictError, EditError

logger = logging.getLogger(__name__)

HOST = "127.0.0.1"
TOKEN_HEADER = "X-Review-Token"
#: The largest request body the desk reads (a correction is a few hundred bytes).
MAX_BODY = 64 * 1024
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
STATIC = {"review.js": "text/javascript; charset=utf-8",
          "review.css": "text/css; charset=utf-8"}
CHROME_LANGS = ("ar", "en")


def _asset(name: str) -> bytes:
    return resources.files("briefs.review").joinpath("static", name).read_bytes()


class ReviewServer(ThreadingHTTPServer):
    """The desk's HTTP server: one desk, one session token, the local address only."""

    daemon_threads = True

    def __init__(self, desk: Desk, port: int = 0, chrome_lang: str = "ar") -> None:
        super().__init__((HOST, port), ReviewHandler)
        self.desk = desk
        self.token = secrets.token_urlsafe(32)
        self.chrome_lang = chrome_lang if chrome_lang in CHROME_LANGS else "en"

    @property
    def port(self) -> int:
        """Return the port the server listens on (a free one when 0 was asked)."""
        return self.server_address[1]

    @property
    def url(self) -> str:
        """Return the desk's address."""
        return f"http://{HOST}:{self.port}/"

    def allowed_hosts(self) -> frozenset[str]:
        """Return the ``Host`` values of the desk's own address."""
        return frozenset({f"{HOST}:{self.port}", f"localhost:{self.port}"})


class ReviewHandler(BaseHTTPRequestHandler):
    """One request to the desk."""

    server: ReviewServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle's algorithm and the
    # client's delayed ACK hold every reply for 40 ms.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: ANN401 - the base's signature
        """Log through ``logging`` (quiet unless asked), not on standard error."""
        logger.debug("%s " + format, self.address_string(), *args)

    # ── checks ──

    def _local(self) -> bool:
        """Tell whether the request comes from the desk's own page (Host and Origin)."""
        hosts = self.server.allowed_hosts()
        if self.headers.get("Host", "") not in hosts:
            return False
        origin = self.headers.get("Origin")
        return origin is None or origin in {f"http://{host}" for host in hosts}

    def _has_token(self) -> bool:
        given = self.headers.get(TOKEN_HEADER, "")
        return hmac.compare_digest(given.encode(), self.server.token.encode())

    # ── replies ──

    def _send(self, status: int, body: bytes, content_type: str,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: object) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode(),
                   "application/json; charset=utf-8")

    def _error(self, status: int, kind: str, message: str) -> None:
        self._json(status, {"error": message, "kind": kind})

    # ── routes ──

    def do_GET(self) -> None:
        """The page, its assets and the read-only API."""
        with self.server.desk.serving():
            self._get()

    def _get(self) -> None:
        if not self._local():
            self._error(HTTPStatus.FORBIDDEN, "forbidden", "not the desk's own address")
            return
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        if url.path == "/":
            self._page(query.get("lang"))
        elif url.path.startswith("/static/") and url.path[len("/static/"):] in STATIC:
            name = url.path[len("/static/"):]
            self._send(HTTPStatus.OK, _asset(name), STATIC[name])
        elif url.path == "/favicon.ico":  # the desk has none; say so without an error
            self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
        elif url.path.startswith("/api/"):
            if not self._has_token():
                self._error(HTTPStatus.FORBIDDEN, "forbidden", "the session token is missing")
                return
            self._api_get(url.path, query)
        else:
            self._error(HTTPStatus.NOT_FOUND, "not-found", "no such page")

    def _page(self, lang: str | None) -> None:
        chrome = lang if lang in CHROME_LANGS else self.server.chrome_lang
        page = _asset("index.html").decode("utf-8")
        page = (page.replace("{{lang}}", chrome)
                .replace("{{dir}}", "rtl" if chrome == "ar" else "ltr")
                .replace("{{token}}", html.escape(self.server.token)))
        self._send(HTTPStatus.OK, page.encode(), "text/html; charset=utf-8",
                   {"Content-Security-Policy": CONTENT_SECURITY_POLICY})

    def _api_get(self, path: str, query: dict[str, str]) -> None:
        desk = self.server.desk
        try:
            if path == "/api/queue":
                self._json(HTTPStatus.OK, {"briefs": desk.queue(), "undo": desk.undo_depth,
                                           "threshold": desk.settings.review_confidence})
            elif path == "/api/brief":
                self._json(HTTPStatus.OK, {**desk.view(query.get("path", "")),
                                           "undo": desk.undo_depth})
            elif path == "/api/entities":
                self._json(HTTPStatus.OK, {"entities": desk.search_entities(query.get("q", ""))})
            else:
                self._error(HTTPStatus.NOT_FOUND, "not-found", "no such API")
        except EditError as error:
            self._error(HTTPStatus.NOT_FOUND, "not-found", str(error))
        except Exception as error:  # the page shows it (and the log); the desk goes on
            logger.exception("mujaz review: %s", path)
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "failed",
                        f"the analysis failed: {type(error).__name__}: {error}")

    def _read_json(self) -> dict[str, Any] | None:
        """Return the request's JSON object; None once a refusal has been sent."""
        if not self._local() or not self._has_token():
            self._error(HTTPStatus.FORBIDDEN, "forbidden",
                        "only the desk's own page may write (address, origin and token)")
            return None
        if self.headers.get("Content-Type", "").split(";")[0].strip() != "application/json":
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "bad-request", "send JSON")
            return None
        length_header = self.headers.get("Content-Length", "")
        length = int(length_header) if length_header.isdigit() else 0
        if not 0 < length <= MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "bad-request", "bad request size")
            return None
        try:
            request = json.loads(self.rfile.read(length))
        except ValueError as error:
            request = error
        if not isinstance(request, dict):
            self._error(HTTPStatus.BAD_REQUEST, "bad-request", "send one JSON object")
            return None
        return request

    def do_POST(self) -> None:
        """A correction, an undo: only from the desk's page, with the token, as JSON."""
        with self.server.desk.serving():
            self._post()

    def _post(self) -> None:
        request = self._read_json()
        if request is None:
            return
        desk = self.server.desk
        path = urlsplit(self.path).path
        brief = str(request.get("path", ""))
        try:
            if path == "/api/correct":
                result = desk.correct(brief, str(request.get("action", "")),
                                      request.get("params") or {}, request.get("versions") or {})
            elif path == "/api/undo":
                result = desk.undo(brief)
            else:
                self._error(HTTPStatus.NOT_FOUND, "not-found", "no such API")
                return
        except ConflictError as error:
            self._error(HTTPStatus.CONFLICT, "conflict", str(error))
            return
        except EditError as error:
            self._error(HTTPStatus.UNPROCESSABLE_ENTITY, "refused", str(error))
            return
        except Exception as error:  # the page shows it (and the log); the desk goes on
            logger.exception("mujaz review: %s", path)
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "failed",
                        f"{type(error).__name__}: {error}")
            return
        self._json(HTTPStatus.OK, {**result, "undo": desk.undo_depth})


def serve_in_thread(desk: Desk, port: int = 0, chrome_lang: str = "ar") -> ReviewServer:
    """Start the desk's server in a background thread (tests, benchmarks); return it.

    Stop it with ``server.shutdown()`` and ``server.server_close()``.
    """
    server = ReviewServer(desk, port, chrome_lang)
    threading.Thread(target=server.serve_forever, name="mujaz-review", daemon=True).start()
    return server
