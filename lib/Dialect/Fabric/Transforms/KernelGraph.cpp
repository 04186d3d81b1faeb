//===- KernelGraph.cpp - kernels and the streams between them -------------===//

#include "KernelGraph.h"

using namespace mlir;

namespace wafer::fabric {

KernelGraph KernelGraph::of(func::FuncOp func) {
  KernelGraph g;
  DenseMap<Operation *, int> indexOf;
  for (KernelOp k : func.getOps<KernelOp>()) {
    PlacedKernel p;
    p.op = k;
    p.width = k.regionWidth();
    p.height = k.regionHeight();
    p.slot = k.getSlot();
    if (auto origin = k.getOrigin()) {
      p.x = (*origin)[0];
      p.y = (*origin)[1];
    }
    indexOf[k] = g.kernels.size();
    g.kernels.push_back(p);
  }
  g.streamsOf.resize(g.kernels.size());
  for (StreamOp s : func.getOps<StreamOp>()) {
    StreamEdge e;
    e.op = s;
    e.bytes = s.getBytes();
    e.lifetime = s.getLifetime();
    auto producer = indexOf.find(s.getInput().getDefiningOp());
    if (producer == indexOf.end())
      continue;
    e.producer = producer->second;
    for (Operation *user : s.getOutput().getUsers()) {
      auto consumer = indexOf.find(user);
      if (consumer != indexOf.end() &&
          !llvm::is_contained(e.consumers, consumer->second))
        e.consumers.push_back(consumer->second);
    }
    int index = g.streams.size();
    g.streamsOf[e.producer].push_back(index);
    for (int c : e.consumers)
      g.streamsOf[c].push_back(index);
    g.streams.push_back(std::move(e));
  }
  return g;
}

} // namespace wafer::fabric
