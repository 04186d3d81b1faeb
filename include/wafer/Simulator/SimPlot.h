//===- SimPlot.h - a picture of a simulated run -----------------*- C++ -*-===//
//
// Two panels: the link utilization over the mesh (the busiest link out of
// each router, or of each cell of routers on a large mesh, as a share of
// its slot's cycles; program rectangles outlined) and a per-kernel
// timeline (each row's first to last active cycle, slot boundaries
// marked). SVG or PNG by the file's name; byte-identical across runs.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_SIMULATOR_SIMPLOT_H
#define WAFER_SIMULATOR_SIMPLOT_H

#include "wafer/Simulator/SimReport.h"

#include <string>

namespace wafer::sim {

/// Writes the picture of `report` to `path` (.svg or .png); false with
/// `error` set when the name has neither extension or it cannot be written.
bool plotReport(const SimReport &report, const std::string &path,
                std::string &error);

} // namespace wafer::sim

#endif // WAFER_SIMULATOR_SIMPLOT_H
