"""Word lists the extractors consult, as data.

Each constant is a table of surface strings with the reading it stands for. Where a
list is matched as an alternation it is matched longest first (see
:func:`alternation`), so the order written here does not matter unless a comment
says so.
"""

from __future__ import annotations

import re
from typing import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


#: Qualifiers written before a figure, and what they mean.
QUALIFIERS_BEFORE = {
    "近": "nearly",
    "接近": "nearly",
    "将近": "nearly",
    "约": "about",
    "大约": "about",
    "超": "more_than",
    "超过": "more_than",
    "突破": "more_than",
    "逾": "more_than",
    "过": "more_than",
    "上": "more_than",
    "不足": "less_than",
    "不到": "less_than",
    "最多": "less_than",
}

#: Qualifiers between the number and its unit (``5200余万元``, ``100多个``).
QUALIFIERS_INSIDE = {"余": "more_than", "多": "more_than"}

#: Qualifiers written after the unit. ``内`` only follows durations (``3个工作日内``).
QUALIFIERS_AFTER = {
    "以上": "more_than",
    "左右": "about",
    "以下": "less_than",
    "以内": "less_than",
    "内": "less_than",
}

#: Words that end in a qualifier character but are not qualifiers: ``签约3个项目`` is
#: three projects signed, not "about three".
NOT_QUALIFIER_WORDS = (
    "节约", "制约", "签约", "预约", "合约", "履约", "违约", "公约", "条约", "集约", "相约", "特约",
    "通过", "经过", "度过", "越过", "跨过", "不过", "难过", "错过",
    "附近", "最近", "就近", "临近", "邻近", "贴近", "靠近", "亲近",
    "赶超", "以上", "向上", "线上", "网上", "马上", "之上", "北上", "晚上", "早上", "迈上", "登上", "走上", "跃上",
)

#: Text just before a figure that makes it something other than an amount: an ordinal
#: or rank (``第二位``, ``前三名``), a vague count (``数十家``), a rate's denominator
#: (``每万人``).
REJECT_BEFORE = ("第", "前", "数", "几", "若干", "每")

#: Exceptions to :data:`REJECT_BEFORE`: words ending in one of its strings that still
#: introduce an amount (``提前3天``).
ALLOW_BEFORE = ("提前",)

#: Words before a duration that make it a time window, not an amount (``过去五年``).
TIME_WINDOW_BEFORE = ("过去", "今后", "未来", "最近", "近", "这", "此后", "其后", "头")

#: Words right after a duration that make it a time window (``五年来``, ``三年间``).
TIME_WINDOW_AFTER = ("来", "以来", "间", "中")

#: Words right after a duration that make it an attribute of a name rather than an
#: amount: round-the-clock services (``24小时自助``), catchment circles (``15分钟生活
#: 圈``), programmes (``三年行动``), school types (``九年一贯制``, ``九年义务教育``).
DURATION_ATTRIBUTE_AFTER = (
    "自助", "服务", "在线", "营业", "值守", "值班", "不打烊", "不间断", "全天候", "无休", "热线",
    "生活圈", "服务圈", "通勤圈", "经济圈", "圈", "工作制", "制", "行动", "计划", "规划", "攻坚",
    "工程", "无理由", "便民", "响应", "综合", "一体", "一贯制", "义务教育",
)

#: Text right after a figure that makes it a grade or a level (``三级医院``).
REJECT_AFTER = ("级",)

#: Characters whose presence right before a number means the number is part of a code,
#: a model name or a measurement name (``PM2.5``, ``G15``, ``2.0版``).
CODE_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789０１２３４５６７８９.．_-/#＃×xX")

#: ``各`` before a figure in its clause makes it a figure per item (``各1处``,
#: ``各配备校医1名``), unless it begins a determiner meaning "all" or "various"
#: (``各级``, ``各类``): these characters after ``各`` make that determiner.
EACH = "各"
EACH_DETERMINER_NEXT = set("级类种地方界项式样族")
