"""Word lists the extractors consult, as data.

Each constant is a table of surface strings with the reading it stands for. Where a
list is matched as an alternation it is matched longest first (see
:func:`sdr_analysis.chars.alternation`), so the order written here does not matter
unless a comment says so.
"""

from __future__ import annotations

from .chars import DIGITS, LATIN

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
    "不少于": "more_than",
    "不低于": "more_than",
    "不足": "less_than",
    "不到": "less_than",
    "最多": "less_than",
    "不超过": "less_than",
    "不高于": "less_than",
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
REJECT_BEFORE = ("第", "前", "几", "若干", "每")

#: Like :data:`REJECT_BEFORE`, but only before Chinese numerals: ``数十家`` is vague,
#: while ``参保人数352万人``, ``优良天数301天`` state amounts after a noun ending in 数.
REJECT_BEFORE_CHINESE = ("数",)

#: Exceptions to :data:`REJECT_BEFORE`: words ending in one of its strings that still
#: introduce an amount (``提前3天``).
ALLOW_BEFORE = ("提前",)

#: Words before a duration that make it a time window, not an amount (``过去五年``).
TIME_WINDOW_BEFORE = ("过去", "过去的", "今后", "未来", "最近", "近", "这", "此后", "其后", "头", "时隔")

#: A span of years written in Chinese numerals with no qualifier (``五年``) frames the
#: text (``极不平凡的五年``, ``五年砥砺奋进``, ``财政五年投入``) unless one of these verbs
#: measures it (``提前一年``, ``连续两年``, ``再延长三年``); they also make a lone 一 a
#: count rather than an article.
YEAR_SPAN_VERBS = ("提前", "连续", "延长", "缩短", "为期", "用", "历时", "长达", "达", "满", "持续")

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

#: Unit characters that begin a longer word, with the text after them that makes the
#: word: the figure is not that unit. ``70周年`` is an anniversary (not 70 weeks),
#: ``两位数增长`` double digits (not two people), ``3亿成为`` a verb (not 30 %).
UNIT_BEGINS_WORD = {
    "周": ("年",),
    "位": ("数",),
    "成": (
        "为", "立", "果", "效", "本", "员", "交", "品", "都", "就", "功", "长", "熟", "绩", "型", "片",
        "套", "网", "势", "规模", "色", "分", "年", "人", "风", "绩",
    ),
}

#: Session and plenum ordinals: ``次`` before a meeting word (``三次会议``, ``六次全会``,
#: ``七次全委会议``), or after a term number (``十一届六次``, ``五届人大三次``).
SESSION_AFTER = ("会议", "全会", "全委", "全体会议", "常委会议", "大会")
SESSION_BEFORE = ("届", "届人大", "届政协", "届人大常委会", "届全国人大", "届全国政协", "届省委", "届市委", "届区委", "届县委", "届旗委")

#: Names with a numeral: the word before and the text from the unit on (``中央八项规定``).
NAMES_WITH_NUMERALS = (("中央", "项规定"),)

#: A phase of a project (``二期工程``, ``武都引水二期等建成``): ``期`` before these is a
#: phase, not a count of sessions (``培训班12期``).
PHASE_AFTER = ("工程", "项目", "等", "建成", "开工", "投产", "投运", "竣工", "扩建", "主体", "改造", "建设")

#: Size-class labels: a figure that classes a thing rather than counts or sums it,
#: directly before (or, with 以上/以下, after that) one of these nouns: ``亿元以上项目``,
#: ``营收超五十亿元企业``, ``海拔4500米以上村庄``, ``时速250公里动车``, ``万亿元台阶``,
#: ``700万吨露天矿``, ``8座以下客车``. Only measures (money, length, mass, energy) and
#: the units in :data:`SIZE_CLASS_UNITS` class things this way; ``5家企业`` counts them.
SIZE_CLASS_NOUNS = (
    "企业", "工业企业", "项目", "产业项目", "重大项目", "村庄", "村", "台阶", "大关", "关口", "动车", "高铁", "列车",
    "露天矿", "煤矿", "矿井", "矿", "机组", "电厂", "电站", "园区", "产业集群", "集群", "县", "城市", "客车",
    "乘用车", "车辆", "车型", "货车", "老人", "老年人", "儿童", "人群", "级",
)
SIZE_CLASS_UNITS = ("座", "岁")

#: Words right before a figure that make it a class (``时速250公里``, ``海拔4500米``).
SIZE_CLASS_BEFORE = ("时速", "海拔")

#: A capacity in a plant's or project's name (``200万吨褐煤提质项目``): a mass or
#: power figure followed, within the same run of Chinese text, by one of these.
CAPACITY_UNITS = ("吨", "千瓦", "千瓦时", "标准箱")
CAPACITY_NAME_ENDS = ("项目", "工程", "矿", "厂", "电站", "机组", "基地", "生产线")

#: Characters whose presence right before a number means the number is part of a code,
#: a model name or a measurement name (``PM2.5``, ``G15``, ``2.0版``).
CODE_CHARS = set(LATIN + DIGITS + ".．_-/#＃×")

#: ``各`` before a figure in its clause makes it a figure per item (``各1处``,
#: ``各配备校医1名``), unless it begins a determiner meaning "all" or "various"
#: (``各级``, ``各类``): these characters after ``各`` make that determiner.
EACH = "各"
EACH_DETERMINER_NEXT = set("级类种地方界项式样族")

#: Labels. ``分别`` before a list of figures pairs them, in order, with a list of
#: measures before it (``城镇、农村居民收入分别增长4.8%、6.2%``).
RESPECTIVELY = "分别"

#: Verbs a label may end in; what stands before them is the measure's subject.
#: A second figure for the same measure in the next clause (``增长20%，达到282亿元``)
#: takes that subject with its own verb.
MEASURE_VERBS = (
    "增长", "下降", "提高", "降低", "达到", "达", "为", "增加", "减少", "实现", "完成", "稳定在", "控制在",
    "提高到", "提升到", "提升至", "下降到", "降至", "增至", "增长到", "突破", "超过", "占", "同比增长",
    "比上年增长", "同比下降", "比上年下降", "累计", "年均增长",
)

#: Words that open a clause but are no part of what it measures (``其中工业投资``).
LABEL_OPENERS = ("其中", "同时", "全年共", "共")

#: Particles that dangle at a label's end once the figure is removed (``文化驿站各``).
LABEL_DANGLING = "各的了共计"
