# cmake -DREPORT=<kpi-report> -DSOURCE=<repo> -DWORK=<dir> -DSOFFICE=<soffice>
#       -DPDFINFO=<pdfinfo> -DPDFTOTEXT=<pdftotext> -DPDFTOPPM=<pdftoppm>
#       -P xlsx_libreoffice.cmake
#
# The workbook report opened by a real spreadsheet: kpi-report writes the
# seed's workbook (as of its report date, in Japanese), LibreOffice Calc
# converts it to PDF as it would print it, and the PDF is checked: every
# page A4 landscape (841.89 x 595.28 points, within a point), the first
# page the 調書 fitted to the page's width (its first column's heading,
# 重点目標, and its last, 進捗度, on the same page, with the levels'
# symbols), the legend (評価基準) within the first few pages. The first
# page is also drawn as WORK/report-seed-xlsx.png at 60 dpi, which is how
# docs/report-seed-xlsx.png is made.
foreach(var REPORT SOURCE WORK SOFFICE PDFINFO PDFTOTEXT PDFTOPPM)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "xlsx_libreoffice.cmake: -D${var}=... is required")
  endif()
endforeach()

# A fresh directory each run: nothing left from an earlier run may pass
# for this one, and LibreOffice gets a profile (and a home) of its own, so
# that it runs in CI and beside another instance.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/home)
set(xlsx ${WORK}/r.xlsx)
set(pdf ${WORK}/r.pdf)

execute_process(
  COMMAND ${REPORT} ${SOURCE}/examples/data/ueda-2017-structure.csv
          ${SOURCE}/examples/data/ueda-2017-progress.csv --format xlsx -o ${xlsx}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT EXISTS ${xlsx})
  message(FATAL_ERROR "xlsx_libreoffice: kpi-report failed (${rc}): ${err}")
endif()

execute_process(
  COMMAND ${CMAKE_COMMAND} -E env HOME=${WORK}/home
          ${SOFFICE} -env:UserInstallation=file://${WORK}/profile --headless
          --norestore --convert-to pdf --outdir ${WORK} ${xlsx}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
  TIMEOUT 240)
if(NOT rc EQUAL 0 OR NOT EXISTS ${pdf})
  message(FATAL_ERROR "xlsx_libreoffice: the conversion failed (${rc}):\n${out}\n${err}")
endif()

# Hundredths of a point of a size as pdfinfo prints it ("595.304", "842"):
# CMake's arithmetic is in integers.
function(hundredths value out)
  string(REGEX MATCH "^([0-9]+)(\\.([0-9]*))?$" _ "${value}")
  set(fraction "${CMAKE_MATCH_3}00")
  string(SUBSTRING "${fraction}" 0 2 fraction)
  math(EXPR v "${CMAKE_MATCH_1} * 100 + 1${fraction} - 100")
  set(${out} ${v} PARENT_SCOPE)
endfunction()

# Every page's size.
execute_process(COMMAND ${PDFINFO} ${pdf} OUTPUT_VARIABLE info RESULT_VARIABLE rc)
string(REGEX MATCH "Pages: +([0-9]+)" _ "${info}")
set(pages ${CMAKE_MATCH_1})
if(NOT rc EQUAL 0 OR NOT pages GREATER 0)
  message(FATAL_ERROR "xlsx_libreoffice: pdfinfo cannot read ${pdf}:\n${info}")
endif()
execute_process(COMMAND ${PDFINFO} -f 1 -l ${pages} ${pdf} OUTPUT_VARIABLE sizes)
string(REGEX MATCHALL "size: +[0-9.]+ x [0-9.]+ pts" sizes "${sizes}")
list(LENGTH sizes counted)
if(NOT counted EQUAL pages)
  message(FATAL_ERROR "xlsx_libreoffice: ${counted} page sizes for ${pages} pages")
endif()
foreach(size IN LISTS sizes)
  string(REGEX MATCH "([0-9.]+) x ([0-9.]+)" _ "${size}")
  set(width ${CMAKE_MATCH_1})
  set(height ${CMAKE_MATCH_2})
  hundredths(${width} width)
  hundredths(${height} height)
  math(EXPR dw "${width} - 84189")
  math(EXPR dh "${height} - 59528")
  if(dw GREATER 100 OR dw LESS -100 OR dh GREATER 100 OR dh LESS -100)
    message(FATAL_ERROR "xlsx_libreoffice: a page is ${size}, not A4 landscape "
                        "(841.89 x 595.28 pts)")
  endif()
endforeach()

# The first page: the 調書 as wide as the page, its symbols.
execute_process(COMMAND ${PDFTOTEXT} -f 1 -l 1 -layout ${pdf} - OUTPUT_VARIABLE first)
foreach(word 重点目標 具体的な重点取組項目 期限・数値目標等 進捗状況 進捗度 ○)
  string(FIND "${first}" "${word}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "xlsx_libreoffice: the first page lacks ${word}: is the 調書 "
                        "wider than the page?\n${first}")
  endif()
endforeach()
string(FIND "${first}" "◎" ahead)
string(FIND "${first}" "△" behind)
if(ahead EQUAL -1 AND behind EQUAL -1)
  message(FATAL_ERROR "xlsx_libreoffice: no ◎ or △ on the first page:\n${first}")
endif()

# The legend and the directives follow within a few pages: the 調書 is not
# spread over pages of columns.
execute_process(COMMAND ${PDFTOTEXT} -f 1 -l 6 -layout ${pdf} - OUTPUT_VARIABLE head)
foreach(word "※ 評価基準" "◎：目標を上回る進捗" "市長指示事項")
  string(FIND "${head}" "${word}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "xlsx_libreoffice: ${word} is not in the first six pages")
  endif()
endforeach()

execute_process(
  COMMAND ${PDFTOPPM} -png -r 60 -f 1 -l 1 -singlefile ${pdf} ${WORK}/report-seed-xlsx
  RESULT_VARIABLE rc)
file(SIZE ${WORK}/report-seed-xlsx.png size)
if(NOT rc EQUAL 0 OR size LESS 10240)
  message(FATAL_ERROR "xlsx_libreoffice: pdftoppm drew no page (${rc}, ${size} bytes)")
endif()
message(STATUS "xlsx_libreoffice: ${pages} pages, A4 landscape; "
               "${WORK}/report-seed-xlsx.png")
