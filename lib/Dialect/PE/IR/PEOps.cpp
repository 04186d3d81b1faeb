//===- PEOps.cpp - programs, tasks, vector ops and routes -----------------===//
//
// Each op verifies its own attributes; pe.program then resolves the buffers
// and tasks its ops name, and pe.design checks everything against the
// target. Both run as region verifiers, after the nested ops have verified,
// so that they only read well-formed ops.
//
//===----------------------------------------------------------------------===//

#include "wafer/Dialect/PE/IR/PEOps.h"

#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <map>
#include <tuple>

using namespace mlir;
using namespace wafer::pe;

#define GET_OP_CLASSES
#include "wafer/Dialect/PE/IR/PEOps.cpp.inc"

namespace {

/// `[offset : length : stride]` as the IR spells a range.
std::string rangeText(MemRangeAttr range) {
  std::string text = "@" + range.getBuffer().getValue().str() + "[" +
                     std::to_string(range.getOffset()) + " : " +
                     std::to_string(range.getLength());
  if (range.getStride() != 1)
    text += " : " + std::to_string(range.getStride());
  return text + "]";
}

/// Every range must have the length of the first.
LogicalResult verifyEqualLengths(Operation *op,
                                 ArrayRef<std::pair<StringRef, MemRangeAttr>> ranges) {
  const auto &[firstName, first] = ranges.front();
  for (const auto &[name, range] : ranges.drop_front())
    if (range.getLength() != first.getLength())
      return op->emitOpError()
             << "'" << name << "' has " << range.getLength()
             << " elements but '" << firstName << "' has " << first.getLength()
             << "; the ranges of an elementwise op have one length";
  return success();
}

LogicalResult verifyOneElement(Operation *op, StringRef name,
                               MemRangeAttr range) {
  if (range.getLength() != 1)
    return op->emitOpError() << "'" << name << "' must be one element, got "
                             << range.getLength() << " (" << rangeText(range)
                             << ")";
  return success();
}

using wafer::fabric::PlacedRect;

/// The first PE (by y, then x) two overlapping rectangles share.
std::pair<int64_t, int64_t> firstShared(const PlacedRect &a,
                                        const PlacedRect &b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0)};
}

/// The rectangle at `origin` of `size`, or an error when it leaves the
/// mesh. `what` names the op for the message.
FailureOr<PlacedRect> rectInMesh(Operation *op, const std::string &what,
                           ArrayRef<int64_t> origin, ArrayRef<int64_t> size,
                           wafer::fabric::TargetAttr target) {
  const int64_t width = target.getWidth(), height = target.getHeight();
  // origin and size are verified non-negative and positive, so the
  // subtractions cannot overflow.
  if (origin[0] > width - size[0] || origin[1] > height - size[1])
    return op->emitOpError()
           << what << " at [" << origin[0] << ", " << origin[1] << "] size ["
           << size[0] << ", " << size[1] << "] reaches past the " << width
           << "x" << height << " mesh";
  return PlacedRect{origin[0], origin[1], origin[0] + size[0],
                    origin[1] + size[1]};
}

} // namespace

//===----------------------------------------------------------------------===//
// Buffers and tasks
//===----------------------------------------------------------------------===//

int64_t BufferOp::elementBytes() {
  return getElementType().getIntOrFloatBitWidth() / 8;
}

std::optional<int64_t> BufferOp::bytes() {
  int64_t bytes = 0;
  if (llvm::MulOverflow(getLength(), elementBytes(), bytes))
    return std::nullopt;
  return bytes;
}

LogicalResult BufferOp::verify() {
  if (!bytes())
    return emitOpError() << "@" << getSymName() << " of " << getLength()
                         << " elements overflows 64-bit byte counts";
  if (std::optional<int64_t> address = getAddress();
      address && *address % elementBytes() != 0)
    return emitOpError() << "@" << getSymName() << ": address " << *address
                         << " is not aligned to its " << elementBytes()
                         << "-byte elements";
  if (std::optional<int64_t> address = getAddress()) {
    int64_t end = 0;
    if (llvm::AddOverflow(*address, *bytes(), end))
      return emitOpError() << "@" << getSymName() << " at address " << *address
                           << " ends past 2^63 bytes";
  }
  return success();
}

LogicalResult TaskOp::verify() {
  if (getKind() == TaskKind::data && !getColor())
    return emitOpError() << "data task @" << getSymName()
                         << " needs the color it runs on";
  if (getKind() == TaskKind::local && getColor())
    return emitOpError() << "local task @" << getSymName()
                         << " runs when activated and takes no color (got "
                         << *getColor() << ")";
  if (getKind() == TaskKind::data && getEntry())
    return emitOpError() << "data task @" << getSymName()
                         << " runs for the wavelets of its color and cannot "
                            "be an entry task";
  if (getKind() == TaskKind::load) {
    if (getColor() || getEntry())
      return emitOpError() << "load task @" << getSymName()
                           << " runs once when the program is loaded and "
                              "takes no color and no entry";
    for (Operation &op : getBody().front())
      if (isa<SendOp, RecvOp, ActivateOp, BlockOp, UnblockOp>(op))
        return op.emitOpError()
               << "in load task @" << getSymName()
               << ": a load task runs before the slot, with vector ops only";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Vector ops
//===----------------------------------------------------------------------===//

#define WAFER_UNARY_VERIFIER(Op)                                               \
  LogicalResult Op::verify() {                                                 \
    return verifyEqualLengths(*this, {{"dst", getDst()}, {"src", getSrc()}});  \
  }
WAFER_UNARY_VERIFIER(FmovOp)
WAFER_UNARY_VERIFIER(ExpOp)
WAFER_UNARY_VERIFIER(RsqrtOp)
#undef WAFER_UNARY_VERIFIER

#define WAFER_BINARY_VERIFIER(Op)                                              \
  LogicalResult Op::verify() {                                                 \
    return verifyEqualLengths(                                                 \
        *this, {{"dst", getDst()}, {"lhs", getLhs()}, {"rhs", getRhs()}});     \
  }
WAFER_BINARY_VERIFIER(FaddOp)
WAFER_BINARY_VERIFIER(FsubOp)
WAFER_BINARY_VERIFIER(FmulOp)
WAFER_BINARY_VERIFIER(FmaxOp)
#undef WAFER_BINARY_VERIFIER

LogicalResult FmacOp::verify() {
  if (failed(verifyEqualLengths(
          *this, {{"dst", getDst()}, {"acc", getAcc()}, {"src", getSrc()}})))
    return failure();
  return verifyOneElement(*this, "scalar", getScalar());
}

LogicalResult ReduceOp::verify() {
  return verifyOneElement(*this, "dst", getDst());
}

//===----------------------------------------------------------------------===//
// Routes
//===----------------------------------------------------------------------===//

LogicalResult RouteOp::verify() {
  const uint32_t from = static_cast<uint32_t>(getFrom());
  const uint32_t to = static_cast<uint32_t>(getTo());
  if (llvm::popcount(from) != 1)
    return emitOpError() << "color " << getColor()
                         << ": 'from' must be exactly one port, got "
                         << stringifyPorts(getFrom());
  if (to == 0)
    return emitOpError() << "color " << getColor()
                         << ": 'to' needs at least one port";
  if (to & from)
    return emitOpError() << "color " << getColor() << ": sends wavelets back out of "
                         << stringifyPorts(getFrom()) << ", the port they came in by";
  return success();
}

//===----------------------------------------------------------------------===//
// Programs
//===----------------------------------------------------------------------===//

LogicalResult ProgramOp::verifyRegions() {
  llvm::StringMap<BufferOp> buffers;
  llvm::StringMap<TaskOp> tasks;
  for (Operation &op : getBody().front()) {
    if (auto buffer = dyn_cast<BufferOp>(op))
      buffers[buffer.getSymName()] = buffer;
    else if (auto task = dyn_cast<TaskOp>(op))
      tasks[task.getSymName()] = task;
    else if (!isa<InputOp, OutputOp, WeightOp>(op))
      return op.emitOpError()
             << "cannot appear in a program; a program holds pe.buffer, "
                "pe.task, pe.input, pe.output and pe.weight ops";
  }
  for (Operation &op : getBody().front()) {
    // pe.input, pe.output and pe.weight: a buffer and a block layout.
    FlatSymbolRefAttr buffer;
    BlockLayoutAttr layout;
    if (auto input = dyn_cast<InputOp>(op)) {
      buffer = input.getBufferAttr();
      layout = input.getLayout();
    } else if (auto output = dyn_cast<OutputOp>(op)) {
      buffer = output.getBufferAttr();
      layout = output.getLayout();
    } else if (auto weight = dyn_cast<WeightOp>(op)) {
      buffer = weight.getBufferAttr();
      layout = weight.getLayout();
      if (!getKernelAttr())
        return op.emitOpError()
               << "loads weight " << weight.getIndex() << " of program @"
               << getSymName()
               << ", which implements no kernel ('for @kernel') to take it "
                  "from";
    }
    if (layout) {
      ArrayRef<int64_t> size = getSize();
      const std::array<int64_t, 2> grid = layout.gridFor(size);
      const std::array<int64_t, 2> at = layout.corner();
      if (at[0] > grid[0] - size[0] || at[1] > grid[1] - size[1])
        return op.emitOpError()
               << "places program @" << getSymName() << " (" << size[0]
               << " x " << size[1] << " PEs) at block (" << at[0] << ", "
               << at[1] << ") of a grid of " << grid[0] << " x " << grid[1]
               << " blocks, past its edge";
    }
    if (buffer && !buffers.count(buffer.getValue()))
      return op.emitOpError() << "names " << buffer
                              << ", which is not a buffer of program @"
                              << getSymName();
  }

  // Each memory range names one of the program's buffers and lies inside it;
  // each task control op names one of its tasks.
  WalkResult walk = getBody().walk([&](Operation *op) -> WalkResult {
    if (isa<BufferOp, TaskOp, InputOp, OutputOp, WeightOp>(op))
      return WalkResult::advance();
    if (op->getDialect() != getOperation()->getDialect())
      return op->emitOpError()
             << "cannot appear in a task; a task body holds pe ops";
    for (NamedAttribute attr : op->getAttrs()) {
      auto range = dyn_cast<MemRangeAttr>(attr.getValue());
      if (!range)
        continue;
      StringRef name = range.getBuffer().getValue();
      auto it = buffers.find(name);
      if (it == buffers.end())
        return op->emitOpError() << "'" << attr.getName().getValue() << "' names @"
                                 << name << ", which is not a buffer of program @"
                                 << getSymName();
      if (range.end() > it->second.getLength())
        return op->emitOpError()
               << "'" << attr.getName().getValue() << "' " << rangeText(range)
               << " ends at element " << range.end() << ", past the "
               << it->second.getLength() << " elements of @" << name;
    }
    FlatSymbolRefAttr taskRef;
    if (auto activate = dyn_cast<ActivateOp>(op))
      taskRef = activate.getTaskAttr();
    else if (auto block = dyn_cast<BlockOp>(op))
      taskRef = block.getTaskAttr();
    else if (auto unblock = dyn_cast<UnblockOp>(op))
      taskRef = unblock.getTaskAttr();
    if (taskRef) {
      auto it = tasks.find(taskRef.getValue());
      if (it == tasks.end())
        return op->emitOpError() << "names " << taskRef
                                 << ", which is not a task of program @"
                                 << getSymName();
      if (isa<ActivateOp>(op) && it->second.getKind() == TaskKind::data)
        return op->emitOpError()
               << "of " << taskRef
               << ": a data task runs for the wavelets of its color, not when "
                  "activated";
      if (it->second.getKind() == TaskKind::load)
        return op->emitOpError()
               << "of " << taskRef
               << ": a load task runs once when the program is loaded";
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  // One data task per color.
  llvm::DenseMap<int64_t, TaskOp> dataTasks;
  for (auto &[name, task] : tasks) {
    if (task.getKind() != TaskKind::data)
      continue;
    auto [it, inserted] = dataTasks.try_emplace(*task.getColor(), task);
    if (!inserted) {
      // Name them in program order, for a stable message.
      TaskOp first = it->second, second = task;
      if (second->isBeforeInBlock(first))
        std::swap(first, second);
      return second.emitOpError()
             << "data tasks @" << first.getSymName() << " and @"
             << second.getSymName() << " both run on color "
             << *task.getColor();
    }
  }

  // Allocated buffers do not overlap.
  SmallVector<std::tuple<int64_t, int64_t, BufferOp>> placed;
  for (Operation &op : getBody().front())
    if (auto buffer = dyn_cast<BufferOp>(op))
      if (std::optional<int64_t> address = buffer.getAddress())
        placed.emplace_back(*address, *address + *buffer.bytes(), buffer);
  llvm::sort(placed, [](const auto &a, const auto &b) {
    return std::get<0>(a) < std::get<0>(b);
  });
  for (size_t i = 1; i < placed.size(); ++i) {
    auto [begin0, end0, buffer0] = placed[i - 1];
    auto [begin1, end1, buffer1] = placed[i];
    if (begin1 < end0)
      return buffer1.emitOpError()
             << "@" << buffer1.getSymName() << " [" << begin1 << ", " << end1
             << ") overlaps @" << buffer0.getSymName() << " [" << begin0 << ", "
             << end0 << ") in program @" << getSymName();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Designs
//===----------------------------------------------------------------------===//

std::optional<int64_t> wafer::pe::colorOf(Operation *op) {
  if (auto route = dyn_cast<RouteOp>(op))
    return route.getColor();
  if (auto task = dyn_cast<TaskOp>(op))
    return task.getColor();
  if (auto send = dyn_cast<SendOp>(op))
    return send.getColor();
  if (auto recv = dyn_cast<RecvOp>(op))
    return recv.getColor();
  return std::nullopt;
}

LogicalResult DesignOp::verifyRegions() {
  wafer::fabric::TargetAttr target = getTarget();
  const int64_t colors = target.getColors();
  const int64_t dataBytes = target.dataBytes();

  struct Placed {
    PlacedRect rect;
    int64_t slot;
    Operation *op;
  };
  SmallVector<Placed> programs;
  // Routes grouped by (color, slot).
  std::map<std::pair<int64_t, int64_t>, SmallVector<Placed>> routes;

  for (Operation &op : getBody().front()) {
    if (auto program = dyn_cast<ProgramOp>(op)) {
      FailureOr<PlacedRect> rect =
          rectInMesh(program, "program @" + program.getSymName().str(),
                     program.getOrigin(), program.getSize(), target);
      if (failed(rect))
        return failure();
      programs.push_back({*rect, program.getSlot(), program});

      WalkResult walk = program.getBody().walk([&](Operation *inner) {
        if (std::optional<int64_t> color = colorOf(inner);
            color && *color >= colors)
          return inner->emitOpError()
                     << "uses color " << *color << "; the target has "
                     << colors << " (0 to " << colors - 1 << ")",
                 WalkResult::interrupt();
        if (auto buffer = dyn_cast<BufferOp>(inner))
          if (std::optional<int64_t> address = buffer.getAddress();
              address && *address + *buffer.bytes() > dataBytes)
            return buffer.emitOpError()
                       << "@" << buffer.getSymName() << " of program @"
                       << program.getSymName() << " ends at byte "
                       << *address + *buffer.bytes() << ", past the "
                       << dataBytes << " bytes of SRAM left for data ("
                       << target.getSramBytes() << " less "
                       << target.getCodeBytes() << " for code)",
                   WalkResult::interrupt();
        return WalkResult::advance();
      });
      if (walk.wasInterrupted())
        return failure();
    } else if (auto route = dyn_cast<RouteOp>(op)) {
      const std::string what = "route of color " + std::to_string(route.getColor());
      FailureOr<PlacedRect> rect =
          rectInMesh(route, what, route.getOrigin(), route.getSize(), target);
      if (failed(rect))
        return failure();
      if (route.getColor() >= colors)
        return route.emitOpError() << "uses color " << route.getColor()
                                   << "; the target has " << colors << " (0 to "
                                   << colors - 1 << ")";
      routes[{route.getColor(), route.getSlot()}].push_back(
          {*rect, route.getSlot(), route});
    } else {
      return op.emitOpError()
             << "cannot appear in a design; a design holds pe.program and "
                "pe.route ops";
    }
  }

  // Programs of one slot on disjoint PEs. Designs hold one program per
  // kernel (dozens), so the pairs are few.
  for (size_t i = 0; i < programs.size(); ++i)
    for (size_t j = i + 1; j < programs.size(); ++j) {
      const Placed &a = programs[i], &b = programs[j];
      if (a.slot == b.slot && a.rect.overlaps(b.rect)) {
        auto [x, y] = firstShared(a.rect, b.rect);
        return b.op->emitOpError()
               << "@" << cast<ProgramOp>(b.op).getSymName() << " and @"
               << cast<ProgramOp>(a.op).getSymName() << " both occupy PE (" << x
               << ", " << y << ") in slot " << a.slot;
      }
    }

  // One setting per color and router in a slot: within each group, sorted
  // by x0, a route can only overlap the routes that start before it ends.
  for (auto &[key, group] : routes) {
    llvm::sort(group, [](const Placed &a, const Placed &b) {
      return std::make_tuple(a.rect.x0, a.rect.y0) <
             std::make_tuple(b.rect.x0, b.rect.y0);
    });
    for (size_t i = 0; i < group.size(); ++i)
      for (size_t j = i + 1; j < group.size() && group[j].rect.x0 < group[i].rect.x1;
           ++j)
        if (group[i].rect.overlaps(group[j].rect)) {
          auto [x, y] = firstShared(group[i].rect, group[j].rect);
          Operation *later = group[j].op->isBeforeInBlock(group[i].op)
                                 ? group[i].op
                                 : group[j].op;
          return later->emitOpError()
                 << "color " << key.first << " in slot " << key.second
                 << " has a second setting on router (" << x << ", " << y
                 << "); a router maps a color's one input port to its "
                    "outputs";
        }
  }
  return success();
}
