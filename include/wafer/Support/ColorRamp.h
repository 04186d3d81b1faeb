//===- ColorRamp.h - colours shared by the pictures -------------*- C++ -*-===//
//
// MLIR-free, so that the compiler's fabric plot and the simulator's plot
// (which the runtime links) draw load with the same ramp.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_SUPPORT_COLORRAMP_H
#define WAFER_SUPPORT_COLORRAMP_H

#include <cstdint>

namespace wafer {

struct Rgb {
  double r, g, b;
};

/// 0xRRGGBB.
Rgb hex(uint32_t rgb);

/// Sequential light-yellow to dark-red ramp over t in [0, 1]: low load
/// stays quiet on the light mesh, hot links stand out.
Rgb heatColor(double t);

} // namespace wafer

#endif // WAFER_SUPPORT_COLORRAMP_H
