"""Units and measure words that follow numbers, and the kind each implies.

Only the mapping lives here; dimension checks (人 vs 元 never compare) use
``dimension()``, which groups units the way pint groups physical units.  pint
itself is imported lazily by ``checker.numbers.dimensions`` when two measure
units are compared (公里 vs 千米), never on the extraction hot path.
"""
from __future__ import annotations

# unit → (kind, dimension)
UNITS: dict[str, tuple[str, str]] = {}


def _add(kind: str, dim: str, *names: str) -> None:
    for n in names:
        UNITS[n] = (kind, dim)


_add("percentage_point", "percent", "个百分点", "百分点")
_add("money", "money", "元", "万元", "亿元", "美元", "块", "人民币", "港元", "港币", "澳门元", "新台币", "欧元", "日元", "英镑")
_add("count", "events", "起", "宗", "件", "次", "例", "场", "单")
# compound measure words "unit + 次" (GB/T 15835 counts of occurrences): one word, not 批 followed by 次
_add("count", "occurrences", "批次", "架次", "车次", "件次", "台次", "艘次", "班次", "场次", "家次", "辆次", "航次", "课次")
_add("count", "persons", "人次", "户次", "人", "名", "位", "户", "余人")
_add("count", "items", "个", "项", "家", "处", "张", "条", "所", "座", "支", "批", "类",
     "只", "头", "份", "套", "台", "部", "辆", "艘", "架", "间", "栋", "幢", "级", "市", "县", "省",
     "大类", "篇", "本", "册", "种", "组", "队", "块", "片", "根", "盏", "路", "站", "期",
     "届", "章", "节", "条次", "笔", "枚", "把", "门", "匹", "头", "只")
_add("duration", "time", "个月", "年度", "周年", "年", "天", "日", "小时", "分钟", "秒", "周",
     "个工作日", "工作日", "个小时")
_add("measure", "length", "公里", "千米", "米", "厘米", "毫米", "km", "m")
_add("measure", "area", "平方公里", "平方米", "亩", "公顷")
_add("measure", "mass", "吨", "公斤", "千克", "克", "斤", "毫克", "微克")
_add("measure", "volume", "立方米", "升", "毫升")
# concentrations (environment reports: PM2.5 32微克/立方米) are measurements, never counts
_add("measure", "concentration", "微克/立方米", "毫克/立方米", "微克每立方米", "毫克每立方米",
     "μg/m³", "μg/m3", "ug/m3", "mg/m³", "mg/m3", "毫克/升", "毫克每升", "mg/L", "mg/l")

_MEASURE = frozenset(u for u, (k, _) in UNITS.items() if k == "measure")
UNIT_KINDS = {u: k for u, (k, _) in UNITS.items()}   # unit → the quantity kind it implies

# longest first, so 个百分点 wins over 个 and 人次 over 人
UNIT_ALTERNATION = "|".join(sorted(UNITS, key=len, reverse=True))


def unit_kind(unit: str | None) -> str:
    """The quantity kind a unit implies (``count`` when unknown)."""
    if unit is None:
        return "count"
    return UNIT_KINDS.get(unit, "count")


def dimension(unit: str | None) -> str:
    """A coarse dimension name: two quantities compare only when these agree."""
    if unit is None:
        return "unknown"
    if unit in ("%", "percent"):
        return "percent"
    return UNITS.get(unit, ("count", unit))[1]


def compatible(a: str | None, b: str | None) -> bool:
    """Whether quantities in units ``a`` and ``b`` may be compared (起 vs 件: yes; 人 vs 元: no)."""
    da, db = dimension(a), dimension(b)
    if "unknown" in (da, db):
        return True
    if a in _MEASURE and b in _MEASURE:
        from .dimensions import same_dimension

        return same_dimension(a, b)
    if da == db:
        return True
    return {da, db} <= {"events", "items"}


def comparable_interval(q):
    """``q``'s interval in a unit shared by everything ``compatible`` with it: measure values in the base
    unit of their dimension (5公里 → 5000 m, exactly), other values as they are.  None when a measure
    unit has no known factor."""
    if q.unit in _MEASURE:
        from .dimensions import base_factor

        factor = base_factor(q.unit)
        return None if factor is None else q.interval.scale(factor)
    return q.interval


def common_intervals(qs) -> list:
    """The intervals of quantities ``qs`` in one unit: as written when they all share one unit (a
    common factor changes no comparison, and no unit registry is needed), else each through
    :func:`comparable_interval` (None where a measure unit has no known factor)."""
    if len({q.unit for q in qs}) <= 1:
        return [q.interval for q in qs]
    return [comparable_interval(q) for q in qs]
