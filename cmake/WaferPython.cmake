# Decides whether the Python extension wafer._core is built
# (WAFER_PYTHON_EXTENSION) and finds Python and nanobind for it.
#
# Included before any library is added: the extension is a shared object
# that links the project's static libraries, so they are all compiled as
# position-independent code when it is built.

set(WAFER_PYTHON_EXTENSION OFF)
if(WAFER_BUILD_PYTHON STREQUAL "AUTO")
  set(wafer_python_wanted NOT_REQUIRED)
  if(WAFER_SANITIZE OR WAFER_FUZZ OR NOT WAFER_BUILD_COMPILER)
    set(wafer_python_wanted OFF)
  endif()
elseif(WAFER_BUILD_PYTHON)
  set(wafer_python_wanted REQUIRED)
  if(NOT WAFER_BUILD_COMPILER)
    message(FATAL_ERROR "WAFER_BUILD_PYTHON needs WAFER_BUILD_COMPILER")
  endif()
else()
  set(wafer_python_wanted OFF)
endif()

if(NOT wafer_python_wanted STREQUAL "OFF")
  # scripts/setup.sh names the interpreter as Python3_EXECUTABLE (the lit
  # suite's spelling); nanobind uses FindPython's Python_ prefix.
  if(NOT Python_EXECUTABLE AND Python3_EXECUTABLE)
    set(Python_EXECUTABLE ${Python3_EXECUTABLE})
  endif()
  if(wafer_python_wanted STREQUAL "REQUIRED")
    find_package(Python 3.9 REQUIRED
      COMPONENTS Interpreter Development.Module)
  else()
    find_package(Python 3.9 COMPONENTS Interpreter Development.Module)
  endif()
  if(Python_FOUND AND NOT nanobind_DIR)
    # pip's nanobind tells where its CMake package is.
    execute_process(
      COMMAND ${Python_EXECUTABLE} -m nanobind --cmake_dir
      OUTPUT_VARIABLE wafer_nanobind_dir
      OUTPUT_STRIP_TRAILING_WHITESPACE
      ERROR_QUIET)
    if(wafer_nanobind_dir)
      set(nanobind_DIR ${wafer_nanobind_dir} CACHE PATH
        "Where nanobind's CMake package is" FORCE)
    endif()
  endif()
  if(Python_FOUND)
    if(wafer_python_wanted STREQUAL "REQUIRED")
      find_package(nanobind CONFIG REQUIRED)
    else()
      find_package(nanobind CONFIG QUIET)
    endif()
  endif()
  if(Python_FOUND AND nanobind_FOUND)
    set(WAFER_PYTHON_EXTENSION ON)
  endif()
endif()

if(WAFER_PYTHON_EXTENSION)
  set(CMAKE_POSITION_INDEPENDENT_CODE ON)
  message(STATUS "Python extension wafer._core: on (Python "
                 "${Python_VERSION}, nanobind in ${nanobind_DIR})")
else()
  message(STATUS "Python extension wafer._core: off (WAFER_BUILD_PYTHON="
                 "${WAFER_BUILD_PYTHON}; AUTO needs Python's headers and "
                 "nanobind: pip install nanobind)")
endif()
