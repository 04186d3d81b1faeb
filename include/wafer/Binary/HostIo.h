//===- HostIo.h - checks of a pe design's host I/O --------------*- C++ -*-===//
//
// One home for what the compiler's writer and the loader both check of the
// pe.input / pe.output bindings (wfb::PeIo) and the pe.weight blocks
// (wfb::PeWeight), phrased for either.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_BINARY_HOSTIO_H
#define WAFER_BINARY_HOSTIO_H

#include "wafer/Binary/wfb.pb.h"

#include <string>

namespace wafer::wfb {

class BlockLayout;

/// The layout `io` spreads `tensor` with over `program`'s rectangle (or
/// the grid it names, placed at its corner); false with `error` when it
/// has none (dimensions out of range, flat and split at once, a grid or
/// corner that is not a pair, a program past the grid's edge).
bool layoutOf(const PeIo &io, const Tensor &tensor, const PeProgram &program,
              BlockLayout &layout, std::string &error);
bool layoutOf(const PeWeight &weight, const Tensor &tensor,
              const PeProgram &program, BlockLayout &layout,
              std::string &error);

/// What is wrong with `weight` of `program` against the manifest's tensors
/// (a constant, f32 like its buffer, the layout and the block's size), or
/// "".
std::string weightProblem(const PeWeight &weight, const PeProgram &program,
                          const Manifest &manifest);

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
