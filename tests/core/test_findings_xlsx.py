"""The data check's findings as an Excel workbook."""

from openpyxl import load_workbook

from cityhealth_plugin.core.exports.findings_xlsx import write_findings_xlsx


def test_findings_workbook_has_a_header_and_one_row_per_finding(tmp_path):
    findings = [
        {"severity": "error", "layer": "DLTB", "role": "dltb", "rule": "geometry.invalid", "count": 2,
         "fids": (3, 7), "message": "2 invalid geometries", "fix": "Repair them"},
        {"severity": "warning", "layer": "SS_YL", "role": "fac_elderly", "rule": "crs.geographic", "count": 0,
         "fids": "", "message": "Geographic CRS", "fix": "Reproject"},
    ]
    written = write_findings_xlsx(findings, tmp_path / "out", title="Data check of 思明区")
    assert written.suffix == ".xlsx" and written.exists()
    sheet = load_workbook(written).active
    assert sheet["A1"].value == "Data check of 思明区"
    assert [c.value for c in sheet[3]] == ["Severity", "Layer", "Role", "Rule", "Count", "Message", "How to fix",
                                            "Feature ids"]
    assert [c.value for c in sheet[4]][:5] == ["error", "DLTB", "dltb", "geometry.invalid", 2]
    assert sheet["H4"].value == "3,7"
    assert sheet["A4"].fill.fgColor.rgb.endswith("F8D7DA")
    assert sheet.max_row == 5 and sheet.auto_filter.ref == "A3:H5"


def test_empty_findings_still_write_a_header(tmp_path):
    written = write_findings_xlsx([], tmp_path / "empty.xlsx")
    sheet = load_workbook(written).active
    assert sheet["A1"].value == "Severity" and sheet.max_row == 1
