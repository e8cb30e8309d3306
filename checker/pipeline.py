"""source → normalised text → quantities → claims → findings: one direction only."""
from __future__ import annotations


from dataclasses import replace

from .document import Doc
from .gcpause import gc_paused
from .profiles import choose_profile
from .io import SourceDocument
from .numbers import extract_quantities
from .options import CheckOptions
from .text import normalize
from .text.sentences import sentence_spans


def build_doc(source: SourceDocument) -> Doc:
    """Normalise ``source`` and extract its quantities (no rules yet)."""
    norm = normalize(source.readable)
    doc = Doc(source=source, norm=norm, sentences=sentence_spans(norm.text))
    doc.language = "zh-Hant" if norm.traditional else "zh-Hans"
    doc.quantities = extract_quantities(norm.text)
    return doc


def analyse(source: SourceDocument, options: CheckOptions | None = None) -> Doc:
    """Run the whole pipeline on one source document (the cyclic garbage collector paused meanwhile)."""
    with gc_paused():
        return _analyse(source, options or CheckOptions())


def _analyse(source: SourceDocument, options: CheckOptions) -> Doc:
    """The pipeline's stages, in order."""
    from .claims import build_claims
    from .engine import run_rules

    doc = build_doc(source)
    choice = choose_profile(source.readable, doc.norm.traditional, options.profile)
    doc.profile, doc.profile_reason = choice.name, choice.reason
    doc.lang = options.lang
    if options.profile != choice.name:
        options = replace(options, profile=choice.name)
    build_claims(doc, options)
    run_rules(doc, options)
    from .engine import load_rules, rule_by_id
    from .suppress import apply_suppressions

    apply_suppressions(doc, rule_by_id("CC900", options), options.lang, load_rules(tuple(options.rule_dirs)))
    doc.findings.sort(key=lambda f: (f.orig or doc.orig_span(f.start, f.end), f.rule))
    return doc


