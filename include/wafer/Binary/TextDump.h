//===- TextDump.h - a .wfb as readable text ---------------------*- C++ -*-===//
//
// Section by section, as tt-mlir's `ttrt read` does: the header, the
// section table, the manifest (target, kernels, streams, tensors, the
// signature) and the host program. Weights are summarized (size, checksum,
// first values), never dumped.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_BINARY_TEXTDUMP_H
#define WAFER_BINARY_TEXTDUMP_H

#include "wafer/Binary/Reader.h"

#include <ostream>

namespace wafer::wfb {

void printBinary(const BinaryFile &binary, std::ostream &os);

} // namespace wafer::wfb

#endif // WAFER_BINARY_TEXTDUMP_H
