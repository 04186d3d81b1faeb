//===- OnnxImporter.cpp - ONNX model to graph dialect ---------------------===//
//
// Reads and validates the protobuf, checks that every op is supported
// (listing all that are not, at once) and that the graph is well formed
// (every name defined once, before its use), binds symbolic dimensions,
// then imports initializers and nodes in order, checking each node's arity
// before its importer runs. Per-op rules live in OnnxOps.cpp.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

#include <google/protobuf/io/coded_stream.h>

#include <climits>

using namespace mlir;
using namespace wafer::onnx_import;

namespace wafer {

std::string parseDimBinding(StringRef binding, OnnxImportOptions &options) {
  auto [name, value] = binding.split('=');
  int64_t size;
  if (name.empty() || value.empty() || value.getAsInteger(10, size) || size < 1)
    return "--dim expects NAME=SIZE with a positive SIZE, got '" +
           binding.str() + "'";
  options.dims[name] = size;
  return "";
}

std::vector<std::string> supportedOnnxOps() {
  std::vector<std::string> names;
  for (const auto &entry : opImporters())
    names.push_back(entry.getKey().str());
  llvm::sort(names);
  return names;
}

namespace {

bool isDefaultDomain(StringRef domain) {
  return domain.empty() || domain == "ai.onnx";
}

NameLoc nodeLocation(MLIRContext *ctx, const onnx::NodeProto &node,
                     int index) {
  std::string name = node.name().empty()
                         ? node.op_type() + "_" + std::to_string(index)
                         : node.name();
  return NameLoc::get(StringAttr::get(ctx, name));
}

/// "2 inputs", "1 or more inputs", "1 to 3 inputs", "no inputs".
std::string countPhrase(int min, int max, StringRef noun) {
  auto plural = [&](int n) {
    return std::to_string(n) + " " + noun.str() + (n == 1 ? "" : "s");
  };
  if (max == Arity::kUnbounded)
    return std::to_string(min) + " or more " + noun.str() + "s";
  if (min == max)
    return min == 0 ? "no " + noun.str() + "s" : plural(min);
  return std::to_string(min) + " to " + plural(max);
}

class ModelImporter {
public:
  ModelImporter(MLIRContext *ctx, llvm::MemoryBufferRef buffer,
                const OnnxImportOptions &options)
      : ctx(ctx), buffer(buffer), path(buffer.getBufferIdentifier().str()),
        options(options), fileLoc(FileLineColLoc::get(ctx, path, 0, 0)) {}

  OwningOpRef<ModuleOp> run();

private:
  LogicalResult load();
  LogicalResult checkOpset();
  LogicalResult checkSupported();
  LogicalResult validateGraph();
  LogicalResult checkArity(const onnx::NodeProto &node, Location loc);
  LogicalResult checkEmptyInputs(const onnx::NodeProto &node, Location loc,
                                 const llvm::StringMap<Value> &values);
  /// The size --max-seq gives dimension `dim` of a decode model's input.
  std::optional<int64_t> decodeSize(llvm::StringRef input, size_t dim) const;
  llvm::StringMap<int64_t> decodeDims;
  FailureOr<RankedTensorType> valueType(const onnx::ValueInfoProto &info,
                                        llvm::StringSet<> &usedDims,
                                        SmallVectorImpl<std::string> &unbound);
  LogicalResult checkOutputType(const onnx::ValueInfoProto &info, Value v);

  MLIRContext *ctx;
  llvm::MemoryBufferRef buffer;
  std::string path;
  const OnnxImportOptions &options;
  Location fileLoc;
  std::shared_ptr<onnx::ModelProto> model;
  int64_t opset = 0;
};

LogicalResult ModelImporter::load() {
  StringRef bytes = buffer.getBuffer();
  if (bytes.empty())
    return emitError(fileLoc) << "'" << path
                              << "' is empty; expected an ONNX model";
  model = std::make_shared<onnx::ModelProto>();
  google::protobuf::io::CodedInputStream stream(
      reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size());
  stream.SetTotalBytesLimit(INT_MAX);
  if (!model->ParseFromCodedStream(&stream) ||
      !stream.ConsumedEntireMessage())
    return emitError(fileLoc)
           << "'" << path
           << "' is not a valid ONNX model: protobuf parsing failed (the file "
              "is truncated, corrupt, or not an .onnx file)";
  if (model->ir_version() <= 0 || !model->has_graph() ||
      model->opset_import_size() == 0)
    return emitError(fileLoc)
           << "'" << path << "' is not an ONNX model: it lacks "
           << (model->ir_version() <= 0 ? "an ir_version"
               : !model->has_graph()    ? "a graph"
                                        : "an opset_import")
           << " (truncated, or some other protobuf)";
  return success();
}

LogicalResult ModelImporter::checkOpset() {
  for (const auto &entry : model->opset_import())
    if (isDefaultDomain(entry.domain()))
      opset = entry.version();
  if (opset == 0)
    return emitError(fileLoc) << "model imports no default-domain (ai.onnx) "
                                 "opset";
  if (opset < kMinOnnxOpset || opset > kMaxOnnxOpset)
    return emitError(fileLoc)
           << "model uses ONNX opset " << opset
           << ", outside the supported range " << kMinOnnxOpset << " to "
           << kMaxOnnxOpset
           << "; convert it with onnx.version_converter first";
  return success();
}

LogicalResult ModelImporter::validateGraph() {
  const onnx::GraphProto &g = model->graph();
  // What defines each name so far, as messages say it.
  llvm::StringMap<std::string> definedBy;
  for (auto [i, info] : llvm::enumerate(g.input())) {
    if (info.name().empty())
      return emitError(fileLoc) << "graph input " << i << " has no name";
    if (!definedBy.try_emplace(info.name(), "a graph input").second)
      return emitError(fileLoc)
             << "graph input '" << info.name() << "' is declared twice";
  }
  llvm::StringSet<> initializers;
  for (auto [i, init] : llvm::enumerate(g.initializer())) {
    if (init.name().empty())
      return emitError(fileLoc) << "initializer " << i << " has no name";
    if (!initializers.insert(init.name()).second)
      return emitError(NameLoc::get(StringAttr::get(ctx, init.name())))
             << "initializer '" << init.name() << "' is defined twice";
    // An initializer may also be listed as a graph input (its default).
    definedBy.try_emplace(init.name(), "an initializer");
  }
  // Which node first produces each name, to tell a name used too early
  // from one that exists nowhere.
  llvm::StringMap<int> producer;
  for (auto [i, node] : llvm::enumerate(g.node()))
    for (const std::string &out : node.output())
      if (!out.empty())
        producer.try_emplace(out, i);
  for (auto [i, node] : llvm::enumerate(g.node())) {
    NameLoc loc = nodeLocation(ctx, node, i);
    std::string label = nodeLabel(node, loc);
    llvm::StringSet<> attributes;
    for (const auto &a : node.attribute())
      if (!attributes.insert(a.name()).second)
        return emitError(loc) << label << ": attribute '" << a.name()
                              << "' is given twice";
    for (auto [j, in] : llvm::enumerate(node.input())) {
      if (in.empty() || definedBy.count(in))
        continue;
      auto p = producer.find(in);
      if (p == producer.end())
        return emitError(loc) << label << ": input " << j << " '" << in
                              << "' names no graph input, initializer or "
                                 "node output";
      const onnx::NodeProto &later = g.node(p->second);
      return emitError(loc)
             << label << ": input " << j << " '" << in
             << "' is used before "
             << nodeLabel(later, nodeLocation(ctx, later, p->second))
             << " defines it (the nodes are not in topological order)";
    }
    for (auto [j, out] : llvm::enumerate(node.output())) {
      if (out.empty())
        continue;
      auto [it, added] = definedBy.try_emplace(out, "the output of " + label);
      if (!added)
        return emitError(loc) << label << ": output " << j << " '" << out
                              << "' is already defined by " << it->second;
    }
  }
  if (g.output_size() == 0)
    return emitError(fileLoc)
           << "the graph has no outputs, so the model computes nothing";
  llvm::StringSet<> outputs;
  for (auto [i, out] : llvm::enumerate(g.output())) {
    if (out.name().empty())
      return emitError(fileLoc) << "graph output " << i << " has no name";
    if (!outputs.insert(out.name()).second)
      return emitError(fileLoc)
             << "graph output '" << out.name() << "' is listed twice";
    if (!definedBy.count(out.name()))
      return emitError(fileLoc) << "graph output '" << out.name()
                                << "' is produced by no node, graph input "
                                   "or initializer";
  }
  return success();
}

LogicalResult ModelImporter::checkArity(const onnx::NodeProto &node,
                                        Location loc) {
  const Arity &a = opImporters().find(node.op_type())->second.arityAt(opset);
  std::string label = nodeLabel(node, cast<NameLoc>(loc));
  int inputs = node.input_size(), outputs = node.output_size();
  if (inputs < a.minInputs || inputs > a.maxInputs)
    return emitError(loc) << label << " takes "
                          << countPhrase(a.minInputs, a.maxInputs, "input")
                          << ", got " << inputs;
  if (outputs < a.minOutputs || outputs > a.maxOutputs)
    return emitError(loc) << label << " has "
                          << countPhrase(a.minOutputs, a.maxOutputs, "output")
                          << ", got " << outputs;
  // An empty name omits an optional input; a variadic op's are all required.
  bool variadic = a.maxInputs == Arity::kUnbounded;
  for (int i = 0; i < inputs; ++i)
    if (node.input(i).empty() && (i < a.minInputs || variadic))
      return emitError(loc) << label << ": input " << i
                            << " is required but its name is empty";
  for (int i = 0; i < a.minOutputs; ++i)
    if (node.output(i).empty())
      return emitError(loc) << label << ": output " << i
                            << " is required but its name is empty";
  return success();
}

LogicalResult
ModelImporter::checkEmptyInputs(const onnx::NodeProto &node, Location loc,
                                const llvm::StringMap<Value> &values) {
  // Only constants can be empty (graph inputs and op results never are);
  // they may feed compile-time inputs only, so no importer computes with an
  // empty tensor (and divides by its zero dimension).
  uint64_t compileTime =
      opImporters().find(node.op_type())->second.compileTimeInputs;
  for (auto [i, name] : llvm::enumerate(node.input())) {
    Value v = name.empty() ? Value() : values.lookup(name);
    if (!v || (i < 64 && (compileTime >> i) & 1))
      continue;
    auto type = cast<RankedTensorType>(v.getType());
    if (graph::numElements(type.getShape()) == 0)
      return emitError(loc) << nodeLabel(node, cast<NameLoc>(loc))
                            << ": input " << i << " '" << name
                            << "' is empty (" << type
                            << "); empty tensors are not supported";
  }
  return success();
}

LogicalResult ModelImporter::checkSupported() {
  const auto &importers = opImporters();
  llvm::StringMap<int64_t> domainOpsets;
  for (const auto &entry : model->opset_import())
    domainOpsets[entry.domain()] = entry.version();

  struct Unsupported {
    std::string op, domain, node, reason;
    int64_t opset;
    Location loc;
  };
  SmallVector<Unsupported> unsupported;
  for (auto [i, node] : llvm::enumerate(model->graph().node())) {
    Location loc = nodeLocation(ctx, node, i);
    std::string name = cast<NameLoc>(loc).getName().str();
    int64_t domainOpset = domainOpsets.lookup(node.domain());
    auto it = importers.find(node.op_type());
    if (!isDefaultDomain(node.domain()) || it == importers.end()) {
      unsupported.push_back({node.op_type(),
                             node.domain().empty() ? "ai.onnx" : node.domain(),
                             name, "not supported", domainOpset, loc});
    } else if (opset < it->second.sinceOpset) {
      unsupported.push_back(
          {node.op_type(), "ai.onnx", name,
           "needs opset >= " + std::to_string(it->second.sinceOpset),
           domainOpset, loc});
    }
  }
  if (unsupported.empty())
    return success();
  llvm::StringSet<> kinds;
  for (const auto &u : unsupported)
    kinds.insert(u.op);
  auto diag = emitError(fileLoc)
              << "model has " << unsupported.size() << " node(s) of "
              << kinds.size() << " unsupported op type(s):";
  for (const auto &u : unsupported)
    diag << "\n  " << u.op << " (domain '" << u.domain << "', opset "
         << u.opset << ") in node '" << u.node << "': " << u.reason;
  diag.attachNote() << "supported ops: "
                    << llvm::join(supportedOnnxOps(), ", ");
  return failure();
}

std::optional<int64_t> ModelImporter::decodeSize(StringRef input,
                                                size_t dim) const {
  if (!options.decode)
    return std::nullopt;
  const OnnxImportOptions::DecodeLengths &d = *options.decode;
  if ((input == "input_ids" || input == "position_ids") && dim == 1)
    return d.tokens;
  if (input == "attention_mask" && dim == 1)
    return d.tokens + d.past;
  if (input.starts_with("past_key_values.") && dim == 2)
    return d.past;
  return std::nullopt;
}

FailureOr<RankedTensorType>
ModelImporter::valueType(const onnx::ValueInfoProto &info,
                         llvm::StringSet<> &usedDims,
                         SmallVectorImpl<std::string> &unbound) {
  if (!info.type().has_tensor_type())
    return emitError(fileLoc) << "input '" << info.name()
                              << "' is not a tensor (sequences, maps and "
                                 "optionals are not supported)";
  const auto &tensorType = info.type().tensor_type();
  Type element = elementTypeFor(tensorType.elem_type(), ctx);
  if (!element)
    return emitError(fileLoc)
           << "input '" << info.name() << "' has element type "
           << onnxTypeName(tensorType.elem_type())
           << ", which Wafer does not support (FLOAT, FLOAT16, BFLOAT16, "
              "DOUBLE, INT64, INT32, BOOL)";
  if (!tensorType.has_shape())
    return emitError(fileLoc) << "input '" << info.name()
                              << "' has no shape (not even a rank)";

  SmallVector<int64_t> shape;
  for (auto [d, dim] : llvm::enumerate(tensorType.shape().dim())) {
    if (dim.has_dim_value() && dim.dim_value() > 0) {
      if (std::optional<int64_t> size = decodeSize(info.name(), d);
          size && *size != dim.dim_value())
        return emitError(fileLoc)
               << "input '" << info.name() << "' dimension " << d
               << " is fixed at " << dim.dim_value()
               << ", but a decode binary (--max-seq) needs " << *size
               << " there: export the model with dynamic sequence lengths";
      shape.push_back(dim.dim_value());
      continue;
    }
    if (dim.has_dim_value() && dim.dim_value() == 0)
      return emitError(fileLoc) << "input '" << info.name() << "' dimension "
                                << d << " has size 0; empty tensors are not "
                                   "supported";
    std::string name = dim.has_dim_param() ? dim.dim_param() : "";
    if (std::optional<int64_t> size = decodeSize(info.name(), d)) {
      auto [it, fresh] = decodeDims.try_emplace(
          name.empty() ? info.name() + "[" + std::to_string(d) + "]" : name,
          *size);
      if (it->second != *size || options.dims.count(name))
        return emitError(fileLoc)
               << "input '" << info.name() << "' dimension " << d << " ('"
               << name << "') is a decode length, set by --max-seq; "
               << (options.dims.count(name)
                       ? "do not bind it with --dim"
                       : "another input uses it for another length");
      shape.push_back(*size);
      continue;
    }
    auto bound = options.dims.find(name);
    if (!name.empty() && bound != options.dims.end()) {
      usedDims.insert(name);
      shape.push_back(bound->second);
      continue;
    }
    if (name.empty())
      name = info.name() + "[" + std::to_string(d) + "]";
    if (!llvm::is_contained(unbound, name))
      unbound.push_back(name);
    shape.push_back(1);
  }
  // Dims from the file and from --dim can be as large as int64_t allows;
  // their product must be too.
  std::string why = graph::tensorSizeError(
      shape, element.isInteger(1) ? 8 : element.getIntOrFloatBitWidth());
  if (!why.empty())
    return emitError(fileLoc) << "input '" << info.name() << "' of shape "
                              << why;
  return RankedTensorType::get(shape, element);
}

LogicalResult ModelImporter::checkOutputType(const onnx::ValueInfoProto &info,
                                             Value v) {
  auto actual = cast<RankedTensorType>(v.getType());
  if (!info.type().has_tensor_type())
    return success();
  const auto &declared = info.type().tensor_type();
  Type element = elementTypeFor(declared.elem_type(), ctx);
  if (declared.elem_type() != 0 && element != actual.getElementType())
    return emitError(v.getLoc())
           << "output '" << info.name() << "' is declared "
           << onnxTypeName(declared.elem_type()) << " but computes "
           << actual.getElementType();
  if (!declared.has_shape())
    return success();
  const auto &dims = declared.shape().dim();
  if (dims.size() != actual.getRank())
    return emitError(v.getLoc())
           << "output '" << info.name() << "' is declared with rank "
           << dims.size() << " but computes " << actual;
  for (auto [d, dim] : llvm::enumerate(dims)) {
    int64_t expected = dim.has_dim_value() ? dim.dim_value() : -1;
    if (expected <= 0 && dim.has_dim_param())
      expected = options.dims.lookup(dim.dim_param());
    if (expected > 0 && expected != actual.getDimSize(d))
      return emitError(v.getLoc())
             << "output '" << info.name() << "' dimension " << d
             << " is declared " << expected << " but computes "
             << actual.getDimSize(d) << " (" << actual << ")";
  }
  return success();
}

/// Folding leaves the constants of consumed shape arithmetic behind.
void eraseDeadOps(Block *body) {
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(*body)))
    if (op.use_empty() && isPure(&op) &&
        !op.hasTrait<OpTrait::IsTerminator>())
      op.erase();
}

OwningOpRef<ModuleOp> ModelImporter::run() {
  ctx->loadDialect<graph::GraphDialect, func::FuncDialect>();
  if (failed(load()) || failed(checkOpset()) || failed(validateGraph()) ||
      failed(checkSupported()))
    return {};
  const onnx::GraphProto &g = model->graph();

  llvm::StringSet<> initializerNames;
  for (const auto &init : g.initializer())
    initializerNames.insert(init.name());

  // Inputs, with every symbolic dimension bound.
  llvm::StringSet<> usedDims;
  SmallVector<std::string> unbound;
  SmallVector<Type> inputTypes;
  SmallVector<const onnx::ValueInfoProto *> inputs;
  for (const auto &info : g.input()) {
    if (initializerNames.contains(info.name()))
      continue;
    auto type = valueType(info, usedDims, unbound);
    if (failed(type))
      return {};
    inputTypes.push_back(*type);
    inputs.push_back(&info);
  }
  if (!unbound.empty()) {
    auto diag = emitError(fileLoc) << "unbound symbolic dimension(s): "
                                   << llvm::join(unbound, ", ");
    std::string hint;
    for (const auto &name : unbound)
      hint += " --dim " + (StringRef(name).contains('[') ? "<dim>" : name) +
              "=<size>";
    diag.attachNote() << "bind each with" << hint;
    return {};
  }
  for (const auto &entry : options.dims)
    if (!usedDims.contains(entry.getKey()))
      emitWarning(fileLoc) << "--dim " << entry.getKey()
                           << " names no symbolic dimension of the inputs";

  OpBuilder builder(ctx);
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  (*module)->setAttr("graph.onnx_opset", builder.getI64IntegerAttr(opset));
  if (!model->producer_name().empty())
    (*module)->setAttr("graph.producer",
                       builder.getStringAttr(model->producer_name() + " " +
                                             model->producer_version()));
  builder.setInsertionPointToEnd(module->getBody());
  auto func = func::FuncOp::create(builder, fileLoc, "main",
                                   builder.getFunctionType(inputTypes, {}));
  Block *body = func.addEntryBlock();
  builder.setInsertionPointToStart(body);

  std::string modelDir = llvm::sys::path::parent_path(path).str();
  ExternalDataFiles external(modelDir.empty() ? "." : modelDir);
  GraphImporter importer(ctx, builder, opset, model, external);
  for (auto [i, info] : llvm::enumerate(inputs)) {
    importer.values[info->name()] = body->getArgument(i);
    func.setArgAttr(i, "graph.name", builder.getStringAttr(info->name()));
  }

  for (const auto &init : g.initializer()) {
    Location loc = NameLoc::get(builder.getStringAttr(init.name()));
    auto attr = tensorToAttr(init, init.name(), loc, ctx, model, external);
    if (failed(attr))
      return {};
    importer.values[init.name()] = graph::ConstantOp::create(
        builder, loc, attr->getType(), *attr);
  }

  const auto &importers = opImporters();
  {
    // Every error about a node, whoever reports it (the arity check, the
    // importer, an op's verifier), ends with a note naming the op, domain,
    // opset and node, as the unsupported-op list does.
    std::string nodeContext;
    ScopedDiagnosticHandler context(ctx, [&](Diagnostic &diag) {
      if (diag.getSeverity() == DiagnosticSeverity::Error &&
          !nodeContext.empty())
        diag.attachNote() << nodeContext;
      return failure(); // the handler below reports it
    });
    for (auto [i, node] : llvm::enumerate(g.node())) {
      NameLoc loc = nodeLocation(ctx, node, i);
      nodeContext = "while importing " + node.op_type() +
                    " (domain 'ai.onnx', opset " + std::to_string(opset) +
                    ") in node '" + loc.getName().str() + "'";
      if (failed(checkArity(node, loc)) ||
          failed(checkEmptyInputs(node, loc, importer.values)))
        return {};
      importer.beginNode(node, loc);
      // An op that failed its verifier fails the node, even if its importer
      // went on (the verifier has said why).
      if (failed(
              importers.find(node.op_type())->second.import(importer, node)) ||
          importer.opFailed)
        return {};
    }
  }

  SmallVector<Value> results;
  SmallVector<Type> resultTypes;
  for (const auto &out : g.output()) {
    // validateGraph() has checked that every output names a value, and the
    // importers set every output they accept.
    Value v = importer.values.lookup(out.name());
    if (!v) {
      emitError(fileLoc) << "graph output '" << out.name()
                         << "' is an output its node does not compute";
      return {};
    }
    auto type = cast<RankedTensorType>(v.getType());
    if (graph::numElements(type.getShape()) == 0) {
      emitError(v.getLoc()) << "graph output '" << out.name() << "' is empty ("
                            << v.getType()
                            << "); empty tensors are not supported";
      return {};
    }
    if (failed(checkOutputType(out, v)))
      return {};
    results.push_back(v);
    resultTypes.push_back(v.getType());
  }
  func::ReturnOp::create(builder, fileLoc, results);
  func.setFunctionType(builder.getFunctionType(inputTypes, resultTypes));
  for (auto [i, out] : llvm::enumerate(g.output()))
    func.setResultAttr(i, "graph.name", builder.getStringAttr(out.name()));

  eraseDeadOps(body);
  if (failed(verify(*module)))
    return {};
  if (options.externalFiles)
    *options.externalFiles = external.mapped();
  return module;
}

} // namespace

OwningOpRef<ModuleOp> importOnnx(llvm::MemoryBufferRef model,
                                 MLIRContext *context,
                                 const OnnxImportOptions &options) {
  return ModelImporter(context, model, options).run();
}

OwningOpRef<ModuleOp> importOnnxFile(StringRef path, MLIRContext *context,
                                     const OnnxImportOptions &options) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer) {
    emitError(FileLineColLoc::get(context, path, 0, 0))
        << "cannot open '" << path << "': " << buffer.getError().message();
    return {};
  }
  return importOnnx((*buffer)->getMemBufferRef(), context, options);
}

} // namespace wafer
