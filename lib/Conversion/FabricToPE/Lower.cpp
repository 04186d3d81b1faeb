//===- Lower.cpp - a placed fabric design as per-PE programs --------------===//
//
// Two steps, so that a design is either lowered whole or left as it was:
// plan every kernel (Plan.h; one lowering per scheme in its own file),
// failing with the reason on the first that has no lowering; then build
// the pe.design from the plans.
//
//===----------------------------------------------------------------------===//

#include "Plan.h"

#include "wafer/Conversion/FabricToPE.h"
#include "wafer/Conversion/Passes.h"

#include "wafer/Dialect/Fabric/IR/FabricOps.h"
#include "wafer/Dialect/PE/IR/PEOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace wafer {
#define GEN_PASS_DEF_PELOWER
#include "wafer/Conversion/Passes.h.inc"
} // namespace wafer

using namespace mlir;
using namespace wafer;

namespace wafer::pelower {

FloatType computeTypeOf(Type type) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  if (!ranked)
    return {};
  Type e = ranked.getElementType();
  return e.isF32() || e.isF16() || e.isBF16() ? cast<FloatType>(e)
                                              : FloatType();
}

bool isTensorOf(Type type, Type element, ArrayRef<int64_t> shape) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  return ranked && ranked.getElementType() == element &&
         ranked.getShape() == shape;
}

std::string modelInputOf(fabric::KernelOp kernel, func::FuncOp main,
                         unsigned i, std::string &name) {
  auto arg = dyn_cast<BlockArgument>(kernel.getInputs()[i]);
  if (!arg || arg.getOwner() != &main.getBody().front())
    return "kernel " + kernel.getRef() + " takes input " + std::to_string(i) +
           " from a stream; pe-lower does not lower streams between kernels "
           "yet";
  name = fabric::signatureName(main, false, arg.getArgNumber());
  return "";
}

std::string modelOutputOf(fabric::KernelOp kernel, func::FuncOp main,
                          unsigned i, std::string &name) {
  std::optional<unsigned> index;
  for (OpOperand &use : kernel.getResult(i).getUses()) {
    if (!isa<func::ReturnOp>(use.getOwner()) || index)
      return "kernel " + kernel.getRef() + "'s result " + std::to_string(i) +
             " feeds a stream or more than one model output; pe-lower does "
             "not lower streams between kernels yet";
    index = use.getOperandNumber();
  }
  if (!index)
    return "kernel " + kernel.getRef() + "'s result " + std::to_string(i) +
           " is not a model output";
  name = fabric::signatureName(main, true, *index);
  return "";
}

} // namespace wafer::pelower

namespace {

using namespace wafer::pelower;

/// Plans every kernel; "" with the plans, or the first kernel's reason.
std::string planDesign(ModuleOp module, std::vector<KernelPlan> &plans,
                       Operation *&where) {
  fabric::DesignOp design = fabric::getDesign(module);
  where = module;
  if (!design || !design.getMain() || design.getMain().isExternal())
    return "pe-lower needs a placed fabric.design (run fabric-tile and "
           "fabric-place first)";
  func::FuncOp main = design.getMain();
  // What has no lowering at all first, then streams, then each kernel.
  auto kernels = main.getBody().front().getOps<fabric::KernelOp>();
  for (fabric::KernelOp kernel : kernels) {
    where = kernel;
    if (!kernel.getOrigin())
      return "kernel " + kernel.getRef() +
             " is not placed (run fabric-place first)";
    const fabric::KernelScheme scheme = kernel.getScheme();
    if (scheme != fabric::KernelScheme::elementwise &&
        scheme != fabric::KernelScheme::mesh_gemv)
      return "kernel " + kernel.getRef() + " is " +
             fabric::stringifyKernelScheme(scheme).str() +
             "; pe-lower lowers elementwise and mesh_gemv kernels so far";
  }
  for (auto stream : main.getBody().front().getOps<fabric::StreamOp>()) {
    where = stream;
    return "the design streams between kernels; pe-lower does not lower "
           "streams yet";
  }
  for (fabric::KernelOp kernel : kernels) {
    where = kernel;
    KernelPlan plan;
    std::string why =
        kernel.getScheme() == fabric::KernelScheme::mesh_gemv
            ? planMeshGemv(kernel, main, design.getTarget(), plan)
            : planElementwise(kernel, main, plan);
    if (!why.empty())
      return why;
    plans.push_back(std::move(plan));
  }
  for (Operation &op : main.getBody().front())
    if (auto ret = dyn_cast<func::ReturnOp>(op))
      for (Value v : ret.getOperands())
        if (isa<BlockArgument>(v)) {
          where = ret;
          return "a model output is a model input as it is; pe-lower has no "
                 "program to give it";
        }
  return "";
}

pe::BlockLayoutAttr layoutAttr(MLIRContext *ctx, const Blocks &blocks) {
  auto pair = [](const std::optional<std::array<int64_t, 2>> &v) {
    return v ? ArrayRef<int64_t>(*v) : ArrayRef<int64_t>();
  };
  return pe::BlockLayoutAttr::get(ctx, blocks.columns, blocks.rows,
                                  blocks.flat, pair(blocks.grid),
                                  pair(blocks.at));
}

/// One step as its pe op.
template <typename RangeFn>
void buildStep(OpBuilder &b, Location loc, const Step &s, RangeFn range) {
  using K = Step::Kind;
  switch (s.kind) {
  case K::Fill:
    pe::FillOp::create(b, loc, range(s.dst), b.getF32FloatAttr(s.value));
    break;
  case K::Fmov:
    pe::FmovOp::create(b, loc, range(s.dst), range(s.lhs));
    break;
  case K::Add:
    pe::FaddOp::create(b, loc, range(s.dst), range(s.lhs), range(s.rhs));
    break;
  case K::Sub:
    pe::FsubOp::create(b, loc, range(s.dst), range(s.lhs), range(s.rhs));
    break;
  case K::Mul:
    pe::FmulOp::create(b, loc, range(s.dst), range(s.lhs), range(s.rhs));
    break;
  case K::Max:
    pe::FmaxOp::create(b, loc, range(s.dst), range(s.lhs), range(s.rhs));
    break;
  case K::Exp:
    pe::ExpOp::create(b, loc, range(s.dst), range(s.lhs));
    break;
  case K::Fmac:
    pe::FmacOp::create(b, loc, range(s.dst), range(s.lhs), range(s.rhs),
                       range(s.scalar));
    break;
  case K::Send:
    pe::SendOp::create(b, loc, range(s.lhs), b.getI64IntegerAttr(s.color));
    break;
  case K::Recv:
    pe::RecvOp::create(b, loc, b.getI64IntegerAttr(s.color), range(s.dst));
    break;
  }
}

void buildProgram(OpBuilder &b, fabric::KernelOp kernel,
                  const ProgramPlan &plan) {
  Location loc = kernel.getLoc();
  MLIRContext *ctx = b.getContext();
  auto program = pe::ProgramOp::create(
      b, loc, b.getStringAttr(plan.name),
      FlatSymbolRefAttr::get(kernel.getSymNameAttr()),
      b.getDenseI64ArrayAttr({plan.x, plan.y}),
      b.getDenseI64ArrayAttr({plan.width, plan.height}),
      b.getI64IntegerAttr(kernel.getSlot()));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&program.getBody().emplaceBlock());
  for (const BufferPlan &buffer : plan.buffers)
    pe::BufferOp::create(
        b, loc, b.getStringAttr(buffer.name),
        TypeAttr::get(buffer.type ? Type(buffer.type) : b.getF32Type()),
        b.getI64IntegerAttr(buffer.length), IntegerAttr());
  // Inputs, then outputs, then weights, as the ops read best.
  for (Binding::Kind kind :
       {Binding::Kind::Input, Binding::Kind::Output, Binding::Kind::Weight})
    for (const Binding &binding : plan.bindings) {
      if (binding.kind != kind)
        continue;
      auto buffer = FlatSymbolRefAttr::get(ctx, binding.buffer);
      pe::BlockLayoutAttr layout = layoutAttr(ctx, binding.layout);
      if (kind == Binding::Kind::Input)
        pe::InputOp::create(b, loc, b.getStringAttr(binding.tensor), buffer,
                            layout);
      else if (kind == Binding::Kind::Output)
        pe::OutputOp::create(b, loc, b.getStringAttr(binding.tensor), buffer,
                             layout);
      else
        pe::WeightOp::create(b, loc, b.getI64IntegerAttr(binding.weight),
                             buffer, layout);
    }
  auto range = [&](const Range &r) {
    return pe::MemRangeAttr::get(ctx, FlatSymbolRefAttr::get(ctx, r.buffer),
                                 r.offset, r.length, 1);
  };
  auto task = [&](StringRef name, pe::TaskKind kind, bool entry,
                  const std::vector<Step> &steps) {
    auto op = pe::TaskOp::create(b, loc, b.getStringAttr(name),
                                 pe::TaskKindAttr::get(ctx, kind),
                                 IntegerAttr(),
                                 entry ? b.getUnitAttr() : UnitAttr());
    OpBuilder::InsertionGuard inTask(b);
    b.setInsertionPointToStart(&op.getBody().emplaceBlock());
    for (const Step &s : steps)
      buildStep(b, loc, s, range);
  };
  task("main", pe::TaskKind::local, true, plan.steps);
  if (!plan.loadSteps.empty())
    task("constants", pe::TaskKind::load, false, plan.loadSteps);
}

void buildRoute(OpBuilder &b, Location loc, int64_t slot,
                const RoutePlan &route) {
  MLIRContext *ctx = b.getContext();
  pe::RouteOp::create(b, loc, b.getI64IntegerAttr(route.color),
                      b.getI64IntegerAttr(slot),
                      b.getDenseI64ArrayAttr({route.x, route.y}),
                      b.getDenseI64ArrayAttr({route.width, route.height}),
                      pe::PortsAttr::get(ctx, route.from),
                      pe::PortsAttr::get(ctx, route.to));
}

struct PeLowerPass : wafer::impl::PeLowerBase<PeLowerPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!module.getOps<pe::DesignOp>().empty()) {
      module.emitError() << "pe-lower: the module has a pe.design already";
      return signalPassFailure();
    }
    std::vector<KernelPlan> plans;
    Operation *where = nullptr;
    if (std::string why = planDesign(module, plans, where); !why.empty()) {
      where->emitError() << "pe-lower: " << why;
      return signalPassFailure();
    }
    fabric::DesignOp design = fabric::getDesign(module);
    OpBuilder b(module.getContext());
    b.setInsertionPointAfter(design);
    auto pe = pe::DesignOp::create(b, design.getLoc(), design.getTarget());
    b.setInsertionPointToStart(&pe.getBody().emplaceBlock());
    for (KernelPlan &plan : plans) {
      for (const ProgramPlan &program : plan.programs)
        buildProgram(b, plan.kernel, program);
      for (const RoutePlan &route : plan.routes)
        buildRoute(b, plan.kernel.getLoc(), plan.kernel.getSlot(), route);
      numPrograms += int64_t(plan.programs.size());
    }
  }
};

} // namespace

std::string wafer::peLoweringProblem(ModuleOp module) {
  std::vector<KernelPlan> plans;
  Operation *where = nullptr;
  return planDesign(module, plans, where);
}
