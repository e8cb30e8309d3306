"""The language server (``claimcheck lsp``): diagnostics and hovers for .md, .txt and .html."""
from __future__ import annotations


def cmd_lsp(args) -> int:
    """Serve the Language Server Protocol on standard input and output until the client exits."""
    from ..errors import ClaimcheckError

    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        raise ClaimcheckError("claimcheck lsp needs pygls and lsprotocol: "
                              "pip install 'claimcheck[lsp]' (or: pip install 'pygls>=2' lsprotocol)") from None
    from .server import build_server

    build_server().start_io()
    return 0
