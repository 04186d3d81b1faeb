//===- FabricPlot.cpp - a picture of the placed and routed mesh -----------===//
//
// Reads the design into a plot model (PlotModel.cpp), lays it out
// (PlotLayout.cpp), bins the link load into cells (PlotHeatMap.cpp) and
// paints it (PlotPainter.cpp) on a cairo surface: an SVG surface written to
// memory, or an image surface encoded as PNG.
//
//===----------------------------------------------------------------------===//

#include "wafer/Analysis/FabricPlot.h"

#include "PlotHeatMap.h"
#include "PlotLayout.h"
#include "PlotModel.h"
#include "PlotPainter.h"

#include "wafer/Support/Canvas.h"

#include <cairo.h>

using namespace mlir;
using namespace wafer::plot;

namespace wafer {

namespace {

LogicalResult render(const PlotModel &model, CanvasFormat format,
                     std::string &bytes, FabricPlotInfo &info,
                     std::string &error) {
  Layout layout = computeLayout(model);
  HeatMap heat = computeHeatMap(model, layout.cell);
  if (!renderCanvas(
          format, layout.widthPx, layout.heightPx,
          [&](cairo_t *cr) { paintPlot(cr, model, layout, heat, info); }, bytes,
          error))
    return failure();

  info.widthPx = layout.widthPx;
  info.heightPx = layout.heightPx;
  info.pixelsPerPE = layout.scale;
  info.pesPerCell = layout.cell;
  info.routedStreams = model.routedStreams;
  info.unroutedStreams = model.streams.size() - model.routedStreams;
  info.linksUsed = heat.linksUsed;
  info.maxLinkBytes = heat.maxBytes;
  return success();
}

} // namespace

LogicalResult plotFabric(ModuleOp module, StringRef path, std::string &error,
                         FabricPlotInfo *info) {
  CanvasFormat format;
  if (!canvasFormatOf(path.str(), format, error))
    return failure();

  PlotModel model;
  if (failed(readModel(module, model, error)))
    return failure();
  FabricPlotInfo scratch;
  FabricPlotInfo &drawn = info ? *info : scratch;
  drawn = FabricPlotInfo();
  std::string bytes;
  if (failed(render(model, format, bytes, drawn, error)))
    return failure();

  if (!writeFileBytes(path.str(), bytes, error))
    return failure();
  return success();
}

} // namespace wafer
