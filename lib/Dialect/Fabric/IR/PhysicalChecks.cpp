//===- PhysicalChecks.cpp - regions, slots and SRAM against the target ----===//

#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "llvm/ADT/STLExtras.h"

#include <map>

using namespace mlir;

namespace wafer::fabric {

namespace {
struct Rect {
  int64_t x0, y0, x1, y1; // [x0, x1) x [y0, y1)
  bool overlaps(const Rect &o) const {
    return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
  }
};

Rect rectOf(KernelOp k) {
  ArrayRef<int64_t> origin = *k.getOrigin();
  return {origin[0], origin[1], origin[0] + k.regionWidth(),
          origin[1] + k.regionHeight()};
}
} // namespace

LogicalResult verifyPhysics(ModuleOp module, TargetAttr target) {
  SmallVector<KernelOp> placed;
  WalkResult walk = module.walk([&](KernelOp k) -> WalkResult {
    if (k.regionWidth() > target.getWidth() ||
        k.regionHeight() > target.getHeight())
      return k.emitOpError() << "region " << k.regionWidth() << "x"
                             << k.regionHeight() << " does not fit the "
                             << target.getWidth() << "x" << target.getHeight()
                             << " mesh";
    if (k.peBytes() > target.dataBytes())
      return k.emitOpError() << "needs " << k.peBytes()
                             << " bytes per PE; a PE has "
                             << target.dataBytes() << " for data ("
                             << target.getSramBytes() << " SRAM less "
                             << target.getCodeBytes() << " for code)";
    if (k.getOrigin()) {
      Rect r = rectOf(k);
      if (r.x1 > target.getWidth() || r.y1 > target.getHeight())
        return k.emitOpError()
               << "region [" << r.x0 << ", " << r.x1 << ") x [" << r.y0
               << ", " << r.y1 << ") leaves the " << target.getWidth() << "x"
               << target.getHeight() << " mesh";
      placed.push_back(k);
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  // Within a time slot, regions are disjoint.
  for (size_t i = 0; i < placed.size(); ++i)
    for (size_t j = i + 1; j < placed.size(); ++j)
      if (placed[i].getSlot() == placed[j].getSlot() &&
          rectOf(placed[i]).overlaps(rectOf(placed[j]))) {
        auto diag = placed[j].emitOpError()
                    << "overlaps kernel '" << placed[i].getSymName()
                    << "' in time slot " << placed[j].getSlot();
        diag.attachNote(placed[i].getLoc()) << "the other kernel";
        return diag;
      }

  // A PE holds the weights of every kernel that covers it, in any slot,
  // plus the activation buffers of the slot that needs the most. Sum per
  // distinct rectangle, then over the cells of the grid their edges cut.
  struct Usage {
    int64_t resident = 0;
    std::map<int64_t, int64_t> buffersBySlot;
  };
  std::map<std::tuple<int64_t, int64_t, int64_t, int64_t>, Usage> byRect;
  for (KernelOp k : placed) {
    Rect r = rectOf(k);
    Usage &u = byRect[{r.x0, r.y0, r.x1, r.y1}];
    u.resident += k.getWeightBytes();
    u.buffersBySlot[k.getSlot()] += k.getBufferBytes();
  }
  SmallVector<int64_t> xs, ys;
  for (const auto &[r, u] : byRect) {
    xs.append({std::get<0>(r), std::get<2>(r)});
    ys.append({std::get<1>(r), std::get<3>(r)});
  }
  llvm::sort(xs);
  xs.erase(llvm::unique(xs), xs.end());
  llvm::sort(ys);
  ys.erase(llvm::unique(ys), ys.end());
  for (size_t i = 0; i + 1 < xs.size(); ++i)
    for (size_t j = 0; j + 1 < ys.size(); ++j) {
      int64_t resident = 0;
      std::map<int64_t, int64_t> buffers;
      for (const auto &[r, u] : byRect)
        if (std::get<0>(r) <= xs[i] && xs[i] < std::get<2>(r) &&
            std::get<1>(r) <= ys[j] && ys[j] < std::get<3>(r)) {
          resident += u.resident;
          for (const auto &[slot, b] : u.buffersBySlot)
            buffers[slot] += b;
        }
      int64_t peak = 0;
      for (const auto &[slot, b] : buffers)
        peak = std::max(peak, b);
      if (resident + peak > target.dataBytes())
        return module.emitError()
               << "PE (" << xs[i] << ", " << ys[j] << ") holds " << resident
               << " bytes of weights and up to " << peak
               << " of buffers over the kernels that occupy it; a PE has "
               << target.dataBytes() << " for data";
    }
  return success();
}

} // namespace wafer::fabric
