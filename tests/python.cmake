# The Python binding's tests (bindings/python/tests), run with pytest against
# the shared library just built. Included by tests/CMakeLists.txt.
#
#   kpi.python           every test of the binding; in a KPI_SANITIZE build
#                        with the AddressSanitizer runtime preloaded
#   kpi.python_valgrind  (KPI_VALGRIND builds) the stress test under memcheck
#
# The interpreter is Debian's /usr/bin/python3, which python3-pytest serves:
# a pyenv or virtualenv python3 earlier on PATH usually lacks pytest, and
# find_package(Python3) would pick it. Configure with
# -DKPI_BINDING_PYTHON3=/path/to/python3 to use another interpreter; without
# /usr/bin/python3 the one find_package(Python3) finds is used.

find_program(KPI_BINDING_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH
  DOC "Python 3 interpreter for the binding's tests")
if(NOT KPI_BINDING_PYTHON3)
  find_package(Python3 COMPONENTS Interpreter)
  if(Python3_Interpreter_FOUND)
    set(KPI_BINDING_PYTHON3 ${Python3_EXECUTABLE} CACHE FILEPATH
      "Python 3 interpreter for the binding's tests" FORCE)
  endif()
endif()

set(_kpi_pytest_ok OFF)
if(KPI_BINDING_PYTHON3)
  execute_process(COMMAND ${KPI_BINDING_PYTHON3} -c "import pytest"
    RESULT_VARIABLE _kpi_pytest_missing OUTPUT_QUIET ERROR_QUIET)
  if(NOT _kpi_pytest_missing)
    set(_kpi_pytest_ok ON)
  endif()
endif()
kpi_test_dependency(${_kpi_pytest_ok} "The Python binding's tests"
  "Debian's python3 and python3-pytest")
if(NOT KPI_DEP_OK)
  return()
endif()

set(_kpi_py_dir ${PROJECT_SOURCE_DIR}/bindings/python)
set(_kpi_py_env
  KPI_LIBRARY=$<TARGET_FILE:kpi>
  PYTHONPATH=${_kpi_py_dir}
  # No __pycache__ in the source tree.
  PYTHONDONTWRITEBYTECODE=1)

if(KPI_SANITIZE)
  # libkpi is built with -fsanitize=address, and the ASan runtime must be the
  # first library of the process, so python3 starts with it preloaded.
  execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=libasan.so
    OUTPUT_VARIABLE _kpi_libasan OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT IS_ABSOLUTE "${_kpi_libasan}" OR NOT EXISTS "${_kpi_libasan}")
    # (clang names its runtime differently; the binding's tests need gcc's here)
    message(WARNING "${CMAKE_C_COMPILER} -print-file-name=libasan.so gave "
                    "\"${_kpi_libasan}\": without the ASan runtime to preload, python3 "
                    "cannot load this libkpi, so the Python tests are not registered")
    return()
  endif()
  list(APPEND _kpi_py_env
    LD_PRELOAD=${_kpi_libasan}
    # CPython does not free everything at exit, so leak checking would report
    # the interpreter's memory, not libkpi's; the C tests check libkpi's leaks.
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1)
endif()

add_test(NAME kpi.python
  COMMAND ${KPI_BINDING_PYTHON3} -m pytest -q -p no:cacheprovider ${_kpi_py_dir}/tests
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(kpi.python PROPERTIES
  ENVIRONMENT "${_kpi_py_env}"
  TIMEOUT 900
  # pytest exits with 5 when no test ran, which fails the test already;
  # the expression makes sure of it.
  FAIL_REGULAR_EXPRESSION "no tests ran")

if(KPI_VALGRIND)
  find_program(VALGRIND_EXECUTABLE valgrind REQUIRED)
  # memcheck errors fail the test (--error-exitcode); leaks are not checked,
  # because CPython keeps memory until exit by design. PYTHONMALLOC=malloc
  # sends the interpreter's allocations through malloc instead of its own
  # arenas, which valgrind cannot follow; with it Debian's python3.11 runs
  # the stress test without a single memcheck error, so every error counted
  # is real. bindings/python/tests/python.supp holds suppressions for interpreter noise
  # should another CPython show some; it must never name a libkpi frame.
  add_test(NAME kpi.python_valgrind
    COMMAND ${VALGRIND_EXECUTABLE} --quiet --error-exitcode=99 --leak-check=no
            --suppressions=${_kpi_py_dir}/tests/python.supp
            ${KPI_BINDING_PYTHON3} -m pytest -q -p no:cacheprovider ${_kpi_py_dir}/tests/test_stress.py
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(kpi.python_valgrind PROPERTIES
    ENVIRONMENT "${_kpi_py_env};PYTHONMALLOC=malloc;KPI_STRESS_ROUNDS=150"
    TIMEOUT 1800
    # A memcheck report ("==pid== Invalid read ...") fails the test even if
    # something were to swallow valgrind's exit code.
    FAIL_REGULAR_EXPRESSION "no tests ran|==[0-9]+== ")
endif()

# The example of docs/python.md: the seed report through Python.
add_test(NAME kpi.python_example
  COMMAND ${KPI_BINDING_PYTHON3} ${PROJECT_SOURCE_DIR}/examples/python/seed_report.py
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(kpi.python_example PROPERTIES
  ENVIRONMENT "${_kpi_py_env}"
  PASS_REGULAR_EXPRESSION "3-2-a  ◎      物件登録件数 +32 +15.04 +30 +107%  2.13")

# The example at the top of docs/python.md, run as written, so that the
# page cannot drift from the package.
file(READ ${PROJECT_SOURCE_DIR}/docs/python.md _kpi_py_doc)
string(REGEX MATCH "```python\n([^`]*)```" _kpi_py_block "${_kpi_py_doc}")
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/python_docs_example.py "${CMAKE_MATCH_1}")
add_test(NAME kpi.python_docs_example
  COMMAND ${KPI_BINDING_PYTHON3} ${CMAKE_CURRENT_BINARY_DIR}/python_docs_example.py
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(kpi.python_docs_example PROPERTIES
  ENVIRONMENT "${_kpi_py_env}"
  PASS_REGULAR_EXPRESSION "◎ 32.0 15.04109589041096")

# The package installs as a Python package: pip install into plain virtual
# environments, with no network, bundled, from its wheel and sdist, and
# editable (tests/python_package.sh). Needs Debian's python3-venv.
execute_process(COMMAND ${KPI_BINDING_PYTHON3} -c "import ensurepip, venv"
  RESULT_VARIABLE _kpi_venv_rc OUTPUT_QUIET ERROR_QUIET)
string(COMPARE EQUAL "${_kpi_venv_rc}" "0" _kpi_venv_ok)
kpi_test_dependency(${_kpi_venv_ok} "Installing the Python package" "Debian's python3-venv")
if(KPI_DEP_OK AND NOT KPI_SANITIZE)
  add_test(NAME kpi.python_package
    COMMAND ${PROJECT_SOURCE_DIR}/tests/python_package.sh ${KPI_BINDING_PYTHON3}
            ${PROJECT_SOURCE_DIR} $<TARGET_FILE:kpi> ${CMAKE_CURRENT_BINARY_DIR}/python_package)
  set_tests_properties(kpi.python_package PROPERTIES TIMEOUT 600)
endif()

# The package's type hints: mypy --strict over it, with the configuration of
# bindings/python/pyproject.toml (Debian's mypy).
find_program(KPI_MYPY mypy PATHS /usr/bin NO_DEFAULT_PATH)
find_program(KPI_MYPY mypy)
kpi_test_dependency("${KPI_MYPY}" "Checking the Python package's types" "Debian's mypy")
if(KPI_DEP_OK)
  add_test(NAME kpi.python_mypy
    # (no cache: nothing is written into the source tree)
    COMMAND ${KPI_MYPY} --no-incremental --cache-dir=/dev/null
            --config-file ${_kpi_py_dir}/pyproject.toml
    WORKING_DIRECTORY ${_kpi_py_dir})
  set_tests_properties(kpi.python_mypy PROPERTIES
    TIMEOUT 600
    PASS_REGULAR_EXPRESSION "Success: no issues found")
endif()
