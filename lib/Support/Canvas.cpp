//===- Canvas.cpp - a picture drawn with cairo, as SVG or PNG -------------===//

#include "wafer/Support/Canvas.h"

#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace wafer {
namespace {

cairo_status_t appendToString(void *closure, const unsigned char *data,
                              unsigned int length) {
  static_cast<std::string *>(closure)->append(
      reinterpret_cast<const char *>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

} // namespace

bool canvasFormatOf(const std::string &path, CanvasFormat &format,
                    std::string &error) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.find_last_of('.');
  std::string extension =
      dot == std::string::npos || (slash != std::string::npos && dot < slash)
          ? ""
          : path.substr(dot);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  if (extension == ".svg")
    format = CanvasFormat::Svg;
  else if (extension == ".png")
    format = CanvasFormat::Png;
  else {
    error = "cannot tell the format of '" + path +
            "': the name must end in .svg or .png";
    return false;
  }
  return true;
}

bool renderCanvas(CanvasFormat format, int widthPx, int heightPx,
                  const std::function<void(cairo_t *)> &paint,
                  std::string &bytes, std::string &error) {
  bytes.clear();
  cairo_surface_t *surface =
      format == CanvasFormat::Svg
          ? cairo_svg_surface_create_for_stream(appendToString, &bytes,
                                                widthPx, heightPx)
          : cairo_image_surface_create(CAIRO_FORMAT_RGB24, widthPx, heightPx);
  if (format == CanvasFormat::Svg)
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
  cairo_t *cr = cairo_create(surface);
  paint(cr);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  if (status == CAIRO_STATUS_SUCCESS) {
    if (format == CanvasFormat::Png)
      status =
          cairo_surface_write_to_png_stream(surface, appendToString, &bytes);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS)
      status = cairo_surface_status(surface);
  }
  cairo_surface_destroy(surface);
  // cairo names the SVG page after a process-wide surface counter; a fixed
  // name keeps every run byte-identical.
  if (format == CanvasFormat::Svg) {
    static const char kPageId[] = "<g id=\"surface";
    size_t at = bytes.find(kPageId);
    if (at != std::string::npos) {
      size_t end = bytes.find('"', at + sizeof kPageId - 1);
      bytes.replace(at, end + 1 - at, "<g id=\"plot\"");
    }
  }
  if (status != CAIRO_STATUS_SUCCESS) {
    error = std::string("cairo failed to draw the plot: ") +
            cairo_status_to_string(status);
    return false;
  }
  return true;
}

bool writeFileBytes(const std::string &path, const std::string &bytes,
                    std::string &error) {
  std::FILE *f = std::fopen(path.c_str(), "wb");
  if (!f) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) ==
                       bytes.size();
  const int savedErrno = errno;
  if (std::fclose(f) != 0 || !written) {
    error = "cannot write '" + path + "': " +
            std::strerror(written ? errno : savedErrno);
    return false;
  }
  return true;
}

} // namespace wafer
