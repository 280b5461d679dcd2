"""Workbooks from Python: Plan.read_xlsx(), plan.write_xlsx(),
plan.to_xlsx_bytes() and ev.render("xlsx") (kpi/xlsx.h, KPI_FORMAT_XLSX)."""

import io
import zipfile

import pytest

import kpi
from conftest import PROGRESS, STRUCTURE


def test_plan_workbook_reads_back_to_the_same_files(seed, tmp_path):
    path = tmp_path / "plan.xlsx"
    seed.write_xlsx(path)
    back = kpi.Plan.read_xlsx(path)
    assert back.to_csv_bytes() == seed.to_csv_bytes()
    # from a file object and from the bytes, too
    with open(path, "rb") as f:
        assert kpi.Plan.read_xlsx(f).to_csv_bytes() == seed.to_csv_bytes()
    data = seed.to_xlsx_bytes()
    assert kpi.Plan.read_xlsx(bytearray(data)).to_csv_bytes() == seed.to_csv_bytes()


def test_plan_workbook_has_the_two_sheets(seed):
    with zipfile.ZipFile(io.BytesIO(seed.to_xlsx_bytes())) as z:
        book = z.read("xl/workbook.xml").decode("utf-8")
    assert 'name="計画"' in book and 'name="進捗"' in book


def test_write_xlsx_into_a_file_object(seed):
    out = io.BytesIO()
    seed.write_xlsx(out)
    assert out.getvalue() == seed.to_xlsx_bytes()


def test_read_xlsx_errors_name_the_sheet_and_cell(seed, tmp_path):
    # the seed's workbook with the first progress row's date (an Excel date
    # serial in B2) typed over as a text that is no date, as staff might
    data = _replace_cell(seed.to_xlsx_bytes(), "xl/worksheets/sheet2.xml", "B2",
                         '<c r="B2" t="inlineStr"><is><t>2017-13-01</t></is></c>')
    path = tmp_path / "plan.xlsx"
    path.write_bytes(data)
    with pytest.raises(kpi.KpiDateError) as e:
        kpi.Plan.read_xlsx(path)
    message = str(e.value)
    assert "plan.xlsx: sheet 進捗: B2: " in message
    assert 'column "date"' in message and "2017-13-01" in message


def _replace_cell(workbook, part, ref, cell):
    """The workbook with the cell ref of part replaced by the XML cell."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == part:
                text = content.decode("utf-8")
                start = text.index('<c r="%s"' % ref)
                end = text.index("</c>", start) + len("</c>")
                text = text[:start] + cell + text[end:]
                content = text.encode("utf-8")
            dst.writestr(info, content)
    return out.getvalue()


def test_read_xlsx_of_something_else_raises(tmp_path):
    path = tmp_path / "not.xlsx"
    path.write_bytes(open(STRUCTURE, "rb").read())
    with pytest.raises(kpi.KpiParseError) as e:
        kpi.Plan.read_xlsx(path)
    assert "not.xlsx" in str(e.value)


def test_read_xlsx_of_a_missing_file_raises_io_error(tmp_path):
    with pytest.raises(kpi.KpiIOError):
        kpi.Plan.read_xlsx(tmp_path / "missing.xlsx")


def test_render_xlsx_gives_the_workbook_bytes(seed, tmp_path):
    ev = seed.evaluate()
    data = ev.render("xlsx")
    assert isinstance(data, bytes) and data.startswith(b"PK")
    assert ev.render(kpi.Format.XLSX) == data
    assert ev.render_bytes("xlsx") == data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
    path = tmp_path / "report.xlsx"
    ev.write(path, "xlsx")
    assert zipfile.is_zipfile(path)
    # the text formats stay str
    assert isinstance(ev.render("csv"), str)


def test_format_xlsx_names():
    assert kpi.Format.parse("xlsx") is kpi.Format.XLSX
    assert kpi.Format.XLSX.stable_name == "xlsx"
