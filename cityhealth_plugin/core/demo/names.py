"""Chinese name pools for the demo city (roads, communities, facilities). Deterministic."""

import numpy as np

ROAD_STEMS = (
    "湖滨", "莲花", "嘉禾", "仙岳", "金尚", "吕岭", "枋湖", "殿前", "高崎", "江头", "禾山", "五缘", "钟宅", "何厝",
    "前埔", "莲前", "会展", "环岛", "曾厝", "中山", "开元", "鹭江", "厦禾", "湖东", "文屏", "体育", "园山", "金山",
    "云顶", "长乐", "嵩屿", "海沧", "新阳", "东孚", "马銮", "杏林", "集美", "侨英", "杏滨", "灌口", "后溪", "同集",
    "银湖", "环城", "大同", "祥平", "西柯", "新民", "洪塘", "汀溪", "五显", "马巷", "新店", "内厝", "新圩", "大嶝",
    "翔安", "滨海", "育秀", "槟榔", "松柏", "将军", "蔡塘", "乌石", "坂尚", "围里", "岭兜", "后坑", "寨上", "县后",
    "古地", "石村", "双十", "华林", "莲岳", "龙山", "梧村", "狐尾", "东渡", "象屿", "兴湖", "安岭", "兴隆", "泗水",
    "海虹", "翁角", "沧林", "钟山", "霞阳", "贞庵", "渐美", "锦园", "乐海", "诚毅", "岑西", "浔江", "盛光", "天马",
    "凤林", "美峰", "城南", "银城", "丙洲", "美溪", "三秀", "双溪", "金光", "舫山", "洪钟", "朱坑", "琼头", "彭厝",
    "鸿山", "溪头", "后埔", "东园", "澳头", "刘五店", "蔡厝", "霞浯", "欧厝", "新垵", "青礁", "鳌冠", "温厝", "渐山",
)
ROAD_DIRECTIONS = ("", "东", "西", "南", "北", "中")
COMMUNITY_STEMS = (
    "金鸡亭", "槟榔", "莲花", "瑞景", "前埔", "何厝", "岭兜", "洪文", "东芳", "振兴", "湖滨", "文灶", "文园", "金榜",
    "鹭江", "大同", "镇海", "厦禾", "美仁", "东浦", "江头", "蔡塘", "高林", "钟宅", "五缘", "县后", "枋湖", "后坑",
    "殿前", "高殿", "神山", "兴隆", "湖里", "塘边", "海天", "华荣", "围里", "林后", "吕岭", "嵩屿", "海虹", "兴旺",
    "锦里", "新垵", "霞阳", "东孚", "过芸", "芸美", "洪塘", "贞岱", "天竺", "集美", "岑东", "浔江", "乐海", "侨英",
    "叶厝", "杏林", "锦园", "杏东", "杏苑", "孙厝", "灌口", "上塘", "深青", "后溪", "城内", "新垵", "碧溪", "许厝",
    "大同", "双溪", "三秀", "祥平", "阳翟", "凤南", "西柯", "丙洲", "新民", "柑岭", "五显", "三秀山", "洪塘", "郭山",
    "汀溪", "褒美", "莲花", "军营", "新店", "琼头", "马巷", "巷西", "内厝", "许厝", "新圩", "古宅", "大嶝", "田墘",
)
SCHOOL_STEMS = ("实验", "双十", "外国语", "第一", "第二", "第三", "第五", "第六", "第九", "第十一", "湖滨", "松柏",
                "莲花", "滨东", "演武", "民立", "群惠", "金尚", "华侨", "蔡塘", "园南", "乐安", "康乐", "东渡", "翔鹭")
CHINESE_NUMBERS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
                   "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六",
                   "二十七", "二十八", "二十九", "三十")


def chinese_number(n: int) -> str:
    return CHINESE_NUMBERS[n - 1] if 1 <= n <= len(CHINESE_NUMBERS) else str(n)


def road_names(count: int, rng: np.random.Generator, suffixes=("路",)) -> np.ndarray:
    """``count`` distinct road names (stem + direction + suffix), deterministic for ``rng``; ``count=0``
    gives all combinations."""
    combos = [(s, d, x) for x in suffixes for d in ROAD_DIRECTIONS for s in ROAD_STEMS]
    order = rng.permutation(len(combos))
    count = count or len(combos)
    names = [combos[i][0] + combos[i][1] + combos[i][2] for i in order[:count]]
    while len(names) < count:  # more roads than combinations: number the rest
        names.append(f"{ROAD_STEMS[len(names) % len(ROAD_STEMS)]}{chinese_number(1 + len(names) // len(ROAD_STEMS) % 30)}路")
    return np.array(names, dtype=object)


def community_names(count: int, rng: np.random.Generator, village: np.ndarray) -> np.ndarray:
    stems = np.array(COMMUNITY_STEMS, dtype=object)[rng.permutation(len(COMMUNITY_STEMS))]
    out = []
    for i in range(count):
        stem = stems[i % len(stems)] + ("" if i < len(stems) else chinese_number(1 + i // len(stems)))
        out.append(stem + ("村" if village[i] else "社区"))
    return np.array(out, dtype=object)
