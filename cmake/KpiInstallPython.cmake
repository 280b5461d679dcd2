# The Python package (bindings/python/kpi), installed where the system's
# Python looks for packages under the install prefix:
#   /usr        lib/python3/dist-packages      (Debian's own packages)
#   /usr/local  lib/python3.X/dist-packages    (Debian's python3 searches it)
#   elsewhere   lib/python3.X/site-packages    (a venv's layout; any other
#               prefix needs PYTHONPATH, see docs/python.md)
# -DKPI_PYTHON_DIR=DIR (relative to the prefix) overrides the choice.
# _install.py tells the package where the library is, relative to itself,
# so the installed tree stays relocatable.
if(KPI_PYTHON_DIR)
  set(_kpi_python_dir ${KPI_PYTHON_DIR})
else()
  # The system's interpreter first: a pyenv or venv python3 earlier on PATH
  # is not the one a system-wide install is for.
  find_program(KPI_SYSTEM_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
  if(NOT KPI_SYSTEM_PYTHON3)
    find_program(KPI_SYSTEM_PYTHON3 python3)
  endif()
  set(_kpi_py "python3")
  if(KPI_SYSTEM_PYTHON3)
    execute_process(COMMAND ${KPI_SYSTEM_PYTHON3} -c
      "import sys; print('python%d.%d' % sys.version_info[:2])"
      OUTPUT_VARIABLE _kpi_py_out OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _kpi_py_rc)
    if(_kpi_py_rc EQUAL 0)
      set(_kpi_py ${_kpi_py_out})
    endif()
  endif()
  if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(_kpi_python_dir lib/python3/dist-packages)
  elseif(CMAKE_INSTALL_PREFIX STREQUAL "/usr/local")
    set(_kpi_python_dir lib/${_kpi_py}/dist-packages)
  else()
    set(_kpi_python_dir lib/${_kpi_py}/site-packages)
  endif()
endif()

install(DIRECTORY ${PROJECT_SOURCE_DIR}/bindings/python/kpi DESTINATION ${_kpi_python_dir}
  PATTERN __pycache__ EXCLUDE)
file(RELATIVE_PATH _kpi_python_to_lib ${CMAKE_INSTALL_PREFIX}/${_kpi_python_dir}/kpi
  ${CMAKE_INSTALL_FULL_LIBDIR})
file(WRITE ${PROJECT_BINARY_DIR}/python/_install.py
  "# Written at install: where libkpi is, relative to this package.\n"
  "LIBRARY_DIR = \"${_kpi_python_to_lib}\"\n")
install(FILES ${PROJECT_BINARY_DIR}/python/_install.py DESTINATION ${_kpi_python_dir}/kpi)
