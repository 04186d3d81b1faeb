//===- Canvas.h - a picture drawn with cairo, as SVG or PNG -----*- C++ -*-===//
//
// The one home of turning a cairo drawing into a file: the format from the
// file's name, the surface, the PNG encoding, a byte-identical SVG, and the
// write. MLIR-free, for the compiler's fabric plot and the simulator's.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_SUPPORT_CANVAS_H
#define WAFER_SUPPORT_CANVAS_H

#include <functional>
#include <string>

typedef struct _cairo cairo_t;

namespace wafer {

enum class CanvasFormat { Svg, Png };

/// The format `path` names by its extension (.svg or .png, any case);
/// false with `error` otherwise.
bool canvasFormatOf(const std::string &path, CanvasFormat &format,
                    std::string &error);

/// Paints a `widthPx` x `heightPx` picture with `paint` and returns the
/// file's bytes. The same drawing gives the same bytes in every run.
bool renderCanvas(CanvasFormat format, int widthPx, int heightPx,
                  const std::function<void(cairo_t *)> &paint,
                  std::string &bytes, std::string &error);

/// Writes `bytes` to `path`; false with `error` naming the path and why.
bool writeFileBytes(const std::string &path, const std::string &bytes,
                    std::string &error);

} // namespace wafer

#endif // WAFER_SUPPORT_CANVAS_H
