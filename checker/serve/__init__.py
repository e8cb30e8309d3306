"""``claimcheck serve``: a local review server for a newsroom (Starlette on uvicorn)."""
from __future__ import annotations

import ipaddress
import socket
import sys

from .app import ServeConfig, create_app

__all__ = ["ServeConfig", "create_app", "serve"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(host: str = "127.0.0.1", port: int = 8080, config: ServeConfig | None = None) -> int:
    """Run the server until interrupted; return the exit status."""
    import uvicorn

    config = config or ServeConfig()
    try:
        socket.getaddrinfo(host, port)
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
            probe.bind((host, port))
    except OSError as e:
        print(f"claimcheck: serve: cannot listen on {host}:{port}: {e.strerror or e}", file=sys.stderr)
        return 2
    if not is_loopback(host):
        print(f"claimcheck serve: listening on {host}, reachable from other machines; there is no login",
              file=sys.stderr)
    print(f"claimcheck serve: http://{host}:{port}/  (limit {config.max_bytes:,} bytes, {config.timeout:g} s, "
          f"{config.workers} workers; Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning", server_header=False,
                limit_concurrency=256, timeout_keep_alive=30)
    return 0
