//===- Allocate.cpp - SRAM addresses for the buffers of every program -----===//
//
// All buffers of a program are alive for the whole slot, so allocation is
// packing: the fixed buffers stay where they are, the others go first-fit
// into the gaps, largest first so that small buffers fill what alignment and
// the fixed ones leave.
//
//===----------------------------------------------------------------------===//

#include "wafer/Dialect/PE/IR/PEOps.h"
#include "wafer/Dialect/PE/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MathExtras.h"

#include <limits>

#include <optional>

namespace wafer::pe {
#define GEN_PASS_DEF_PEALLOCATE
#include "wafer/Dialect/PE/Transforms/Passes.h.inc"
} // namespace wafer::pe

using namespace mlir;
using namespace wafer::pe;

namespace {

struct Interval {
  int64_t begin, end; // bytes [begin, end)
};

int64_t alignUp(int64_t value, int64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

/// The lowest aligned address at which `bytes` fit between the intervals
/// taken (sorted by begin) and below `limit`, if any.
std::optional<int64_t> firstFit(ArrayRef<Interval> taken, int64_t bytes,
                                int64_t alignment, int64_t limit) {
  int64_t candidate = 0;
  for (const Interval &t : taken) {
    if (candidate + bytes <= t.begin)
      break;
    candidate = std::max(candidate, alignUp(t.end, alignment));
  }
  if (candidate > limit - bytes)
    return std::nullopt;
  return candidate;
}

/// Places the program's unplaced buffers; on failure reports the memory
/// map and leaves the program unchanged.
LogicalResult allocate(ProgramOp program, int64_t dataBytes,
                       const wafer::fabric::TargetAttr &target,
                       int64_t &allocated) {
  SmallVector<BufferOp> fixed, free;
  for (BufferOp buffer : program.getBody().getOps<BufferOp>())
    (buffer.getAddress() ? fixed : free).push_back(buffer);
  if (free.empty())
    return success();

  SmallVector<Interval> taken;
  for (BufferOp buffer : fixed)
    taken.push_back({*buffer.getAddress(), *buffer.getAddress() + *buffer.bytes()});
  llvm::sort(taken, [](const Interval &a, const Interval &b) {
    return a.begin < b.begin;
  });
  // stable_sort keeps program order among equal sizes.
  llvm::stable_sort(free, [](BufferOp a, BufferOp b) {
    return *a.bytes() > *b.bytes();
  });

  SmallVector<std::pair<BufferOp, std::optional<int64_t>>> placed;
  bool fits = true;
  for (BufferOp buffer : free) {
    std::optional<int64_t> address =
        firstFit(taken, *buffer.bytes(), buffer.elementBytes(), dataBytes);
    placed.emplace_back(buffer, address);
    if (!address) {
      fits = false;
      continue;
    }
    Interval interval{*address, *address + *buffer.bytes()};
    taken.insert(llvm::upper_bound(taken, interval,
                                   [](const Interval &a, const Interval &b) {
                                     return a.begin < b.begin;
                                   }),
                 interval);
  }

  if (!fits) {
    // The sum saturates: each buffer's bytes fit in int64, their sum may not.
    int64_t needed = 0;
    for (BufferOp buffer : program.getBody().getOps<BufferOp>())
      if (llvm::AddOverflow(needed, *buffer.bytes(), needed))
        needed = std::numeric_limits<int64_t>::max();
    InFlightDiagnostic diag =
        program.emitOpError()
        << "@" << program.getSymName() << " does not fit: its buffers need "
        << needed << " bytes and each PE has " << dataBytes
        << " bytes of SRAM for data (" << target.getSramBytes() << " less "
        << target.getCodeBytes() << " for code)";
    if (needed <= dataBytes)
      diag << "; the buffers with fixed addresses leave no gap large enough";
    diag.attachNote(program.getLoc()) << "memory map of @" << program.getSymName()
                                      << " (bytes):";
    for (BufferOp buffer : fixed)
      diag.attachNote(buffer.getLoc())
          << "@" << buffer.getSymName() << ": " << *buffer.bytes() << " at "
          << *buffer.getAddress() << " (fixed)";
    for (auto &[buffer, address] : placed) {
      if (address)
        diag.attachNote(buffer.getLoc()) << "@" << buffer.getSymName() << ": "
                                         << *buffer.bytes() << " at " << *address;
      else
        diag.attachNote(buffer.getLoc())
            << "@" << buffer.getSymName() << ": " << *buffer.bytes()
            << ", no gap left";
    }
    return failure();
  }

  Builder b(program.getContext());
  for (auto &[buffer, address] : placed)
    buffer.setAddressAttr(b.getI64IntegerAttr(*address));
  allocated += static_cast<int64_t>(placed.size());
  return success();
}

struct PEAllocatePass : wafer::pe::impl::PEAllocateBase<PEAllocatePass> {
  using PEAllocateBase::PEAllocateBase;

  void runOnOperation() override {
    int64_t allocated = 0;
    bool failed = false;
    getOperation().walk([&](DesignOp design) {
      const wafer::fabric::TargetAttr target = design.getTarget();
      for (ProgramOp program : design.getBody().getOps<ProgramOp>())
        if (mlir::failed(allocate(program, target.dataBytes(), target, allocated)))
          failed = true;
    });
    numAllocated += allocated;
    if (failed)
      signalPassFailure();
  }
};

} // namespace
