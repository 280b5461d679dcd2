# cmake -DRENDER=<render_page> -DSOURCE=<repo> -DWORK=<build dir> -P html_screenshot.cmake
#
# Renders the seed report (as of 2017-09-30, in Japanese) to
# WORK/seed-report.html, has headless Chromium take a 1400x1000 screenshot
# of it to WORK/seed-report.png and checks that the PNG is real: present,
# larger than 10 kB (a blank page is smaller) and starting with the PNG
# signature. docs/report-seed.png is taken with the same command.
foreach(var RENDER SOURCE WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "html_screenshot.cmake: -D${var}=... is required")
  endif()
endforeach()

find_program(CHROMIUM NAMES chromium chromium-browser)
if(NOT CHROMIUM)
  message(FATAL_ERROR
    "html_screenshot: chromium not found. The HTML report is checked in a real "
    "browser: install Debian's chromium and the Japanese fonts with "
    "`apt-get install chromium fonts-noto-cjk` (tests/run.sh and examples/demo.sh "
    "expect them).")
endif()

set(html ${WORK}/seed-report.html)
set(png ${WORK}/seed-report.png)
# A PNG left from an earlier run must not pass for this one.
file(REMOVE ${html} ${png})

execute_process(
  COMMAND ${RENDER} ${SOURCE}/examples/data/ueda-2017-structure.csv
          ${SOURCE}/examples/data/ueda-2017-progress.csv 2017-09-30 ja ${html}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "html_screenshot: render_page failed (${rc})")
endif()

# A fresh profile each run, so that no earlier state (cache, crash
# dialogs, a lock left by a killed run) changes the result.
string(RANDOM LENGTH 12 tag)
set(profile ${WORK}/chromium-profile-${tag})
file(MAKE_DIRECTORY ${profile})
execute_process(
  COMMAND ${CHROMIUM} --headless --no-sandbox --disable-gpu --disable-quic
          --no-first-run --disable-background-networking --disable-component-update
          --disable-sync --user-data-dir=${profile} --window-size=1400,1000
          --screenshot=${png} file://${html}
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  TIMEOUT 120)
file(REMOVE_RECURSE ${profile})
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "html_screenshot: chromium failed (${rc}):\n${out}\n${err}")
endif()

if(NOT EXISTS ${png})
  message(FATAL_ERROR "html_screenshot: chromium wrote no ${png}:\n${out}\n${err}")
endif()
file(SIZE ${png} size)
if(size LESS_EQUAL 10240)
  message(FATAL_ERROR "html_screenshot: ${png} is only ${size} bytes: a blank page?")
endif()
file(READ ${png} signature LIMIT 8 HEX)
if(NOT signature STREQUAL "89504e470d0a1a0a")
  message(FATAL_ERROR "html_screenshot: ${png} is not a PNG (starts with ${signature})")
endif()
message(STATUS "html_screenshot: ${png} (${size} bytes)")
