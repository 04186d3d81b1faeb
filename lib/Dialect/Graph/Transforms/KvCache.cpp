//===- KvCache.cpp - a decode model's KV cache as runtime state -----------===//

#include "wafer/Dialect/Graph/IR/GraphOps.h"
#include "wafer/Dialect/Graph/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/BitVector.h"

namespace wafer::graph {
#define GEN_PASS_DEF_GRAPHKVCACHE
#include "wafer/Dialect/Graph/Transforms/Passes.h.inc"
} // namespace wafer::graph

using namespace mlir;
using namespace wafer::graph;

namespace {

/// One past -> Concat -> present chain of @main.
struct CacheChain {
  BlockArgument past;
  ConcatOp concat;
  unsigned result; ///< @main's result it is returned as
  std::string name;
};

/// The chain `past` starts, if it is one: its only use is operand 0 of a
/// two-operand concat that the function returns once and something else
/// reads (an attention, or the decomposed attention's matmuls).
std::optional<CacheChain> chainOf(func::FuncOp main, BlockArgument past) {
  if (!past.hasOneUse())
    return std::nullopt;
  auto concat = dyn_cast<ConcatOp>(*past.getUsers().begin());
  if (!concat || concat.getInputs().size() != 2 ||
      concat.getInputs()[0] != past)
    return std::nullopt;
  bool read = false;
  std::optional<unsigned> result;
  for (OpOperand &use : concat.getOutput().getUses()) {
    if (isa<func::ReturnOp>(use.getOwner())) {
      if (result)
        return std::nullopt;
      result = use.getOperandNumber();
    } else {
      read = true;
    }
  }
  if (!read || !result)
    return std::nullopt;
  auto name = main.getResultAttrOfType<StringAttr>(*result, "graph.name");
  CacheChain chain{past, concat, *result,
                   name ? name.str() : "cache." + std::to_string(*result)};
  return chain;
}

struct GraphKvCachePass
    : wafer::graph::impl::GraphKvCacheBase<GraphKvCachePass> {
  using GraphKvCacheBase::GraphKvCacheBase;

  void runOnOperation() override {
    auto main = getOperation().lookupSymbol<func::FuncOp>("main");
    if (!main || main.isExternal()) {
      getOperation().emitError() << "graph-kv-cache needs a func @main";
      return signalPassFailure();
    }
    if (prefill && capacity < 1) {
      main.emitError() << "graph-kv-cache: the prefill rewrite needs the "
                          "cache's capacity (capacity=N)";
      return signalPassFailure();
    }
    SmallVector<CacheChain> chains;
    for (BlockArgument arg : main.getArguments())
      if (std::optional<CacheChain> chain = chainOf(main, arg))
        chains.push_back(*chain);
    if (chains.empty()) {
      main.emitError()
          << "not a decode model: no input is a KV cache (a past input "
             "Concat-ed with the new keys or values on the sequence axis, "
             "read by an attention and returned as a present output)";
      return signalPassFailure();
    }

    OpBuilder b(&getContext());
    llvm::BitVector deadArgs(main.getNumArguments());
    llvm::BitVector deadResults(main.getNumResults());
    for (CacheChain &chain : chains) {
      ConcatOp concat = chain.concat;
      auto cacheType = cast<RankedTensorType>(concat.getType());
      int64_t axis = concat.getAxis();
      Value update = concat.getInputs()[1];
      b.setInsertionPoint(concat);
      if (prefill) {
        auto pastType = cast<RankedTensorType>(chain.past.getType());
        if (pastType.getDimSize(axis) != 1) {
          concat.emitError() << "graph-kv-cache prefill: the past of '"
                             << chain.name
                             << "' must have one position, not "
                             << pastType.getDimSize(axis);
          return signalPassFailure();
        }
        SmallVector<int64_t> shape(cacheType.getShape());
        shape[axis] = capacity;
        if (cast<RankedTensorType>(update.getType()).getDimSize(axis) >
            capacity) {
          concat.emitError() << "graph-kv-cache prefill: " << shape[axis]
                             << " new positions do not fit a cache of "
                             << capacity;
          return signalPassFailure();
        }
        Value zeros = b.create<ConstantOp>(
            concat.getLoc(), pastType,
            DenseElementsAttr::get(pastType,
                                   b.getZeroAttr(pastType.getElementType())));
        concat->setOperand(0, zeros);
        b.create<CacheAppendOp>(concat.getLoc(),
                                cacheType.clone(shape), update,
                                b.getStringAttr(chain.name),
                                b.getI64IntegerAttr(axis));
      } else {
        Value cache = b.create<CacheAppendOp>(
            concat.getLoc(), cacheType, update, b.getStringAttr(chain.name),
            b.getI64IntegerAttr(axis));
        concat.getOutput().replaceAllUsesWith(cache);
        concat.erase();
      }
      deadArgs.set(chain.past.getArgNumber());
      deadResults.set(chain.result);
      ++numCaches;
    }

    // The returned caches leave the signature, then the pasts.
    auto ret = cast<func::ReturnOp>(main.getBody().front().getTerminator());
    SmallVector<Value> kept;
    for (auto [i, v] : llvm::enumerate(ret.getOperands()))
      if (!deadResults.test(i))
        kept.push_back(v);
    ret->setOperands(kept);
    if (failed(main.eraseResults(deadResults)) ||
        failed(main.eraseArguments(deadArgs)))
      return signalPassFailure();
  }
};

} // namespace
