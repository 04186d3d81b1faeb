//===- HostIo.h - checks of a pe design's host I/O --------------*- C++ -*-===//
//
// One home for what the compiler's writer and the loader both check of the
// pe.input / pe.output bindings (wfb::PeIo), phrased for either.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_BINARY_HOSTIO_H
#define WAFER_BINARY_HOSTIO_H

#include "wafer/Binary/wfb.pb.h"

#include <string>

namespace wafer::wfb {

/// What is wrong with `io` of `program` against the manifest's signature
/// (the entry it names, its buffer, f32 on both sides, the layout and the
/// block's size), or "".
std::string hostIoProblem(const PeIo &io, const PeProgram &program,
                          const Manifest &manifest);

/// When the design has host I/O: the first input no program loads or
/// output not given by exactly one program, or "".
std::string hostIoCoverageProblem(const PeDesign &design,
                                  const Manifest &manifest);

} // namespace wafer::wfb

#endif // WAFER_BINARY_HOSTIO_H
