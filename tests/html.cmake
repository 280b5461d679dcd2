# The HTML report checked in a real browser: kpi_render_page writes the
# seed report, headless Chromium takes a screenshot of it, and
# html_screenshot.cmake checks that a real PNG came out. Needs Debian's
# chromium (and fonts-noto-cjk for the Japanese glyphs).
find_program(KPI_CHROMIUM NAMES chromium chromium-browser)
kpi_test_dependency("${KPI_CHROMIUM}" "The HTML report in headless Chromium"
  "Debian's chromium and fonts-noto-cjk")
if(NOT KPI_DEP_OK)
  return()
endif()

add_executable(kpi_render_page render_page.c)
set_target_properties(kpi_render_page PROPERTIES OUTPUT_NAME render_page)
target_link_libraries(kpi_render_page PRIVATE kpi)

add_test(NAME kpi.html_screenshot
  COMMAND ${CMAKE_COMMAND}
          -DRENDER=$<TARGET_FILE:kpi_render_page>
          -DSOURCE=${PROJECT_SOURCE_DIR}
          -DWORK=${CMAKE_BINARY_DIR}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/html_screenshot.cmake)
# Chromium starts in a few seconds; the limit only catches a hang.
set_tests_properties(kpi.html_screenshot PROPERTIES TIMEOUT 180)
