"""The reusable Word writer: Chinese fonts in the XML, A4, headings, tables with formats, image
with caption, page-number fields, the contents field; read back with python-docx."""

import io
import zipfile

import numpy as np
import pandas as pd
import pytest

import docx
from docx.oxml.ns import qn
from docx.shared import Cm

from cityhealth_plugin.core.exports.docx_writer import (
    DocxStyle,
    DocxWriter,
    FontSpec,
    chinese_number,
    display_width,
    fit_widths,
    format_cell,
    pick_font,
)


def png_bytes(width=60, height=40):
    """A small valid PNG (red) written with zlib only."""
    import struct
    import zlib

    raw = b"".join(b"\x00" + b"\xc8\x32\x32" * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "报告.docx"
    writer = DocxWriter()
    writer.title("厦门市2024年城市体检报告", subtitle="附件4", lines=["2025年3月"], cover=True)
    writer.toc()
    writer.heading("一、总体情况", 1)
    writer.paragraph("本次调查共回收问卷**3400份**，有效问卷3150份。")
    writer.heading("（一）样本", 2)
    frame = pd.DataFrame({"区": ["思明区", "湖里区", "集美区"], "问卷数": [1200, 980, 970],
                          "得分": [71.0777, 67.85, np.nan], "占比": [0.3811, 0.3111, 0.3078]})
    label = writer.next_label()
    writer.table(frame, caption="各区样本", formats={"得分": "{:.1f}", "占比": "{:.1%}"})
    writer.heading("二、分区图", 1)
    writer.image(png_bytes(), caption="各区满意度", width_cm=8)
    writer.bullets(["第一条", "第二条 **重点**"])
    writer.note("注：测试。")
    writer.page_numbers("第{PAGE}页 共{NUMPAGES}页", first_page=False)
    writer.save(path)
    return path, label


def test_document_reads_back_with_headings_tables_and_chinese_text(written):
    path, label = written
    document = docx.Document(str(path))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", "一、总体情况"), ("Heading 2", "（一）样本"), ("Heading 1", "二、分区图")]
    texts = "\n".join(p.text for p in document.paragraphs)
    assert "本次调查共回收问卷3400份，有效问卷3150份。" in texts
    assert "厦门市2024年城市体检报告" in texts and label == "表1"
    # bold marked with ** becomes a bold run
    runs = [r for p in document.paragraphs for r in p.runs if r.text == "3400份"]
    assert runs and runs[0].bold
    table = document.tables[0]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["区", "问卷数", "得分", "占比"]
    assert cells[1] == ["思明区", "1200", "71.1", "38.1%"]
    assert cells[3][2] == "—"  # a blank is a dash, never 'nan'
    # caption numbered above the table, picture caption numbered below it
    assert any(p.text.startswith("表") and "各区样本" in p.text and "1" in p.text for p in document.paragraphs)
    assert any(p.text.startswith("图") and "各区满意度" in p.text for p in document.paragraphs)
    # header row repeats on a new page and is shaded; numbers right-aligned
    header_xml = table.rows[0]._tr.xml
    assert "w:tblHeader" in header_xml and 'w:fill="D9E2F3"' in header_xml
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # right


def test_east_asian_fonts_are_set_in_the_xml(written):
    path, _ = written
    document = docx.Document(str(path))
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "宋体" and normal.get(qn("w:ascii")) == "Times New Roman"
    assert normal.get(qn("w:asciiTheme")) is None
    heading = document.styles["Heading 1"].element.rPr.rFonts
    assert heading.get(qn("w:eastAsia")) == "黑体" and heading.get(qn("w:eastAsiaTheme")) is None
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
        fonts = archive.read("word/fontTable.xml").decode("utf-8")
        settings = archive.read("word/settings.xml").decode("utf-8")
        footer = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("word/footer"))
        body = archive.read("word/document.xml").decode("utf-8")
    assert 'w:eastAsia="zh-CN"' in styles  # language of the document defaults
    assert 'w:name="宋体"' in fonts and 'w:val="SimSun"' in fonts and 'w:name="黑体"' in fonts and 'w:val="SimHei"' in fonts
    assert "w:updateFields" in settings
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert 'TOC \\o "1-3"' in body
    # the contents are pre-filled with the headings
    toc_start = body.index("TOC \\o")
    assert body.index("一、总体情况", toc_start) < body.index("二、分区图", toc_start)


def test_a4_page_image_and_table_fit_the_text_width(written):
    path, _ = written
    document = docx.Document(str(path))
    section = document.sections[0]
    assert abs(section.page_width.cm - 21.0) < 0.01 and abs(section.page_height.cm - 29.7) < 0.01
    assert abs(section.left_margin.cm - 2.8) < 0.01 and section.different_first_page_header_footer
    shapes = document.inline_shapes
    assert len(shapes) == 1 and abs(shapes[0].width - Cm(8)) < Cm(0.01)
    text_width = 21.0 - 2.8 - 2.6
    widths = [column.width.cm for column in document.tables[0].columns]
    assert sum(widths) <= text_width + 1e-6
    assert document.tables[0].rows[1].cells[0].width.cm == pytest.approx(widths[0], abs=0.01)


def test_font_choice_and_helpers():
    assert pick_font(FontSpec("宋体", ("SimSun", "Noto Serif CJK SC")), ["Noto Serif CJK SC", "DejaVu Sans"]) == "Noto Serif CJK SC"
    assert pick_font(FontSpec("宋体", ("SimSun",)), None) == "宋体"
    assert pick_font(FontSpec("宋体", ("SimSun",)), ["Arial"]) == "宋体"
    writer = DocxWriter(DocxStyle(body=FontSpec("仿宋", ("FangSong",))), available_fonts=["FangSong", "SimHei"])
    assert writer.body_font == "FangSong" and writer.heading_font == "SimHei"
    assert [chinese_number(n) for n in (1, 9, 10, 12, 20, 21)] == ["一", "九", "十", "十二", "二十", "二十一"]
    assert display_width("思明区ab") == 8
    assert format_cell(0.25, "{:.0%}") == "25%" and format_cell(1234.5) == "1,234.50" and format_cell(12) == "12"
    assert format_cell(None) == "—" and format_cell(float("nan"), missing="") == ""
    assert format_cell(3.0) == "3"


def test_widths_narrow_the_widest_column_first():
    widths = fit_widths([2.0, 2.0, 20.0], [2.0, 2.0, 3.0], 15.0)
    assert widths[:2] == [2.0, 2.0] and widths[2] == pytest.approx(11.0)
    assert fit_widths([3.0, 3.0], [1.0, 1.0], 15.0) == pytest.approx([3.6, 3.6])  # a narrow table grows a little


def test_table_needs_columns_and_document_saves_to_a_stream(tmp_path):
    writer = DocxWriter()
    with pytest.raises(ValueError):
        writer.table(pd.DataFrame())
    writer.key_value_table([("有效问卷", "3,150"), ("是否达标", "达到")], caption="样本")
    out = writer.save(tmp_path / "kv.docx")
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert [c.text for c in document.tables[0].rows[1].cells] == ["有效问卷", "3,150"]


def test_landscape_section_for_a_wide_table(tmp_path):
    writer = DocxWriter()
    writer.paragraph("纵向")
    assert writer.text_width_cm == pytest.approx(15.6)
    writer.new_section(landscape=True)
    assert writer.text_width_cm == pytest.approx(29.7 - 2.8 - 2.6)
    wide = pd.DataFrame({f"指标{k}": [1.5, 2.5] for k in range(14)})
    writer.table(wide, caption="宽表")
    writer.new_section(landscape=False)
    writer.header("厦门市城市体检报告")
    path = writer.save(tmp_path / "wide.docx")
    document = docx.Document(str(path))
    assert [round(s.page_width.cm, 1) for s in document.sections] == [21.0, 29.7, 21.0]
    assert sum(c.width.cm for c in document.tables[0].columns) <= 24.3 + 1e-6
    assert document.sections[0].header.paragraphs[0].text == "厦门市城市体检报告"
