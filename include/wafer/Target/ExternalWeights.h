//===- ExternalWeights.h - where a .wfb keeps external data -----*- C++ -*-===//
//
// MLIR-free, so that the compile options (wafer/Driver/CompileOptions.h)
// can name it where MLIR's headers are not wanted: the Python extension.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_TARGET_EXTERNALWEIGHTS_H
#define WAFER_TARGET_EXTERNALWEIGHTS_H

namespace wafer {

/// Where the weights that come from an external-data file go.
enum class ExternalWeights {
  /// Referred to (path, offset, length, xxh64) when the file lies in the
  /// binary's folder or below it, copied otherwise.
  Auto,
  /// Referred to; an error when the file is not in the binary's folder.
  Reference,
  /// Copied into the weights section: the binary stands alone.
  Copy,
};

} // namespace wafer

#endif // WAFER_TARGET_EXTERNALWEIGHTS_H
