"""The harness's own word lists (simplified and Traditional forms together)."""
from __future__ import annotations

UP = ["增长", "增長", "上升", "增加", "提高", "提升", "上涨", "上漲", "增至", "升至", "增", "升"]
DOWN = ["下降", "减少", "減少", "下跌", "降低", "回落", "降至", "減至", "减至", "降", "减", "減"]
UP_WORD = {"hans": "增长", "hant": "增長"}
DOWN_WORD = {"hans": "下降", "hant": "下降"}
# measure words of countable things: a count written with one of them is a whole number
COUNT_UNITS = ["起", "件", "宗", "人", "名", "个", "個", "家", "所", "例", "项", "項", "辆", "輛",
               "户", "戶", "座", "艘", "架", "位", "间", "間", "张", "張", "条", "條", "场", "場",
               "套", "台", "部", "篇", "份", "批", "棵", "只", "隻", "头", "頭"]
# measure words a careful editor would not let a count drop
MEASURE_WORDS = ["起", "件", "宗", "个", "個", "家", "所", "项", "項", "辆", "輛", "座", "艘",
                 "名", "位", "例", "场", "場", "条", "條", "架", "台", "部"]
PEOPLE_UNITS = ["人", "名", "户", "戶"]
THING_UNITS = ["家", "所", "座", "个", "個"]
# quantities that also count things but are measured, not counted (never whole-number checked)
MEASURE_UNITS = ["元", "亿元", "億元", "万元", "萬元", "美元", "港元", "吨", "噸", "公里", "千米",
                 "平方米", "平方公里", "公顷", "亩", "畝", "千瓦", "千瓦时", "立方米", "标箱", "架次",
                 "辆", "輛", "户", "戶", "个", "個", "家", "人", "名", "件", "起", "宗", "所", "项", "項",
                 "头", "頭", "度", "千瓦时", "人次", "艘", "公斤", "千克", "万元", "港元"]
COMPARE = (r"(?:同比|按年|比上年同期|比上年|较上年|較上年|比去年同期|比去年|較去年|较去年|"
           r"比(?:19|20)\d\d年(?:同期)?|较(?:19|20)\d\d年|較(?:19|20)\d\d年)")
# rates and shares that cannot exceed 100%
BOUNDED_RATES = ["覆盖率", "覆蓋率", "满意率", "滿意率", "满意度", "滿意度", "参保率", "參保率", "入学率",
                 "入學率", "达标率", "達標率", "合格率", "普及率", "优良率", "優良率", "就业率", "就業率",
                 "失业率", "失業率", "投票率", "得票率", "出席率", "城镇化率", "城鎮化率", "接种率",
                 "接種率", "破案率", "治愈率", "治癒率", "通过率", "通過率", "升学率", "升學率",
                 "入住率", "出勤率", "参与率", "參與率", "识别率", "到位率", "完好率", "知晓率",
                 "使用率", "占比", "佔比", "比重", "回复率", "覆蓋比例", "比例", "渗透率", "滲透率",
                 "空置率", "贫困发生率", "响应率", "回應率", "处置率", "處置率", "办结率", "辦結率"]
PERIOD = r"(?:(?:19|20)\d\d年|\d{1,2}月|\d{1,2}-\d{1,2}月|全年|今年|去年|上半年|下半年|前三季度|一季度|第[一二三四]季|年内|年內|年度|截至|截止)"


def alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    import re

    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"

# growth of these is reported in comparable prices, so a stated nominal prior need not reproduce it
REAL_GROWTH = r"生产总值|生產總值|GDP|增加值"
