//===- PeDesignCheck.h - validate a PE-DESIGN section -----------*- C++ -*-===//
//
// What the pe dialect's verifiers check, again over the stored form: a
// binary may be corrupt or hand-made, and the simulator indexes buffers,
// tasks and SRAM with these numbers.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_LIB_BINARY_PEDESIGNCHECK_H
#define WAFER_LIB_BINARY_PEDESIGNCHECK_H

#include "wafer/Binary/wfb.pb.h"

#include <string>

namespace wafer::wfb {

/// True when every index, range, address, color and rectangle of `design`
/// is valid on `target`; otherwise false with `error` naming the first
/// problem and where it is.
/// Checks everything the simulator and the text dump rely on, against the
/// manifest's target and kernels; false with `error` set on the first
/// problem.
bool checkPeDesign(const PeDesign &design, const Manifest &manifest,
                   std::string &error);

} // namespace wafer::wfb

#endif // WAFER_LIB_BINARY_PEDESIGNCHECK_H
