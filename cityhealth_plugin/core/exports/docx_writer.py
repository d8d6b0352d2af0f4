"""A small, reusable Word (.docx) writer for Chinese reports, on python-docx.

Used for 附件4 社会满意度评价报告 (core/survey/report_docx.py) and meant for the annual report
too. Everything a report needs and nothing else:

* Chinese fonts set the way Word reads them: every style gets ``w:rFonts`` with ``w:eastAsia``
  (宋体 for the body, 黑体 for headings and captions by default) next to a Latin font, with no
  theme fonts left that would override them; the fonts are declared in ``fontTable.xml`` with a
  GB2312 charset and an ``altName`` (SimSun, SimHei) so that Word and LibreOffice substitute a
  Chinese font when the named one is not installed. ``FontSpec.fallbacks`` is the candidate
  list; ``available_fonts`` (e.g. Qt's font families) picks the first installed one instead.
* A4 page set-up (margins of GB/T 9704 by default), headings level 0 (title) to 4, body
  paragraphs with a two-character first-line indent, bullets, notes, page breaks.
* ``table(frame)``: a DataFrame as a bordered table with a shaded bold header row repeated on
  every page, number formats per column, right-aligned numbers, widths estimated from the
  content (Chinese characters count double) and fitted to the text width, a numbered caption
  ("表3 …") above it.
* ``image(path)``: a picture with a numbered caption ("图1 …") below it.
* ``page_numbers()``: a PAGE (and NUMPAGES) field in the footer.
* ``toc()``: a table-of-contents field. It is pre-filled with the document's headings (so it is
  readable even where fields are not updated, e.g. a PDF made by LibreOffice) and Word is asked
  to update fields when the file is opened, which adds the page numbers.

Typical use::

    writer = DocxWriter()                      # or DocxWriter(DocxStyle(body=FontSpec("仿宋", ...)))
    writer.title("厦门市2024年城市体检社会满意度评价报告", subtitle="附件4")
    writer.toc()
    writer.heading("一、调查概况", 1)
    writer.paragraph("本次调查共回收问卷3400份……")
    writer.table(frame, caption="问卷筛查结果", formats={"占比(%)": "{:.1f}"})
    writer.image("map.png", caption="各区满意度", width_cm=14)
    writer.page_numbers()
    writer.save("report.docx")

python-docx is needed (``pip install python-docx``); without it ``DocxWriter()`` raises
``DocxUnavailable`` with a message saying so.
"""

import math
import numbers
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from ..i18n import tr

try:  # python-docx is an optional dependency: only report writing needs it
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor
except ImportError:  # pragma: no cover - exercised only where python-docx is missing
    docx = None

Number = Union[int, float]
Format = Union[str, Callable[[object], str]]


ALIGNMENTS = {"left": 0, "center": 1, "right": 2, "justify": 3}


class DocxUnavailable(RuntimeError):
    """python-docx is not installed (the message says what to do)."""


def require_docx() -> None:
    if docx is None:
        raise DocxUnavailable(tr("Writing Word documents needs the Python package 'python-docx'. Install it into "
                                 "QGIS's Python (pip install python-docx) and restart QGIS."))


# --------------------------------------------------------------------------------------
# style description
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FontSpec:
    """A Chinese (east Asian) font with fallbacks, and the Latin font used beside it."""

    name: str = "宋体"
    fallbacks: Tuple[str, ...] = ("SimSun", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC")
    latin: str = "Times New Roman"

    def candidates(self) -> Tuple[str, ...]:
        return (self.name,) + tuple(self.fallbacks)


SONGTI = FontSpec()
HEITI = FontSpec("黑体", ("SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"),
                 "Arial")
FANGSONG = FontSpec("仿宋", ("FangSong", "STFangsong", "仿宋_GB2312", "Noto Serif CJK SC"))
KAITI = FontSpec("楷体", ("KaiTi", "STKaiti", "楷体_GB2312", "Noto Serif CJK SC"))

# The Windows names of the usual Chinese fonts (fontTable altName; Word's substitution key).
ALT_NAMES = {"宋体": "SimSun", "黑体": "SimHei", "仿宋": "FangSong", "楷体": "KaiTi", "微软雅黑": "Microsoft YaHei",
             "方正小标宋简体": "FZXiaoBiaoSong-B05S", "仿宋_GB2312": "FangSong_GB2312", "楷体_GB2312": "KaiTi_GB2312"}

# Chinese font sizes in points (字号).
FONT_SIZES = {"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16, "小三": 15,
              "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5}


@dataclass(frozen=True)
class PageSetup:
    """Paper and margins in centimetres (A4 portrait, GB/T 9704 margins by default)."""

    width_cm: float = 21.0
    height_cm: float = 29.7
    top_cm: float = 3.7
    bottom_cm: float = 3.5
    left_cm: float = 2.8
    right_cm: float = 2.6
    header_cm: float = 1.5
    footer_cm: float = 2.0
    landscape: bool = False

    @property
    def text_width_cm(self) -> float:
        width = self.height_cm if self.landscape else self.width_cm
        return width - self.left_cm - self.right_cm


@dataclass(frozen=True)
class DocxStyle:
    body: FontSpec = SONGTI
    heading: FontSpec = HEITI
    body_size: float = FONT_SIZES["小四"]
    title_size: float = FONT_SIZES["二号"]
    heading_sizes: Tuple[float, ...] = (FONT_SIZES["三号"], FONT_SIZES["小三"], FONT_SIZES["四号"], FONT_SIZES["小四"])
    table_size: float = FONT_SIZES["五号"]
    small_table_size: float = FONT_SIZES["小五"]  # tables with many columns
    caption_size: float = FONT_SIZES["五号"]
    line_spacing: float = 1.5  # body paragraphs (multiple of single)
    first_line_indent_chars: int = 2
    header_fill: str = "D9E2F3"  # table header shading (hex RGB)
    page: PageSetup = field(default_factory=PageSetup)
    language: str = "zh-CN"


def pick_font(spec: FontSpec, available: Optional[Iterable[str]] = None) -> str:
    """The first of the spec's candidates in ``available`` (e.g. installed families); the spec's
    own name when ``available`` is None or none of them is there."""
    if available is None:
        return spec.name
    present = set(available)
    return next((name for name in spec.candidates() if name in present), spec.name)


# --------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一 (for 一、二、… headings; 1–99)."""
    n = int(n)
    if n < 0 or n > 99:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def display_width(text: str) -> int:
    """Width in half-width characters: Chinese (wide / full-width) characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in str(text))


def is_missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, (str, bytes, list, tuple, dict)) else False
    except (TypeError, ValueError):
        return False


def format_cell(value, fmt: Optional[Format] = None, missing: str = "—", float_format: str = "{:,.2f}",
                int_format: str = "{:d}") -> str:
    """A value as cell text: ``fmt`` may be a format string ('{:.1f}', '{:.1%}', '.1f') or a callable."""
    if is_missing(value):
        return missing
    if fmt is not None:
        if callable(fmt):
            return str(fmt(value))
        spec = fmt if "{" in fmt else "{:" + fmt + "}"
        try:
            return spec.format(value)
        except (ValueError, TypeError):
            return str(value)
    if isinstance(value, (bool, np.bool_)):
        return str(value)
    if isinstance(value, numbers.Integral):
        return int_format.format(int(value))
    if isinstance(value, numbers.Real):
        value = float(value)
        if value.is_integer() and abs(value) < 1e15 and float_format == "{:,.2f}":
            return f"{int(value):d}"
        return float_format.format(value)
    return str(value)


def _is_numeric_column(series: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(series):
        return False
    if pd.api.types.is_numeric_dtype(series):
        return True
    values = [v for v in series.tolist() if not is_missing(v)]
    return bool(values) and all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in values)


# --------------------------------------------------------------------------------------
# XML helpers
# --------------------------------------------------------------------------------------

def _set_fonts(rpr, spec_name: str, latin: str) -> None:
    """rFonts with explicit names (theme attributes removed, they would win over names)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.get_or_add_rFonts() if hasattr(rpr, "get_or_add_rFonts") else None
    if fonts is None:  # the rPr of docDefaults is a plain element: rFonts goes after a leading rStyle
        fonts = OxmlElement("w:rFonts")
        style = rpr.find(qn("w:rStyle"))
        rpr.insert(1 if style is not None else 0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        key = qn(attribute)
        if key in fonts.attrib:
            del fonts.attrib[key]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), spec_name)
    fonts.set(qn("w:hint"), "eastAsia")


def _style_fonts(style, east_asia: str, latin: str, size: Optional[float] = None, bold: Optional[bool] = None,
                 color: Optional[str] = "000000") -> None:
    style.font.name = latin
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if color is not None:
        style.font.color.rgb = RGBColor.from_string(color)
    rpr = style.element.get_or_add_rPr()
    _set_fonts(rpr, east_asia, latin)
    color_el = rpr.find(qn("w:color"))
    if color_el is not None:
        for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
            key = qn(attribute)
            if key in color_el.attrib:
                del color_el.attrib[key]


def _run_fonts(run, east_asia: str, latin: str) -> None:
    run.font.name = latin
    _set_fonts(run._element.get_or_add_rPr(), east_asia, latin)


def _add_field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (PAGE, NUMPAGES, SEQ …) with a cached result ``placeholder``."""
    def fld_char(kind):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            element.set(qn("w:dirty"), "true")
        run._element.append(element)
        return run

    fld_char("begin")
    instr_run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run._element.append(instr)
    fld_char("separate")
    paragraph.add_run(placeholder)
    fld_char("end")


TC_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers",
                "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")
TBL_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                     "w:tblPrChange")
TBL_AFTER_WIDTH = ("w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders") + TBL_AFTER_BORDERS
SECT_AFTER_PGNUM = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
                    "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
SETTINGS_AFTER_UPDATE = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
                         "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
                         "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                         "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
                         "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")


def _insert_before(parent, element, successors: Sequence[str]) -> None:
    """Insert ``element`` where the schema's element order wants it (before the first successor)."""
    for child in parent:
        tag = child.tag
        for name in successors:
            prefix, local = name.split(":")
            try:
                if tag == qn(name):
                    child.addprevious(element)
                    return
            except KeyError:  # a prefix python-docx does not know (sl:)
                if tag.endswith("}" + local):
                    child.addprevious(element)
                    return
    parent.append(element)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._element.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    _insert_before(tc_pr, shading, TC_AFTER_SHD)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def _table_borders(table, size: int = 4) -> None:
    """Single black borders on every edge (independent of the 'Table Grid' style's presence)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), str(size))
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "000000")
        borders.append(element)
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    _insert_before(tbl_pr, borders, TBL_AFTER_BORDERS)


def _fixed_layout(table, widths_cm: Sequence[float], cells=None) -> None:
    tbl_pr = table._tbl.tblPr
    layout = tbl_pr.get_or_add_tblLayout()
    layout.set(qn("w:type"), "fixed")
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        _insert_before(tbl_pr, width, TBL_AFTER_WIDTH)
    width.set(qn("w:w"), str(int(round(sum(widths_cm) * 567))))  # twips (1 cm = 567 twips)
    width.set(qn("w:type"), "dxa")
    for column, w in zip(table.columns, widths_cm):
        column.width = Cm(w)
    cells = cells if cells is not None else table._cells
    n = len(widths_cm)
    for k, cell in enumerate(cells):
        cell.width = Cm(widths_cm[k % n])


def fit_widths(wants: Sequence[float], floors: Sequence[float], available: float, grow: float = 1.2) -> List[float]:
    """Column widths that fit ``available``: when too wide, the widest columns are narrowed to a
    common cap first (they wrap best), never below their floor; when narrower, all grow a little
    (at most ``grow`` times)."""
    wants = [float(w) for w in wants]
    total = sum(wants)
    if total <= available:
        scale = min(available / total, grow) if total > 0 else 1.0
        return [w * scale for w in wants]
    floors = [min(float(f), w) for f, w in zip(floors, wants)]
    if sum(floors) >= available:
        return [f * available / sum(floors) for f in floors]
    low, high = 0.0, max(wants)
    for _ in range(60):  # bisection on the cap
        cap = (low + high) / 2
        if sum(max(f, min(w, cap)) for w, f in zip(wants, floors)) > available:
            high = cap
        else:
            low = cap
    return [max(f, min(w, low)) for w, f in zip(wants, floors)]


# --------------------------------------------------------------------------------------
# the writer
# --------------------------------------------------------------------------------------

BODY_STYLE = "CityHealth Body"
TABLE_STYLE = "CityHealth Table Text"
NOTE_STYLE = "CityHealth Note"
TOC_STYLES = ("toc 1", "toc 2", "toc 3", "toc 4")


class DocxWriter:
    """Build a Chinese report document step by step; ``save(path)`` writes it.

    ``style``: fonts, sizes and page (``DocxStyle``). ``available_fonts``: installed font
    families; when given, each ``FontSpec`` resolves to its first installed candidate (use for
    a document read on the same machine, e.g. to convert to PDF); by default the spec's own
    name (宋体 / 黑体) is written, which is what a Chinese Word installation expects.
    """

    def __init__(self, style: Optional[DocxStyle] = None, available_fonts: Optional[Iterable[str]] = None,
                 template: Union[str, Path, None] = None):
        require_docx()
        self.style = style or DocxStyle()
        fonts = list(available_fonts) if available_fonts is not None else None
        self.body_font = pick_font(self.style.body, fonts)
        self.heading_font = pick_font(self.style.heading, fonts)
        self.document = docx.Document(str(template)) if template else docx.Document()
        self.headings: List[Tuple[int, str]] = []
        self.table_count = 0
        self.figure_count = 0
        self._toc = None  # (first paragraph, (low, high) levels) of the TOC field, filled on save
        self._setup_page()
        self._setup_styles()
        self._declare_fonts()

    # set-up --------------------------------------------------------------------------
    def _setup_page(self) -> None:
        page = self.style.page
        section = self.document.sections[0]
        width, height = (page.height_cm, page.width_cm) if page.landscape else (page.width_cm, page.height_cm)
        section.orientation = WD_ORIENT.LANDSCAPE if page.landscape else WD_ORIENT.PORTRAIT
        section.page_width = Cm(width)
        section.page_height = Cm(height)
        section.top_margin = Cm(page.top_cm)
        section.bottom_margin = Cm(page.bottom_cm)
        section.left_margin = Cm(page.left_cm)
        section.right_margin = Cm(page.right_cm)
        section.header_distance = Cm(page.header_cm)
        section.footer_distance = Cm(page.footer_cm)

    def _setup_styles(self) -> None:
        s = self.style
        styles = self.document.styles
        body, heading = self.body_font, self.heading_font
        # document defaults: every run without its own fonts falls back to these
        defaults = self.document.styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            rpr_default = defaults.find(qn("w:rPrDefault"))
            if rpr_default is not None:
                rpr = rpr_default.find(qn("w:rPr"))
                if rpr is not None:
                    _set_fonts(rpr, body, s.body.latin)
                    lang = rpr.find(qn("w:lang"))
                    if lang is None:
                        lang = OxmlElement("w:lang")
                        rpr.append(lang)
                    lang.set(qn("w:eastAsia"), s.language)
        normal = styles["Normal"]
        _style_fonts(normal, body, s.body.latin, s.body_size)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(0)

        body_style = self._paragraph_style(BODY_STYLE, "Normal")
        _style_fonts(body_style, body, s.body.latin, s.body_size)
        fmt = body_style.paragraph_format
        fmt.line_spacing = s.line_spacing
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = Pt(s.body_size * s.first_line_indent_chars)
        ppr = body_style.element.get_or_add_pPr()
        ind = ppr.find(qn("w:ind"))
        if ind is not None:  # in characters too, so that a changed font size keeps two characters
            ind.set(qn("w:firstLineChars"), str(100 * s.first_line_indent_chars))

        table_style = self._paragraph_style(TABLE_STYLE, "Normal")
        _style_fonts(table_style, body, s.body.latin, s.table_size)
        table_style.paragraph_format.line_spacing = 1.0
        table_style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

        note_style = self._paragraph_style(NOTE_STYLE, "Normal")
        _style_fonts(note_style, body, s.body.latin, s.caption_size, color="404040")
        note_style.paragraph_format.space_after = Pt(6)

        for level in range(1, 10):
            name = f"Heading {level}"
            if name not in [st.name for st in styles]:
                continue
            size = s.heading_sizes[min(level, len(s.heading_sizes)) - 1]
            st = styles[name]
            # 黑体 is heavy enough: headings are not bold; level 1 starts at the margin, the
            # others are indented two characters like the body text
            _style_fonts(st, heading, s.heading.latin, size, bold=False)
            st.font.italic = False
            pf = st.paragraph_format
            pf.space_before = Pt(12 if level == 1 else 6)
            pf.space_after = Pt(6 if level == 1 else 3)
            pf.line_spacing = 1.25
            pf.keep_with_next = True
            pf.first_line_indent = Pt(size * 2) if level >= 2 else None
        title = styles["Title"]
        _style_fonts(title, heading, s.heading.latin, s.title_size, bold=True)
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_before = Pt(24)
        title.paragraph_format.space_after = Pt(12)
        title_ppr = title.element.get_or_add_pPr()
        for border in title_ppr.findall(qn("w:pBdr")):  # the template underlines the title
            title_ppr.remove(border)
        subtitle = styles["Subtitle"]
        _style_fonts(subtitle, heading, s.heading.latin, s.heading_sizes[0], bold=False)
        subtitle.font.italic = False
        subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption = styles["Caption"]
        _style_fonts(caption, heading, s.heading.latin, s.caption_size, bold=False)
        caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.paragraph_format.space_before = Pt(6)
        caption.paragraph_format.space_after = Pt(6)
        caption.paragraph_format.keep_with_next = True
        for name in ("List Bullet", "TOC Heading", "Footer", "Header"):
            if name in [st.name for st in styles]:
                _style_fonts(styles[name], body if name != "TOC Heading" else heading, s.body.latin)
        toc_heading = styles["TOC Heading"]
        toc_heading.font.size = Pt(s.heading_sizes[0])
        toc_heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        ppr = toc_heading.element.get_or_add_pPr()
        for outline in ppr.findall(qn("w:outlineLvl")):  # the contents title is not itself listed
            ppr.remove(outline)
        for level, name in enumerate(TOC_STYLES, start=1):
            st = self._paragraph_style(name, "Normal")
            _style_fonts(st, body, s.body.latin, s.body_size)
            st.paragraph_format.left_indent = Pt(s.body_size * 2 * (level - 1))
            st.paragraph_format.line_spacing = 1.5

    def _paragraph_style(self, name: str, base: str):
        styles = self.document.styles
        existing = [st for st in styles if st.name == name]
        if existing:
            return existing[0]
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        return style

    def _declare_fonts(self) -> None:
        """fontTable entries with altName + GB2312 charset: Word / LibreOffice substitute a Chinese
        font for a Chinese font name that is not installed."""
        part = self.document.part
        font_part = next((rel.target_part for rel in part.rels.values()
                          if rel.reltype.endswith("/fontTable")), None)
        if font_part is None:
            return
        from docx.oxml import parse_xml

        root = parse_xml(font_part.blob)
        present = {el.get(qn("w:name")) for el in root.findall(qn("w:font"))}
        for spec, chosen in ((self.style.body, self.body_font), (self.style.heading, self.heading_font)):
            if chosen in present:
                continue
            font = OxmlElement("w:font")
            font.set(qn("w:name"), chosen)
            alt_name = ALT_NAMES.get(chosen) or next((f for f in spec.fallbacks if f != chosen), None)
            if alt_name:
                alt = OxmlElement("w:altName")
                alt.set(qn("w:val"), alt_name)
                font.append(alt)
            charset = OxmlElement("w:charset")
            charset.set(qn("w:val"), "86")  # GB2312
            font.append(charset)
            family = OxmlElement("w:family")
            family.set(qn("w:val"), "modern" if spec is self.style.heading else "roman")
            font.append(family)
            pitch = OxmlElement("w:pitch")
            pitch.set(qn("w:val"), "variable")
            font.append(pitch)
            root.append(font)
            present.add(chosen)
        from lxml import etree

        font_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    # content -------------------------------------------------------------------------
    @property
    def text_width_cm(self) -> float:
        """Width between the margins of the current section (landscape after ``new_section(True)``)."""
        page = self.style.page
        if getattr(self, "_landscape", page.landscape):
            return max(page.width_cm, page.height_cm) - page.left_cm - page.right_cm
        return min(page.width_cm, page.height_cm) - page.left_cm - page.right_cm

    def title(self, text: str, subtitle: Optional[str] = None, lines: Sequence[str] = (), cover: bool = False):
        """The document title (style Title, centred), optionally a subtitle (e.g. 附件4, at the left)
        and centred lines below (unit, date). ``cover``: a cover page — the title a third down the
        page, the lines larger and lower, and a page break after."""
        if subtitle:
            para = self.document.add_paragraph(subtitle, style="Subtitle")
            para.alignment = WD_ALIGN_PARAGRAPH.LEFT
        para = self.document.add_paragraph(text, style="Title")
        if cover:
            para.paragraph_format.space_before = Pt(160)
            para.paragraph_format.space_after = Pt(200)
        self.document.core_properties.title = text
        for line in lines:
            extra = self.document.add_paragraph(style=BODY_STYLE)
            run = extra.add_run(line)
            if cover:
                run.font.size = Pt(self.style.heading_sizes[0])
                _run_fonts(run, self.heading_font, self.style.heading.latin)
            extra.alignment = WD_ALIGN_PARAGRAPH.CENTER
            extra.paragraph_format.first_line_indent = Pt(0)
            ind = extra._p.get_or_add_pPr().find(qn("w:ind"))
            if ind is not None:
                ind.set(qn("w:firstLineChars"), "0")
        if cover:
            self.page_break()
        return para

    def heading(self, text: str, level: int = 1):
        """A heading (level 1–4 use Heading 1–4; 0 is the title). Recorded for the contents."""
        if level == 0:
            return self.title(text)
        para = self.document.add_heading(text, level=level)
        for run in para.runs:
            _run_fonts(run, self.heading_font, self.style.heading.latin)
        self.headings.append((level, text))
        return para

    def paragraph(self, text: str = "", bold: bool = False, align: Optional[str] = None, indent: bool = True,
                  size: Optional[float] = None, style: Optional[str] = None, color: Optional[str] = None):
        """A body paragraph (first-line indent of two characters unless ``indent`` is False).
        ``text`` may hold **bold** parts between double asterisks."""
        para = self.document.add_paragraph(style=style or BODY_STYLE)
        parts = str(text).split("**")
        for index, part in enumerate(parts):
            if not part:
                continue
            run = para.add_run(part)
            run.bold = bold or (index % 2 == 1)
            if size is not None:
                run.font.size = Pt(size)
            if color is not None:
                run.font.color.rgb = RGBColor.from_string(color)
        if align is not None:
            para.alignment = ALIGNMENTS[align]
        if not indent:
            para.paragraph_format.first_line_indent = Pt(0)
            ppr = para._p.get_or_add_pPr()
            ind = ppr.find(qn("w:ind"))
            if ind is not None:
                ind.set(qn("w:firstLineChars"), "0")
        return para

    def bullets(self, items: Iterable[str]) -> List:
        paras = []
        for item in items:
            para = self.document.add_paragraph(style="List Bullet")
            for index, part in enumerate(str(item).split("**")):
                if part:
                    para.add_run(part).bold = index % 2 == 1
            para.paragraph_format.line_spacing = self.style.line_spacing
            paras.append(para)
        return paras

    def note(self, text: str):
        """A small grey paragraph (注：…, 数据来源：…)."""
        return self.document.add_paragraph(str(text), style=NOTE_STYLE)

    def page_break(self) -> None:
        para = self.document.add_paragraph()
        para.add_run().add_break(WD_BREAK.PAGE)

    def caption(self, kind: str, text: str):
        """'表' or '图' caption with the next number: 表3 <text> (a SEQ field with the number cached)."""
        if kind == "表":
            self.table_count += 1
            number = self.table_count
            sequence = "Table"
        else:
            self.figure_count += 1
            number = self.figure_count
            sequence = "Figure"
        para = self.document.add_paragraph(style="Caption")
        para.add_run(kind)
        _add_field(para, f"SEQ {sequence} \\* ARABIC", str(number))
        para.add_run("  " + str(text))
        return para

    def next_label(self, kind: str = "表") -> str:
        """The label the next caption of ``kind`` will get ('表4'), for references in the text."""
        return f"{kind}{(self.table_count if kind == '表' else self.figure_count) + 1}"

    def table(self, frame: pd.DataFrame, caption: Optional[str] = None, formats: Optional[Mapping[str, Format]] = None,
              widths_cm: Optional[Sequence[float]] = None, font_size: Optional[float] = None, index: bool = False,
              missing: str = "—", float_format: str = "{:,.2f}", align: Optional[Mapping[str, str]] = None,
              header_fill: Optional[str] = None, note: Optional[str] = None, highlight: Optional[Mapping[int, str]] = None,
              keep_together: int = 15):
        """A DataFrame as a table (caption above, optional note below). Returns the python-docx table.

        ``formats``: column -> format string ('{:.1f}', '{:.1%}', '.2f') or callable; other float
        columns use ``float_format``, integers as is, blanks ``missing``. Numbers are right-aligned,
        text left-aligned (or as ``align`` says: column -> left|center|right). ``widths_cm`` fixes
        the column widths; by default they are estimated from the content and fitted to the text
        width. ``highlight``: row position -> fill colour of that row. A table of at most
        ``keep_together`` rows is kept on one page; longer ones repeat the header row.
        """
        frame = frame.reset_index() if index else frame
        formats = dict(formats or {})
        align = dict(align or {})
        columns = [str(c) for c in frame.columns]
        n_cols = len(columns)
        if n_cols == 0:
            raise ValueError(tr("A table needs at least one column."))
        size = font_size or (self.style.table_size if n_cols <= 7 else self.style.small_table_size)
        numeric = [_is_numeric_column(frame.iloc[:, j]) for j in range(n_cols)]
        texts = []
        for j in range(n_cols):
            fmt = formats.get(columns[j])
            series = frame.iloc[:, j]
            texts.append([format_cell(v, fmt, missing, float_format) for v in series.tolist()])
        if caption:
            self.caption("表", caption)
        table = self.document.add_table(rows=1 + len(frame), cols=n_cols)
        try:
            table.style = self.document.styles["Table Grid"]
        except KeyError:
            pass
        _table_borders(table)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        rows = table.rows
        cells = table._cells  # every cell once, row by row (row.cells recomputes the grid each time)
        _repeat_header(rows[0])
        fill = header_fill or self.style.header_fill
        keep = len(frame) <= keep_together  # a short table is not split over two pages
        for j, name in enumerate(columns):
            cell = cells[j]
            self._cell_text(cell, name, size, bold=True, alignment=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)
            if fill:
                _shade(cell, fill)
        alignments = []
        for j in range(n_cols):
            wanted = align.get(columns[j])
            alignments.append(ALIGNMENTS[wanted] if wanted else
                              WD_ALIGN_PARAGRAPH.RIGHT if numeric[j] else WD_ALIGN_PARAGRAPH.LEFT)
        for i in range(len(frame)):
            _cant_split(rows[i + 1])
            keep_next = keep and i < len(frame) - 1
            for j in range(n_cols):
                cell = cells[(i + 1) * n_cols + j]
                self._cell_text(cell, texts[j][i], size, alignment=alignments[j], keep_next=keep_next)
                if highlight and i in highlight:
                    _shade(cell, highlight[i])
        widths = list(widths_cm) if widths_cm else self.column_widths(columns, texts, size)
        _fixed_layout(table, widths, cells)
        if note:
            self.note(note)
        else:  # a little space after the table
            spacer = self.document.add_paragraph(style=NOTE_STYLE)
            spacer.paragraph_format.space_after = Pt(3)
        return table

    def column_widths(self, columns: Sequence[str], texts: Sequence[Sequence[str]], size: float) -> List[float]:
        """Widths (cm) from the widest content per column (header words may wrap), fitted to the text width."""
        char_cm = size / 72 * 2.54 / 2 * 1.08  # half-width character at this size, with a little air
        padding = 0.45  # the cell's left and right margins (0.19 cm each) and rounding
        wants, floors = [], []
        for name, values in zip(columns, texts):
            content = max([display_width(v) for v in values] or [0])
            header = display_width(name)
            # a header may wrap onto two lines; content should not wrap if it can be helped
            wanted = max(content, min(header, max(4, math.ceil(header / 2))))
            wants.append(max(wanted * char_cm + padding, 1.2))
            # short content (numbers, names) keeps its width; long text may wrap down to 4 characters
            floors.append(wants[-1] if content <= 14 else min(wants[-1], 8 * char_cm + padding))
        return fit_widths(wants, floors, self.text_width_cm)

    def _cell_text(self, cell, text: str, size: float, bold: bool = False, alignment=None, keep_next: bool = False) -> None:
        cell._element.get_or_add_tcPr().vAlign_val = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        para = cell.paragraphs[0]
        ppr = para._p.get_or_add_pPr()
        ppr.style = self._style_id(TABLE_STYLE)  # by id: python-docx's style lookup is slow per cell
        if keep_next:
            ppr.keepNext_val = True
        lines = str(text).split("\n")
        for k, line in enumerate(lines):
            run = para.add_run(line)
            run.font.size = Pt(size)
            if bold:
                run.bold = True
            if k < len(lines) - 1:
                run.add_break()
        if alignment is not None:
            para.alignment = alignment

    def _style_id(self, name: str) -> str:
        cache = self.__dict__.setdefault("_style_ids", {})
        if name not in cache:
            cache[name] = self.document.styles[name].style_id
        return cache[name]

    def key_value_table(self, rows: Sequence[Tuple[str, object]], caption: Optional[str] = None,
                        headers: Tuple[str, str] = ("项目", "数值"), formats: Optional[Mapping[str, Format]] = None):
        """A two-column table of (label, value) pairs."""
        frame = pd.DataFrame({headers[0]: [r[0] for r in rows],
                              headers[1]: [format_cell(r[1], (formats or {}).get(r[0])) for r in rows]})
        return self.table(frame, caption=caption, align={headers[1]: "right"})

    def image(self, source, caption: Optional[str] = None, width_cm: Optional[float] = None):
        """A picture (path, bytes or a file object), centred, with a numbered caption below."""
        import io

        width = min(width_cm or self.text_width_cm * 0.95, self.text_width_cm)
        stream = io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source
        if isinstance(stream, Path):
            stream = str(stream)
        para = self.document.add_paragraph(style=TABLE_STYLE)
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.keep_with_next = True
        para.add_run().add_picture(stream, width=Cm(width))
        if caption:
            self.caption("图", caption)
        return para

    def toc(self, title: str = "目录", levels: Tuple[int, int] = (1, 3), page_break: bool = True) -> None:
        """The table of contents (a TOC field) at this place; filled with the headings on save."""
        self.document.add_paragraph(title, style="TOC Heading")
        begin = self.document.add_paragraph(style=TOC_STYLES[0])
        self._toc = (begin, levels)
        if page_break:
            self.page_break()
        self._update_fields_on_open()

    def page_numbers(self, template: str = "— {PAGE} —", first_page: bool = True, start: Optional[int] = None,
                     section_index: int = -1) -> None:
        """Page numbers centred in the footer. ``template`` may use {PAGE} and {NUMPAGES}, e.g.
        '第{PAGE}页 共{NUMPAGES}页'. ``first_page=False`` leaves the first page (a cover) without."""
        section = self.document.sections[section_index]
        if not first_page:
            section.different_first_page_header_footer = True
        if start is not None:
            sect_pr = section._sectPr
            pg = OxmlElement("w:pgNumType")
            pg.set(qn("w:start"), str(int(start)))
            _insert_before(sect_pr, pg, SECT_AFTER_PGNUM)
        footer = section.footer
        para = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        para.style = self.document.styles["Footer"]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        rest = template
        while rest:
            positions = [(rest.find(key), key) for key in ("{PAGE}", "{NUMPAGES}") if rest.find(key) >= 0]
            if not positions:
                para.add_run(rest)
                break
            position, key = min(positions)
            if position:
                para.add_run(rest[:position])
            _add_field(para, key.strip("{}"), "1")
            rest = rest[position + len(key):]
        for run in para.runs:
            run.font.size = Pt(self.style.caption_size)

    def new_section(self, landscape: bool = False) -> None:
        """Start a new page in a new section, landscape (for a wide table) or portrait; margins as
        the page set-up, header and footer (page numbers) continue from the previous section."""
        from docx.enum.section import WD_SECTION

        page = self.style.page
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        short, long_ = min(page.width_cm, page.height_cm), max(page.width_cm, page.height_cm)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width = Cm(long_ if landscape else short)
        section.page_height = Cm(short if landscape else long_)
        section.top_margin, section.bottom_margin = Cm(page.top_cm), Cm(page.bottom_cm)
        section.left_margin, section.right_margin = Cm(page.left_cm), Cm(page.right_cm)
        self._landscape = landscape

    def header(self, text: str, section_index: int = 0) -> None:
        """A running header (small, centred) from section ``section_index`` on."""
        section = self.document.sections[section_index]
        para = section.header.paragraphs[0] if section.header.paragraphs else section.header.add_paragraph()
        para.style = self.document.styles["Header"]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(text)
        run.font.size = Pt(self.style.caption_size)

    # finishing -----------------------------------------------------------------------
    def _update_fields_on_open(self) -> None:
        settings = self.document.settings.element
        if settings.find(qn("w:updateFields")) is None:
            element = OxmlElement("w:updateFields")
            element.set(qn("w:val"), "true")
            _insert_before(settings, element, SETTINGS_AFTER_UPDATE)

    def _fill_toc(self) -> None:
        if self._toc is None:
            return
        begin, (low, high) = self._toc
        entries = [(level, text) for level, text in self.headings if low <= level <= high]
        if not entries:
            entries = [(1, "")]
        # field begin + instruction + separate in the first paragraph, one paragraph per heading, end in the last
        first_level, first_text = entries[0]

        def fld(paragraph, kind):
            run = paragraph.add_run()
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                element.set(qn("w:dirty"), "true")
            run._element.append(element)

        for run in list(begin.runs):
            run._element.getparent().remove(run._element)
        fld(begin, "begin")
        instr_run = begin.add_run()
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f' TOC \\o "{low}-{high}" \\h \\z \\u '
        instr_run._element.append(instr)
        fld(begin, "separate")
        begin.style = self.document.styles[TOC_STYLES[min(first_level, len(TOC_STYLES)) - 1]]
        begin.add_run(first_text)
        last = begin
        for level, text in entries[1:]:
            para = self._paragraph_after(last, TOC_STYLES[min(level, len(TOC_STYLES)) - 1])
            para.add_run(text)
            last = para
        fld(last, "end")
        self._toc = None

    def _paragraph_after(self, paragraph, style: str):
        new = OxmlElement("w:p")
        paragraph._p.addnext(new)
        from docx.text.paragraph import Paragraph

        para = Paragraph(new, paragraph._parent)
        para.style = self.document.styles[style]
        return para

    def save(self, path: Union[str, Path]) -> Path:
        """Write the document (the contents are filled in first). Returns the path."""
        path = Path(path)
        self._fill_toc()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.document.core_properties.author = self.document.core_properties.author or "CityHealth"
        self.document.save(str(path))
        return path


def dataframe_to_docx(frame: pd.DataFrame, path: Union[str, Path], title: str = "", caption: Optional[str] = None,
                      formats: Optional[Mapping[str, Format]] = None) -> Path:
    """One table in a document of its own (quick exports)."""
    writer = DocxWriter()
    if title:
        writer.title(title)
    writer.table(frame, caption=caption, formats=formats)
    writer.page_numbers()
    return writer.save(path)
