"""Indicators: figures that state an amount, and text that looks like one but is not.

Each row is a sentence in the style of a district report and every figure the spec
says it holds, as ``(text, value, unit, kind, qualifier)`` in reading order.
"""

from __future__ import annotations

import math

import pytest

from sdr_analysis import parse_report


def found(sentence: str) -> list[tuple]:
    return [(i.text, i.value, i.unit, i.kind, i.qualifier) for i in parse_report(sentence).indicators]


FIGURES = [
    # --- Arabic integers with a measure word ---
    pytest.param("全年新建改造城市道路26条。", [("26条", 26, "条", "count", "exact")], id="arabic-count"),
    pytest.param("改造老旧小区68个,惠及居民9400户。",
                 [("68个", 68, "个", "count", "exact"), ("9400户", 9400, "户", "count", "exact")], id="two-figures"),
    pytest.param("新增规模以上工业企业31家。", [("31家", 31, "家", "count", "exact")], id="arabic-jia"),
    pytest.param("累计受理群众诉求件12,456件。", [("12,456件", 12456, "件", "count", "exact")], id="thousands-separator"),
    pytest.param("全区市场主体总量达到103,520户。", [("103,520户", 103520, "户", "count", "exact")],
                 id="thousands-separator-six-digits"),
    pytest.param("年末户籍人口286500人。", [("286500人", 286500, "人", "people", "exact")], id="arabic-people"),

    # --- decimals ---
    pytest.param("城镇居民人均可支配收入增长5.6%。", [("5.6%", 5.6, "%", "percent", "exact")], id="decimal-percent"),
    pytest.param("林木覆盖率达到42.35%。", [("42.35%", 42.35, "%", "percent", "exact")], id="two-decimals"),
    pytest.param("城镇调查失业率控制在4.8%。", [("4.8%", 4.8, "%", "percent", "exact")], id="rate"),

    # --- 万 / 亿 / 万亿 / 千万 folded into the value ---
    pytest.param("完成一般公共预算收入12.8亿元。", [("12.8亿元", 1_280_000_000, "元", "money", "exact")], id="yi-yuan"),
    pytest.param("发放文旅消费券3000万元。", [("3000万元", 30_000_000, "元", "money", "exact")], id="wan-yuan"),
    pytest.param("新增城市绿地15万平方米。", [("15万平方米", 150_000, "平方米", "area", "exact")], id="wan-square-metres"),
    pytest.param("全年接待游客460.5万人次。", [("460.5万人次", 4_605_000, "人次", "people", "exact")],
                 id="wan-person-times"),
    pytest.param("全市经济总量达到1.2万亿元。", [("1.2万亿元", 1_200_000_000_000, "元", "money", "exact")], id="wan-yi"),
    pytest.param("引进社会资本2千万元。", [("2千万元", 20_000_000, "元", "money", "exact")], id="qian-wan-scale"),
    pytest.param("实际利用外资1.2亿美元。", [("1.2亿美元", 120_000_000, "美元", "money", "exact")], id="us-dollars"),
    pytest.param("生活垃圾无害化处理36万吨。", [("36万吨", 360_000, "吨", "other", "exact")], id="wan-tonnes"),

    # --- Chinese numerals ---
    pytest.param("建立健全十项工作机制。", [("十项", 10, "项", "count", "exact")], id="cn-ten"),
    pytest.param("新建两个社区食堂。", [("两个", 2, "个", "count", "exact")], id="cn-liang"),
    pytest.param("新建三所公办幼儿园。", [("三所", 3, "所", "count", "exact")], id="cn-three"),
    pytest.param("开通微循环公交线路十二条。", [("十二条", 12, "条", "count", "exact")], id="cn-twelve"),
    pytest.param("选派驻村第一书记一百二十名。", [("一百二十名", 120, "名", "people", "exact")], id="cn-hundred-twenty"),
    pytest.param("招募青年志愿者一千名。", [("一千名", 1000, "名", "people", "exact")], id="cn-one-thousand"),
    pytest.param("争取专项债券资金三千万元。", [("三千万元", 30_000_000, "元", "money", "exact")], id="cn-thousand-wan"),
    pytest.param("培育二十余个特色商业街区。", [("二十余个", 20, "个", "count", "more_than")], id="cn-twenty-odd"),
    pytest.param("举办各类文化惠民活动近千场。", [("近千场", 1000, "场", "count", "nearly")], id="cn-nearly-thousand"),
    pytest.param("组织线上线下招聘会百余场。", [("百余场", 100, "场", "count", "more_than")], id="cn-hundred-odd"),
    pytest.param("培训新型职业农民两千余人。", [("两千余人", 2000, "人", "people", "more_than")], id="cn-two-thousand-odd"),
    pytest.param("建成口袋公园十余个。", [("十余个", 10, "个", "count", "more_than")], id="cn-ten-odd"),
    pytest.param("新增停车泊位五千多个。", [("五千多个", 5000, "个", "count", "more_than")], id="cn-duo"),
    pytest.param("累计培训一千二百人次。", [("一千二百人次", 1200, "人次", "people", "exact")], id="cn-full-form"),
    pytest.param("新增就业岗位三万五千个。", [("三万五千个", 35_000, "个", "count", "exact")], id="cn-wan-thousand"),

    # --- qualifiers between the number and the unit: 余 多 ---
    pytest.param("化解信访积案80余件。", [("80余件", 80, "件", "count", "more_than")], id="yu"),
    pytest.param("带动农户增收1.5万余户。", [("1.5万余户", 15_000, "户", "count", "more_than")], id="yu-after-scale"),
    pytest.param("争取上级补助资金3800余万元。", [("3800余万元", 38_000_000, "元", "money", "more_than")],
                 id="yu-before-scale"),
    pytest.param("新增公共停车位2000多个。", [("2000多个", 2000, "个", "count", "more_than")], id="duo"),

    # --- qualifiers after the unit: 以上 左右 以下 以内 内 ---
    pytest.param("粮食播种面积稳定在12万亩以上。", [("12万亩以上", 120_000, "亩", "area", "more_than")], id="yishang"),
    pytest.param("城镇调查失业率控制在5.5%左右。", [("5.5%左右", 5.5, "%", "percent", "about")], id="zuoyou"),
    pytest.param("中小学生近视率控制在50%以下。", [("50%以下", 50, "%", "percent", "less_than")], id="yixia"),
    pytest.param("项目审批控制在30个工作日以内。", [("30个工作日以内", 30, "个工作日", "duration", "less_than")],
                 id="yinei"),
    pytest.param("群众诉求3个工作日内办结。", [("3个工作日内", 3, "个工作日", "duration", "less_than")],
                 id="nei-after-duration"),
    pytest.param("完成整改问题10个内容涉及安全生产。", [("10个", 10, "个", "count", "exact")],
                 id="nei-after-count-is-not-a-qualifier"),

    # --- qualifiers before the number ---
    pytest.param("外贸进出口总额超50亿元。", [("超50亿元", 5_000_000_000, "元", "money", "more_than")], id="chao"),
    pytest.param("常住人口超过80万人。", [("超过80万人", 800_000, "人", "people", "more_than")], id="chaoguo"),
    pytest.param("社会消费品零售总额突破300亿元。", [("突破300亿元", 30_000_000_000, "元", "money", "more_than")],
                 id="tupo"),
    pytest.param("全年旅游收入过亿元。", [("过亿元", 100_000_000, "元", "money", "more_than")], id="guo-bare-yi"),
    pytest.param("新增市场主体上千户。", [("上千户", 1000, "户", "count", "more_than")], id="shang-bare-scale"),
    pytest.param("惠及困难群众近3万人。", [("近3万人", 30_000, "人", "people", "nearly")], id="jin"),
    pytest.param("研发经费投入强度接近3%。", [("接近3%", 3, "%", "percent", "nearly")], id="jiejin"),
    pytest.param("为企业减负约1200万元。", [("约1200万元", 12_000_000, "元", "money", "about")], id="yue"),
    pytest.param("企业开办时间不足1天。", [("不足1天", 1, "天", "duration", "less_than")], id="buzu"),
    pytest.param("不动产登记办理时间不到2小时。", [("不到2小时", 2, "小时", "duration", "less_than")], id="budao"),
    pytest.param("一般事项办理最多5个工作日。", [("最多5个工作日", 5, "个工作日", "duration", "less_than")],
                 id="zuiduo"),

    # --- words that end in a qualifier character but are not qualifiers ---
    pytest.param("集中签约42个重点项目。", [("42个", 42, "个", "count", "exact")], id="qianyue-is-not-about"),
    pytest.param("节约用地200亩。", [("200亩", 200, "亩", "area", "exact")], id="jieyue-is-not-about"),
    pytest.param("顺利通过3项国家级验收。", [("3项", 3, "项", "count", "exact")], id="tongguo-is-not-more-than"),
    pytest.param("就近安置搬迁群众600户。", [("600户", 600, "户", "count", "exact")], id="jiujin-is-not-nearly"),
    pytest.param("新增线上5000家商户入驻平台。", [("5000家", 5000, "家", "count", "exact")], id="shang-before-arabic"),
    pytest.param("产业发展迈上3个新台阶。", [("3个", 3, "个", "count", "exact")], id="maishang-is-not-more-than"),

    # --- ranges ---
    pytest.param("每个街道新建3-5个口袋公园。", [("3-5个", 3, "个", "count", "range")], id="range-hyphen"),
    pytest.param("用3至5年时间完成管网改造。", [("3至5年", 3, "年", "duration", "range")], id="range-zhi"),
    pytest.param("培育三到五个龙头企业。", [("三到五个", 3, "个", "count", "range")], id="range-chinese"),
    pytest.param("给予创业补贴1～3万元。", [("1～3万元", 10_000, "元", "money", "range")], id="range-fullwidth-tilde"),

    # --- units of each kind ---
    pytest.param("完成植树造林1.5万亩。", [("1.5万亩", 15_000, "亩", "area", "exact")], id="area-mu"),
    pytest.param("建成区面积扩大到36平方公里。", [("36平方公里", 36, "平方公里", "area", "exact")], id="area-km2"),
    pytest.param("修复湿地120公顷。", [("120公顷", 120, "公顷", "area", "exact")], id="area-hectare"),
    pytest.param("新建改造道路12.6公里。", [("12.6公里", 12.6, "公里", "length", "exact")], id="length-km"),
    pytest.param("修建滨河绿道800米。", [("800米", 800, "米", "length", "exact")], id="length-metre"),
    pytest.param("新建自行车专用道3千米。", [("3千米", 3, "公里", "length", "exact")], id="length-qianmi"),
    pytest.param("招录社区工作者45名。", [("45名", 45, "名", "people", "exact")], id="people-ming"),

    # --- units whole reports use ---
    pytest.param("全区粮食产量达到35.6万斤。", [("35.6万斤", 356_000, "斤", "other", "exact")], id="unit-jin"),
    pytest.param("户籍人口平均预期寿命达81.2岁。", [("81.2岁", 81.2, "岁", "duration", "exact")], id="unit-sui"),
    pytest.param("细颗粒物平均浓度降至28微克/立方米。", [("28微克/立方米", 28, "微克/立方米", "other", "exact")],
                 id="unit-microgram-per-cubic-metre"),
    pytest.param("全社会用电量增长到45亿千瓦时。", [("45亿千瓦时", 4_500_000_000, "千瓦时", "other", "exact")],
                 id="unit-kilowatt-hour"),
    pytest.param("港口集装箱吞吐量120万标箱。", [("120万标箱", 1_200_000, "标准箱", "other", "exact")], id="unit-teu"),
    pytest.param("人口自然增长率为3.5‰。", [("3.5‰", 3.5, "‰", "other", "exact")], id="unit-permille"),
    pytest.param("约7成村庄建成文化广场。", [("约7成", 7, "成", "other", "about")], id="unit-tenths"),
    pytest.param("审批时限压减至5个工作日。", [("5个工作日", 5, "个工作日", "duration", "exact")], id="unit-working-days"),
    pytest.param("保障通用航空飞行1250架次。", [("1250架次", 1250, "架次", "count", "exact")], id="sorties-not-cut"),
    pytest.param("组织两批次企业赴外参展。", [("两批次", 2, "批次", "count", "exact")], id="batches-not-cut"),
    pytest.param("开行旅游专列16车次。", [("16车次", 16, "车次", "count", "exact")], id="train-runs-not-cut"),

    # --- compound units are rates, never amounts of their numerator ---
    pytest.param("为引进博士发放安家补贴3.6万元/人。", [("3.6万元/人", 36_000, "元/人", "rate", "exact")],
                 id="rate-yuan-per-person"),
    pytest.param("生活垃圾处理收费80元/吨。", [("80元/吨", 80, "元/吨", "rate", "exact")], id="rate-yuan-per-tonne"),
    pytest.param("线路设计速度160公里/小时。", [("160公里/小时", 160, "公里/小时", "rate", "exact")],
                 id="rate-km-per-hour"),
    pytest.param("执业医师达到32人/万人。", [("32人/万人", 32, "人/万人", "rate", "exact")], id="rate-per-ten-thousand"),

    # --- slash fractions ---
    pytest.param("超过1/3的乡镇建成标准化卫生院。", [("超过1/3", 0.333333, "fraction", "other", "more_than")],
                 id="slash-fraction"),
    pytest.param("覆盖1/5以上社区。", [("1/5以上", 0.2, "fraction", "other", "more_than")], id="slash-fraction-yishang"),

    # --- negative rates; a falling one keeps its value and its word ---
    pytest.param("工业增加值增长-1.8%。", [("-1.8%", -1.8, "%", "percent", "exact")], id="negative-rate"),
    pytest.param("商品房销售面积下降3.4%。", [("3.4%", 3.4, "%", "percent", "exact")], id="falling-rate"),

    # --- a figure right after a noun ending in 数 ---
    pytest.param("养老保险参保人数28.6万人。", [("28.6万人", 286_000, "人", "people", "exact")], id="after-renshu"),
    pytest.param("空气质量优良天数达到312天。", [("312天", 312, "天", "duration", "exact")], id="after-tianshu"),
    pytest.param("在校生总数7.3万人。", [("7.3万人", 73_000, "人", "people", "exact")], id="after-zongshu"),

    # --- at least, at most ---
    pytest.param("筹集保障性公寓不少于500套。", [("不少于500套", 500, "套", "count", "more_than")], id="bushaoyu"),
    pytest.param("研发投入增幅不低于6%。", [("不低于6%", 6, "%", "percent", "more_than")], id="budiyu"),
    pytest.param("赤字率不超过3%。", [("不超过3%", 3, "%", "percent", "less_than")], id="buchaoguo"),
    pytest.param("进出口总额连续两年过千亿元。",
                 [("两年", 2, "年", "duration", "exact"), ("过千亿元", 100_000_000_000, "元", "money", "more_than")],
                 id="guo-after-years"),

    # --- spans of years a verb measures ---
    pytest.param("提前一年完成改造任务。", [("一年", 1, "年", "duration", "exact")], id="tiqian-yi-nian"),
    pytest.param("连续三年获评先进单位。", [("三年", 3, "年", "duration", "exact")], id="lianxu-san-nian"),
    pytest.param("走访企业3200家次。", [("3200家次", 3200, "家次", "count", "exact")], id="count-jiaci"),
    pytest.param("拆除违章建筑120栋。", [("120栋", 120, "栋", "count", "exact")], id="count-dong"),
    pytest.param("延长集中供暖期15天。", [("15天", 15, "天", "duration", "exact")], id="duration-day"),
    pytest.param("提前2个月完成年度任务。", [("2个月", 2, "个月", "duration", "exact")], id="duration-tiqian"),
    pytest.param("高出全市平均水平1.5个百分点。", [("1.5个百分点", 1.5, "个百分点", "percent_point", "exact")],
                 id="percent-point"),
    pytest.param("税收收入是上年的2.5倍。", [("2.5倍", 2.5, "倍", "other", "exact")], id="times"),
    pytest.param("新增光伏装机容量5万千瓦。", [("5万千瓦", 50_000, "千瓦", "other", "exact")], id="other-kilowatt"),
    pytest.param("万元生产总值能耗0.38吨标准煤。", [("0.38吨标准煤", 0.38, "吨标准煤", "other", "exact")],
                 id="other-coal-equivalent"),

    # --- full-width digits and percent sign ---
    pytest.param("完成固定资产投资１２亿元。", [("１２亿元", 1_200_000_000, "元", "money", "exact")], id="fullwidth-digits"),
    pytest.param("地区生产总值增长８．５％。", [("８．５％", 8.5, "%", "percent", "exact")], id="fullwidth-decimal-percent"),
    pytest.param("税收占比提高到７２％。", [("７２％", 72, "%", "percent", "exact")], id="fullwidth-percent"),

    # --- fractions and percentages written out ---
    pytest.param("农村贫困人口减少三分之一。", [("三分之一", 0.333333, "fraction", "other", "exact")], id="fraction-third"),
    pytest.param("约三分之二的社区建成议事厅。", [("约三分之二", 0.666667, "fraction", "other", "about")], id="fraction-about"),
    pytest.param("民营经济占比超过百分之六十。", [("超过百分之六十", 60, "%", "percent", "more_than")], id="percent-written"),
    pytest.param("万元产值能耗下降百分之五。", [("百分之五", 5, "%", "percent", "exact")], id="percent-written-five"),
    pytest.param("婴儿死亡率控制在千分之三以内。", [("千分之三以内", 3, "‰", "other", "less_than")], id="permille-written"),
    pytest.param("四分之1的资金用于民生。", [("四分之1", 0.25, "fraction", "other", "exact")], id="fraction-mixed-digits"),

    # --- PDF dumps: a space between the number and its unit ---
    pytest.param("完成固定资产投资230.5 亿元。", [("230.5 亿元", 23_050_000_000, "元", "money", "exact")], id="pdf-space-scale"),
    pytest.param("城镇登记失业率3.2 %。", [("3.2 %", 3.2, "%", "percent", "exact")], id="pdf-space-percent"),
    pytest.param("新建学校 4\u3000所。", [("4\u3000所", 4, "所", "count", "exact")], id="pdf-ideographic-space"),

    # --- zero-width characters (web pages, word processors) are read through, and kept ---
    pytest.param("新增市场主体3\u200b万个。", [("3\u200b万个", 30_000, "个", "count", "exact")], id="zero-width-space"),
    pytest.param("居民收入增长5\u200c%。", [("5\u200c%", 5, "%", "percent", "exact")], id="zero-width-non-joiner"),
    pytest.param("完成投资1\u200d2.5亿元。", [("1\u200d2.5亿元", 1_250_000_000, "元", "money", "exact")],
                 id="zero-width-joiner-between-digits"),
    pytest.param("惠及群众约\u20603万人。", [("约\u20603万人", 30_000, "人", "people", "about")], id="word-joiner-after-qualifier"),
    pytest.param("新建车位3万\ufeff个。", [("3万\ufeff个", 30_000, "个", "count", "exact")], id="bom-inside-text"),
    pytest.param("新增就业岗位三\u200b万个。", [("三\u200b万个", 30_000, "个", "count", "exact")], id="zero-width-chinese"),
    pytest.param("新建学校3所\u200b。", [("3所", 3, "所", "count", "exact")], id="zero-width-after-figure-left-out"),
    pytest.param("新建口袋公园3个\u200b以上。", [("3个\u200b以上", 3, "个", "count", "more_than")],
                 id="zero-width-before-qualifier"),
    # up to three at a time; a longer run of them parts the digits (so a run of digits
    # and zero-width characters is read once, from its start, however long it is)
    pytest.param("新增岗位1\u200b\u200b\u200b2万个。", [("1\u200b\u200b\u200b2万个", 120_000, "个", "count", "exact")],
                 id="three-zero-width-read-through"),
    pytest.param("新增岗位1\u200b\u200b\u200b\u200b2万个。", [("2万个", 20_000, "个", "count", "exact")],
                 id="four-zero-width-part-the-digits"),
    pytest.param("新增岗位" + "1\u200b" * 3 + "万个。", [("1\u200b1\u200b1\u200b万个", 1_110_000, "个", "count", "exact")],
                 id="zero-width-between-every-digit"),
    pytest.param("新增岗位三\u200b十\u200b万个。", [("三\u200b十\u200b万个", 300_000, "个", "count", "exact")],
                 id="zero-width-between-chinese-numerals"),

    # --- figures as dense as prose writes them are read: a run of 49, or 50 figures in
    # 11 bytes each (``增长8%，``: 550 bytes; see test_not_indicators for denser runs) ---
    pytest.param("收入分别增长" + "5%、" * 49 + "。", [("5%", 5, "%", "percent", "exact")] * 49, id="forty-nine-packed-figures"),
    pytest.param("增长8%，" * 50, [("8%", 8, "%", "percent", "exact")] * 50, id="fifty-figures-in-prose"),

    # --- the longest run of digits still read as a figure: 15 before the point ---
    pytest.param("累计交易额123456789012345元。", [("123456789012345元", 123_456_789_012_345, "元", "money", "exact")],
                 id="fifteen-digits"),
    pytest.param("累计交易额999,999,999,999,999元。", [("999,999,999,999,999元", 999_999_999_999_999, "元", "money", "exact")],
                 id="fifteen-digits-with-separators"),

    # --- units whose base is another unit (the table's scale column) ---
    pytest.param("新增风电装机2.5兆瓦。", [("2.5兆瓦", 2500, "千瓦", "other", "exact")], id="unit-scale-megawatt"),
    pytest.param("年发电量12万兆瓦时。", [("12万兆瓦时", 120_000_000, "千瓦时", "other", "exact")], id="unit-scale-and-wan"),
    pytest.param("新建道路3.6千米。", [("3.6千米", 3.6, "公里", "length", "exact")], id="unit-alias-kilometre"),

    # --- a rate's denominator is not a figure; the rate is ---
    pytest.param("每万人拥有执业医师3.2人。", [("3.2人", 3.2, "人", "people", "exact")], id="per-wan-people"),
]


@pytest.mark.parametrize("sentence, expected", FIGURES)
def test_figures(sentence, expected):
    assert found(sentence) == expected


NOT_INDICATORS = [
    # --- dates and years ---
    pytest.param("2023年1月8日召开区委常委会。", [], id="date"),
    # --- anniversaries ---
    pytest.param("隆重庆祝建区30周年。", [], id="anniversary"),
    pytest.param("迎接建校六十周年。", [], id="anniversary-chinese"),
    # --- session and plenum ordinals ---
    pytest.param("召开区六届人大四次会议。", [], id="session-after-term"),
    pytest.param("贯彻省委十三届五次全会精神。", [], id="plenum-after-term"),
    pytest.param("县委九届三次全委会议提出。", [], id="plenum-quanwei"),
    # --- names with numerals ---
    pytest.param("严格执行中央八项规定。", [], id="eight-point-rules"),
    pytest.param("污水处理厂三期工程开工。", [], id="project-phase"),
    pytest.param("东城水厂2期等建成投用。", [], id="project-phase-arabic"),
    pytest.param("举办技能培训班12期。", ["12期"], id="sessions-of-training-count"),
    pytest.param("新增7座以下乘用车3200辆。", ["3200辆"], id="vehicle-class"),
    # --- time windows in any wording ---
    pytest.param("这是极不平凡的五年。", [], id="window-de-wu-nian"),
    pytest.param("过去的五年里，我们攻坚克难。", [], id="window-guoqu-de"),
    pytest.param("五年来累计投入资金60亿元。", ["60亿元"], id="window-lai"),
    pytest.param("五年砥砺奋进，五年春华秋实。", [], id="window-before-verb"),
    pytest.param("时隔4年再次获评。", [], id="window-shige"),
    pytest.param("财政六年投入专项资金。", [], id="window-years-of-spending"),
    # --- size-class labels: the count attached is the figure ---
    pytest.param("签约5亿元以上项目28个。", ["28个"], id="class-yiyuan-yishang-xiangmu"),
    pytest.param("产值超百亿元企业6家。", ["6家"], id="class-chao-qiye"),
    pytest.param("海拔3000米以上村庄通硬化路12个。", ["12个"], id="class-altitude"),
    pytest.param("开通时速200公里动车。", [], id="class-speed"),
    pytest.param("经济总量迈上千亿元台阶。", [], id="class-milestone"),
    pytest.param("建设300万吨焦化项目。", [], id="class-plant-capacity"),
    pytest.param("为70岁以上老人发放补贴。", [], id="class-age-yishang"),
    pytest.param("0-3岁婴幼儿照护服务。", [], id="class-age-range"),
    # --- numbers without a unit, unit characters that begin words ---
    pytest.param("服务80万新就业群体。", [], id="no-unit"),
    pytest.param("实现两位数增长。", [], id="double-digit"),
    pytest.param("投资3亿成为行业标杆。", [], id="cheng-wei-is-a-verb"),
    pytest.param("二〇二三年是全面建设的开局之年。", [], id="chinese-year"),
    pytest.param("2021年以来累计建成学校9所。", ["9所"], id="year-then-figure"),
    # --- session and congress names ---
    pytest.param("深入学习贯彻党的二十大精神。", [], id="party-congress"),
    pytest.param("区第十八届人民代表大会第三次会议。", [], id="session"),
    pytest.param("召开第三次党代会。", [], id="ordinal-ci"),
    # --- names and slogans in quotes ---
    pytest.param("推进“两个中心”建设。", [], id="quoted-name"),
    pytest.param("全面推行“3个工作日办结”承诺制。", [], id="quoted-pledge"),
    pytest.param("打造“15分钟便民生活圈”。", [], id="quoted-circle"),
    pytest.param("启动“千名干部进万家”活动,走访群众2万户。", ["2万户"], id="quoted-then-figure"),
    pytest.param("擦亮「五星服务」品牌。", [], id="corner-quoted-name"),
    # --- titles of documents ---
    pytest.param("出台《关于支持5个产业集群发展的意见》。", [], id="title-of-document"),
    pytest.param("实施《十项便民措施》。", [], id="title-with-chinese-numeral"),
    # --- grades and ratings ---
    pytest.param("新增三级医院1家。", ["1家"], id="grade-sanji"),
    pytest.param("空气质量稳定达到国家二级标准。", [], id="grade-national"),
    pytest.param("成功创建国家4A级旅游景区。", [], id="grade-4a"),
    pytest.param("完成三、四级道路改造。", [], id="grade-list"),
    pytest.param("打造两个百亿元级产业集群。", ["两个"], id="grade-yuan-level"),
    # --- ranks and ordinals ---
    pytest.param("经济总量位居全市第二位。", [], id="rank-di"),
    pytest.param("综合考评位列全省前三名。", [], id="rank-qian"),
    pytest.param("入选第二批国家试点。", [], id="ordinal-batch"),
    pytest.param("吸引数十家企业入驻。", [], id="vague-shu"),
    pytest.param("几十个部门协同办理。", [], id="vague-ji"),
    pytest.param("每周走访两三家企业。", [], id="vague-two-or-three"),
    pytest.param("每个社区配备七八个网格员。", [], id="vague-seven-or-eight"),
    # digits that count up name the items of a list (the first, second and third
    # industries), not a count of 123
    pytest.param("加快推动一二三次产业协调融合发展。", [], id="list-of-industries-ci"),
    pytest.param("促进一二三产业融合发展,新增就业1200人。", ["1200人"], id="list-of-industries"),
    # --- product features and codes ---
    pytest.param("设置24小时自助服务机12台。", ["12台"], id="round-the-clock-machine"),
    pytest.param("提供24小时全天候服务。", [], id="round-the-clock-service"),
    pytest.param("构建15分钟生活圈。", [], id="minutes-circle"),
    pytest.param("实施三年行动计划。", [], id="programme-years"),
    pytest.param("建成5G基站300个。", ["300个"], id="5g"),
    pytest.param("PM2.5年均浓度下降12%。", ["12%"], id="pm25"),
    # --- time windows ---
    pytest.param("过去五年,我们砥砺奋进。", [], id="past-five-years"),
    pytest.param("一年来,全区上下团结奋斗。", [], id="one-year-since"),
    pytest.param("十年来,城区面貌焕然一新。", [], id="ten-years-since"),
    pytest.param("近三年累计投入资金6亿元。", ["6亿元"], id="recent-three-years"),
    pytest.param("今后五年是关键时期。", [], id="next-five-years"),
    pytest.param("这五年极不平凡。", [], id="these-five-years"),
    pytest.param("三年间新增就业岗位1.2万个。", ["1.2万个"], id="three-years-between"),
    # --- placeholders ---
    pytest.param("完成投资X亿元,增长x.x%。", [], id="placeholder"),
    # --- bare scales in names and idioms ---
    pytest.param("举办万人长跑活动。", [], id="bare-wan-name"),
    pytest.param("把温暖送进千家万户。", [], id="idiom"),
    # --- an indefinite 一 ---
    pytest.param("打造一批特色街区。", [], id="yi-pi"),
    pytest.param("建成一个区级大数据中心。", [], id="yi-ge"),
    pytest.param("新建九年一贯制学校2所。", ["2所"], id="school-type-years"),
    pytest.param("巩固九年义务教育成果。", [], id="compulsory-education-years"),
    pytest.param("群众办事最多跑一次。", [], id="yi-ci-after-zuiduo"),
    # --- PDF dumps: a space does not hide an ordinal or a code ---
    pytest.param("综合排名第 3 名。", [], id="pdf-space-ordinal"),
    pytest.param("PM 2.5浓度下降。", [], id="pdf-space-code"),
    # --- page furniture and addresses ---
    pytest.param("详见http://www.example.gov.cn/2023/0105/12.html。", [], id="url"),
    pytest.param("— 3 —", [], id="page-number"),
    pytest.param("第12页 共30页", [], id="page-of-pages"),
    # --- a zero-width character hides no date, rank or code ---
    pytest.param("2\u200b023年1月8日召开区委常委会。", [], id="zero-width-in-a-year"),
    pytest.param("经济总量位居全市第\u200b2位。", [], id="zero-width-after-di"),
    pytest.param("PM2.\u200b5年均浓度下降12%。", ["12%"], id="zero-width-in-a-code"),
    pytest.param("1\u200b" * 2000 + "。", [], id="digits-and-zero-width-without-a-unit"),
    # --- 50 figures starting within fewer than 500 bytes are not prose: a table run
    # together, or no text at all; prose around such a run is read ---
    pytest.param("收入分别增长" + "5%、" * 50 + "。", [], id="fifty-figures-in-250-bytes"),
    pytest.param("增长5%" * 50 + "。", [], id="fifty-figures-in-400-bytes"),
    pytest.param("5%" * 1000, [], id="figures-glued-together"),
    pytest.param("新建学校5所。" + "城市更新" * 50 + "5%、" * 60 + "城市更新" * 50 + "新建道路3条。", ["5所", "3条"],
                 id="dense-run-inside-prose"),
    # --- runs of digits longer than any figure (more than 15 before the point) ---
    pytest.param("统一社会信用代码1234567890123456个。", [], id="sixteen-digits"),
    pytest.param("投资" + "9" * 320 + "元。", [], id="320-digits"),
    pytest.param("投资" + "9" * 5000 + "元,新建学校3所。", ["3所"], id="5000-digits-then-figure"),
    pytest.param("投资" + "1" * 16 + ".5亿元。", [], id="sixteen-digits-and-decimals"),
    pytest.param("投资1,234,567,890,123,456元。", [], id="sixteen-digits-with-separators"),
    pytest.param("新建" + "一" * 16 + "个。", [], id="sixteen-chinese-digits"),
    pytest.param("投资亿亿亿元。", [], id="chinese-past-any-figure"),
]


@pytest.mark.parametrize("sentence, remaining", NOT_INDICATORS)
def test_not_indicators(sentence, remaining):
    assert [i.text for i in parse_report(sentence).indicators] == remaining


# Ranges keep their upper end.
RANGES = [
    pytest.param("经济增长6%—6.5%。", 6, 6.5, id="unit-on-both-ends-em-dash"),
    pytest.param("居民收入增长4%-4.5%。", 4, 4.5, id="unit-on-both-ends-hyphen"),
    pytest.param("每个街道新建3-5个口袋公园。", 3, 5, id="hyphen"),
    pytest.param("培育三到五个龙头企业。", 3, 5, id="chinese"),
    pytest.param("给予创业补贴1～3万元。", 10_000, 30_000, id="scaled"),
]


@pytest.mark.parametrize("sentence, low, high", RANGES)
def test_range_bounds(sentence, low, high):
    (figure,) = parse_report(sentence).indicators
    assert (figure.value, figure.value_max) == (low, high)


def test_value_max_is_none_outside_ranges():
    (figure,) = parse_report("新建学校5所。").indicators
    assert figure.value_max is None


# 各 marks a figure per item, which must not be summed as a total; 各 that begins a
# determiner (各级 all levels, 各类 all kinds) does not.
EACH = [
    pytest.param("新建城市书房、社区书院各1处。", [("1处", 1, True)], id="each-one"),
    pytest.param("东西两区各2个、共4个。", [("2个", 2, True), ("4个", 4, False)], id="each-and-total"),
    pytest.param("两个片区各新增2个停车场。", [("两个", 2, False), ("2个", 2, True)], id="each-before-verb"),
    pytest.param("各级财政投入资金3亿元。", [("3亿元", 300_000_000, False)], id="geji-is-all-levels"),
    pytest.param("各类市场主体新增1.2万户。", [("1.2万户", 12_000, False)], id="gelei-is-all-kinds"),
    pytest.param("新建学校5所。", [("5所", 5, False)], id="no-ge"),
]


@pytest.mark.parametrize("sentence, expected", EACH)
def test_each(sentence, expected):
    assert [(i.text, i.value, i.each) for i in parse_report(sentence).indicators] == expected


# Labels: what is measured, the figure removed.
LABELS = [
    pytest.param("全年新增城镇就业1.9万人。", ["全年新增城镇就业"], id="clause-before"),
    pytest.param("投资3亿元改造老旧管网。", ["投资改造老旧管网"], id="short-verb-joined-to-after"),
    pytest.param("新增幼儿园3所、中小学2所。", ["新增幼儿园", "新增中小学"], id="list-shares-the-verb"),
    pytest.param("拆除违法建设120处、8万平方米。", ["拆除违法建设", "拆除违法建设"], id="listed-figure-takes-previous"),
    pytest.param("改造二、三级公路46公里。", ["改造二、三级公路"], id="list-comma-between-numerals-joins"),
    pytest.param("全区累计为中小微企业和个体工商户减免房屋租金8600万元。", ["全区累计为中小微企业和个体工商户减免房屋租金"],
                 id="long-label-is-not-cut-inside-a-word"),
]


@pytest.mark.parametrize("sentence, labels", LABELS)
def test_labels(sentence, labels):
    assert [i.label for i in parse_report(sentence).indicators] == labels


def test_indicators_know_sentence_and_section():
    text = "(一)经济发展。\n  全年新增企业20家。\n(二)社会事业。\n  新建学校3所,增加学位2000个。"
    report = parse_report(text)
    assert [(i.text, i.section) for i in report.indicators] == [("20家", "一"), ("3所", "二"), ("2000个", "二")]
    assert report.indicators[2].sentence.text == "新建学校3所,增加学位2000个。"
    assert [i.text for i in report.section("二").indicators] == ["3所", "2000个"]


@pytest.mark.parametrize("sentence", [p.values[0] for p in FIGURES + NOT_INDICATORS])
def test_values_are_finite(sentence):
    """Every value converts to a finite float, as charts and write-ups need."""
    for figure in parse_report(sentence).indicators:
        assert math.isfinite(float(figure.value))
        assert figure.value_max is None or math.isfinite(float(figure.value_max))


@pytest.mark.parametrize("sentence", [p.values[0] for p in FIGURES + NOT_INDICATORS])
def test_spans_index_the_text(sentence):
    text = f"导航菜单\n某某区人民政府工作报告\n(一)概况。\n  {sentence}\n"
    report = parse_report(text)
    for figure in report.indicators:
        assert text[figure.start : figure.end] == figure.text
        assert figure.sentence is not None
        assert figure.sentence.start <= figure.start < figure.end <= figure.sentence.end
