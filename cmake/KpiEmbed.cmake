# Turns a file into C source holding its bytes, so that a resource (the
# HTML report's stylesheet) can live in a file of its own and still be part
# of the library:
#   cmake -DINPUT=report.css -DOUTPUT=report_css.c -DNAME=kpi__report_css
#         [-DSTRIP_LEADING_COMMENT=ON] -P KpiEmbed.cmake
# gives `const unsigned char NAME[]` and `const size_t NAME_size`. With
# STRIP_LEADING_COMMENT, a /* ... */ comment that opens the file (its notes
# for the people who edit it) is left out.
file(READ "${INPUT}" text)
if(STRIP_LEADING_COMMENT AND text MATCHES "^/\\*")
  string(FIND "${text}" "*/" end)
  math(EXPR start "${end} + 2")
  string(SUBSTRING "${text}" ${start} -1 text)
  string(REGEX REPLACE "^\n+" "" text "${text}")
endif()
# Bytes as hex pairs: what file(READ ... HEX) gives, here from the text.
string(LENGTH "${text}" length)
file(WRITE "${OUTPUT}.tmp" "${text}")
file(READ "${OUTPUT}.tmp" hex HEX)
file(REMOVE "${OUTPUT}.tmp")
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){16})" "\\1\n    " bytes "${bytes}")
file(WRITE "${OUTPUT}"
  "/* Generated from ${INPUT} by cmake/KpiEmbed.cmake: do not edit. */\n"
  "#include <stddef.h>\n\n"
  "extern const unsigned char ${NAME}[];\n"
  "extern const size_t ${NAME}_size;\n\n"
  "const unsigned char ${NAME}[] = {\n    ${bytes}\n};\n"
  "const size_t ${NAME}_size = ${size};\n")
