"""Which questionnaire column means what: questions -> six dimensions, respondent attributes.

A ``SurveyMapping`` is plain data (JSON) so that a city saves it with this year's survey and
reuses it next year: ``mapping.to_json()`` / ``SurveyMapping.from_json(text)``.
``suggest_mapping(columns)`` proposes one from Chinese or English column headers; the user
confirms it in the Survey panel. ``rebind(columns)`` carries a saved mapping over to a new
file whose headers were renumbered or slightly reworded.

The six dimensions follow the 社会满意度调查 of the health check (厦府办〔2023〕4号 四(三)):
城市安全性, 生活便利性, 自然环境宜人性, 人文环境舒适性, 出行便捷性, 开放创新性.
"""

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from ..i18n import tr

FORMAT = "cityhealth-survey-mapping"
FORMAT_VERSION = 1

DIMENSIONS: Tuple[str, ...] = ("safety", "living", "natural", "cultural", "travel", "openness")

# Standard attribute names of a respondent (keys of SurveyMapping.attributes).
ATTRIBUTES: Tuple[str, ...] = (
    "respondent_id",
    "district",
    "community",
    "age",
    "education",
    "occupation",
    "years_resident",
    "duration",
    "x",
    "y",
)
CATEGORY_ATTRIBUTES: Tuple[str, ...] = ("district", "community", "age", "education", "occupation", "years_resident")

# Likert answers: text labels -> 1..5. Keys are compared after ``normalise_label``.
LIKERT_LABELS: Dict[str, int] = {
    "非常不满意": 1, "很不满意": 1, "十分不满意": 1, "极不满意": 1, "极其不满意": 1,
    "不满意": 2, "比较不满意": 2, "较不满意": 2, "不太满意": 2,
    "一般": 3, "基本满意": 3, "中立": 3, "还行": 3, "一般满意": 3,
    "满意": 4, "比较满意": 4, "较满意": 4,
    "非常满意": 5, "很满意": 5, "十分满意": 5,
    "verydissatisfied": 1, "stronglydissatisfied": 1,
    "dissatisfied": 2, "neutral": 3, "neither": 3, "average": 3,
    "satisfied": 4, "verysatisfied": 5,
}
# Answers that mean "no opinion": they become missing, they are not a score.
MISSING_LABELS: Tuple[str, ...] = (
    "不清楚", "不适用", "不知道", "说不清", "说不清楚", "不了解", "无法回答", "无法评价", "未回答",
    "跳过", "(跳过)", "无", "-", "—", "--", "/", "na", "n/a", "none", "null", "nan",
    "dontknow", "don'tknow", "notapplicable",
)


def dimension_labels() -> Dict[str, str]:
    """Dimension id -> label in the UI language."""
    return {
        "safety": tr("Urban safety"),
        "living": tr("Convenience of daily life"),
        "natural": tr("Pleasant natural environment"),
        "cultural": tr("Comfortable cultural environment"),
        "travel": tr("Ease of travel"),
        "openness": tr("Openness and innovation"),
    }


def attribute_labels() -> Dict[str, str]:
    """Attribute name -> label in the UI language."""
    return {
        "respondent_id": tr("Respondent id"),
        "district": tr("District"),
        "community": tr("Community"),
        "age": tr("Age group"),
        "education": tr("Education"),
        "occupation": tr("Occupation"),
        "years_resident": tr("Years of residence"),
        "duration": tr("Answer time (seconds)"),
        "x": tr("Location x / longitude"),
        "y": tr("Location y / latitude"),
    }


def normalise_label(text) -> str:
    """Fold width (NFKC), case and white space so that '非常 满意 ' == '非常满意'."""
    folded = unicodedata.normalize("NFKC", str(text)).strip().lower()
    return re.sub(r"\s+", "", folded)


def normalise_category(text) -> Optional[str]:
    """A category value as a clean string ('350203.0' -> '350203'); None for blanks."""
    if text is None:
        return None
    if isinstance(text, float) and text != text:  # NaN
        return None
    value = unicodedata.normalize("NFKC", str(text)).strip()
    value = re.sub(r"^(-?\d+)\.0+$", r"\1", value)
    if value.lower() in ("", "nan", "none", "null"):
        return None
    return value


def normalise_categories(values) -> pd.Series:
    """``normalise_category`` over a column, computed once per distinct value; blanks -> None."""
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    codes, uniques = pd.factorize(series.astype(object), use_na_sentinel=True)
    cleaned = np.array([normalise_category(u) for u in uniques] + [None], dtype=object)
    return pd.Series(cleaned[codes], index=series.index, dtype=object)


_NUMBER_PREFIX = re.compile(r"^\s*(?:[Qq](\d+)|第\s*(\d+)\s*题|(\d+))\s*[\s、.．:：)）_-]*")


def question_code_and_text(header: str) -> Tuple[Optional[str], str]:
    """'Q3 您对…' -> ('Q3', '您对…'); '12、您对…' -> ('Q12', '您对…'); no number -> (None, header)."""
    text = unicodedata.normalize("NFKC", str(header)).strip()
    match = _NUMBER_PREFIX.match(text)
    if not match:
        return None, text
    number = next(g for g in match.groups() if g)
    rest = text[match.end():].strip()
    return f"Q{int(number)}", rest or text


def _text_key(header: str) -> str:
    """Header text without numbering, spaces and punctuation: used to rebind a saved mapping."""
    _, text = question_code_and_text(header)
    return re.sub(r"[\W_]+", "", normalise_label(text))


@dataclass
class QuestionSpec:
    """One Likert question: the file's column, a short code, its dimension."""

    column: str
    code: str
    dimension: str  # one of DIMENSIONS
    text: str = ""
    reverse: bool = False  # True when 1 is the best answer (rare); scored as 6 - answer


@dataclass
class SurveyMapping:
    questions: List[QuestionSpec] = field(default_factory=list)
    attributes: Dict[str, str] = field(default_factory=dict)  # attribute name -> column
    open_text: List[str] = field(default_factory=list)  # open-answer columns
    coordinates: str = "lonlat"  # "lonlat" (x = longitude) or "projected" (x/y in the polygons' CRS)
    likert_labels: Dict[str, int] = field(default_factory=dict)  # extra labels -> 1..5
    missing_labels: List[str] = field(default_factory=list)  # extra "no opinion" labels
    category_aliases: Dict[str, Dict[str, str]] = field(default_factory=dict)  # attribute -> {raw: canonical}
    unassigned: List[str] = field(default_factory=list)  # question-like columns without a dimension
    ignored: List[str] = field(default_factory=list)  # columns the suggestion did not recognise

    # --- queries -------------------------------------------------------------------------
    def question_codes(self) -> List[str]:
        return [q.code for q in self.questions]

    def dimension_questions(self) -> Dict[str, List[str]]:
        """Dimension id -> its question codes (every dimension present, possibly empty)."""
        found = {dim: [] for dim in DIMENSIONS}
        for q in self.questions:
            found.setdefault(q.dimension, []).append(q.code)
        return found

    def dimension_of(self) -> Dict[str, str]:
        return {q.code: q.dimension for q in self.questions}

    def question_texts(self) -> Dict[str, str]:
        return {q.code: q.text or q.column for q in self.questions}

    def used_columns(self) -> List[str]:
        return [q.column for q in self.questions] + list(self.attributes.values()) + list(self.open_text)

    def check(self, columns: Optional[Iterable[str]] = None) -> List[Tuple[str, str]]:
        """(level, message) pairs: level "error" blocks the import, "warning" does not."""
        problems = []
        labels = dimension_labels()
        codes = [q.code for q in self.questions]
        for code in sorted({c for c in codes if codes.count(c) > 1}):
            problems.append(("error", tr("Question code '{code}' is used for more than one column; give each question its own code.").format(code=code)))
        for q in self.questions:
            if q.dimension not in DIMENSIONS:
                problems.append(("error",
                    tr("Question '{column}' has the unknown dimension '{dimension}'; choose one of: {choices}.").format(
                        column=q.column, dimension=q.dimension, choices=", ".join(DIMENSIONS))))
        for name in self.attributes:
            if name not in ATTRIBUTES:
                problems.append(("error",
                    tr("Unknown respondent attribute '{name}'; use one of: {choices}.").format(name=name, choices=", ".join(ATTRIBUTES))))
        if self.coordinates not in ("lonlat", "projected"):
            problems.append(("error", tr("Coordinates must be 'lonlat' or 'projected', not '{value}'.").format(value=self.coordinates)))
        if ("x" in self.attributes) != ("y" in self.attributes):
            problems.append(("error", tr("Map both the x (longitude) and the y (latitude) column, or neither.")))
        for label, value in self.likert_labels.items():
            if value not in (1, 2, 3, 4, 5):
                problems.append(("error", tr("Answer label '{label}' is mapped to {value}; scores must be 1 to 5.").format(label=label, value=value)))
        if not self.questions:
            problems.append(("error", tr("No question is mapped to a satisfaction dimension.")))
        else:
            for dim, members in self.dimension_questions().items():
                if dim in labels and not members:
                    problems.append(("warning", tr("No question is mapped to the dimension '{dimension}'.").format(dimension=labels[dim])))
        if self.unassigned:
            problems.append(("warning", tr("{count} satisfaction questions have no dimension and are left out: {columns}").format(
                count=len(self.unassigned), columns="; ".join(self.unassigned))))
        if columns is not None:
            present = set(columns)
            for column in self.used_columns():
                if column not in present:
                    problems.append(("error",
                        tr("The mapping names the column '{column}', but the file has no such column. "
                           "Choose the right column in the mapping.").format(column=column)))
        return problems

    def validate(self, columns: Optional[Iterable[str]] = None) -> List[str]:
        """Readable problems (errors and warnings); empty when all is well."""
        return [message for _, message in self.check(columns)]

    # --- JSON ----------------------------------------------------------------------------
    def to_dict(self) -> dict:
        data = asdict(self)
        return {"format": FORMAT, "version": FORMAT_VERSION, **data}

    def to_json(self, indent: int = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict) -> "SurveyMapping":
        if data.get("format", FORMAT) != FORMAT:
            raise ValueError(tr("This file is not a CityHealth survey mapping (format '{found}').").format(found=data.get("format")))
        questions = [QuestionSpec(**q) for q in data.get("questions", [])]
        return cls(
            questions=questions,
            attributes=dict(data.get("attributes", {})),
            open_text=list(data.get("open_text", [])),
            coordinates=data.get("coordinates", "lonlat"),
            likert_labels={str(k): int(v) for k, v in data.get("likert_labels", {}).items()},
            missing_labels=list(data.get("missing_labels", [])),
            category_aliases={k: dict(v) for k, v in data.get("category_aliases", {}).items()},
            unassigned=list(data.get("unassigned", [])),
            ignored=list(data.get("ignored", [])),
        )

    @classmethod
    def from_json(cls, text: str) -> "SurveyMapping":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(tr("The survey mapping file is not valid JSON: {error}").format(error=exc)) from None
        return cls.from_dict(data)

    # --- next year's file ----------------------------------------------------------------
    def rebind(self, columns: Sequence[str]) -> Tuple["SurveyMapping", List[str]]:
        """This mapping applied to a file whose headers changed a little.

        A column missing from ``columns`` is matched by its question text without numbering
        (e.g. 'Q3 您对…' -> '5、您对…'), then by its question code. Returns the new mapping and
        one readable line per change; columns that cannot be matched stay as they are, so
        ``validate(columns)`` reports them.
        """
        present = list(columns)
        present_set = set(present)
        by_text = {}
        by_code = {}
        for col in present:
            by_text.setdefault(_text_key(col), col)
            code, _ = question_code_and_text(col)
            if code:
                by_code.setdefault(code, col)
        changes = []
        taken = {q.column for q in self.questions if q.column in present_set}
        questions = []
        for q in self.questions:
            new = q.column
            if q.column not in present_set:
                candidate = by_text.get(_text_key(q.column))
                if candidate is None or candidate in taken:
                    candidate = by_code.get(q.code)
                if candidate is not None and candidate not in taken:
                    new = candidate
                    taken.add(candidate)
                    changes.append(tr("Question {code}: column '{old}' is now '{new}'.").format(code=q.code, old=q.column, new=new))
            questions.append(QuestionSpec(new, q.code, q.dimension, q.text, q.reverse))
        attributes = {}
        for name, col in self.attributes.items():
            new = col
            if col not in present_set:
                candidate = by_text.get(_text_key(col))
                if candidate is not None:
                    new = candidate
                    changes.append(tr("Attribute '{name}': column '{old}' is now '{new}'.").format(name=name, old=col, new=new))
            attributes[name] = new
        open_text = []
        for col in self.open_text:
            candidate = col if col in present_set else by_text.get(_text_key(col), col)
            if candidate != col:
                changes.append(tr("Open answer: column '{old}' is now '{new}'.").format(old=col, new=candidate))
            open_text.append(candidate)
        mapping = SurveyMapping(
            questions, attributes, open_text, self.coordinates, dict(self.likert_labels), list(self.missing_labels),
            {k: dict(v) for k, v in self.category_aliases.items()}, list(self.unassigned), list(self.ignored),
        )
        return mapping, changes


# --- suggestion from headers -------------------------------------------------------------
# Keyword lists per dimension (Chinese and English); the dimension with most hits wins,
# ties go to the earlier one. Order matters: "交通安全" is safety, not travel.
DIMENSION_KEYWORDS: Dict[str, Tuple[str, ...]] = {
    "safety": ("治安", "安全", "消防", "防灾", "减灾", "应急", "避难", "内涝", "积水", "地质灾害", "防洪", "台风",
               "safety", "security", "crime", "fire", "disaster", "flood", "emergency"),
    "living": ("购物", "菜市场", "农贸", "超市", "商业", "医疗", "就医", "看病", "卫生服务", "教育", "学校", "入学",
               "幼儿园", "托育", "养老", "便民", "生活便利", "生活服务", "社区服务", "家政", "快递", "物业", "住房", "房价",
               "shop*", "grocer*", "market*", "health*", "clinic*", "hospital*", "school*", "education", "elderly",
               "childcare", "housing", "daily life", "convenien*"),
    "natural": ("绿地", "公园", "空气", "水质", "水体", "河流", "溪流", "海域", "海滩", "沙滩", "山体", "生态", "自然",
                "噪音", "噪声", "绿化", "蓝天", "垃圾", "环境卫生", "景观",
                "green*", "park", "parks", "air", "water", "nature", "natural", "noise", "beach*", "ecolog*"),
    "cultural": ("文化", "历史", "古迹", "风貌", "体育", "健身", "休闲", "娱乐", "图书馆", "博物馆", "邻里", "人文",
                 "文体", "艺术", "街区特色", "城市形象",
                 "cultur*", "heritage", "histor*", "sport*", "leisure", "librar*", "museum*",
                 "neighbo*", "art", "arts"),
    "travel": ("交通", "公交", "地铁", "轨道", "brt", "停车", "步行", "骑行", "自行车", "出行", "通勤", "道路", "拥堵",
               "路网", "慢行", "transport*", "traffic", "bus", "buses", "metro", "subway", "rail*", "parking", "walk*",
               "cycl*", "commut*", "road*", "travel*"),
    "openness": ("创新", "创业", "就业", "工作机会", "开放", "国际", "营商", "人才", "科技", "外来", "包容", "机会", "收入",
                 "innovat*", "start-up*", "startup*", "job", "jobs", "employment", "open*", "international", "business*",
                 "talent*", "opportunit*"),
}

# Attribute recognisers, tried in this order on headers that are not satisfaction questions.
ATTRIBUTE_PATTERNS: Tuple[Tuple[str, str], ...] = (
    ("respondent_id", r"问卷编号|答卷编号|问卷id|答卷id|^编号$|^序号$|^id$|respondent|^no\.?$|^问卷号$"),
    ("duration", r"时长|用时|所用时间|答题时间|填写时间\(秒\)|duration|seconds|time ?taken"),
    ("years_resident", r"居住年限|居住时间|居住时长|在.{0,3}居住|years? (of )?resid|residence"),
    ("community", r"社区|街道|村居|居委|community|subdistrict|neighbou?rhood"),
    ("district", r"所在区|所在的区|居住的区|行政区|区县|所属区|居住区域|所在区域|^区$|^区域$|district|county"),
    ("age", r"年龄|^age|age group"),
    ("education", r"学历|文化程度|受教育|教育程度|education"),
    ("occupation", r"职业|工作性质|从事|occupation|^job|profession"),
    ("x", r"经度|^lon|^lng|longitude|^x$|坐标x|x坐标|^x_|_x$"),
    ("y", r"纬度|^lat|latitude|^y$|坐标y|y坐标|^y_|_y$"),
)
OPEN_TEXT_PATTERN = r"建议|意见|改善|改进|问题|留言|诉求|open|comment|suggest|improve|concern"
QUESTION_PATTERN = r"满意|satisf"


def _keyword_hit(word: str, text: str) -> bool:
    """Chinese keywords match as substrings; English ones as whole words ('bus' not in 'business'),
    or as word prefixes when written with a trailing '*' ('commut*')."""
    if not word.isascii():
        return word in text
    if word.endswith("*"):
        return re.search(r"\b" + re.escape(word[:-1]), text) is not None
    return re.search(r"\b" + re.escape(word) + r"\b", text) is not None


def _dimension_for(text: str) -> Optional[str]:
    low = unicodedata.normalize("NFKC", str(text)).lower()
    best, best_hits = None, 0
    for dim in DIMENSIONS:
        hits = sum(1 for word in DIMENSION_KEYWORDS[dim] if _keyword_hit(word, low))
        if hits > best_hits:
            best, best_hits = dim, hits
    return best


def suggest_mapping(columns: Iterable[str]) -> SurveyMapping:
    """A first mapping guessed from column headers (Chinese or English).

    Satisfaction questions (header mentions 满意 / satisf) go to the dimension whose keywords
    the header contains; a question no keyword places is listed in ``unassigned`` for the
    user. Respondent attributes and open-answer columns are recognised by name. The result
    is a suggestion: show it, let the user correct it, save it with ``to_json``.
    """
    mapping = SurveyMapping()
    used_codes = set()
    sequence = 0
    for column in columns:
        header = str(column)
        low = normalise_label(header)
        if re.search(QUESTION_PATTERN, low):
            sequence += 1
            code, text = question_code_and_text(header)
            if code is None or code in used_codes:
                code = f"Q{sequence}"
                while code in used_codes:
                    sequence += 1
                    code = f"Q{sequence}"
            dim = _dimension_for(text)
            if dim is None:
                mapping.unassigned.append(header)
                continue
            used_codes.add(code)
            mapping.questions.append(QuestionSpec(header, code, dim, text))
            continue
        _, bare = question_code_and_text(header)
        bare_low = normalise_label(bare)
        if re.search(OPEN_TEXT_PATTERN, bare_low):
            mapping.open_text.append(header)
            continue
        for name, pattern in ATTRIBUTE_PATTERNS:
            if name not in mapping.attributes and (re.search(pattern, bare_low) or re.search(pattern, low)):
                mapping.attributes[name] = header
                break
        else:
            mapping.ignored.append(header)
    x_col = mapping.attributes.get("x", "")
    if x_col and re.search(r"经度|lon|lng", normalise_label(x_col)):
        mapping.coordinates = "lonlat"
    elif x_col:
        mapping.coordinates = "projected"
    return mapping
