//===- DType.h - MLIR element types as the binary's dtypes -------*- C++ -*-===//

#ifndef WAFER_LIB_TARGET_WFB_DTYPE_H
#define WAFER_LIB_TARGET_WFB_DTYPE_H

#include "wafer/Binary/wfb.pb.h"

#include "mlir/IR/Types.h"
#include "mlir/Support/LLVM.h"

namespace wafer {

/// The dtype of a tensor or buffer element; failure for a type the format
/// has none for.
inline mlir::FailureOr<wfb::DType> dtypeOf(mlir::Type element) {
  if (element.isF32())
    return wfb::F32;
  if (element.isF16())
    return wfb::F16;
  if (element.isBF16())
    return wfb::BF16;
  if (element.isF64())
    return wfb::F64;
  if (element.isInteger(64))
    return wfb::I64;
  if (element.isInteger(32))
    return wfb::I32;
  if (element.isInteger(1))
    return wfb::BOOL;
  return mlir::failure();
}

} // namespace wafer

#endif // WAFER_LIB_TARGET_WFB_DTYPE_H
