# The golden JSON and CSV reports (tests/data/golden, checked byte for byte
# by test_render_data) read by a second, independent reader: Python's.
# Included from tests/CMakeLists.txt; skipped when there is no python3.
find_program(KPI_PYTHON3 python3)
kpi_test_dependency("${KPI_PYTHON3}" "The JSON and CSV reports read by Python" "python3")
if(NOT KPI_DEP_OK)
  return()
endif()

set(_kpi_golden ${PROJECT_SOURCE_DIR}/tests/data/golden)

# What the brief of the format asks: python3 -m json.tool reads it.
foreach(_name seed seed-en)
  add_test(NAME kpi.render_data_json_tool_${_name}
    COMMAND ${KPI_PYTHON3} -m json.tool ${_kpi_golden}/${_name}.json
            ${CMAKE_CURRENT_BINARY_DIR}/render_data_${_name}.json)
endforeach()

# json.tool accepts NaN and Infinity and lets a repeated key win silently;
# neither is JSON, so a stricter reader refuses both. The CSV must read as
# UTF-8 with a BOM and have rows as wide as its header.
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/render_data_check.py [=[
import csv
import json
import sys


def constant(name):
    raise ValueError("not JSON: " + name)


def unique(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("repeated key among " + repr(keys))
    return dict(pairs)


def check_json(path):
    with open(path, encoding="utf-8") as f:
        json.load(f, parse_constant=constant, object_pairs_hook=unique)


def check_csv(path):
    with open(path, "rb") as f:
        if not f.read(3) == b"\xef\xbb\xbf":
            raise ValueError(path + ": no UTF-8 BOM")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    for number, row in enumerate(rows, 1):
        if len(row) != len(rows[0]):
            raise ValueError("%s:%d: %d cells, header %d" % (path, number, len(row), len(rows[0])))


for path in sys.argv[1:]:
    (check_csv if path.endswith(".csv") else check_json)(path)
]=])

add_test(NAME kpi.render_data_python_strict
  COMMAND ${KPI_PYTHON3} ${CMAKE_CURRENT_BINARY_DIR}/render_data_check.py
          ${_kpi_golden}/seed.json ${_kpi_golden}/seed-en.json ${_kpi_golden}/seed.csv)
