//===- WfbEmitter.cpp - a mapped design as a kernel binary ----------------===//
//
// Walks the design's @main once, in program order: function arguments are
// the model's inputs; every value a graph op computes inside a kernel gets
// a tensor; kernel operands that arrive through streams are the tensors the
// streams carry; constants become tensors with their data, each attribute
// once, however many kernels hold a copy of it. The host program is the
// kernels' graph ops in order; each keeps the ONNX node it came from.
//
//===----------------------------------------------------------------------===//

#include "wafer/Target/Wfb.h"

#include "DType.h"
#include "PeDesignEmitter.h"

#include "wafer/Analysis/FabricReport.h"
#include "wafer/Binary/Writer.h"
#include "wafer/Dialect/Fabric/IR/FabricOps.h"
#include "wafer/Dialect/Graph/IR/GraphAttrs.h"
#include "wafer/Dialect/Graph/IR/GraphOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <cstdio>
#include <map>
#include <tuple>

using namespace mlir;
namespace wfb = wafer::wfb;

namespace wafer {

namespace {

/// Constants up to this size live in the manifest; larger ones in the
/// weights section, where they are aligned and mapped.
constexpr size_t kInlineBytes = 256;

/// The ONNX node name a location carries.
std::string nodeName(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().str();
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location part : fused.getLocations())
      if (auto name = dyn_cast<NameLoc>(part))
        return name.getName().str();
  return "";
}

class Emitter {
public:
  Emitter(ModuleOp module, const WfbOptions &options)
      : module(module), options(options) {}

  LogicalResult run(StringRef path);

private:
  FailureOr<int32_t> addTensor(Value v, wfb::Tensor::Kind kind,
                               const std::string &name);
  FailureOr<int32_t> constant(graph::ConstantOp op);
  /// Refers `t` to the external-data file that `bytes` lie in, when the
  /// options allow it; false when the bytes stay to be copied.
  FailureOr<bool> referExternal(graph::ConstantOp op, ArrayRef<char> bytes,
                                wfb::Tensor &t);
  LogicalResult hostOp(Operation *op, int32_t kernel,
                       DenseMap<Value, int32_t> &local);
  /// The STATE tensor of `op`'s cache, one per cache name.
  FailureOr<int32_t> cacheTensor(graph::CacheAppendOp op);
  /// The decode binary's entries: the step (everything emitted from the
  /// mapped design) and the prefills, each a graph-level @main.
  LogicalResult decodeEntries(const WfbDecode &decode);
  LogicalResult attribute(Operation *op, NamedAttribute attr,
                          wfb::HostOp &out);
  int32_t lookup(Value v, const DenseMap<Value, int32_t> &local) const;

  ModuleOp module;
  const WfbOptions &options;
  wfb::Manifest manifest;
  wfb::HostProgram program;
  /// Tensors of values outside kernels (inputs, kernel results, streams).
  DenseMap<Value, int32_t> tensorOf;
  /// One tensor per constant attribute, however many kernels clone it.
  DenseMap<Attribute, int32_t> constantOf;
  /// ... and per content, however many modules import it (a decode
  /// binary's programs each hold the model's weights; a second import's
  /// resources have other keys). Equal bytes, type and shape are one
  /// tensor, named after the first.
  std::map<std::tuple<uint64_t, wfb::DType, std::vector<int64_t>, bool>,
           int32_t>
      constantByContent;
  std::map<std::string, int32_t> cacheOf;
  /// The tensor already stored with the bytes of tensor `id` (the one just
  /// added, which is then dropped), or nothing (and `id` is remembered).
  std::optional<int32_t> sameContent(Attribute value, int32_t id,
                                     ArrayRef<char> bytes);
  /// Bytes of the weights section, in order, each 64-byte aligned: where
  /// they lie (a resource blob), or converted on the way (bools, splats).
  struct Weight {
    ArrayRef<char> inPlace;
    std::vector<char> converted;
    ArrayRef<char> bytes() const {
      return converted.empty() ? inPlace : ArrayRef<char>(converted);
    }
  };
  std::vector<Weight> weights;
  uint64_t weightBytes = 0;
  /// The real path of the folder the binary goes to, which external
  /// references are relative to.
  std::string binaryDir;
};

/// `path` relative to `dir` when it lies inside it, else "".
std::string relativeInside(StringRef path, StringRef dir) {
  SmallString<256> real;
  if (llvm::sys::fs::real_path(path, real))
    return "";
  StringRef rest = real.str();
  if (!rest.consume_front(dir) || !rest.consume_front("/") || rest.empty())
    return "";
  return rest.str();
}

int32_t Emitter::lookup(Value v, const DenseMap<Value, int32_t> &local) const {
  auto it = local.find(v);
  if (it != local.end())
    return it->second;
  auto outer = tensorOf.find(v);
  return outer == tensorOf.end() ? -1 : outer->second;
}

FailureOr<int32_t> Emitter::addTensor(Value v, wfb::Tensor::Kind kind,
                                      const std::string &name) {
  auto type = dyn_cast<RankedTensorType>(v.getType());
  if (!type || !type.hasStaticShape())
    return emitError(v.getLoc())
           << "emit-wfb needs statically shaped tensors, got " << v.getType();
  FailureOr<wfb::DType> dtype = dtypeOf(type.getElementType());
  if (failed(dtype))
    return emitError(v.getLoc()) << "emit-wfb cannot store element type "
                                 << type.getElementType();
  wfb::Tensor *t = manifest.add_tensors();
  t->set_name(name);
  t->set_dtype(*dtype);
  for (int64_t d : type.getShape())
    t->add_shape(d);
  t->set_kind(kind);
  return manifest.tensors_size() - 1;
}

std::optional<int32_t> Emitter::sameContent(Attribute value, int32_t id,
                                            ArrayRef<char> bytes) {
  const wfb::Tensor &t = manifest.tensors(id);
  auto key = std::make_tuple(
      llvm::xxh3_64bits(ArrayRef<uint8_t>(
          reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size())),
      t.dtype(), std::vector<int64_t>(t.shape().begin(), t.shape().end()),
      t.splat());
  auto [it, fresh] = constantByContent.try_emplace(key, id);
  if (fresh || it->second == id)
    return std::nullopt;
  manifest.mutable_tensors()->RemoveLast();
  constantOf[value] = it->second;
  return it->second;
}

FailureOr<int32_t> Emitter::constant(graph::ConstantOp op) {
  Attribute value = op.getValue();
  auto it = constantOf.find(value);
  if (it != constantOf.end())
    return it->second;
  // Weights keep their ONNX initializer's name, which is their resource key.
  std::string name = nodeName(op.getLoc());
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
    name = resource.getRawHandle().getKey().str();
  FailureOr<int32_t> id =
      addTensor(op.getResult(), wfb::Tensor::CONSTANT, name);
  if (failed(id))
    return failure();
  wfb::Tensor &t = *manifest.mutable_tensors(*id);
  auto type = cast<RankedTensorType>(op.getType());
  Weight weight;
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return op.emitOpError()
             << "holds weights whose data was elided from the IR; compile "
                "from the ONNX model, or print IR with its weights "
                "(waferc --keep-weights)";
    weight.inPlace = blob->getData();
    if (std::optional<int32_t> same = sameContent(value, *id, weight.inPlace))
      return *same;
    FailureOr<bool> referred = referExternal(op, weight.inPlace, t);
    if (failed(referred))
      return failure();
    if (*referred) {
      constantOf[value] = *id;
      return *id;
    }
  } else if (auto dense = dyn_cast<DenseElementsAttr>(value)) {
    t.set_splat(dense.isSplat());
    if (type.getElementType().isInteger(1)) {
      // DenseElementsAttr packs bools as bits; the format stores bytes.
      for (bool b : dense.getValues<bool>()) {
        weight.converted.push_back(b);
        if (dense.isSplat())
          break;
      }
    } else {
      ArrayRef<char> raw = dense.getRawData();
      size_t width = type.getElementTypeBitWidth() / 8;
      weight.converted.assign(raw.begin(), dense.isSplat()
                                               ? raw.begin() + width
                                               : raw.end());
    }
  } else {
    return op.emitOpError() << "emit-wfb cannot store a constant of "
                            << value;
  }
  ArrayRef<char> bytes = weight.bytes();
  if (std::optional<int32_t> same = sameContent(value, *id, bytes))
    return *same;
  if (bytes.size() <= kInlineBytes) {
    t.set_inline_data(bytes.data(), bytes.size());
  } else {
    weightBytes = (weightBytes + wfb::kWeightAlignment - 1) /
                  wfb::kWeightAlignment * wfb::kWeightAlignment;
    t.mutable_weight()->set_offset(weightBytes);
    t.mutable_weight()->set_length(bytes.size());
    weightBytes += bytes.size();
    weights.push_back(std::move(weight));
  }
  constantOf[value] = *id;
  return *id;
}

FailureOr<bool> Emitter::referExternal(graph::ConstantOp op,
                                       ArrayRef<char> bytes, wfb::Tensor &t) {
  if (options.externalWeights == ExternalWeights::Copy ||
      bytes.size() <= kInlineBytes)
    return false;
  // Weights a pass rewrote (folded, transposed, converted) live elsewhere;
  // only bytes still inside the mapping are the file's.
  const WfbExternalFile *file = nullptr;
  for (const WfbExternalFile &f : options.externalFiles)
    if (bytes.data() >= f.bytes.data() &&
        bytes.data() + bytes.size() <= f.bytes.data() + f.bytes.size())
      file = &f;
  if (!file)
    return false;
  std::string relative =
      binaryDir.empty() ? "" : relativeInside(file->path, binaryDir);
  if (relative.empty()) {
    if (options.externalWeights == ExternalWeights::Auto)
      return false;
    return op.emitOpError()
           << "takes its weights from '" << file->path
           << "', which is not inside the binary's folder '" << binaryDir
           << "': a binary refers to external data by a path relative to "
              "its folder (write the binary beside the model, or copy the "
              "weights with --external-weights=copy)";
  }
  wfb::ExternalRef *x = t.mutable_external();
  x->set_path(relative);
  x->set_offset(bytes.data() - file->bytes.data());
  x->set_length(bytes.size());
  x->set_xxh64(wfb::checksum(bytes.data(), bytes.size()));
  return true;
}

LogicalResult Emitter::attribute(Operation *op, NamedAttribute attr,
                                 wfb::HostOp &out) {
  wfb::Attribute *a = out.add_attributes();
  a->set_name(attr.getName().str());
  Attribute v = attr.getValue();
  if (auto i = dyn_cast<IntegerAttr>(v)) {
    a->set_i(i.getType().isInteger(1) ? int64_t(i.getValue().getBoolValue())
                                      : i.getValue().getSExtValue());
    return success();
  }
  if (auto f = dyn_cast<FloatAttr>(v)) {
    a->set_f(f.getValueAsDouble());
    return success();
  }
  if (auto s = dyn_cast<StringAttr>(v)) {
    a->set_s(s.str());
    return success();
  }
  if (isa<UnitAttr>(v)) {
    a->set_i(1);
    return success();
  }
  if (auto ints = dyn_cast<DenseI64ArrayAttr>(v)) {
    for (int64_t x : ints.asArrayRef())
      a->mutable_ints()->add_values(x);
    if (ints.empty())
      a->mutable_ints();
    return success();
  }
  if (auto ints = dyn_cast<DenseI32ArrayAttr>(v)) {
    a->mutable_ints();
    for (int32_t x : ints.asArrayRef())
      a->mutable_ints()->add_values(x);
    return success();
  }
  if (auto array = dyn_cast<ArrayAttr>(v)) {
    bool allInts = llvm::all_of(array, llvm::IsaPred<IntegerAttr>);
    bool allFloats = llvm::all_of(array, llvm::IsaPred<FloatAttr>);
    if (allInts) {
      a->mutable_ints();
      for (Attribute x : array)
        a->mutable_ints()->add_values(cast<IntegerAttr>(x).getInt());
      return success();
    }
    if (allFloats) {
      a->mutable_floats();
      for (Attribute x : array)
        a->mutable_floats()->add_values(
            cast<FloatAttr>(x).getValueAsDouble());
      return success();
    }
  }
  // Enum attributes are stored as their keywords, which the runtime reads.
  if (auto activation = dyn_cast<graph::ActivationAttr>(v)) {
    a->set_s(graph::stringifyActivation(activation.getValue()).str());
    return success();
  }
  if (auto gelu = dyn_cast<graph::GeluApproximationAttr>(v)) {
    a->set_s(graph::stringifyGeluApproximation(gelu.getValue()).str());
    return success();
  }
  return op->emitOpError() << "emit-wfb cannot encode attribute '"
                           << attr.getName() << "' = " << v;
}

LogicalResult Emitter::hostOp(Operation *op, int32_t kernel,
                              DenseMap<Value, int32_t> &local) {
  wfb::HostOp *h = program.add_ops();
  h->set_kind(op->getName().stripDialect().str());
  h->set_kernel(kernel);
  h->set_location(nodeName(op->getLoc()));
  for (Value operand : op->getOperands()) {
    int32_t id = lookup(operand, local);
    if (id < 0)
      return op->emitOpError() << "reads a value emit-wfb has no tensor for";
    h->add_inputs(id);
  }
  for (Value result : op->getResults()) {
    auto append = dyn_cast<graph::CacheAppendOp>(op);
    FailureOr<int32_t> id =
        append ? cacheTensor(append)
               : addTensor(result, wfb::Tensor::INTERMEDIATE, h->location());
    if (failed(id))
      return failure();
    local[result] = *id;
    h->add_outputs(*id);
  }
  for (NamedAttribute attr : op->getAttrDictionary())
    if (failed(attribute(op, attr, *h)))
      return failure();
  if (kernel >= 0)
    manifest.mutable_kernels(kernel)->add_host_ops(program.ops_size() - 1);
  return success();
}

FailureOr<int32_t> Emitter::cacheTensor(graph::CacheAppendOp op) {
  std::string name = op.getCache().str();
  auto it = cacheOf.find(name);
  if (it == cacheOf.end()) {
    FailureOr<int32_t> id =
        addTensor(op.getOutput(), wfb::Tensor::STATE, name);
    if (failed(id))
      return failure();
    wfb::Cache *c = manifest.mutable_decode()->add_caches();
    c->set_name(name);
    c->set_tensor(*id);
    c->set_axis(op.getAxis());
    return cacheOf[name] = *id;
  }
  const wfb::Tensor &t = manifest.tensors(it->second);
  auto type = cast<RankedTensorType>(op.getType());
  if (!llvm::equal(t.shape(), type.getShape()))
    return op.emitOpError() << "appends to cache '" << name
                            << "' of another shape than its other appends";
  return it->second;
}

LogicalResult Emitter::decodeEntries(const WfbDecode &decode) {
  wfb::Decode *d = manifest.mutable_decode();
  d->set_capacity(decode.capacity);
  d->set_masked_past(decode.maskedPast);
  wfb::Entry *step = program.add_entries();
  step->set_name("step");
  step->set_tokens(1);
  step->set_begin(0);
  step->set_end(program.ops_size());
  for (WfbDecode::Prefill prefill : decode.prefills) {
    auto main = prefill.module.lookupSymbol<func::FuncOp>("main");
    if (!main || main.isExternal())
      return prefill.module.emitError() << "a prefill program needs @main";
    wfb::Entry *entry = program.add_entries();
    entry->set_name("prefill");
    entry->set_tokens(prefill.tokens);
    entry->set_begin(program.ops_size());
    DenseMap<Value, int32_t> local;
    for (BlockArgument arg : main.getArguments()) {
      std::string text = fabric::signatureName(main, false, arg.getArgNumber());
      FailureOr<int32_t> id = addTensor(arg, wfb::Tensor::INPUT, text);
      if (failed(id))
        return failure();
      local[arg] = *id;
      wfb::Binding *b = entry->mutable_signature()->add_inputs();
      b->set_name(text);
      b->set_tensor(*id);
    }
    for (Operation &op : main.getBody().front()) {
      if (auto c = dyn_cast<graph::ConstantOp>(op)) {
        FailureOr<int32_t> id = constant(c);
        if (failed(id))
          return failure();
        local[c.getResult()] = *id;
      } else if (auto ret = dyn_cast<func::ReturnOp>(op)) {
        for (auto [i, value] : llvm::enumerate(ret.getOperands())) {
          wfb::Binding *b = entry->mutable_signature()->add_outputs();
          b->set_name(fabric::signatureName(main, true, unsigned(i)));
          b->set_tensor(lookup(value, local));
        }
      } else if (isa<graph::GraphDialect>(op.getDialect())) {
        if (failed(hostOp(&op, /*kernel=*/-1, local)))
          return failure();
      } else {
        return op.emitOpError()
               << "emit-wfb stores graph ops only in a prefill program";
      }
    }
    entry->set_end(program.ops_size());
  }
  for (const wfb::Cache &c : manifest.decode().caches())
    if (manifest.tensors(c.tensor()).shape(int(c.axis())) != decode.capacity)
      return module.emitError() << "cache '" << c.name() << "' does not hold "
                                << decode.capacity << " positions";
  return success();
}

LogicalResult Emitter::run(StringRef path) {
  auto mapped = fabric::getMappedDesign(
      module, "emit-wfb", "mapped fabric.design (run fabric-tile first)");
  if (failed(mapped))
    return failure();
  auto [design, main] = *mapped;
  fabric::TargetAttr target = design.getTarget();
  SmallString<256> dir = llvm::sys::path::parent_path(path);
  if (dir.empty())
    dir = ".";
  SmallString<256> realDir;
  if (!options.externalFiles.empty() && !llvm::sys::fs::real_path(dir, realDir))
    binaryDir = realDir.str().str();

  manifest.set_producer(options.producer);
  manifest.set_source(options.source);
  if (auto opset = module->getAttrOfType<IntegerAttr>("graph.onnx_opset"))
    manifest.set_onnx_opset(opset.getInt());
  wfb::Target *t = manifest.mutable_target();
  t->set_name(target.getName().str());
  t->set_width(target.getWidth());
  t->set_height(target.getHeight());
  t->set_sram_bytes(target.getSramBytes());
  t->set_code_bytes(target.getCodeBytes());
  t->set_colors(target.getColors());
  for (int64_t c : target.getReservedColors().asArrayRef())
    t->add_reserved_colors(c);
  t->set_clock_khz(target.getClockKhz());
  t->set_link_bytes_per_cycle(target.getLinkBytesPerCycle());
  t->set_hop_latency_cycles(target.getHopLatencyCycles());
  t->set_fmac_f32(target.getFmacF32());
  t->set_fmac_f16(target.getFmacF16());
  t->set_fmac_f16_f32(target.getFmacF16F32());
  t->set_mem_read_bytes_per_cycle(target.getMemReadBytesPerCycle());
  t->set_mem_write_bytes_per_cycle(target.getMemWriteBytesPerCycle());
  manifest.set_strategy(
      fabric::stringifyMappingStrategy(design.getStrategy()).str());
  manifest.set_modeled_step_cycles(FabricReport::of(module).latencyCycles);

  for (BlockArgument arg : main.getArguments()) {
    std::string text = fabric::signatureName(main, false, arg.getArgNumber());
    FailureOr<int32_t> id = addTensor(arg, wfb::Tensor::INPUT, text);
    if (failed(id))
      return failure();
    tensorOf[arg] = *id;
    wfb::Binding *b = manifest.mutable_signature()->add_inputs();
    b->set_name(text);
    b->set_tensor(*id);
  }

  DenseMap<Operation *, int32_t> kernelIndex;
  KernelConstants kernelConstants;
  for (Operation &op : main.getBody().front()) {
    if (auto c = dyn_cast<graph::ConstantOp>(op)) {
      FailureOr<int32_t> id = constant(c);
      if (failed(id))
        return failure();
      tensorOf[c.getResult()] = *id;
      continue;
    }
    if (auto kernel = dyn_cast<fabric::KernelOp>(op)) {
      int32_t index = manifest.kernels_size();
      kernelIndex[kernel] = index;
      wfb::Kernel *k = manifest.add_kernels();
      k->set_name(kernel.getSymName().str());
      k->set_scheme(fabric::stringifyKernelScheme(kernel.getScheme()).str());
      for (int64_t x : kernel.getRegion())
        k->add_region(x);
      if (std::optional<ArrayRef<int64_t>> origin = kernel.getOrigin())
        for (int64_t x : *origin)
          k->add_origin(x);
      k->set_slot(kernel.getSlot());
      k->set_cycles(kernel.getCycles());
      k->set_weight_bytes(kernel.getWeightBytes());
      k->set_buffer_bytes(kernel.getBufferBytes());
      Block &body = kernel.getBody().front();
      DenseMap<Value, int32_t> local;
      for (auto [arg, input] :
           llvm::zip(body.getArguments(), kernel.getInputs()))
        local[arg] = lookup(input, local);
      for (Operation &inner : body) {
        if (auto yield = dyn_cast<fabric::YieldOp>(inner)) {
          for (auto [result, value] :
               llvm::zip(kernel.getResults(), yield.getValues()))
            tensorOf[result] = lookup(value, local);
          continue;
        }
        if (auto c = dyn_cast<graph::ConstantOp>(inner)) {
          FailureOr<int32_t> id = constant(c);
          if (failed(id))
            return failure();
          local[c.getResult()] = *id;
          kernelConstants[kernel.getSymName()].push_back(*id);
          continue;
        }
        if (failed(hostOp(&inner, index, local)))
          return failure();
      }
      continue;
    }
    if (auto stream = dyn_cast<fabric::StreamOp>(op)) {
      tensorOf[stream.getOutput()] = lookup(stream.getInput(), tensorOf);
      wfb::Stream *s = manifest.add_streams();
      s->set_producer(kernelIndex.lookup(stream.getProducer()));
      for (Operation *user : stream.getOutput().getUsers())
        if (auto consumer = dyn_cast<fabric::KernelOp>(user))
          s->add_consumers(kernelIndex.lookup(consumer));
      s->set_bytes(stream.getBytes());
      s->set_cycles(stream.getCycles());
      s->set_color(stream.getColor().value_or(-1));
      if (std::optional<ArrayRef<int64_t>> route = stream.getRoute())
        for (int64_t x : *route)
          s->add_route(x);
      continue;
    }
    if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      for (auto [i, value] : llvm::enumerate(ret.getOperands())) {
        wfb::Binding *b = manifest.mutable_signature()->add_outputs();
        b->set_name(fabric::signatureName(main, true, unsigned(i)));
        int32_t id = lookup(value, tensorOf);
        if (id < 0)
          return ret.emitOpError() << "returns a value emit-wfb has no "
                                      "tensor for";
        b->set_tensor(id);
      }
      continue;
    }
    return op.emitOpError() << "emit-wfb does not know how to store this op";
  }

  if (options.decode && failed(decodeEntries(*options.decode)))
    return failure();
  if (!options.decode && !cacheOf.empty())
    return module.emitError() << "holds KV-cache appends (graph-kv-cache) but "
                                 "no decode programs; compile with waferc "
                                 "--max-seq";

  // The per-PE programs, when the module has them: one pe.design, for the
  // fabric design's target.
  std::optional<wfb::PeDesign> peDesign;
  for (auto peDesignOp : module.getOps<pe::DesignOp>()) {
    if (peDesign)
      return peDesignOp.emitOpError()
             << "is the module's second pe.design; a binary holds one";
    if (peDesignOp.getTarget() != target)
      return peDesignOp.emitOpError()
             << "is for another target than the fabric design: "
             << peDesignOp.getTarget() << " against " << target;
    peDesign.emplace();
    if (failed(emitPeDesign(peDesignOp, manifest, kernelConstants, *peDesign)))
      return failure();
  }

  // Written beside the destination and renamed, so that a failed write
  // never leaves half a binary behind.
  std::string temporary = (path + ".tmp").str();
  wfb::BinaryWriter writer;
  std::string error;
  auto fail = [&](const std::string &why) {
    std::remove(temporary.c_str());
    return module.emitError() << why;
  };
  if (!writer.open(temporary, error))
    return fail(error);
  std::string manifestBytes = wfb::serialize(manifest);
  writer.beginSection(wfb::SectionId::Manifest, wfb::kSectionRequired, 8);
  writer.append(manifestBytes.data(), manifestBytes.size());
  writer.endSection();
  std::string programBytes = wfb::serialize(program);
  writer.beginSection(wfb::SectionId::HostProgram, wfb::kSectionRequired, 8);
  writer.append(programBytes.data(), programBytes.size());
  writer.endSection();
  writer.beginSection(wfb::SectionId::Weights, wfb::kSectionRequired,
                      wfb::kWeightAlignment);
  for (const Weight &w : weights) {
    writer.alignTo(wfb::kWeightAlignment);
    writer.append(w.bytes().data(), w.bytes().size());
  }
  writer.endSection();
  if (peDesign) {
    std::string peBytes = wfb::serialize(*peDesign);
    // Optional: a reader that predates it still runs the host program.
    writer.beginSection(wfb::SectionId::PeDesign, 0, 8);
    writer.append(peBytes.data(), peBytes.size());
    writer.endSection();
  }
  if (!writer.finish(wfb::targetHash(manifest.target()), error))
    return fail(error);
  if (std::error_code ec = llvm::sys::fs::rename(temporary, path))
    return fail("cannot write '" + path.str() + "': " + ec.message());
  return success();
}

} // namespace

LogicalResult writeWfb(ModuleOp module, StringRef path,
                       const WfbOptions &options) {
  return Emitter(module, options).run(path);
}

} // namespace wafer
