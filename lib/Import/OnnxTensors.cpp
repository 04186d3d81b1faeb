//===- OnnxTensors.cpp - ONNX tensors as MLIR attributes ------------------===//

#include "GraphImporter.h"

#include "wafer/Support/ElementCount.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <iterator>

using namespace mlir;

namespace wafer::onnx_import {

Type elementTypeFor(int32_t onnxType, MLIRContext *context) {
  Builder b(context);
  switch (onnxType) {
  case onnx::TensorProto::FLOAT: return b.getF32Type();
  case onnx::TensorProto::FLOAT16: return b.getF16Type();
  case onnx::TensorProto::BFLOAT16: return b.getBF16Type();
  case onnx::TensorProto::DOUBLE: return b.getF64Type();
  case onnx::TensorProto::INT64: return b.getI64Type();
  case onnx::TensorProto::INT32: return b.getI32Type();
  case onnx::TensorProto::BOOL: return b.getI1Type();
  default: return {};
  }
}

std::string onnxTypeName(int32_t onnxType) {
  if (onnx::TensorProto::DataType_IsValid(onnxType))
    return onnx::TensorProto::DataType_Name(
        static_cast<onnx::TensorProto::DataType>(onnxType));
  // Types newer than the onnx.proto the importer is built with (Debian's is
  // ONNX 1.12, which stops at BFLOAT16): the names ONNX 1.23 gives them.
  static constexpr const char *newer[] = {
      "FLOAT8E4M3FN", "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ",
      "UINT4",        "INT4",           "FLOAT4E2M1", "FLOAT8E8M0",
      "UINT2",        "INT2",           "FLOAT6E2M3", "FLOAT6E3M2"};
  if (onnxType >= 17 && onnxType < 17 + int32_t(std::size(newer)))
    return newer[onnxType - 17];
  return "data type " + std::to_string(onnxType);
}

llvm::Expected<std::shared_ptr<llvm::MemoryBuffer>>
ExternalDataFiles::get(StringRef location) {
  auto it = files.find(location);
  if (it != files.end())
    return it->second;
  if (llvm::sys::path::is_absolute(location) ||
      llvm::any_of(llvm::make_range(llvm::sys::path::begin(location),
                                    llvm::sys::path::end(location)),
                   [](StringRef part) { return part == ".."; }))
    return llvm::createStringError(
        "external data location '" + location.str() +
        "' must be a relative path inside the model's folder");
  SmallString<256> path(modelDir);
  llvm::sys::path::append(path, location);
  // Mapped, not read: weights stay on disk until a later stage touches them.
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return llvm::createStringError("cannot open external data file '" +
                                   path.str().str() +
                                   "': " + buffer.getError().message());
  std::shared_ptr<llvm::MemoryBuffer> shared = std::move(*buffer);
  files[location] = shared;
  return shared;
}

std::vector<OnnxExternalFile> ExternalDataFiles::mapped() const {
  std::vector<OnnxExternalFile> out;
  for (const auto &entry : files) {
    SmallString<256> path(modelDir);
    llvm::sys::path::append(path, entry.getKey());
    out.push_back({path.str().str(), entry.getValue()});
  }
  llvm::sort(out, [](const OnnxExternalFile &a, const OnnxExternalFile &b) {
    return a.path < b.path;
  });
  return out;
}

namespace {
/// Where a tensor's bytes live, in ONNX's little-endian raw layout.
struct RawBytes {
  ArrayRef<char> data;
  /// Keeps `data` alive for as long as a blob points into it.
  std::shared_ptr<const void> owner;
};

size_t byteWidth(Type element) {
  return element.isInteger(1) ? 1 : element.getIntOrFloatBitWidth() / 8;
}

/// Serializes the typed repeated fields into raw layout.
std::shared_ptr<std::string> typedFieldsToRaw(const onnx::TensorProto &t,
                                              Type element, int64_t count) {
  auto raw = std::make_shared<std::string>();
  auto append = [&](const void *p, size_t n) {
    raw->append(static_cast<const char *>(p), n);
  };
  switch (t.data_type()) {
  case onnx::TensorProto::FLOAT:
    for (float v : t.float_data())
      append(&v, 4);
    break;
  case onnx::TensorProto::DOUBLE:
    for (double v : t.double_data())
      append(&v, 8);
    break;
  case onnx::TensorProto::INT64:
    for (int64_t v : t.int64_data())
      append(&v, 8);
    break;
  case onnx::TensorProto::INT32:
    for (int32_t v : t.int32_data())
      append(&v, 4);
    break;
  case onnx::TensorProto::BOOL:
    for (int32_t v : t.int32_data()) {
      char b = v != 0;
      append(&b, 1);
    }
    break;
  case onnx::TensorProto::FLOAT16:
  case onnx::TensorProto::BFLOAT16:
    // ONNX keeps 16-bit floats as their bit patterns in int32_data.
    for (int32_t v : t.int32_data()) {
      uint16_t bits = static_cast<uint16_t>(v);
      append(&bits, 2);
    }
    break;
  default:
    break;
  }
  (void)element;
  (void)count;
  return raw;
}

/// The typed repeated fields of `t` that hold values, by name.
SmallVector<StringRef> typedFieldsInUse(const onnx::TensorProto &t) {
  SmallVector<StringRef> fields;
  if (t.float_data_size())
    fields.push_back("float_data");
  if (t.double_data_size())
    fields.push_back("double_data");
  if (t.int32_data_size())
    fields.push_back("int32_data");
  if (t.int64_data_size())
    fields.push_back("int64_data");
  if (t.uint64_data_size())
    fields.push_back("uint64_data");
  if (t.string_data_size())
    fields.push_back("string_data");
  return fields;
}

/// The typed field ONNX keeps values of `dataType` in (onnx.proto).
StringRef typedFieldFor(int32_t dataType) {
  switch (dataType) {
  case onnx::TensorProto::FLOAT: return "float_data";
  case onnx::TensorProto::DOUBLE: return "double_data";
  case onnx::TensorProto::INT64: return "int64_data";
  default: return "int32_data"; // INT32, BOOL, FLOAT16, BFLOAT16
  }
}

/// A non-negative decimal external-data offset or length.
std::optional<int64_t> parseExternalNumber(StringRef text) {
  int64_t v;
  if (text.getAsInteger(10, v) || v < 0)
    return std::nullopt;
  return v;
}

std::string blobKey(StringRef name) {
  std::string key;
  for (char c : name)
    key.push_back(llvm::isAlnum(c) || c == '_' || c == '.' ? c : '_');
  if (key.empty() || llvm::isDigit(key.front()))
    key.insert(0, "w_");
  return key;
}
} // namespace

FailureOr<ElementsAttr>
tensorToAttr(const onnx::TensorProto &tensor, StringRef name, Location loc,
             MLIRContext *context,
             const std::shared_ptr<const onnx::ModelProto> &owner,
             ExternalDataFiles &external) {
  Type element = elementTypeFor(tensor.data_type(), context);
  if (!element)
    return emitError(loc) << "tensor '" << name << "' has element type "
                          << onnxTypeName(tensor.data_type())
                          << ", which Wafer does not support (supported: "
                             "FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT64, INT32, "
                             "BOOL)";
  SmallVector<int64_t> shape;
  for (int64_t d : tensor.dims()) {
    if (d < 0)
      return emitError(loc) << "tensor '" << name
                            << "' has a negative dimension " << d;
    shape.push_back(d);
  }
  // Dims from the file: their product, and the bytes it takes, must fit.
  std::optional<int64_t> elements = checkedElementCount(shape);
  std::optional<int64_t> byteCount =
      elements ? checkedByteCount(*elements, 8 * byteWidth(element))
               : std::nullopt;
  if (!byteCount)
    return emitError(loc) << "tensor '" << name << "' of shape "
                          << graph::formatShape(shape)
                          << " has more elements or bytes than a 64-bit "
                             "count holds";
  auto type = RankedTensorType::get(shape, element);
  int64_t count = *elements;
  size_t expectedBytes = static_cast<size_t>(*byteCount);

  // ONNX keeps a tensor's values in exactly one place: raw_data, external
  // data, or the typed field of its data type. Anything else is ambiguous.
  SmallVector<StringRef> typedFields = typedFieldsInUse(tensor);
  bool isExternal = tensor.data_location() == onnx::TensorProto::EXTERNAL;
  if ((tensor.has_raw_data() || isExternal) && !typedFields.empty())
    return emitError(loc) << "tensor '" << name << "' has both "
                          << (isExternal ? "external data" : "raw_data")
                          << " and " << llvm::join(typedFields, ", ")
                          << "; ONNX stores a tensor's values in one place";
  if (isExternal && tensor.has_raw_data())
    return emitError(loc) << "tensor '" << name
                          << "' has both external data and raw_data; ONNX "
                             "stores a tensor's values in one place";
  StringRef expectedField = typedFieldFor(tensor.data_type());
  for (StringRef field : typedFields)
    if (field != expectedField)
      return emitError(loc) << "tensor '" << name << "' of type "
                            << onnxTypeName(tensor.data_type())
                            << " stores values in " << field << "; "
                            << onnxTypeName(tensor.data_type())
                            << " values belong in " << expectedField;

  RawBytes bytes;
  if (isExternal) {
    std::string location;
    std::optional<int64_t> offset = 0, length;
    for (const auto &entry : tensor.external_data()) {
      if (entry.key() == "location") {
        location = entry.value();
        continue;
      }
      if (entry.key() != "offset" && entry.key() != "length")
        continue;
      std::optional<int64_t> v = parseExternalNumber(entry.value());
      if (!v)
        return emitError(loc) << "tensor '" << name << "' has external data "
                              << entry.key() << " '" << entry.value()
                              << "'; expected a non-negative integer";
      (entry.key() == "offset" ? offset : length) = v;
    }
    if (location.empty())
      return emitError(loc) << "tensor '" << name
                            << "' is stored externally but names no location";
    auto file = external.get(location);
    if (!file)
      return emitError(loc) << "tensor '" << name
                            << "': " << llvm::toString(file.takeError());
    if (!length)
      length = static_cast<int64_t>(expectedBytes);
    uint64_t fileSize = (*file)->getBufferSize();
    std::optional<int64_t> end = checkedAdd(*offset, *length);
    if (!end || static_cast<uint64_t>(*end) > fileSize)
      return emitError(loc)
             << "tensor '" << name << "' needs bytes [" << *offset << ", "
             << (end ? std::to_string(*end) : "past 2^63") << ") of '"
             << location << "', which has only " << fileSize
             << " bytes (truncated?)";
    int64_t off = *offset, len = *length;
    bytes = {ArrayRef<char>((*file)->getBufferStart() + off, len), *file};
  } else if (tensor.has_raw_data()) {
    bytes = {ArrayRef<char>(tensor.raw_data().data(), tensor.raw_data().size()),
             owner};
  } else {
    auto raw = typedFieldsToRaw(tensor, element, count);
    bytes = {ArrayRef<char>(raw->data(), raw->size()), raw};
  }
  if (bytes.data.size() != expectedBytes)
    return emitError(loc) << "tensor '" << name << "' of type " << type
                          << " needs " << expectedBytes << " bytes of data but "
                          << "has " << bytes.data.size();

  if (count == 0)
    return cast<ElementsAttr>(
        DenseElementsAttr::get(type, ArrayRef<Attribute>{}));
  if (element.isInteger(1)) {
    SmallVector<bool> values;
    for (char c : bytes.data)
      values.push_back(c != 0);
    return cast<ElementsAttr>(DenseElementsAttr::get(type, values));
  }
  // Shapes, indices and scalars stay inline so that folders can read them.
  bool small = count <= 16 || (isa<IntegerType>(element) && count <= 4096);
  if (small)
    return cast<ElementsAttr>(
        DenseElementsAttr::getFromRawBuffer(type, bytes.data));

  size_t align = byteWidth(element);
  AsmResourceBlob blob;
  if (reinterpret_cast<uintptr_t>(bytes.data.data()) % align == 0) {
    // Point at the bytes where they are; the deleter releases their owner.
    std::shared_ptr<const void> keepAlive = bytes.owner;
    blob = UnmanagedAsmResourceBlob::allocateWithAlign(
        bytes.data, align,
        [keepAlive](void *, size_t, size_t) mutable { keepAlive.reset(); });
  } else {
    blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes.data, align);
  }
  return cast<ElementsAttr>(DenseResourceElementsAttr::get(
      type, blobKey(name), std::move(blob)));
}

} // namespace wafer::onnx_import
