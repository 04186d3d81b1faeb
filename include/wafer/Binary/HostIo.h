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

class BlockLayout;

/// The layout `io` spreads `tensor` with over `program`'s rectangle; false
/// with `error` when it has none (dimensions out of range, or flat and
/// split at once).
bool layoutOf(const PeIo &io, const Tensor &tensor, const PeProgram &program,
              BlockLayout &layout, std::string &error);

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
