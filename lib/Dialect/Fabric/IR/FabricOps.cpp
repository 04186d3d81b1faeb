//===- FabricOps.cpp - designs, kernels and streams -----------------------===//

#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "wafer/Support/ElementCount.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace wafer::fabric;

//===----------------------------------------------------------------------===//
// DesignOp
//===----------------------------------------------------------------------===//

void DesignOp::build(OpBuilder &builder, OperationState &state,
                     MappingStrategy strategy, TargetAttr target) {
  state.addAttribute(getStrategyAttrName(state.name),
                     MappingStrategyAttr::get(builder.getContext(), strategy));
  state.addAttribute(getTargetAttrName(state.name), target);
  state.addRegion()->emplaceBlock();
}

func::FuncOp DesignOp::getMain() {
  return dyn_cast_or_null<func::FuncOp>(
      mlir::SymbolTable::lookupSymbolIn(*this, "main"));
}

LogicalResult DesignOp::verifyRegions() {
  // Runs after every nested op has verified: kernels have their regions,
  // streams their producers.
  if (failed(verifyPhysics(*this)) || failed(verifyRoutes(*this)))
    return failure();
  return success();
}

DesignOp wafer::fabric::getDesign(ModuleOp module) {
  auto designs = module.getOps<DesignOp>();
  if (designs.empty() || std::next(designs.begin()) != designs.end())
    return {};
  return *designs.begin();
}

TargetAttr wafer::fabric::getTarget(ModuleOp module) {
  DesignOp design = getDesign(module);
  return design ? design.getTarget() : TargetAttr();
}

FailureOr<std::pair<DesignOp, func::FuncOp>>
wafer::fabric::getMappedDesign(ModuleOp module, StringRef pass,
                               StringRef prerequisites) {
  auto designs = module.getOps<DesignOp>();
  if (designs.empty())
    return module.emitError() << pass << " needs a " << prerequisites;
  if (std::next(designs.begin()) != designs.end())
    return module.emitError() << pass << " maps one fabric.design per "
                              << "module; this one has several";
  DesignOp design = *designs.begin();
  func::FuncOp main = design.getMain();
  if (!main || main.isExternal())
    return design.emitError() << pass << " needs the design's func.func "
                              << "@main with a body";
  return std::make_pair(design, main);
}

std::string wafer::fabric::signatureName(func::FuncOp main, bool output,
                                        unsigned index) {
  auto name = output ? main.getResultAttrOfType<StringAttr>(index, "graph.name")
                     : main.getArgAttrOfType<StringAttr>(index, "graph.name");
  return name ? name.str()
              : (output ? "output" : "input") + std::to_string(index);
}

//===----------------------------------------------------------------------===//
// KernelOp
//===----------------------------------------------------------------------===//

void KernelOp::build(OpBuilder &builder, OperationState &state,
                     TypeRange resultTypes, StringRef name,
                     KernelScheme scheme, ValueRange inputs) {
  state.addTypes(resultTypes);
  state.addOperands(inputs);
  state.addAttribute(getSymNameAttrName(state.name),
                     builder.getStringAttr(name));
  state.addAttribute(getSchemeAttrName(state.name),
                     KernelSchemeAttr::get(builder.getContext(), scheme));
  Region *body = state.addRegion();
  Block *block = new Block();
  body->push_back(block);
  for (Value v : inputs)
    block->addArgument(v.getType(), v.getLoc());
}

std::string KernelOp::getRef() {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << FlatSymbolRefAttr::get(getSymNameAttr());
  return text;
}

std::optional<int64_t> KernelOp::peBytes() {
  return wafer::checkedAdd(getWeightBytes(), getBufferBytes());
}

LogicalResult KernelOp::verify() {
  if (!(*this)->getParentOfType<DesignOp>())
    return emitOpError() << "must be inside a fabric.design, which carries "
                            "the target it is mapped onto";
  if (!peBytes())
    return emitOpError() << "weight_bytes " << getWeightBytes()
                         << " and buffer_bytes " << getBufferBytes()
                         << " overflow when added";
  return success();
}

LogicalResult KernelOp::verifyRegions() {
  Block &block = getBody().front();
  if (block.getNumArguments() != getInputs().size())
    return emitOpError() << "body takes " << block.getNumArguments()
                         << " arguments for " << getInputs().size()
                         << " inputs";
  for (auto [arg, input] : llvm::zip(block.getArguments(), getInputs()))
    if (arg.getType() != input.getType())
      return emitOpError() << "body argument type " << arg.getType()
                           << " differs from input type " << input.getType();
  auto yield = cast<YieldOp>(block.getTerminator());
  if (yield.getValues().getTypes() != getOutputs().getTypes())
    return emitOpError() << "yields types that differ from its results";
  return success();
}

std::optional<PlacedRect> wafer::fabric::placedRect(KernelOp k) {
  std::optional<ArrayRef<int64_t>> origin = k.getOrigin();
  if (!origin)
    return std::nullopt;
  // The verifiers bound origins and regions by the mesh (at most 2^14 a
  // side), so the sums cannot overflow.
  return PlacedRect{(*origin)[0], (*origin)[1],
                    (*origin)[0] + k.regionWidth(),
                    (*origin)[1] + k.regionHeight()};
}

//===----------------------------------------------------------------------===//
// StreamOp
//===----------------------------------------------------------------------===//

KernelOp StreamOp::getProducer() { return getInput().getDefiningOp<KernelOp>(); }

std::pair<int64_t, int64_t> StreamOp::getLifetime() {
  int64_t first = 0, last = 0;
  if (KernelOp producer = getProducer())
    first = last = producer.getSlot();
  for (Operation *user : getOutput().getUsers())
    if (auto consumer = dyn_cast<KernelOp>(user))
      last = std::max(last, consumer.getSlot());
  return {first, last};
}

LogicalResult StreamOp::verify() {
  if (!(*this)->getParentOfType<DesignOp>())
    return emitOpError() << "must be inside a fabric.design, which carries "
                            "the target it is routed on";
  if (!getProducer())
    return emitOpError() << "carries a result of a fabric.kernel; model "
                            "inputs and other streams feed kernels directly";
  if (std::optional<ArrayRef<int64_t>> route = getRoute())
    if (route->size() % 4)
      return emitOpError() << "route must hold x0, y0, x1, y1 quadruples, "
                              "got "
                           << route->size() << " numbers";
  return success();
}

#define GET_OP_CLASSES
#include "wafer/Dialect/Fabric/IR/FabricOps.cpp.inc"
