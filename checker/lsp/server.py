"""``claimcheck lsp``: a language server over stdio (pygls).

Code actions offer the rules' fixes (the same ones ``check --fix`` applies).  Diagnostics are published on open and save at once, and after a pause in typing on change
(debounced); each check runs in a worker thread so the event loop keeps answering (hover, new
edits) while a large file is checked, and a result for an outdated version is dropped.
"""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from .. import __version__
from ..errors import ClaimcheckError
from .analysis import BufferResult, buffer_format, check_buffer, code_actions, diagnostics, hover_text
from .positions import LinePositions

DEBOUNCE_SECONDS = 0.3


def build_server():
    """The configured ``LanguageServer`` (not started)."""
    from lsprotocol import types as T
    from pygls.lsp.server import LanguageServer

    server = LanguageServer("claimcheck", __version__, text_document_sync_kind=T.TextDocumentSyncKind.Incremental)
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimcheck")
    pending: dict[str, asyncio.Task] = {}
    results: dict[str, BufferResult] = {}

    def encoding(ls) -> str:
        enc = ls.workspace.position_encoding
        return str(getattr(enc, "value", enc) or "utf-16")

    async def check_later(ls, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        doc = ls.workspace.get_text_document(uri)
        fmt = buffer_format(doc.path, doc.language_id)
        if fmt is None:
            return
        version, text = doc.version, doc.source
        try:
            result = await asyncio.get_running_loop().run_in_executor(executor, check_buffer, text, doc.path, fmt)
        except ClaimcheckError as e:  # a bad configuration or rule pack: say so, keep running
            ls.window_show_message(T.ShowMessageParams(type=T.MessageType.Error, message=f"claimcheck: {e}"))
            return
        current = ls.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # closed or edited meanwhile: the newer check publishes
        results[uri] = result
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=diagnostics(result, uri, encoding(ls))))

    def schedule(ls, uri: str, delay: float) -> None:
        old = pending.pop(uri, None)
        if old is not None:
            old.cancel()
        pending[uri] = asyncio.ensure_future(check_later(ls, uri, delay))

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls, params: T.DidOpenTextDocumentParams) -> None:
        schedule(ls, params.text_document.uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls, params: T.DidChangeTextDocumentParams) -> None:
        schedule(ls, params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls, params: T.DidSaveTextDocumentParams) -> None:
        schedule(ls, params.text_document.uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls, params: T.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = pending.pop(uri, None)
        if task is not None:
            task.cancel()
        results.pop(uri, None)
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(T.TEXT_DOCUMENT_HOVER)
    def hover(ls, params: T.HoverParams):
        result = results.get(params.text_document.uri)
        if result is None:
            return None
        pos = params.position
        offset = LinePositions(result.text, encoding(ls)).offset(pos.line, pos.character)
        md = hover_text(result, offset)
        if md is None:
            return None
        return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value=md))

    @server.feature(T.TEXT_DOCUMENT_CODE_ACTION,
                    T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix]))
    def code_action(ls, params: T.CodeActionParams):
        result = results.get(params.text_document.uri)
        if result is None:
            return None
        lines = LinePositions(result.text, encoding(ls))
        r = params.range
        start = lines.offset(r.start.line, r.start.character)
        end = lines.offset(r.end.line, r.end.character)
        return code_actions(result, params.text_document.uri, encoding(ls), start, end) or None

    return server
