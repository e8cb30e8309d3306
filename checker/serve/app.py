"""The review server (Starlette): paste or upload a draft, get the HTML report or the JSON contract.

Routes: ``GET /`` (the page), ``POST /report`` (form → HTML report), ``POST /api/check``
(JSON ``{"text", "options"}`` or a multipart upload → JSON contract), ``GET /api/rules``,
``GET /openapi.json``.  Every request body is bounded (413 past the limit), every
check runs in a worker pool with a time limit (503 past it), and documents are held
in memory only for the length of the request.
"""
from __future__ import annotations

import asyncio
import contextlib
import html
import json
import os
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing import get_context

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .jobs import JobOptions, RequestError, Result, job_options, run_job, safe_name

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                               "img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
}
OPTION_FIELDS = ("lang", "profile", "year", "select", "ignore")


@dataclass
class ServeConfig:
    """Limits of one server process."""

    max_bytes: int = 5 * 1024 * 1024     # request body limit
    timeout: float = 60.0                # seconds per check
    workers: int = 2                     # worker processes; 0 runs checks in threads (tests, debugging)
    queue: int = 0                       # checks waiting or running at once; 0 = 64 per worker


class Pool:
    """Runs checks in worker processes; a bounded number may wait; each has a time limit."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._executor: Executor | None = None
        self._slots = asyncio.Semaphore(config.queue or 64 * max(1, config.workers))

    def _get(self) -> Executor:
        if self._executor is None:
            if self.config.workers > 0:
                self._executor = ProcessPoolExecutor(self.config.workers, mp_context=get_context("spawn"),
                                                     initializer=exit_with_parent, initargs=(os.getpid(),))
            else:
                self._executor = ThreadPoolExecutor(4)
        return self._executor

    async def run(self, kind: str, data: bytes, name: str, opts: JobOptions) -> Result:
        """The result of one check, or a RequestError (503) when busy, too slow or a worker died."""
        if self._slots.locked():
            raise RequestError(503, "the server is busy; try again in a moment")
        async with self._slots:
            loop = asyncio.get_running_loop()
            future = loop.run_in_executor(self._get(), run_job, kind, data, name, opts)
            try:
                return await asyncio.wait_for(future, self.config.timeout)
            except asyncio.TimeoutError:
                raise RequestError(503, f"the check took longer than {self.config.timeout:g} s; "
                                        "try a shorter document") from None
            except BrokenProcessPool:
                self.close()
                raise RequestError(503, "a worker process stopped; try again") from None

    def close(self, wait: bool = False) -> None:
        """Stop the workers (they are started again on the next request)."""
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=True)
            self._executor = None


def exit_with_parent(parent: int) -> None:
    """In a worker: exit when the server process is gone, whatever way it ended."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


async def read_body(request: Request, limit: int) -> bytes:
    """The whole request body, refusing (413) past ``limit`` bytes whatever Content-Length says."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise RequestError(400, f"bad Content-Length header: {declared[:40]!r}")
        if int(declared) > limit:
            raise RequestError(413, _too_large(int(declared), limit))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestError(413, _too_large(size, limit, at_least=True))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    more = "at least " if at_least else ""
    return f"request body is {more}{size:,} bytes; the limit is {limit:,} bytes ({limit / 1048576:.1f} MiB)"


def _replay(request: Request, body: bytes) -> Request:
    """A request whose body is ``body`` (already read and checked against the limit)."""
    sent = False

    async def receive():
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, receive)


async def _form_input(request: Request, body: bytes, limit: int) -> tuple[bytes, str, dict]:
    """``(document bytes, file name, options)`` from a multipart or urlencoded form."""
    try:
        form = await _replay(request, body).form(max_files=1, max_fields=len(OPTION_FIELDS) + 2,
                                                 max_part_size=limit)
    except (MultiPartException, HTTPException) as e:
        raise RequestError(400, f"malformed form: {getattr(e, 'message', None) or getattr(e, 'detail', e)}") \
            from None
    except (ValueError, KeyError, UnicodeDecodeError) as e:
        raise RequestError(400, f"malformed form: {e}") from None
    try:
        unknown = sorted(set(form.keys()) - {"text", "file", *OPTION_FIELDS})
        if unknown:
            raise RequestError(422, f"unknown form field(s): {', '.join(unknown)}")
        upload = form.get("file")
        data, name = b"", ""
        if upload is not None and not isinstance(upload, str):
            data = await upload.read()
            name = safe_name(upload.filename, "upload.txt")
        text = form.get("text")
        if text is not None and not isinstance(text, str):
            raise RequestError(400, "the text field must be text, not a file")
        if data and text and text.strip():
            raise RequestError(400, "give either pasted text or a file, not both")
        if not data:
            data, name = _encode(text or ""), "pasted.txt"
        options = {k: v for k, v in form.items() if k in OPTION_FIELDS and isinstance(v, str)}
        return data, name, options
    finally:
        await form.close()


def _encode(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise RequestError(422, "the text contains unpaired surrogate code points (not valid Unicode)") from None


def _json_input(body: bytes) -> tuple[bytes, str, dict]:
    try:
        payload = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as e:
        raise RequestError(400, f"the body is not valid JSON: {e}") from None
    if not isinstance(payload, dict):
        raise RequestError(422, 'the body must be a JSON object {"text": "…", "options": {…}}')
    unknown = sorted(set(payload) - {"text", "options", "filename"})
    if unknown:
        raise RequestError(422, f"unknown field(s): {', '.join(unknown)} (known: text, options, filename)")
    text, options = payload.get("text"), payload.get("options") or {}
    if not isinstance(text, str):
        raise RequestError(422, '"text" must be a string')
    if not isinstance(options, dict):
        raise RequestError(422, '"options" must be an object')
    name = payload.get("filename") or "text.txt"
    if not isinstance(name, str):
        raise RequestError(422, '"filename" must be a string')
    return _encode(text), safe_name(name, "text.txt"), options


async def _document(request: Request, limit: int) -> tuple[bytes, str, JobOptions]:
    """Read, bound and validate one request's document and options."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in ("application/json", "multipart/form-data", "application/x-www-form-urlencoded"):
        raise RequestError(415, f"unsupported Content-Type {ctype or '(none)'!r}; send application/json "
                                "or a multipart/form-data upload")
    body = await read_body(request, limit)
    if ctype == "application/json":
        data, name, raw = _json_input(body)
    else:
        data, name, raw = await _form_input(request, body, limit)
    return data, name, job_options(raw)


def _error_page(status: int, message: str, lang: str = "zh") -> Response:
    title = "无法核查" if lang == "zh" else "Cannot check"
    back = "返回" if lang == "zh" else "Back"
    page = (f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f"<title>{title}</title></head><body><h1>{title} ({status})</h1><p>{html.escape(message)}</p>"
            f'<p><a href="/">{back}</a></p></body></html>')
    return Response(page, status_code=status, media_type="text/html; charset=utf-8", headers=HEADERS)


def _json_error(status: int, message: str) -> Response:
    return JSONResponse({"error": message}, status_code=status, headers=HEADERS)


def create_app(config: ServeConfig | None = None) -> Starlette:
    """The ASGI application (``uvicorn checker.serve.app:app`` uses the defaults)."""
    config = config or ServeConfig()
    # uploads stay in memory: a part never spills to a temporary file below the body limit
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, config.max_bytes + 1)
    pool = Pool(config)

    async def index(request: Request) -> Response:
        lang = request.query_params.get("lang", "zh")
        return Response(_index_page(lang if lang in ("zh", "en") else "zh", config.max_bytes),
                        media_type="text/html; charset=utf-8", headers=HEADERS)

    async def report(request: Request) -> Response:
        try:
            data, name, opts = await _document(request, config.max_bytes)
            result = await pool.run("html", data, name, opts)
        except RequestError as e:
            return _error_page(e.status, str(e))
        if result.status != 200:
            return _error_page(result.status, result.body)
        return Response(result.body, status_code=200, media_type=result.media_type, headers=HEADERS)

    async def check(request: Request) -> Response:
        try:
            data, name, opts = await _document(request, config.max_bytes)
            result = await pool.run("json", data, name, opts)
        except RequestError as e:
            return _json_error(e.status, str(e))
        return Response(result.body, status_code=result.status, media_type=result.media_type, headers=HEADERS)

    async def rules(request: Request) -> Response:
        return JSONResponse(_rules(), headers=HEADERS)

    async def openapi(request: Request) -> Response:
        from .openapi import schema

        return JSONResponse(schema(config.max_bytes), headers=HEADERS)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        pool.close(wait=True)

    app = Starlette(routes=[
        Route("/", index, methods=["GET"]),
        Route("/report", report, methods=["POST"]),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/rules", rules, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ], lifespan=lifespan)
    app.state.pool = pool
    return app


@lru_cache(maxsize=1)
def _rules() -> list[dict]:
    from ..engine import load_rules

    return [{"id": r.id, "name": r.name, "category": r.category, "severity": r.severity, "kind": r.kind,
             "message": {"zh": r.message.zh, "en": r.message.en}, "why": r.why.strip(), "basis": r.basis}
            for r in load_rules(())]


@lru_cache(maxsize=4)
def _index_page(lang: str, max_bytes: int) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("checker.serve", "templates"), autoescape=select_autoescape(default=True))
    return env.get_template("index.html.j2").render(lang=lang, max_mib=f"{max_bytes / 1048576:g}")
