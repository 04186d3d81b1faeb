//===- GraphImporter.h - state of one ONNX import ---------------*- C++ -*-===//
//
// Shared by the driver (OnnxImporter.cpp), the tensor reader
// (OnnxTensors.cpp) and the per-op importers (OnnxOps.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_LIB_IMPORT_GRAPHIMPORTER_H
#define WAFER_LIB_IMPORT_GRAPHIMPORTER_H

#include "wafer/Dialect/Graph/IR/GraphOps.h"
#include "wafer/Dialect/Graph/IR/ShapeInference.h"
#include "wafer/Import/OnnxImporter.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"

#include <onnx/onnx_pb.h>

#include <functional>
#include <memory>
#include <optional>

namespace wafer::onnx_import {

/// ONNX element type -> MLIR element type; null when unsupported.
mlir::Type elementTypeFor(int32_t onnxType, mlir::MLIRContext *context);
/// The ONNX name of a TensorProto data type ("FLOAT", "UINT8", ...).
std::string onnxTypeName(int32_t onnxType);

/// External data files, each memory-mapped once and shared by the blobs of
/// every tensor stored in it.
class ExternalDataFiles {
public:
  explicit ExternalDataFiles(std::string modelDir)
      : modelDir(std::move(modelDir)) {}
  /// The mapped file, or an error message.
  llvm::Expected<std::shared_ptr<llvm::MemoryBuffer>>
  get(llvm::StringRef location);

private:
  std::string modelDir;
  llvm::StringMap<std::shared_ptr<llvm::MemoryBuffer>> files;
};

/// Converts an initializer or Constant value, called `name` in errors and
/// blob keys, into an attribute: `dense` for
/// small tensors (shapes, scalars), `dense_resource` for weights, whose
/// bytes stay where they are (in the parsed model or the mapped file).
mlir::FailureOr<mlir::ElementsAttr>
tensorToAttr(const onnx::TensorProto &tensor, llvm::StringRef name,
             mlir::Location loc,
             mlir::MLIRContext *context,
             const std::shared_ptr<const onnx::ModelProto> &owner,
             ExternalDataFiles &external);

class GraphImporter;
using OpImporterFn =
    std::function<mlir::LogicalResult(GraphImporter &, const onnx::NodeProto &)>;

/// Everything the importer knows about one ONNX op type.
struct OpImporterInfo {
  /// First default-domain opset in which the op exists in the supported form.
  int64_t sinceOpset;
  OpImporterFn import;
};
const llvm::StringMap<OpImporterInfo> &opImporters();

class GraphImporter {
public:
  GraphImporter(mlir::MLIRContext *context, mlir::OpBuilder &builder,
                int64_t opset, std::shared_ptr<const onnx::ModelProto> model,
                ExternalDataFiles &external)
      : context(context), builder(builder), opset(opset),
        model(std::move(model)), external(external) {}

  mlir::MLIRContext *context;
  mlir::OpBuilder &builder;
  int64_t opset;
  /// Owner of the bytes that weight blobs point into.
  std::shared_ptr<const onnx::ModelProto> model;
  ExternalDataFiles &external;
  /// Converts a tensor attribute of a node (Constant, ConstantOfShape).
  mlir::FailureOr<mlir::ElementsAttr> tensor(const onnx::TensorProto &t,
                                             llvm::StringRef name) {
    return tensorToAttr(t, t.name().empty() ? name : llvm::StringRef(t.name()),
                        loc, context, model, external);
  }
  /// ONNX value name -> SSA value.
  llvm::StringMap<mlir::Value> values;
  /// Location of the node being imported.
  mlir::Location loc = mlir::UnknownLoc::get(context);

  /// The node's i-th input; null when absent or optional and empty.
  mlir::Value input(const onnx::NodeProto &node, int i) const;
  /// Like input() but an error (emitted) when missing.
  mlir::FailureOr<mlir::Value> requiredInput(const onnx::NodeProto &node,
                                             int i);
  void setOutput(const onnx::NodeProto &node, int i, mlir::Value v);

  // Attributes.
  const onnx::AttributeProto *attr(const onnx::NodeProto &node,
                                   llvm::StringRef name) const;
  int64_t attrInt(const onnx::NodeProto &node, llvm::StringRef name,
                  int64_t fallback) const;
  float attrFloat(const onnx::NodeProto &node, llvm::StringRef name,
                  float fallback) const;
  std::string attrString(const onnx::NodeProto &node, llvm::StringRef name,
                         llvm::StringRef fallback) const;
  std::optional<llvm::SmallVector<int64_t>>
  attrInts(const onnx::NodeProto &node, llvm::StringRef name) const;

  /// The integer values of a constant operand, or an error saying that the
  /// `what` of the node must be known at compile time.
  mlir::FailureOr<llvm::SmallVector<int64_t>> constantInts(mlir::Value v,
                                                           llvm::StringRef what);
  /// Axes from an attribute (older opsets) or an optional input (newer).
  mlir::FailureOr<std::optional<llvm::SmallVector<int64_t>>>
  axesOf(const onnx::NodeProto &node, int inputIndex, llvm::StringRef what);

  mlir::InFlightDiagnostic error() { return mlir::emitError(loc); }
  /// Reports a failed shape rule of the node.
  mlir::LogicalResult shapeError(const graph::ShapeResult &r) {
    return error() << r.error;
  }

  static mlir::RankedTensorType typeOf(mlir::Value v) {
    return mlir::cast<mlir::RankedTensorType>(v.getType());
  }
  mlir::RankedTensorType tensorType(llvm::ArrayRef<int64_t> shape,
                                    mlir::Type element) const {
    return mlir::RankedTensorType::get(shape, element);
  }

  /// Creates an op and folds it when its operands are constants.
  template <typename OpTy, typename... Args>
  mlir::Value create(Args &&...args) {
    return builder.createOrFold<OpTy>(loc, std::forward<Args>(args)...);
  }

  // Building blocks shared by several op importers.
  mlir::Value constantInts(llvm::ArrayRef<int64_t> values,
                           llvm::ArrayRef<int64_t> shape);
  mlir::Value scalarLike(mlir::Value like, double value);
  mlir::Value reshape(mlir::Value v, llvm::ArrayRef<int64_t> shape);
  mlir::Value transpose(mlir::Value v, llvm::ArrayRef<int64_t> perm);
  mlir::FailureOr<mlir::Value> broadcastBinary(llvm::StringRef opType,
                                               mlir::Value lhs,
                                               mlir::Value rhs);
};

} // namespace wafer::onnx_import

#endif // WAFER_LIB_IMPORT_GRAPHIMPORTER_H
