# Debian's LLVM/MLIR 22, linked as the shared libMLIR/libLLVM to keep links fast.
find_package(MLIR REQUIRED CONFIG
  HINTS /usr/lib/llvm-22/lib/cmake/mlir)
message(STATUS "Using MLIR ${MLIR_PACKAGE_VERSION} from ${MLIR_DIR}")

list(APPEND CMAKE_MODULE_PATH "${MLIR_CMAKE_DIR}" "${LLVM_CMAKE_DIR}")
set(LLVM_RUNTIME_OUTPUT_INTDIR ${CMAKE_BINARY_DIR}/bin)
set(LLVM_LIBRARY_OUTPUT_INTDIR ${CMAKE_BINARY_DIR}/lib)
set(MLIR_BINARY_DIR ${CMAKE_BINARY_DIR})
include(TableGen)
include(AddLLVM)
include(AddMLIR)

include_directories(SYSTEM ${LLVM_INCLUDE_DIRS} ${MLIR_INCLUDE_DIRS})
# What mlir-tblgen generates is not the project's code (it leaves parameters
# unused, for one); warnings are for what the project writes.
include_directories(${WAFER_SOURCE_DIR}/include)
include_directories(SYSTEM ${WAFER_BINARY_DIR}/include)
add_definitions(${LLVM_DEFINITIONS})
if(NOT LLVM_ENABLE_RTTI)
  set(CMAKE_CXX_FLAGS "${CMAKE_CXX_FLAGS} -fno-rtti")
endif()

set(WAFER_LLVM_TOOLS_DIR ${LLVM_TOOLS_BINARY_DIR})
set(WAFER_MLIR_LIBS MLIR LLVM)

# Runs mlir-tblgen on a .td file of dialects/ and writes the generated files
# into <build>/include/wafer/<outdir>, so they are included as "wafer/...".
# Each extra argument is "<flags>|<file>", flags separated by commas.
function(wafer_tablegen target td outdir)
  set(LLVM_TARGET_DEFINITIONS ${WAFER_SOURCE_DIR}/dialects/${td})
  file(RELATIVE_PATH rel ${CMAKE_CURRENT_BINARY_DIR}
       ${WAFER_BINARY_DIR}/include/wafer/${outdir})
  file(MAKE_DIRECTORY ${WAFER_BINARY_DIR}/include/wafer/${outdir})
  foreach(pair ${ARGN})
    string(REPLACE "|" ";" parts ${pair})
    list(GET parts 0 flag)
    list(GET parts 1 out)
    string(REPLACE "," ";" flags ${flag})
    mlir_tablegen(${rel}/${out} ${flags}
      EXTRA_INCLUDES ${WAFER_SOURCE_DIR}/dialects)
  endforeach()
  add_public_tablegen_target(${target})
endfunction()
