# Outputs that are safe to open (tests/hostile.cmake): a plan whose every
# text is hostile (tests/data/hostile/strings.txt), written by
# hostile_outputs in every form, opened as staff would open it:
#  - the HTML report (ja, en) in headless Chromium: no script runs (no
#    console message, no change to the page), and the texts show as
#    written; a control page proves the hook sees a script that runs, and
#    a page with the report's own Content-Security-Policy and a raw script
#    proves the policy stops it;
#  - the CSV report and the plan files converted to xlsx by LibreOffice:
#    no cell is a formula (a control file proves LibreOffice makes one of
#    an unprotected "=1+1"); the plan files read back to the same plan,
#    also from the plan workbook after LibreOffice saved it again;
#  - libkpi's own workbooks: no cell is a formula.
#   cmake -DOUTPUTS=... -DPLAN_FILES=... -DSTRINGS=... -DCHROMIUM=...
#         -DSOFFICE=... -DWORK=... -P hostile_check.cmake
cmake_minimum_required(VERSION 3.16)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
    TIMEOUT 180)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

run(${OUTPUTS} ${STRINGS} ${WORK})

# ---- The HTML report in Chromium -------------------------------------------

# Loads page; dom and log receive the page as it ended up and what the
# browser logged (console messages among them).
function(open_page page dom log)
  string(RANDOM LENGTH 12 tag)
  run(${CHROMIUM} --headless --no-sandbox --disable-gpu --no-first-run
      --disable-background-networking --disable-component-update --disable-sync
      --user-data-dir=${WORK}/profile-${tag} --enable-logging=stderr --v=0
      --dump-dom file://${page})
  file(REMOVE_RECURSE ${WORK}/profile-${tag})
  set(${dom} "${out}" PARENT_SCOPE)
  set(${log} "${err}" PARENT_SCOPE)
endfunction()

function(ran page dom log)
  if(dom MATCHES "data-pwned=\"" OR log MATCHES "CONSOLE[^\n]*(PWNED|HOOK)")
    set(ran ON PARENT_SCOPE)
  else()
    set(ran OFF PARENT_SCOPE)
  endif()
endfunction()

# The hook: a script that runs is seen.
file(WRITE ${WORK}/control.html "<!DOCTYPE html><html><body><script>console.log('HOOK-OK');document.documentElement.setAttribute('data-pwned','control')</script></body></html>")
open_page(${WORK}/control.html dom log)
ran(control "${dom}" "${log}")
if(NOT ran)
  message(FATAL_ERROR "the control page's script was not seen running: the check sees nothing\n${dom}\n${log}")
endif()

foreach(page report.html report-en.html)
  open_page(${WORK}/${page} dom log)
  ran(${page} "${dom}" "${log}")
  if(ran)
    message(FATAL_ERROR "${page}: a script ran\n${log}")
  endif()
  # the texts show as written
  foreach(shown "&lt;script&gt;console.log(\"PWNED-script\")" "&lt;/style&gt;&lt;script&gt;"
                "\" onmouseover=\"console.log('PWNED-dquote')\" data-x=\"" "=HYPERLINK(")
    string(FIND "${dom}" "${shown}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${page} does not show ${shown} as text")
    endif()
  endforeach()
  message(STATUS "${page}: no script ran, the texts show as written")
endforeach()

# The report's own policy stops a script that got into the page.
file(READ ${WORK}/report.html html)
string(REGEX MATCH "<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*\">" csp "${html}")
if(NOT csp)
  message(FATAL_ERROR "report.html has no Content-Security-Policy")
endif()
file(WRITE ${WORK}/injected.html "<!DOCTYPE html><html><head>${csp}</head><body><script>console.log('PWNED-injected');document.documentElement.setAttribute('data-pwned','injected')</script><img src=x onerror=\"console.log('PWNED-onerror')\"><a href=\"javascript:console.log('PWNED-js')\" id=a>a</a></body></html>")
open_page(${WORK}/injected.html dom log)
ran(injected "${dom}" "${log}")
if(ran)
  message(FATAL_ERROR "the report's policy (${csp}) let a script run\n${log}")
endif()
message(STATUS "the report's policy stops an injected script: ${csp}")

# ---- Spreadsheets -------------------------------------------------------------

# The cells of every sheet of a workbook, as XML.
function(sheets workbook into)
  file(REMOVE_RECURSE ${into})
  file(MAKE_DIRECTORY ${into})
  execute_process(COMMAND ${CMAKE_COMMAND} -E tar xf ${workbook} WORKING_DIRECTORY ${into}
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${workbook} is no zip")
  endif()
  file(GLOB xml ${into}/xl/worksheets/*.xml)
  set(text "")
  foreach(f IN LISTS xml)
    file(READ ${f} part)
    string(APPEND text "${part}")
  endforeach()
  set(cells "${text}" PARENT_SCOPE)
endfunction()

function(no_formula workbook)
  get_filename_component(name ${workbook} NAME_WE)
  sheets(${workbook} ${WORK}/x-${name})
  if(cells MATCHES "<f[ >]")
    message(FATAL_ERROR "${workbook} has a formula cell")
  endif()
  if(NOT cells MATCHES "<c ")
    message(FATAL_ERROR "${workbook} has no cells")
  endif()
  message(STATUS "${workbook}: no formula")
endfunction()

# CSV as LibreOffice opens it: UTF-8, comma-separated, quoted.
function(to_xlsx csv)
  run(${SOFFICE} -env:UserInstallation=file://${WORK}/lo-profile --headless
      --infilter=CSV:44,34,76,1 --convert-to xlsx --outdir ${WORK}/lo ${csv})
endfunction()

file(WRITE ${WORK}/control.csv "a\n=1+1\n")
to_xlsx(${WORK}/control.csv)
sheets(${WORK}/lo/control.xlsx ${WORK}/x-control)
if(NOT cells MATCHES "<f[ >]")
  message(FATAL_ERROR "LibreOffice made no formula of =1+1: the check sees nothing")
endif()
foreach(csv report structure progress)
  to_xlsx(${WORK}/${csv}.csv)
  no_formula(${WORK}/lo/${csv}.xlsx)
endforeach()
no_formula(${WORK}/plan.xlsx)
no_formula(${WORK}/report.xlsx)

# The plan files, and the plan workbook once LibreOffice saved it, read
# back to the same plan.
run(${SOFFICE} -env:UserInstallation=file://${WORK}/lo-profile --headless
    --convert-to xlsx --outdir ${WORK}/saved ${WORK}/plan.xlsx)
run(${PLAN_FILES} ${WORK}/s1.csv ${WORK}/p1.csv ${WORK}/structure.csv ${WORK}/progress.csv)
run(${PLAN_FILES} ${WORK}/s2.csv ${WORK}/p2.csv ${WORK}/saved/plan.xlsx)
foreach(pair "structure.csv;s1.csv" "progress.csv;p1.csv" "s1.csv;s2.csv" "p1.csv;p2.csv")
  list(GET pair 0 a)
  list(GET pair 1 b)
  file(READ ${WORK}/${a} ta HEX)
  file(READ ${WORK}/${b} tb HEX)
  if(NOT ta STREQUAL tb)
    message(FATAL_ERROR "${a} and ${b} differ: the hostile plan does not read back the same")
  endif()
endforeach()
message(STATUS "the hostile plan reads back to the same files")
