//===- PlotPainter.h - the plot drawn with cairo ----------------*- C++ -*-===//

#ifndef WAFER_LIB_ANALYSIS_PLOTPAINTER_H
#define WAFER_LIB_ANALYSIS_PLOTPAINTER_H

#include "PlotHeatMap.h"
#include "PlotLayout.h"
#include "PlotModel.h"

#include "wafer/Analysis/FabricPlot.h"

#include <cairo.h>

namespace wafer::plot {

/// Paints the whole picture onto `cr`: the title, the placement panel, the
/// load panel when the layout has two, and the legend. Records the boxes
/// and labels it drew in `info`.
void paintPlot(cairo_t *cr, const PlotModel &model, const Layout &layout,
               const HeatMap &heat, FabricPlotInfo &info);

} // namespace wafer::plot

#endif // WAFER_LIB_ANALYSIS_PLOTPAINTER_H
