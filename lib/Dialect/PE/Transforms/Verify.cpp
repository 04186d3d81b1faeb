//===- Verify.cpp - the static fabric checker -----------------------------===//
//
// A router maps each color's one input port to a set of output ports, so the
// settings of one color in one slot form a forest: every router has at most
// one parent, the neighbour its input port faces, and a root that takes the
// color from its own PE's ramp. One tree is one flow: the wavelets one PE
// sends, delivered to every PE whose router outputs them to the ramp. The
// checker builds the trees, matches each tree's sends with its receivers'
// receives, and looks for cycles among the resulting waits.
//
//===----------------------------------------------------------------------===//

#include "wafer/Dialect/PE/IR/PEOps.h"
#include "wafer/Dialect/PE/Transforms/Passes.h"

#include "wafer/Binary/Ports.h"
#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <deque>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <vector>
#include <string>

namespace wafer::pe {
#define GEN_PASS_DEF_PEVERIFY
#include "wafer/Dialect/PE/Transforms/Passes.h.inc"
} // namespace wafer::pe

using namespace mlir;
using namespace wafer::pe;
using wafer::fabric::PlacedRect;

namespace {

//===----------------------------------------------------------------------===//
// What each program sends and receives
//===----------------------------------------------------------------------===//

/// A send or receive of a task that runs.
struct CommOp {
  Operation *op;
  int64_t color;
  int64_t length;
  bool send;
};

/// The sends and receives of a program's running tasks, with the order
/// every PE of the program performs them in: op `i` waits on its own PE for
/// op `waitsFor[i]` (-1: none), the send or receive before it in its task
/// or, for a task's first, before the task's one activation.
struct ProgramComm {
  SmallVector<CommOp> ops;
  SmallVector<int32_t> waitsFor;
  /// Indices into `ops` per color, in task order (which, with each task
  /// run once, is the order of the wavelets on the color).
  std::map<int64_t, SmallVector<int32_t>> sends, recvs;

  int64_t total(const std::map<int64_t, SmallVector<int32_t>> &byColor,
                int64_t color) const {
    auto it = byColor.find(color);
    if (it == byColor.end())
      return 0;
    int64_t sum = 0;
    for (int32_t i : it->second)
      sum += ops[i].length;
    return sum;
  }
};

/// Which tasks run (entry tasks, data tasks, and the local tasks they
/// activate) and in what order their sends and receives wait on each other.
FailureOr<ProgramComm> summarize(ProgramOp program) {
  llvm::StringMap<TaskOp> tasks;
  SmallVector<TaskOp> starts;
  for (TaskOp task : program.getBody().getOps<TaskOp>()) {
    tasks[task.getSymName()] = task;
    if (task.getEntry() || task.getKind() == TaskKind::data)
      starts.push_back(task);
  }
  // Each task runs at most once per slot, so a local task has one
  // activation at most.
  llvm::DenseMap<Operation *, ActivateOp> activator;
  WalkResult walk = program.getBody().walk([&](ActivateOp activate) {
    TaskOp target = tasks.lookup(activate.getTask());
    if (target.getEntry())
      return activate.emitOpError()
                 << "activates entry task @" << target.getSymName()
                 << " of program @" << program.getSymName()
                 << ", which starts its slot; pe-verify checks programs whose "
                    "tasks run once per slot",
             WalkResult::interrupt();
    auto [it, inserted] = activator.try_emplace(target, activate);
    if (!inserted) {
      InFlightDiagnostic diag =
          activate.emitOpError()
          << "activates @" << target.getSymName() << " of program @"
          << program.getSymName()
          << " a second time; pe-verify checks programs whose tasks run "
             "once per slot";
      diag.attachNote(it->second.getLoc()) << "first activation here";
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  ProgramComm comm;
  // The last send or receive that a task's first op waits for (-1: none),
  // known once its activation has been seen.
  std::deque<std::pair<TaskOp, int32_t>> queue;
  for (TaskOp task : starts)
    queue.emplace_back(task, -1);
  while (!queue.empty()) {
    auto [task, last] = queue.front();
    queue.pop_front();
    for (Operation &op : task.getBody().front()) {
      if (auto activate = dyn_cast<ActivateOp>(op)) {
        queue.emplace_back(tasks.lookup(activate.getTask()), last);
        continue;
      }
      CommOp entry;
      if (auto send = dyn_cast<SendOp>(op))
        entry = {send, send.getColor(), send.getSrc().getLength(), true};
      else if (auto recv = dyn_cast<RecvOp>(op))
        entry = {recv, recv.getColor(), recv.getDst().getLength(), false};
      else
        continue;
      const int32_t index = static_cast<int32_t>(comm.ops.size());
      comm.ops.push_back(entry);
      comm.waitsFor.push_back(last);
      (entry.send ? comm.sends : comm.recvs)[entry.color].push_back(index);
      last = index;
    }
  }
  return comm;
}

//===----------------------------------------------------------------------===//
// Routers
//===----------------------------------------------------------------------===//

using namespace wafer::wfb::ports;
namespace ports = wafer::wfb::ports;
static_assert(kNorth == uint32_t(Ports::north) &&
                  kSouth == uint32_t(Ports::south) &&
                  kEast == uint32_t(Ports::east) &&
                  kWest == uint32_t(Ports::west) &&
                  kRamp == uint32_t(Ports::ramp),
              "the pe dialect's ports are the binary's");

struct Setting {
  uint32_t from, to;
  RouteOp op;
};

struct Point {
  int64_t x, y;
};

/// The mesh of one design: router keys, neighbours, and who runs where.
class Mesh {
public:
  Mesh(int64_t width, int64_t height) : width_(width), height_(height) {}

  int64_t key(int64_t x, int64_t y) const { return y * width_ + x; }
  Point point(int64_t key) const { return {key % width_, key / width_}; }

  /// The router beside (x, y) through `port`, if it is on the mesh.
  std::optional<int64_t> neighbour(int64_t key, uint32_t port) const {
    auto [x, y] = point(key);
    x += dx(port);
    y += dy(port);
    if (x < 0 || y < 0 || x >= width_ || y >= height_)
      return std::nullopt;
    return this->key(x, y);
  }

  std::string router(int64_t key) const {
    auto [x, y] = point(key);
    return "(" + std::to_string(x) + ", " + std::to_string(y) + ")";
  }

private:
  int64_t width_, height_;
};

/// A program of the slot being checked, with its summary.
struct Running {
  mutable ProgramOp op; // ops' getters are not const
  PlacedRect rect;
  const ProgramComm *comm;
  int64_t firstNode; // its PEs' events are firstNode + pe * ops + i
};

struct SlotChecker {
  const Mesh &mesh;
  DesignOp design;
  int64_t slot;
  SmallVector<Running> programs;
  // Settings per color: router key to setting.
  std::map<int64_t, llvm::DenseMap<int64_t, Setting>> settings;
  int64_t nodes = 0;
  int64_t flows = 0;

  // Union-find over events (one per send or receive of each PE).
  SmallVector<int64_t> parent;

  const Running *programAt(int64_t key) const {
    auto [x, y] = mesh.point(key);
    for (const Running &r : programs)
      if (r.rect.contains(x, y))
        return &r;
    return nullptr;
  }

  int64_t event(const Running &r, int64_t key, int32_t op) const {
    auto [x, y] = mesh.point(key);
    const int64_t pe = (y - r.rect.y0) * r.rect.width() + (x - r.rect.x0);
    return r.firstNode + pe * static_cast<int64_t>(r.comm->ops.size()) + op;
  }

  std::string pe(int64_t key, const Running *r) const {
    std::string text = "PE " + mesh.router(key);
    if (r)
      text += " of @" + r->op.getSymName().str();
    return text;
  }

  int64_t find(int64_t node) {
    while (parent[node] != node)
      node = parent[node] = parent[parent[node]];
    return node;
  }
  void merge(int64_t a, int64_t b) {
    a = find(a);
    b = find(b);
    if (a != b)
      parent[std::max(a, b)] = std::min(a, b);
  }

  InFlightDiagnostic error(Operation *op) {
    return op->emitOpError() << "slot " << slot << ": ";
  }

  /// The program, PE and op of an event.
  std::tuple<const Running *, int64_t, int32_t> locate(int64_t node) const {
    const Running *r = &programs.front();
    for (const Running &candidate : programs)
      if (candidate.firstNode <= node)
        r = &candidate;
    const int64_t ops = static_cast<int64_t>(r->comm->ops.size());
    const int64_t pe = (node - r->firstNode) / ops;
    const int64_t x = r->rect.x0 + pe % r->rect.width();
    const int64_t y = r->rect.y0 + pe / r->rect.width();
    return {r, mesh.key(x, y),
            static_cast<int32_t>((node - r->firstNode) % ops)};
  }

  LogicalResult reportCycle(ArrayRef<int64_t> cycle);
  LogicalResult checkColor(int64_t color,
                           const llvm::DenseMap<int64_t, Setting> &routers);
  LogicalResult checkEndpoints();
  LogicalResult checkDeadlock();
};

/// Routes of one color: every output meets a setting that takes the color
/// from its side, every input is fed, no loop; then each tree's root sends
/// what each of its receivers receives.
LogicalResult
SlotChecker::checkColor(int64_t color,
                        const llvm::DenseMap<int64_t, Setting> &routers) {
  SmallVector<int64_t> keys;
  for (const auto &entry : routers)
    keys.push_back(entry.first);
  llvm::sort(keys);

  for (int64_t key : keys) {
    const Setting &s = routers.find(key)->second;
    for (uint32_t port : kLinks) {
      if (s.to & port) {
        std::optional<int64_t> next = mesh.neighbour(key, port);
        if (!next)
          return error(s.op) << "router " << mesh.router(key) << " sends color "
                             << color << " " << ports::name(port)
                             << ", off the edge of the mesh";
        auto it = routers.find(*next);
        if (it == routers.end())
          return error(s.op) << "router " << mesh.router(key) << " sends color "
                             << color << " " << ports::name(port) << " to router "
                             << mesh.router(*next)
                             << ", which has no setting for it";
        if (it->second.from != opposite(port))
          return error(it->second.op)
                 << "router " << mesh.router(*next) << " takes color " << color
                 << " from " << ports::name(it->second.from) << ", but router "
                 << mesh.router(key) << " sends it in from the "
                 << ports::name(opposite(port));
      }
    }
    if (s.from != kRamp) {
      std::optional<int64_t> prev = mesh.neighbour(key, s.from);
      if (!prev)
        return error(s.op) << "router " << mesh.router(key) << " takes color "
                           << color << " from " << ports::name(s.from)
                           << ", off the edge of the mesh";
      auto it = routers.find(*prev);
      if (it == routers.end() || !(it->second.to & opposite(s.from)))
        return error(s.op) << "router " << mesh.router(key) << " takes color "
                           << color << " from " << ports::name(s.from)
                           << ", but router " << mesh.router(*prev)
                           << " does not send it " << ports::name(opposite(s.from));
    }
  }

  // Every input is fed by its neighbour, so following inputs upstream either
  // reaches a root (input from the ramp) or goes round a loop.
  llvm::DenseMap<int64_t, int64_t> rootOf;
  for (int64_t key : keys) {
    if (rootOf.count(key))
      continue;
    SmallVector<int64_t> path;
    llvm::DenseMap<int64_t, size_t> onPath;
    int64_t at = key;
    int64_t root = -1;
    while (true) {
      if (auto known = rootOf.find(at); known != rootOf.end()) {
        root = known->second;
        break;
      }
      if (onPath.count(at)) {
        const Setting &s = routers.find(at)->second;
        std::string loop;
        for (size_t i = onPath[at]; i < path.size(); ++i)
          loop += (loop.empty() ? "" : " -> ") + mesh.router(path[i]);
        return error(s.op) << "color " << color << " goes round a loop of "
                           << path.size() - onPath[at] << " routers: " << loop
                           << " -> " << mesh.router(at);
      }
      onPath[at] = path.size();
      path.push_back(at);
      const Setting &s = routers.find(at)->second;
      if (s.from == kRamp) {
        root = at;
        break;
      }
      at = *mesh.neighbour(at, s.from);
    }
    for (int64_t k : path)
      rootOf[k] = root;
  }

  // Each root's PE sends on the color.
  for (int64_t key : keys) {
    const Setting &s = routers.find(key)->second;
    if (s.from != kRamp)
      continue;
    ++flows;
    const Running *r = programAt(key);
    if (!r || !r->comm->sends.count(color))
      return error(s.op) << "router " << mesh.router(key) << " takes color "
                         << color << " from its ramp, but "
                         << (r ? pe(key, r) + " sends nothing on it"
                               : "PE " + mesh.router(key) + " runs no program");
  }
  // Each router delivering to its ramp has a PE that receives as many
  // wavelets as the root sends; the sends and receives that carry the same
  // wavelets meet.
  for (int64_t key : keys) {
    const Setting &s = routers.find(key)->second;
    if (!(s.to & kRamp))
      continue;
    const Running *r = programAt(key);
    if (!r || !r->comm->recvs.count(color))
      return error(s.op) << "router " << mesh.router(key) << " delivers color "
                         << color << " to its PE, but "
                         << (r ? pe(key, r) + " receives nothing on it"
                               : "PE " + mesh.router(key) + " runs no program");
    const int64_t root = rootOf[key];
    const Running *source = programAt(root);
    const ProgramComm &from = *source->comm, &into = *r->comm;
    const int64_t sent = from.total(from.sends, color);
    const int64_t received = into.total(into.recvs, color);
    if (sent != received) {
      InFlightDiagnostic diag = error(r->op)
                                << pe(key, r) << " receives " << received
                                << " wavelets of color " << color << " but "
                                << pe(root, source) << " sends it " << sent;
      diag.attachNote(source->op.getLoc()) << "the sender's program";
      return failure();
    }
    const SmallVector<int32_t> &sends = from.sends.at(color);
    const SmallVector<int32_t> &recvs = into.recvs.at(color);
    size_t si = 0, ri = 0;
    int64_t sendBegin = 0, recvBegin = 0;
    while (si < sends.size() && ri < recvs.size()) {
      const int64_t sendEnd = sendBegin + from.ops[sends[si]].length;
      const int64_t recvEnd = recvBegin + into.ops[recvs[ri]].length;
      merge(event(*source, root, sends[si]), event(*r, key, recvs[ri]));
      if (sendEnd <= recvEnd) {
        sendBegin = sendEnd;
        ++si;
      }
      if (recvEnd <= sendEnd) {
        recvBegin = recvEnd;
        ++ri;
      }
    }
  }
  return success();
}

/// Every PE that sends on a color has its router take the color from the
/// ramp; every PE that receives one has its router deliver it.
LogicalResult SlotChecker::checkEndpoints() {
  for (const Running &r : programs) {
    for (auto [byColor, sending] :
         {std::make_pair(&r.comm->sends, true),
          std::make_pair(&r.comm->recvs, false)}) {
      for (const auto &[color, indices] : *byColor) {
        auto routers = settings.find(color);
        for (int64_t y = r.rect.y0; y < r.rect.y1; ++y)
          for (int64_t x = r.rect.x0; x < r.rect.x1; ++x) {
            const int64_t key = mesh.key(x, y);
            const Setting *s = nullptr;
            if (routers != settings.end())
              if (auto it = routers->second.find(key); it != routers->second.end())
                s = &it->second;
            Operation *op = r.comm->ops[indices.front()].op;
            if (sending && (!s || s->from != kRamp))
              return error(op)
                     << pe(key, &r) << " sends on color " << color
                     << ", but its router "
                     << (s ? std::string("takes color ") + std::to_string(color) +
                                 " from " + ports::name(s->from)
                           : std::string("has no setting for it"));
            if (!sending && (!s || !(s->to & kRamp)))
              return error(op)
                     << pe(key, &r) << " receives on color " << color
                     << ", but its router "
                     << (s ? std::string("does not deliver color ") +
                                 std::to_string(color) + " to it"
                           : std::string("has no setting for it"));
          }
      }
    }
  }
  return success();
}

/// The waits between events, through the meetings, must not form a cycle.
LogicalResult SlotChecker::checkDeadlock() {
  // Edges between the representatives of merged events, self-loops dropped
  // (two receives of one send wait on each other only trivially), as
  // compressed rows: the successors of n are to[first[n] .. first[n + 1]).
  auto forEachWait = [&](auto &&visit) {
    for (const Running &r : programs) {
      const ProgramComm &c = *r.comm;
      for (int64_t y = r.rect.y0; y < r.rect.y1; ++y)
        for (int64_t x = r.rect.x0; x < r.rect.x1; ++x)
          for (size_t i = 0; i < c.ops.size(); ++i)
            if (c.waitsFor[i] >= 0) {
              const int64_t a = find(event(r, mesh.key(x, y), c.waitsFor[i]));
              const int64_t b =
                  find(event(r, mesh.key(x, y), static_cast<int32_t>(i)));
              if (a != b)
                visit(a, b);
            }
    }
  };
  std::vector<int64_t> first(size_t(nodes) + 1, 0), to;
  forEachWait([&](int64_t a, int64_t) { ++first[size_t(a) + 1]; });
  for (int64_t n = 0; n < nodes; ++n)
    first[size_t(n) + 1] += first[size_t(n)];
  to.resize(size_t(first.back()));
  {
    std::vector<int64_t> fill(first.begin(), first.end() - 1);
    forEachWait([&](int64_t a, int64_t b) { to[size_t(fill[size_t(a)]++)] = b; });
  }
  // Iterative depth-first search, roots in event order for a stable report.
  enum : uint8_t { kUnseen, kOnStack, kDone };
  std::vector<uint8_t> state(nodes, kUnseen);
  std::vector<std::pair<int64_t, size_t>> stack;
  for (int64_t start = 0; start < nodes; ++start) {
    if (find(start) != start || state[start] != kUnseen)
      continue;
    stack.push_back({start, 0});
    state[start] = kOnStack;
    while (!stack.empty()) {
      auto &[node, next] = stack.back();
      if (next == size_t(first[size_t(node) + 1] - first[size_t(node)])) {
        state[node] = kDone;
        stack.pop_back();
        continue;
      }
      const int64_t target = to[size_t(first[size_t(node)]) + next++];
      if (state[target] == kDone)
        continue;
      if (state[target] == kUnseen) {
        state[target] = kOnStack;
        stack.push_back({target, 0});
        continue;
      }
      // A cycle: the stack from `target` up to here.
      SmallVector<int64_t> cycle;
      size_t at = 0;
      while (stack[at].first != target)
        ++at;
      // Reversed, so that each step waits for the next.
      for (size_t i = stack.size(); i-- > at;)
        cycle.push_back(stack[i].first);
      // Starting from the first event in design order, whatever order the
      // search met them in.
      std::rotate(cycle.begin(), llvm::min_element(cycle), cycle.end());
      return reportCycle(cycle);
    }
  }
  return success();
}

LogicalResult SlotChecker::reportCycle(ArrayRef<int64_t> cycle) {
  // Each step of the cycle is a meeting; name one event of each, the send
  // where there is one.
  auto describe = [&](int64_t representative) {
    int64_t chosen = -1;
    for (int64_t node = representative; node < nodes && chosen < 0; ++node)
      if (find(node) == representative) {
        auto [r, key, index] = locate(node);
        if (r->comm->ops[index].send)
          chosen = node;
      }
    if (chosen < 0)
      chosen = representative;
    auto [r, key, index] = locate(chosen);
    const CommOp &op = r->comm->ops[index];
    return std::make_pair(pe(key, r) + (op.send ? " sends " : " receives ") +
                              std::to_string(op.length) + " wavelets on color " +
                              std::to_string(op.color),
                          op.op);
  };
  constexpr size_t kShown = 6;
  InFlightDiagnostic diag =
      error(design) << "deadlock: " << cycle.size()
                    << " meetings of sends and receives wait on each other in "
                       "a cycle (each send meets the receives of its "
                       "wavelets; an op waits for the ones before it on its PE)";
  for (size_t i = 0; i < cycle.size() && i < kShown; ++i) {
    auto [text, op] = describe(cycle[i]);
    diag.attachNote(op->getLoc())
        << (i == 0 ? "" : "which waits for: ") << text;
  }
  if (cycle.size() > kShown)
    diag.attachNote(design.getLoc())
        << "and " << cycle.size() - kShown << " more";
  diag.attachNote(design.getLoc()) << "which waits for the first";
  return failure();
}

/// What one slot may hold for the check to stay within a few GiB: router
/// settings (the routes' areas) and events (sends and receives times the
/// PEs that run them).
constexpr int64_t kMaxRouterSettings = int64_t(1) << 24;
constexpr int64_t kMaxEvents = int64_t(1) << 24;

/// Builds the slot's routers and events and runs the checks in order.
LogicalResult checkSlot(const Mesh &mesh, DesignOp design, int64_t slot,
                        ArrayRef<std::pair<ProgramOp, const ProgramComm *>> programs,
                        ArrayRef<RouteOp> routes, int64_t &flows,
                        int64_t &events) {
  SlotChecker c{mesh, design, slot, {}, {}, 0, 0, {}};
  for (auto [program, comm] : programs) {
    ArrayRef<int64_t> origin = program.getOrigin(), size = program.getSize();
    PlacedRect rect{origin[0], origin[1], origin[0] + size[0],
                    origin[1] + size[1]};
    c.programs.push_back({program, rect, comm, c.nodes});
    // Each term and the running sum stay far below 2^63: areas are within
    // the mesh and the sum stops at the limit.
    c.nodes += rect.width() * rect.height() *
               static_cast<int64_t>(comm->ops.size());
    if (c.nodes > kMaxEvents)
      return design.emitOpError()
             << "slot " << slot << ": its programs make more than "
             << kMaxEvents
             << " sends and receives over their PEs, more than pe-verify "
                "checks";
  }
  int64_t settings = 0;
  for (RouteOp route : routes) {
    settings += route.getSize()[0] * route.getSize()[1];
    if (settings > kMaxRouterSettings)
      return design.emitOpError()
             << "slot " << slot << ": its routes set more than "
             << kMaxRouterSettings << " routers, more than pe-verify checks";
  }
  for (RouteOp route : routes) {
    ArrayRef<int64_t> origin = route.getOrigin(), size = route.getSize();
    auto &routers = c.settings[route.getColor()];
    for (int64_t y = origin[1]; y < origin[1] + size[1]; ++y)
      for (int64_t x = origin[0]; x < origin[0] + size[0]; ++x)
        routers[mesh.key(x, y)] = {static_cast<uint32_t>(route.getFrom()),
                                   static_cast<uint32_t>(route.getTo()), route};
  }
  c.parent.resize(c.nodes);
  std::iota(c.parent.begin(), c.parent.end(), int64_t{0});
  for (auto &[color, routers] : c.settings)
    if (failed(c.checkColor(color, routers)))
      return failure();
  if (failed(c.checkEndpoints()) || failed(c.checkDeadlock()))
    return failure();
  flows += c.flows;
  events += c.nodes;
  return success();
}

/// Reserved colors are the runtime's and the host's.
LogicalResult checkReservedColors(DesignOp design) {
  ArrayRef<int64_t> reserved = design.getTarget().getReservedColors();
  WalkResult walk = design.getBody().walk([&](Operation *op) {
    std::optional<int64_t> color = colorOf(op);
    if (color && llvm::is_contained(reserved, *color)) {
      op->emitOpError() << "uses color " << *color
                        << ", which the target reserves";
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

LogicalResult checkDesign(DesignOp design, int64_t &flows, int64_t &events) {
  if (failed(checkReservedColors(design)))
    return failure();
  wafer::fabric::TargetAttr target = design.getTarget();
  Mesh mesh(target.getWidth(), target.getHeight());
  // Summaries live as long as the slots that read them.
  std::deque<ProgramComm> summaries;
  std::map<int64_t, SmallVector<std::pair<ProgramOp, const ProgramComm *>>>
      programs;
  std::map<int64_t, SmallVector<RouteOp>> routes;
  for (ProgramOp program : design.getBody().getOps<ProgramOp>()) {
    FailureOr<ProgramComm> comm = summarize(program);
    if (failed(comm))
      return failure();
    summaries.push_back(std::move(*comm));
    programs[program.getSlot()].emplace_back(program, &summaries.back());
  }
  for (RouteOp route : design.getBody().getOps<RouteOp>())
    routes[route.getSlot()].push_back(route);
  std::set<int64_t> slots;
  for (auto &entry : programs)
    slots.insert(entry.first);
  for (auto &entry : routes)
    slots.insert(entry.first);
  for (int64_t slot : slots)
    if (failed(checkSlot(mesh, design, slot, programs[slot], routes[slot], flows,
                         events)))
      return failure();
  return success();
}

struct PEVerifyPass : wafer::pe::impl::PEVerifyBase<PEVerifyPass> {
  using PEVerifyBase::PEVerifyBase;

  void runOnOperation() override {
    int64_t flows = 0, events = 0;
    bool failed = false;
    getOperation().walk([&](DesignOp design) {
      if (mlir::failed(checkDesign(design, flows, events)))
        failed = true;
    });
    numFlows += flows;
    numEvents += events;
    if (failed)
      signalPassFailure();
  }
};

} // namespace
