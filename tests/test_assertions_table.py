"""A table of hand-made sentences with the verdict each claim must get.

Each row: text, then either a change verdict ("consistent", "inconsistent", "untestable",
"warning") for the first change claim, or "flag:RULE" / "clean:RULE" for what a rule must do.
The expected values were worked out by hand (the arithmetic is in the comments).
"""
import pytest

from checker import analyse_text

TABLE = [
    # --- change: value + percent, GRIM-style --------------------------------------------------
    ("2021年,全市刑事案件发案3315起,比2020年下降12.67%。", "consistent"),      # x=3796
    ("2021年,全市刑事案件发案3315起,比2020年下降12.61%。", "inconsistent"),    # x∈[3790.41,3790.85)
    ("全市发生命案18起,同比下降10%。", "consistent"),                          # x=20
    ("全市发生命案18起,同比下降11%。", "inconsistent"),                        # x∈[20.11,20.34)
    ("全市八类主要案件立案117起,同比下降7.9%。", "consistent"),                # x=127 → 7.87%
    ("全市发生火灾16起,同比下降5.8%。", "warning"),                            # only truncated: 17 → 5.88%
    ("全市立案7起,同比下降13%。", "consistent"),                              # boundary: 8 → 12.5% rounds up to 13%
    ("全市立案7起,同比下降12%。", "warning"),                                  # boundary: 12.5% is 13% half-up
    ("全市立案301起,同比下降18%。", "untestable"),                             # 365..369, width > 1
    ("全年受理治安案件6104起,比2020年下降24.02%。", "untestable"),             # width 1.06: cannot fail
    ("全市受理案件20万起,同比下降3%。", "untestable"),                         # large and rounded count
    ("挽回损失2023万元,同比下降3%。", "untestable"),                           # money is not a whole count
    ("全市发案40起,同比增长25%。", "consistent"),                              # x=32
    ("全市发案41起,同比增长25%。", "inconsistent"),                            # x∈(32.7,32.93]
    ("全年盗窃案件同比下降120%。", "inconsistent"),                            # a decrease beyond 100%
    ("全市电诈案件实现同比、环比双下降。", "untestable"),                        # direction only
    ("全市有效警情同比下降10%。", "untestable"),                               # no base value
    ("全市发案约300起,同比下降18%。", "untestable"),                           # approximate value
    # --- from-to changes -------------------------------------------------------------------
    ("年产量从100万吨增至112万吨,增长了12%。", "consistent"),
    ("年产量从100万吨增至112万吨,增长了15%。", "inconsistent"),
    ("贷款利率从3.25%降至2.25%,下降了1个百分点。", "consistent"),
    ("贷款利率从3.25%降至2.25%,下降了1%。", "flag:CC113"),
    ("年产量从100万吨增至112万吨,增加了12个百分点。", "flag:CC113"),
    ("服务站从300个增加到600个,增加了两倍。", "flag:CC114"),
    ("服务站从300个增加到600个,增加了一倍。", "clean:CC114"),
    # --- trend ------------------------------------------------------------------------------
    ("2021年,全市刑事案件发案3315起,比2020年下降12.67%,比2019年下降24.09%,呈逐年下降趋势。", "clean:CC121"),
    ("2021年,全市刑事案件发案3315起,比2020年下降12.67%,比2019年下降5.04%,呈逐年下降趋势。", "flag:CC121"),
    ("2021年全市受理案件1000起,比2020年增长25%,比2019年增长10%,呈逐年下降趋势。", "flag:CC121"),
    ("2021年全市受理案件1000起,比2020年增长25%,比2019年增长60%,呈逐年增长趋势。", "clean:CC121"),
    # --- rate / share -------------------------------------------------------------------------
    ("全市群众满意率达到101.3%。", "flag:CC131"),
    ("重点区域视频监控覆盖率达到100%。", "clean:CC131"),
    ("群众安全感保持在95%以上。", "clean:CC131"),
    ("户籍业务事项占比超过十成。", "flag:CC131"),
    # --- part / whole ---------------------------------------------------------------------------
    ("全年受理矛盾纠纷8215起,其中婚姻家庭纠纷9120起。", "flag:CC141"),
    ("四级闭环办理问题诉求193.5万件,其中矛盾纠纷26.2万件。", "clean:CC141"),
    ("共发现图斑2135个,其中违法图斑72个。", "clean:CC141"),
    # --- respective -----------------------------------------------------------------------------
    ("全省刑事案件、治安案件、信访总量分别下降15.97%、47.05%。", "flag:CC151"),
    ("全省刑事案件、治安案件、信访总量分别下降15.97%、47.05%、42.37%。", "clean:CC151"),
    ("市委、市政府分别就政法、扫黑除恶、反恐等工作作出指示批示。", "clean:CC151"),
    # --- conflict ----------------------------------------------------------------------------
    ("全市八类主要案件立案117起,同比下降7.9%。……八类严重暴力犯罪同比下降9%。", "flag:CC161"),
    ("全市刑事案件同比下降10%,治安案件同比下降20%。", "clean:CC161"),
    ("2021年,全市刑事案件发案3315起,比2020年下降12.67%。2020年,全市刑事案件发案3900起。", "flag:CC162"),
    ("2021年,全市刑事案件发案3315起,比2020年下降12.67%。2020年,全市刑事案件发案3796起。", "clean:CC162"),
]


@pytest.mark.parametrize("text,expected", TABLE)
def test_table(text, expected):
    doc = analyse_text(text)
    if expected.startswith(("flag:", "clean:")):
        what, rule = expected.split(":")
        hits = [f for f in doc.findings if f.rule == rule]
        assert bool(hits) == (what == "flag"), [(f.rule, f.message) for f in doc.findings]
        return
    changes = [c for c in doc.claims if c.kind == "change"]
    assert changes, "no change claim found"
    assert changes[0].data.verdict == expected, changes[0].data


def test_table_size():
    assert len(TABLE) >= 40


def test_error_verdicts_become_findings():
    doc = analyse_text("全市发生命案18起,同比下降11%。")
    assert [f.rule for f in doc.findings if f.severity == "error"] == ["CC111"]
    assert "11%" in doc.findings[0].message
