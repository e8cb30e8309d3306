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
    import os

    from .server import build_server

    # the protocol owns raw byte streams of its own (duplicates of 0 and 1, which the server closes
    # on exit; the CLI's guarded text stdout stays open for its final flush)
    with os.fdopen(os.dup(0), "rb", buffering=0) as stdin, os.fdopen(os.dup(1), "wb") as stdout:
        build_server().start_io(stdin, stdout)
    return 0
