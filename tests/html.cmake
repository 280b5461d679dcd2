# The HTML report checked in a real browser: render_page writes the seed
# report, headless Chromium takes a screenshot of it, and
# html_screenshot.cmake checks that a real PNG came out. Chromium is
# required, not optional: without it the test fails and says what to
# install (Debian's chromium, and fonts-noto-cjk for the Japanese glyphs).
add_executable(render_page render_page.c)
target_link_libraries(render_page PRIVATE kpi)

add_test(NAME html_screenshot
  COMMAND ${CMAKE_COMMAND}
          -DRENDER=$<TARGET_FILE:render_page>
          -DSOURCE=${PROJECT_SOURCE_DIR}
          -DWORK=${CMAKE_BINARY_DIR}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/html_screenshot.cmake)
# Chromium starts in a few seconds; the limit only catches a hang.
set_tests_properties(html_screenshot PROPERTIES TIMEOUT 180)
