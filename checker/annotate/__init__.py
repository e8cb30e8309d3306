"""Review comments in a copy of a Word document: ``claimcheck annotate`` and ``check --annotate``."""
from .docx import Annotated, annotate, annotate_path, default_output

__all__ = ["Annotated", "annotate", "annotate_beside", "annotate_path", "default_output", "cmd_annotate"]


def _written(out: str, n: int, lang: str) -> None:
    import sys

    print(f"claimcheck: {out}: {n} comment(s)" if lang == "en" else f"claimcheck: {out}：{n} 条批注",
          file=sys.stderr)


def annotate_beside(doc, lang: str) -> None:
    """``check --annotate``: write NAME.checked.docx beside the analysed .docx ``doc``."""
    out = default_output(doc.source.path)
    _written(out, annotate_path(doc.source.path, out, doc, lang), lang)


def cmd_annotate(args) -> int:
    """``claimcheck annotate DOCX [-o OUT]``: exit 1 when an error-level finding was commented."""
    from ..cli import _base_options
    from ..config import options_for
    from ..errors import InputError
    from ..io import read_path
    from ..pipeline import analyse

    path = args.path
    if not path.lower().endswith(".docx"):
        raise InputError(path, "annotate writes Word comments and needs a .docx; "
                               "use `claimcheck check` for other files")
    out = args.output or default_output(path)
    base, cli_set = _base_options(args)
    opts = base if args.no_config else options_for(path, base, cli_set)
    doc = analyse(read_path(path), opts)
    _written(out, annotate_path(path, out, doc, opts.lang), opts.lang)
    return 1 if any(f.severity == "error" for f in doc.findings) else 0
