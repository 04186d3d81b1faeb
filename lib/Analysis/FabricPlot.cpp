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

#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cairo-svg.h>
#include <cairo.h>

using namespace mlir;
using namespace wafer::plot;

namespace wafer {

namespace {

cairo_status_t appendToString(void *closure, const unsigned char *data,
                              unsigned int length) {
  static_cast<std::string *>(closure)->append(
      reinterpret_cast<const char *>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

enum class Format { Svg, Png };

LogicalResult render(const PlotModel &model, Format format, std::string &bytes,
                     FabricPlotInfo &info, std::string &error) {
  Layout layout = computeLayout(model);
  HeatMap heat = computeHeatMap(model, layout.cell);

  cairo_surface_t *surface =
      format == Format::Svg
          ? cairo_svg_surface_create_for_stream(appendToString, &bytes,
                                                layout.widthPx, layout.heightPx)
          : cairo_image_surface_create(CAIRO_FORMAT_RGB24, layout.widthPx,
                                       layout.heightPx);
  if (format == Format::Svg)
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
  cairo_t *cr = cairo_create(surface);
  paintPlot(cr, model, layout, heat, info);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  if (status == CAIRO_STATUS_SUCCESS) {
    if (format == Format::Png)
      status =
          cairo_surface_write_to_png_stream(surface, appendToString, &bytes);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS)
      status = cairo_surface_status(surface);
  }
  cairo_surface_destroy(surface);
  // cairo names the SVG page after a process-wide surface counter; a fixed
  // name keeps every run byte-identical.
  if (format == Format::Svg) {
    static constexpr llvm::StringLiteral kPageId = "<g id=\"surface";
    size_t at = bytes.find(kPageId.data());
    if (at != std::string::npos) {
      size_t end = bytes.find('"', at + kPageId.size());
      bytes.replace(at, end + 1 - at, "<g id=\"plot\"");
    }
  }
  if (status != CAIRO_STATUS_SUCCESS) {
    error = std::string("cairo failed to draw the plot: ") +
            cairo_status_to_string(status);
    return failure();
  }

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
  std::string extension = llvm::sys::path::extension(path).lower();
  Format format;
  if (extension == ".svg")
    format = Format::Svg;
  else if (extension == ".png")
    format = Format::Png;
  else {
    error = "cannot tell the format of '" + path.str() +
            "': the name must end in .svg or .png";
    return failure();
  }

  PlotModel model;
  if (failed(readModel(module, model, error)))
    return failure();
  FabricPlotInfo scratch;
  FabricPlotInfo &drawn = info ? *info : scratch;
  drawn = FabricPlotInfo();
  std::string bytes;
  if (failed(render(model, format, bytes, drawn, error)))
    return failure();

  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec) {
    error = "cannot write '" + path.str() + "': " + ec.message();
    return failure();
  }
  os << bytes;
  os.close();
  if (os.has_error()) {
    error = "cannot write '" + path.str() + "': " + os.error().message();
    os.clear_error();
    return failure();
  }
  return success();
}

} // namespace wafer
