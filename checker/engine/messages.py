"""Render rule messages: ``{name}`` placeholders filled from plain strings only
(no ``str.format``: a rule file must not reach Python attributes)."""
from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def render(template: str, values: dict[str, object]) -> str:
    """Fill ``{name}`` with ``str(values[name])``; unknown names stay as written."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0),
                            template)
