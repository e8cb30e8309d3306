"""Property: any Unicode text — lone surrogates, control characters, invisible marks, CR line ends,
mixed with the characters claims are made of — is analysed without an exception, every span stays
inside the text, and the result is the same twice.  Bounded in CI (the "ci" profile); a thorough run:
``CLAIMCHECK_HOSTILE_EXAMPLES=100000 pytest tests/adversarial/test_hostile_properties.py``."""
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import analyse_text
from checker.report.build import file_out
from checker.scan import check_record

CLAIM_CHARS = list("0123456789.,%％。，、；:：\n\r\t 　万亿千百十一二两三四五六七八九零〇起件人元年月日"
                   "同比环比下降上升增长减少提高连续分别和及与其中共计全市全省发案命案刑事案件逐年比约近多余左右"
                   "第倍成个百分点了到至从由\u200b\u200e\u202e\ufeff\u00ad")
ANY_CHAR = st.characters(exclude_categories=())          # every code point, surrogates included
TEXT = st.lists(st.one_of(st.sampled_from(CLAIM_CHARS), ANY_CHAR,
                          st.sampled_from(["全市发案3315起,比2020年下降12.67%", "连续3年", "连续四年",
                                           "A、B、C分别下降1%、2%", "受理治安案件6104", "其中"])),
                max_size=80).map("".join)
EXAMPLES = int(os.environ.get("CLAIMCHECK_HOSTILE_EXAMPLES", "0"))
PROFILE = settings(max_examples=EXAMPLES, suppress_health_check=list(HealthCheck)) if EXAMPLES else settings()


def _spans(doc):
    fo = file_out(doc)
    for f in fo.findings:
        yield f.span
        yield from (r.span for r in f.related)
    for c in fo.claims:
        yield c.span
        yield from (q.span for q in c.quantities)


@PROFILE
@given(TEXT)
def test_any_text_is_analysed_inside_its_bounds_and_deterministically(text):
    doc = analyse_text(text)
    for sp in _spans(doc):
        assert 0 <= sp.start <= sp.end <= len(text), (sp, len(text))
        assert sp.line >= 1 and sp.column >= 1
    first = file_out(doc).model_dump_json()
    assert file_out(analyse_text(text)).model_dump_json() == first
    rec = check_record("id", text)
    assert rec["error"] is None, rec["error"]
    json.dumps(rec, ensure_ascii=True)
