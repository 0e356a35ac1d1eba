"""Units of measure that Chinese government work reports use, as data.

Each :class:`Unit` row is ``(surface, kind, base, scale)``: the unit as written after a
number, the class of quantity it measures, the unit the value is reported in, and what
one of the written unit is in the base unit (``兆瓦`` is 1000 ``千瓦``). A scale written
before the unit (万, 亿) is folded into the value as well. Units are matched longest first, so
``个百分点`` wins over ``个`` and ``平方米`` over ``米``; the order of the table itself
does not matter.

Kinds: ``money``, ``percent``, ``percent_point``, ``people``, ``area``, ``length``,
``duration``, ``count`` (things counted by a measure word), ``other`` (mass, energy,
volume, multiples, concentrations, fractions), ``rate`` (one unit per another,
``25万元/人``: see :data:`PER_UNITS`; a rate is never added to the amounts of its
numerator's kind).
"""

from __future__ import annotations

from typing import NamedTuple


class Unit(NamedTuple):
    surface: str
    kind: str
    base: str
    scale: int = 1


UNITS: tuple[Unit, ...] = (
    # shares and changes
    Unit("个百分点", "percent_point", "个百分点"),
    Unit("百分点", "percent_point", "个百分点"),
    Unit("%", "percent", "%"),
    Unit("％", "percent", "%"),
    Unit("‰", "other", "‰"),
    # tenths (约6成, 九成以上); 成 beginning a word (成为, 成立) is not one: see
    # rules.UNIT_BEGINS_WORD
    Unit("成", "other", "成"),
    # fractions written out (三分之一, 百分之五): matched by their own pattern
    Unit("百分之", "percent", "%"),
    Unit("千分之", "other", "‰"),
    Unit("分之", "other", "fraction"),
    # slash fractions (1/4, 1/5以上): matched by their own pattern
    Unit("fraction", "other", "fraction"),
    Unit("倍", "other", "倍"),
    # money
    Unit("元", "money", "元"),
    Unit("美元", "money", "美元"),
    Unit("港元", "money", "港元"),
    Unit("欧元", "money", "欧元"),
    Unit("日元", "money", "日元"),
    # area
    Unit("平方米", "area", "平方米"),
    Unit("平米", "area", "平方米"),
    Unit("平方公里", "area", "平方公里"),
    Unit("平方千米", "area", "平方公里"),
    Unit("亩", "area", "亩"),
    Unit("公顷", "area", "公顷"),
    # length
    Unit("公里", "length", "公里"),
    Unit("千米", "length", "公里"),
    Unit("延长米", "length", "米"),
    Unit("米", "length", "米"),
    # mass, volume, energy, freight
    Unit("吨", "other", "吨"),
    Unit("公斤", "other", "公斤"),
    Unit("千克", "other", "公斤"),
    Unit("斤", "other", "斤"),
    Unit("微克/立方米", "other", "微克/立方米"),
    Unit("立方米", "other", "立方米"),
    Unit("千瓦时", "other", "千瓦时"),
    Unit("兆瓦时", "other", "千瓦时", 1000),
    Unit("千瓦", "other", "千瓦"),
    Unit("兆瓦", "other", "千瓦", 1000),
    Unit("吉瓦", "other", "千瓦", 1_000_000),
    Unit("标准箱", "other", "标准箱"),
    Unit("标箱", "other", "标准箱"),
    Unit("吨标准煤", "other", "吨标准煤"),
    # people
    Unit("人次", "people", "人次"),
    Unit("人", "people", "人"),
    Unit("名", "people", "名"),
    Unit("位", "people", "位"),
    # durations
    Unit("个工作日", "duration", "个工作日"),
    Unit("工作日", "duration", "个工作日"),
    Unit("天", "duration", "天"),
    Unit("个月", "duration", "个月"),
    Unit("年", "duration", "年"),
    Unit("小时", "duration", "小时"),
    Unit("分钟", "duration", "分钟"),
    Unit("周", "duration", "周"),
    Unit("岁", "duration", "岁"),
    # counting units (measure words)
    Unit("家次", "count", "家次"),
    Unit("户次", "count", "户次"),
    Unit("场次", "count", "场次"),
    # counted events: longer than their measure word, so never cut short (30批次, not 30批)
    Unit("批次", "count", "批次"),
    Unit("架次", "count", "架次"),
    Unit("车次", "count", "车次"),
    Unit("班次", "count", "班次"),
    Unit("艘次", "count", "艘次"),
    Unit("个", "count", "个"),
    Unit("家", "count", "家"),
    Unit("项", "count", "项"),
    Unit("件", "count", "件"),
    Unit("所", "count", "所"),
    Unit("座", "count", "座"),
    Unit("条", "count", "条"),
    Unit("处", "count", "处"),
    Unit("场", "count", "场"),
    Unit("次", "count", "次"),
    Unit("套", "count", "套"),
    Unit("张", "count", "张"),
    Unit("部", "count", "部"),
    Unit("栋", "count", "栋"),
    Unit("幢", "count", "幢"),
    Unit("辆", "count", "辆"),
    Unit("台", "count", "台"),
    Unit("户", "count", "户"),
    Unit("批", "count", "批"),
    Unit("株", "count", "株"),
    Unit("棵", "count", "棵"),
    Unit("间", "count", "间"),
    Unit("块", "count", "块"),
    Unit("宗", "count", "宗"),
    Unit("笔", "count", "笔"),
    Unit("种", "count", "种"),
    Unit("类", "count", "类"),
    Unit("支", "count", "支"),
    Unit("只", "count", "只"),
    Unit("头", "count", "头"),
    Unit("份", "count", "份"),
    Unit("册", "count", "册"),
    Unit("篇", "count", "篇"),
    Unit("轮", "count", "轮"),
    Unit("艘", "count", "艘"),
    Unit("架", "count", "架"),
    Unit("片", "count", "片"),
    Unit("盏", "count", "盏"),
    Unit("根", "count", "根"),
    Unit("组", "count", "组"),
    Unit("期", "count", "期"),
)

#: Units that only the fraction patterns produce; the figure pattern leaves them out.
FRACTION_UNITS = ("百分之", "千分之", "分之", "fraction")

#: What may follow a unit after ``/`` to make a rate (``25万元/人``, ``80元/吨``,
#: ``350公里/小时``, ``3.2人/万人``), optionally with a scale (``/万人``). The figure's
#: unit becomes ``<base>/<per>`` and its kind ``rate``.
PER_UNITS = (
    "人", "人次", "户", "吨", "公斤", "斤", "亩", "平方米", "立方米", "千瓦时", "度", "小时", "天", "年",
    "月", "次", "件", "家", "个", "台", "辆", "床", "元", "标准箱", "箱",
)

UNIT_BY_SURFACE: dict[str, Unit] = {u.surface: u for u in UNITS}

#: The kind of a figure of one unit per another (:data:`PER_UNITS`).
RATE_KIND = "rate"

#: Every kind a figure can have: the table's, then the rate's.
KINDS: tuple[str, ...] = tuple(dict.fromkeys([u.kind for u in UNITS] + [RATE_KIND]))
