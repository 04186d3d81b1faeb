//===- Npy.h - NumPy .npy files for the runtime's inputs and outputs -*- C++ -*-===//
//
// Reads and writes version 1.0-3.0 .npy files of the element types a model
// signature can carry. Reading validates the magic, the header dictionary,
// the shape and that the data is exactly as long as the shape says, and
// explains what is wrong otherwise. MLIR- and LLVM-free.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_RUNTIME_NPY_H
#define WAFER_RUNTIME_NPY_H

#include <cstdint>
#include <string>
#include <vector>

namespace wafer::runtime {

/// Element types of .npy data the runtime reads and writes.
enum class NpyType { F32, F16, F64, I64, I32, Bool, U16 };

/// "<f4", "<f2", "<f8", "<i8", "<i4", "|b1", "<u2".
const char *npyDescr(NpyType type);
/// "float32", "float16", ...: NumPy's names, for messages.
const char *npyTypeName(NpyType type);
size_t npyItemSize(NpyType type);

struct NpyArray {
  NpyType type = NpyType::F32;
  std::vector<int64_t> shape;
  std::string data; ///< C order, little-endian
  int64_t numElements() const;
};

/// Parses the bytes of a .npy file; false with `error` set when they are
/// not one this reader accepts (Fortran order, big-endian or unsupported
/// types, a shape that does not match the data, a damaged header).
bool parseNpy(const std::string &bytes, NpyArray &out, std::string &error);
bool readNpy(const std::string &path, NpyArray &out, std::string &error);

/// The bytes of a version 1.0 .npy file of `array`.
std::string serializeNpy(const NpyArray &array);
bool writeNpy(const std::string &path, const NpyArray &array,
              std::string &error);

} // namespace wafer::runtime

#endif // WAFER_RUNTIME_NPY_H
