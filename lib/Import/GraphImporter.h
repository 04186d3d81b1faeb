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

#include <climits>
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
  /// Every file mapped so far, sorted by path.
  std::vector<OnnxExternalFile> mapped() const;

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

/// "Concat node 'c'": how messages name a node located at `loc` (its name).
std::string nodeLabel(const onnx::NodeProto &node, mlir::NameLoc loc);

class GraphImporter;
using OpImporterFn =
    std::function<mlir::LogicalResult(GraphImporter &, const onnx::NodeProto &)>;

/// How many inputs and outputs a node of an op type lists, from an opset on.
/// Inputs below `minInputs` are required (their names must not be empty);
/// those after are optional and may be empty or left off, except that a
/// variadic op (no maximum) requires every one. The driver checks this
/// before it calls the op's importer, so an importer may read the required
/// inputs and outputs by index.
struct Arity {
  static constexpr int kUnbounded = INT_MAX;
  int64_t sinceOpset;
  int minInputs, maxInputs;
  int minOutputs = 1, maxOutputs = 1;
};

/// Everything the importer knows about one ONNX op type.
struct OpImporterInfo {
  /// First default-domain opset in which the op exists in the supported form.
  int64_t sinceOpset;
  OpImporterFn import;
  /// The op's arity, one entry per opset in which it changed, oldest first.
  llvm::SmallVector<Arity, 1> arities;
  /// Bit i: input i is read at compile time (a shape, axes, sizes: through
  /// constantInts), so it may be an empty constant, as exporters' shape
  /// arithmetic makes (Reshape to a scalar takes shape []). Every other
  /// input is data, and no data tensor is empty; the driver checks.
  uint64_t compileTimeInputs = 0;

  /// The arity at `opset` (at least sinceOpset).
  const Arity &arityAt(int64_t opset) const;
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
  /// "Gather node 'g'": how messages name the node being imported.
  std::string nodeLabel;
  /// Set when an op built for the node failed its verifier (which has
  /// reported why); the driver then fails the node whatever its importer
  /// returns.
  bool opFailed = false;

  /// Starts importing `node`, located at `nodeLoc` (its name).
  void beginNode(const onnx::NodeProto &node, mlir::NameLoc nodeLoc);

  /// The node's i-th input; null when absent or optional and empty. The
  /// driver has checked that every name the node reads is defined.
  mlir::Value input(const onnx::NodeProto &node, int i) const;
  /// Like input() but an error (emitted) when missing.
  mlir::FailureOr<mlir::Value> requiredInput(const onnx::NodeProto &node,
                                             int i);
  void setOutput(const onnx::NodeProto &node, int i, mlir::Value v);

  // Attributes. Each typed accessor fails, with an error naming the node,
  // the attribute, the expected and the actual AttributeProto type, when
  // the attribute is present with another type: a model that says
  // `axis = 1.0` does not mean the default axis.
  const onnx::AttributeProto *attr(const onnx::NodeProto &node,
                                   llvm::StringRef name) const;
  /// The attribute if present (null if not); an error if of another type.
  mlir::FailureOr<const onnx::AttributeProto *>
  typedAttr(const onnx::NodeProto &node, llvm::StringRef name,
            onnx::AttributeProto::AttributeType type);
  mlir::FailureOr<int64_t> attrInt(const onnx::NodeProto &node,
                                   llvm::StringRef name, int64_t fallback);
  mlir::FailureOr<std::optional<int64_t>>
  attrOptionalInt(const onnx::NodeProto &node, llvm::StringRef name);
  mlir::FailureOr<float> attrFloat(const onnx::NodeProto &node,
                                   llvm::StringRef name, float fallback);
  mlir::FailureOr<std::string> attrString(const onnx::NodeProto &node,
                                          llvm::StringRef name,
                                          llvm::StringRef fallback);
  mlir::FailureOr<std::optional<llvm::SmallVector<int64_t>>>
  attrInts(const onnx::NodeProto &node, llvm::StringRef name);
  /// A TENSOR attribute converted to an attribute; null when absent.
  mlir::FailureOr<mlir::ElementsAttr> attrTensor(const onnx::NodeProto &node,
                                                 llvm::StringRef name);

  /// The integer values of a constant operand, or an error saying that the
  /// `what` of the node must be known at compile time (with a note when
  /// folding stopped at its size limit on the way).
  mlir::FailureOr<llvm::SmallVector<int64_t>> constantInts(mlir::Value v,
                                                           llvm::StringRef what);
  /// Axes from an attribute (older opsets) or an optional input (newer).
  mlir::FailureOr<std::optional<llvm::SmallVector<int64_t>>>
  axesOf(const onnx::NodeProto &node, int inputIndex, llvm::StringRef what);

  mlir::InFlightDiagnostic error() { return mlir::emitError(loc); }
  /// Reports that `v` (null: a missing input) must be known at compile time
  /// but is not, with a note on the op where folding stopped at its size
  /// limit, if that is why.
  mlir::LogicalResult notKnownAtCompileTime(mlir::Value v,
                                            const llvm::Twine &message);
  /// Reports a failed shape rule of the node.
  mlir::LogicalResult shapeError(const graph::ShapeResult &r) {
    return error() << r.error;
  }
  /// Fails (emitted) when no graph tensor can have `type`: empty, or more
  /// elements or bytes than int64_t counts. For the constants an importer
  /// builds itself; ops built with create() are checked by their verifier.
  mlir::LogicalResult checkTensorType(mlir::RankedTensorType type);

  static mlir::RankedTensorType typeOf(mlir::Value v) {
    return mlir::cast<mlir::RankedTensorType>(v.getType());
  }
  mlir::RankedTensorType tensorType(llvm::ArrayRef<int64_t> shape,
                                    mlir::Type element) const {
    return mlir::RankedTensorType::get(shape, element);
  }

  /// Creates an op, verifies it, and folds it when its operands are
  /// constants. Folders assume verified ops, so an op that fails its
  /// verifier is left unfolded and marks the node failed (opFailed).
  template <typename OpTy, typename... Args>
  mlir::Value create(Args &&...args) {
    auto op = OpTy::create(builder, loc, std::forward<Args>(args)...);
    llvm::SmallVector<mlir::Value, 1> results;
    verifyAndFold(op, results);
    return results.front();
  }
  /// create() for ops with several results.
  template <typename OpTy, typename... Args>
  void createMulti(llvm::SmallVectorImpl<mlir::Value> &results,
                   Args &&...args) {
    auto op = OpTy::create(builder, loc, std::forward<Args>(args)...);
    verifyAndFold(op, results);
  }
  /// Verifies `op`, then folds it when it can: `results` are what replaces
  /// the op's results (the op's own when it stays).
  void verifyAndFold(mlir::Operation *op,
                     llvm::SmallVectorImpl<mlir::Value> &results);

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
