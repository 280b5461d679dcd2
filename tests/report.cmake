# The kpi-report command line (docs/report.md): each test runs the program
# once through tests/report_check.cmake, which checks the exit status,
# standard output and standard error together. The text and Markdown
# reports of the seed must equal the golden files of test_render_text, so
# the command and the library call cannot drift apart. With KPI_VALGRIND=ON
# a few of them also run under valgrind's memcheck.
if(NOT TARGET kpi-report)
  return()
endif()

set(_kpi_structure examples/data/ueda-2017-structure.csv)
set(_kpi_progress examples/data/ueda-2017-progress.csv)
set(_kpi_seed ${_kpi_structure} ${_kpi_progress} --as-of 2017-09-30)
set(_kpi_golden ${PROJECT_SOURCE_DIR}/tests/data/golden)
set(_kpi_work ${CMAKE_CURRENT_BINARY_DIR}/report)
# A test that runs twice (VALGRIND) writes under out/, its twin under
# out-valgrind/: ctest runs them side by side.
file(MAKE_DIRECTORY ${_kpi_work}/out ${_kpi_work}/out-valgrind)

# kpi_report_test(NAME [VALGRIND] ARGS arg... CHECKS -DNAME=VALUE...)
function(kpi_report_test name)
  cmake_parse_arguments(T "VALGRIND" "" "ARGS;CHECKS" ${ARGN})
  string(JOIN "@@" args ${T_ARGS})
  set(command ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:kpi-report> "-DARGS=${args}"
      ${T_CHECKS})
  set(script -P ${CMAKE_CURRENT_SOURCE_DIR}/report_check.cmake)
  add_test(NAME kpi.report_${name} COMMAND ${command} ${script}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  if(KPI_VALGRIND AND T_VALGRIND)
    string(REPLACE "${_kpi_work}/out/" "${_kpi_work}/out-valgrind/" command "${command}")
    add_test(NAME kpi.report_${name}_valgrind
      COMMAND ${command} -DVALGRIND=${VALGRIND_EXECUTABLE} ${script}
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  endif()
endfunction()

# A usage error: status 2, one line on stderr matching regex, no report.
function(kpi_report_usage name regex)
  kpi_report_test(${name} ARGS ${ARGN}
    CHECKS -DSTATUS=2 -DSTDOUT_EMPTY=ON -DSTDERR_LINES=1 "-DSTDERR_REGEX=${regex}")
endfunction()

# --help and --version.
kpi_report_test(help VALGRIND ARGS --help
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0
    "-DSTDOUT_REGEX=Usage: kpi-report STRUCTURE.csv \\[PROGRESS.csv\\]@@--as-of DATE@@--format FORMAT@@--lang LANG@@--rollup RULE@@--ahead X@@--on-track Y@@--encoding ENC@@--no-assessments@@--width N@@--threads N@@-o, --output FILE@@-h, --help@@-V, --version@@Exit status:@@  0  the report was written@@  1  a file could not be read@@  2  bad usage")
kpi_report_test(version ARGS --version
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0 "-DSTDOUT_REGEX=^kpi-report \\(libkpi\\) ${PROJECT_VERSION}\n$")

# The seed report as of 2017-09-30 in every format.
kpi_report_test(text_ja VALGRIND ARGS ${_kpi_seed}
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0 -DSTDOUT_FILE=${_kpi_golden}/seed-ja.txt
    "-DSTDOUT_REGEX=物件登録件数@@◎")
kpi_report_test(text_en ARGS ${_kpi_seed} --lang en --format text --width 100
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0 -DSTDOUT_FILE=${_kpi_golden}/seed-en.txt)
kpi_report_test(markdown ARGS ${_kpi_seed} --format markdown
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0 -DSTDOUT_FILE=${_kpi_golden}/seed.md)
kpi_report_test(md ARGS ${_kpi_seed} --format md
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0 -DSTDOUT_FILE=${_kpi_golden}/seed.md)
foreach(format json csv html)
  kpi_report_test(${format} ARGS ${_kpi_seed} --format ${format}
    CHECKS -DSTATUS=0 -DSTDERR_LINES=0 "-DSTDOUT_REGEX=3-2-a@@物件登録件数")
endforeach()

# Other ways of saying the same.
kpi_report_test(era_date ARGS ${_kpi_structure} ${_kpi_progress} --as-of 平成29年9月30日
  CHECKS -DSTATUS=0 -DSTDOUT_FILE=${_kpi_golden}/seed-ja.txt)
kpi_report_test(equals_form
  ARGS --as-of=2017-09-30 --format=text --lang=ja --width=100 -- ${_kpi_structure}
       ${_kpi_progress}
  CHECKS -DSTATUS=0 -DSTDOUT_FILE=${_kpi_golden}/seed-ja.txt)

# The thread count changes nothing in the report.
foreach(threads 1 8)
  kpi_report_test(threads_${threads} ARGS ${_kpi_seed} --threads ${threads}
    CHECKS -DSTATUS=0 -DSTDERR_LINES=0 -DSTDOUT_FILE=${_kpi_golden}/seed-ja.txt)
endforeach()

# Options that change the rating, and a plan without its progress file.
kpi_report_test(policy
  ARGS ${_kpi_seed} --rollup worst --ahead 1.2 --on-track 0.9 --no-assessments
       --encoding utf-8 --width 60 --lang en
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0 "-DSTDOUT_REGEX=Roll-up +worst@@\\[worst\\]")
kpi_report_test(no_progress ARGS ${_kpi_structure} --as-of 2017-09-30
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0 "-DSTDOUT_REGEX=物件登録件数@@実績なし")
# --explain-parse: how each target's wording was read, and what was used.
kpi_report_test(explain_parse VALGRIND ARGS ${_kpi_structure} --explain-parse
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0
    "-DSTDOUT_REGEX=3-2-a  物件登録件数30件以上\n    read:   numeric, label 物件登録件数, value 30, unit 件 \\(confidence 100%\\)\n    used:   unit value\n@@1-2-b  講座開催数 前年度比10%増\n    read:   numeric, label 講座開催数, unit 回, \\+10% on last year \\(confidence 81%\\)\n    unsure: relative target")
# ... and how each progress text (進捗状況) was read, and what was filled.
kpi_report_test(explain_progress VALGRIND ARGS ${_kpi_seed} --explain-parse
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0
    "-DSTDOUT_REGEX=4-2-e  子ども文化講座\\(1回\\)\n[^\n]*\n    used:   unit value\n    progress 20170930:\n      「子ども文化講座を10月」 about 子ども文化講座: scheduled for 20171031 \\(confidence 100%\\)\n@@    progress 20170930:\n[^\n]*交付決定済」[^\n]*\n[^\n]*\n[^\n]*\n      filled: status done\n@@5-5  \\(initiative\\)\n    progress 20170930:")

# --scale: a built-in id or a scale file; the legend and levels are the
# scale's; an unknown id is bad usage; a broken scale file names its line.
kpi_report_test(scale_builtin VALGRIND ARGS ${_kpi_seed} --scale manifesto-abcd --width 120
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0
    "-DSTDOUT_REGEX= A     1-1-b  @@達成率100% \\(100%以上\\) → A@@評価基準\n +A 達成率100%以上\n +B 達成率90%以上100%未満")
kpi_report_test(scale_file ARGS ${_kpi_seed} --scale scales/nagayo.csv --format json
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0
    "-DSTDOUT_REGEX=\"scale\": {\"id\": \"nagayo\"@@\"level_name\": \"s\"")
kpi_report_usage(scale_unknown "^kpi-report: --scale: .*\"osaka\" is no built-in scale"
  ${_kpi_seed} --scale osaka)
file(WRITE ${_kpi_work}/bad-scale.csv
  "type,id,symbol,class,when\nscale,bad,,,\nlevel,,A,ahead on_track,speed > 1\n")
kpi_report_test(scale_bad_file ARGS ${_kpi_seed} --scale ${_kpi_work}/bad-scale.csv
  CHECKS -DSTATUS=1 -DSTDOUT_EMPTY=ON -DSTDERR_LINES=1
    "-DSTDERR_REGEX=bad-scale.csv:3: column \"when\": unknown measure \"speed\"")

# Bad files: status 1, one line naming the file (and line), no report.
kpi_report_test(missing_file VALGRIND ARGS no-such-structure.csv --as-of 2017-09-30
  CHECKS -DSTATUS=1 -DSTDOUT_EMPTY=ON -DSTDERR_LINES=1
    "-DSTDERR_REGEX=^kpi-report: no-such-structure.csv: ")
kpi_report_test(missing_progress ARGS ${_kpi_structure} no-such-progress.csv
  CHECKS -DSTATUS=1 -DSTDOUT_EMPTY=ON -DSTDERR_LINES=1
    "-DSTDERR_REGEX=^kpi-report: no-such-progress.csv: ")
kpi_report_test(bad_csv VALGRIND ARGS ${_kpi_work}/bad-structure.csv --as-of 2017-09-30
  CHECKS -DSTATUS=1 -DSTDOUT_EMPTY=ON -DSTDERR_LINES=1
    -DBAD_STRUCTURE=${_kpi_work}/bad-structure.csv
    "-DSTDERR_REGEX=^kpi-report: [^\n]*bad-structure.csv:4: ")
kpi_report_test(bad_progress ARGS ${_kpi_structure} ${_kpi_work}/bad-progress.csv
  CHECKS -DSTATUS=1 -DSTDOUT_EMPTY=ON -DSTDERR_LINES=1
    -DBAD_PROGRESS=${_kpi_work}/bad-progress.csv
    "-DSTDERR_REGEX=^kpi-report: [^\n]*bad-progress.csv:3: [^\n]*2017-13-01")

# Bad usage: status 2.
kpi_report_usage(bad_as_of "--as-of: [^\n]*2017-13-01" ${_kpi_structure} --as-of 2017-13-01)
kpi_report_usage(unknown_option "unknown option \"--frobnicate\"" ${_kpi_seed} --frobnicate)
kpi_report_usage(bad_format "--format: [^\n]*xml" ${_kpi_seed} --format xml)
kpi_report_usage(bad_lang "--lang: [^\n]*fr" ${_kpi_seed} --lang fr)
kpi_report_usage(bad_rollup "--rollup: [^\n]*best" ${_kpi_seed} --rollup best)
kpi_report_usage(bad_encoding "--encoding: [^\n]*latin1" ${_kpi_seed} --encoding latin1)
kpi_report_usage(bad_width "--width: [^\n]*39" ${_kpi_seed} --width 39)
kpi_report_usage(bad_threads "--threads: [^\n]*0[^\n]*1 to 64" ${_kpi_seed} --threads 0)
kpi_report_usage(too_many_threads "--threads: [^\n]*65" ${_kpi_seed} --threads 65)
kpi_report_usage(bad_number "--ahead: [^\n]*abc" ${_kpi_seed} --ahead abc)
kpi_report_usage(bad_thresholds "--ahead 0.9 --on-track 0.95" ${_kpi_seed} --ahead 0.9
  --on-track 0.95)
kpi_report_usage(missing_value "--format needs a value" ${_kpi_seed} --format)
kpi_report_usage(no_file "no STRUCTURE.csv given")
kpi_report_usage(too_many_files "too many files" ${_kpi_structure} ${_kpi_progress} third.csv)
# A workbook is never written to standard output (a terminal would get
# binary), and a plan workbook holds its progress sheet itself.
kpi_report_usage(xlsx_stdout "--format xlsx writes a workbook: give -o FILE.xlsx" ${_kpi_seed}
  --format xlsx)
kpi_report_usage(template_stdout "--template writes a workbook: give -o FILE.xlsx" ${_kpi_seed}
  --template -o -)
kpi_report_usage(workbook_and_progress "holds the progress sheet itself; give no PROGRESS"
  plan.xlsx ${_kpi_progress})
# Texts a spreadsheet would run as formulas: the CSV report protects them
# with an apostrophe, --raw writes them as they are; figures stay numbers.
set(_kpi_formulas tests/data/hostile/formula-structure.csv
  tests/data/hostile/formula-progress.csv --as-of 2017-09-30)
kpi_report_test(csv_protects_formulas ARGS ${_kpi_formulas} --format csv
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0
    "-DSTDOUT_REGEX=\nplan,p,,0,'@SUM\\(A1:A9\\),@@\ngoal,1,p,1,\"'=HYPERLINK\\(\"\"http://example\\.com/@@\ntarget,1-a,1,2,'\\+cmd,[^\n]*,-5,")
kpi_report_test(csv_raw ARGS ${_kpi_formulas} --format csv --raw
  CHECKS -DSTATUS=0 -DSTDERR_LINES=0
    "-DSTDOUT_REGEX=\nplan,p,,0,@SUM\\(A1:A9\\),@@\ngoal,1,p,1,\"=HYPERLINK\\(@@\ntarget,1-a,1,2,\\+cmd,")
kpi_report_usage(raw_not_csv "--raw is an option of --format csv only" ${_kpi_formulas} --raw)
# A plan workbook that cannot be read: status 1, the reader's message.
kpi_report_test(workbook_missing ARGS no-such-plan.xlsx --template -o ${_kpi_work}/never.xlsx
  CHECKS -DSTATUS=1 -DSTDOUT_EMPTY=ON -DSTDERR_LINES=1 -DNO_OUTPUT=${_kpi_work}/never.xlsx
    "-DSTDERR_REGEX=no-such-plan.xlsx")

# -o FILE: the file holds the report, stdout nothing, no temporary file
# stays; after an error the file is not written at all.
kpi_report_test(output_file VALGRIND ARGS ${_kpi_seed} -o ${_kpi_work}/out/seed-ja.txt
  CHECKS -DSTATUS=0 -DSTDOUT_EMPTY=ON -DSTDERR_LINES=0 -DOUTPUT=${_kpi_work}/out/seed-ja.txt
    -DOUTPUT_FILE=${_kpi_golden}/seed-ja.txt)
kpi_report_test(output_long_form ARGS ${_kpi_seed} --format md --output=${_kpi_work}/seed.md
  CHECKS -DSTATUS=0 -DSTDOUT_EMPTY=ON -DOUTPUT=${_kpi_work}/seed.md
    -DOUTPUT_FILE=${_kpi_golden}/seed.md)
kpi_report_test(output_bad_directory ARGS ${_kpi_seed} -o ${_kpi_work}/no-such-dir/out.txt
  CHECKS -DSTATUS=1 -DSTDOUT_EMPTY=ON -DSTDERR_LINES=1
    -DNO_OUTPUT=${_kpi_work}/no-such-dir/out.txt "-DSTDERR_REGEX=no-such-dir/out.txt")
kpi_report_test(output_after_error ARGS no-such-structure.csv -o ${_kpi_work}/never.txt
  CHECKS -DSTATUS=1 -DSTDOUT_EMPTY=ON -DSTDERR_LINES=1 -DNO_OUTPUT=${_kpi_work}/never.txt)
