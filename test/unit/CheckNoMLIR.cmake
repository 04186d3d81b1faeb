# cmake -DNAME=Lib -DLINKS=a|b -DARCHIVE=lib.a -DEXECUTABLES=exe|exe2
#       -DNM=nm -DOBJDUMP=objdump -P CheckNoMLIR.cmake
# Fails when library NAME depends on MLIR or LLVM: a library of theirs on
# its link line, an undefined llvm:: or mlir:: symbol in its archive, or
# libMLIR/libLLVM among the shared libraries an executable that links it
# needs. The MLIR-free half (ARCHITECTURE.md) runs it on each of its
# libraries: the cost model, the runtime.

set(found "")

string(REPLACE "|" ";" links "${LINKS}")
foreach(link IN LISTS links)
  if(link MATCHES "MLIR|LLVM|mlir|llvm")
    list(APPEND found "link line: ${link}")
  endif()
endforeach()

foreach(tool NM OBJDUMP)
  if(NOT ${tool} OR NOT EXISTS "${${tool}}")
    message(FATAL_ERROR "CheckNoMLIR: no ${tool} ('${${tool}}') to inspect with")
  endif()
endforeach()

# The lines `tool args...` prints, as a list in `out`.
function(lines_of out tool)
  execute_process(COMMAND "${tool}" ${ARGN}
    OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "CheckNoMLIR: ${tool} ${ARGN} failed")
  endif()
  string(REPLACE "\n" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

lines_of(symbols "${NM}" -C -u "${ARCHIVE}")
foreach(symbol IN LISTS symbols)
  if(symbol MATCHES "(llvm|mlir)::")
    string(STRIP "${symbol}" symbol)
    list(APPEND found "undefined symbol: ${symbol}")
  endif()
endforeach()

string(REPLACE "|" ";" executables "${EXECUTABLES}")
foreach(executable IN LISTS executables)
  lines_of(headers "${OBJDUMP}" -p "${executable}")
  foreach(line IN LISTS headers)
    if(line MATCHES "NEEDED +([^ ]+)")
      set(library "${CMAKE_MATCH_1}")
      if(library MATCHES "MLIR|LLVM")
        list(APPEND found "needed by ${executable}: ${library}")
      endif()
    endif()
  endforeach()
endforeach()

if(found)
  list(JOIN found "\n  " text)
  message(FATAL_ERROR "${NAME} must link neither MLIR nor LLVM:\n  ${text}")
endif()
message(STATUS "${NAME} links neither MLIR nor LLVM")
