//===- FabricSimulator.cpp - a cycle-level simulator of a pe design -------===//
//
// Each cycle has two phases so that the order in which routers and PEs are
// visited never changes the outcome: routers first decide every move from
// the queues as they were when the cycle began, then apply them; then each
// PE advances its own task, reading and writing only its own queues.
//
//===----------------------------------------------------------------------===//

#include "wafer/Simulator/FabricSimulator.h"

#include "wafer/Binary/Ports.h"
#include "wafer/Binary/Reader.h"
#include "wafer/CostModel/CostModel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <unordered_map>

namespace wafer::sim {
namespace {

using wfb::PeInstruction;

using namespace wfb::ports;

/// Bytes of SRAM a program's buffers reach up to. Sized by the element
/// type, so that the estimate made before the types are checked holds.
int64_t sramBytesOf(const wfb::PeProgram &program) {
  int64_t bytes = 0;
  for (const wfb::PeBuffer &b : program.buffers())
    bytes = std::max(bytes, b.address() + int64_t(wfb::dtypeBytes(b.dtype())) *
                                              b.length());
  return bytes;
}

/// The elements a vector instruction works through: a reduction's source,
/// every other op's destination.
int64_t workElements(const PeInstruction &inst) {
  const bool reduce = inst.opcode() == PeInstruction::REDUCE_ADD ||
                      inst.opcode() == PeInstruction::REDUCE_MAX;
  return inst.ranges(reduce ? 1 : 0).length();
}

std::string at(int64_t x, int64_t y) {
  return "(" + std::to_string(x) + ", " + std::to_string(y) + ")";
}

/// One PE running a program.
struct Pe {
  int program = 0;
  int64_t x = 0, y = 0;
  std::vector<uint8_t> sram;
  /// Receive queues, indexed like the program's receiveColors.
  std::vector<std::deque<uint32_t>> inbox;
  std::vector<uint8_t> activated, blocked;
  int running = -1; // task index
  int pc = 0;
  int64_t busy = 0;     // cycles left of the current vector instruction
  int64_t progress = 0; // elements sent or received by the current one
};

/// One router's setting for one color, with its queue.
struct Channel {
  int64_t x = 0, y = 0, color = 0;
  uint32_t from = 0, to = 0;
  std::deque<uint32_t> queue;
  /// Where each output goes: the neighbours' channels (by link), and the
  /// PE and inbox of the ramp; -1 where there is none.
  int64_t next[4] = {-1, -1, -1, -1};
  int64_t pe = -1;
  int inbox = -1;
};

struct ProgramInfo {
  const wfb::PeProgram *program = nullptr;
  int64_t sramBytes = 0;
  /// Colors with a receive queue: those the program receives or runs a
  /// data task on, ascending.
  std::vector<int64_t> receiveColors;
  int inboxOf(int64_t color) const {
    auto it = std::lower_bound(receiveColors.begin(), receiveColors.end(),
                               color);
    return it != receiveColors.end() && *it == color
               ? int(it - receiveColors.begin())
               : -1;
  }
};

} // namespace

struct FabricSimulator::State {
  wfb::Target target;
  cost::Machine machine;
  int64_t slot = 0;
  std::vector<ProgramInfo> programs;
  std::vector<Pe> pes;
  std::vector<Channel> channels;
  /// (y * width + x) * colors + color -> channel index.
  std::unordered_map<int64_t, int64_t> channelAt;
  /// y * width + x -> PE index.
  std::unordered_map<int64_t, int64_t> peAt;
  bool ran = false;

  int64_t routerKey(int64_t x, int64_t y) const {
    return y * target.width() + x;
  }
  int64_t channelKey(int64_t x, int64_t y, int64_t color) const {
    return routerKey(x, y) * target.colors() + color;
  }
  const wfb::PeProgram &programOf(const Pe &pe) const {
    return *programs[pe.program].program;
  }

  float *element(Pe &pe, const wfb::PeRange &range, int64_t i) {
    const wfb::PeBuffer &b = programOf(pe).buffers(range.buffer());
    return reinterpret_cast<float *>(pe.sram.data() + b.address()) +
           range.offset() + i * range.stride();
  }

  int64_t cost(const PeInstruction &inst) const {
    // Sends and receives move one wavelet per cycle and are not costed here.
    switch (inst.opcode()) {
    case PeInstruction::ACTIVATE:
    case PeInstruction::BLOCK:
    case PeInstruction::UNBLOCK:
      return 1;
    default:
      break;
    }
    const int64_t n = workElements(inst);
    const double rate = inst.opcode() == PeInstruction::FMAC
                            ? machine.fmacRate(cost::DType::F32)
                            : machine.elementRate(cost::DType::F32, 1);
    return std::max<int64_t>(1, int64_t(std::ceil(double(n) / rate)));
  }

  /// The arithmetic of a vector instruction, done when it completes.
  void compute(Pe &pe, const PeInstruction &inst) {
    const auto &r = inst.ranges();
    auto unary = [&](auto f) {
      for (int64_t i = 0; i < r[0].length(); ++i)
        *element(pe, r[0], i) = f(*element(pe, r[1], i));
    };
    auto binary = [&](auto f) {
      for (int64_t i = 0; i < r[0].length(); ++i)
        *element(pe, r[0], i) = f(*element(pe, r[1], i), *element(pe, r[2], i));
    };
    switch (inst.opcode()) {
    case PeInstruction::FMOV:
      return unary([](float a) { return a; });
    case PeInstruction::EXP:
      return unary([](float a) { return std::exp(a); });
    case PeInstruction::RSQRT:
      return unary([](float a) { return 1.0f / std::sqrt(a); });
    case PeInstruction::FADD:
      return binary([](float a, float b) { return a + b; });
    case PeInstruction::FSUB:
      return binary([](float a, float b) { return a - b; });
    case PeInstruction::FMUL:
      return binary([](float a, float b) { return a * b; });
    case PeInstruction::FMAX:
      return binary([](float a, float b) { return std::max(a, b); });
    case PeInstruction::FMAC: {
      const float s = *element(pe, r[3], 0);
      for (int64_t i = 0; i < r[0].length(); ++i)
        *element(pe, r[0], i) =
            *element(pe, r[1], i) + *element(pe, r[2], i) * s;
      return;
    }
    case PeInstruction::REDUCE_ADD:
    case PeInstruction::REDUCE_MAX: {
      const bool add = inst.opcode() == PeInstruction::REDUCE_ADD;
      float acc = add ? 0.0f : -std::numeric_limits<float>::infinity();
      for (int64_t i = 0; i < r[1].length(); ++i) {
        const float v = *element(pe, r[1], i);
        acc = add ? acc + v : std::max(acc, v);
      }
      *element(pe, r[0], 0) = acc;
      return;
    }
    default:
      return;
    }
  }

  std::string describe(const Pe &pe) const {
    return "PE " + at(pe.x, pe.y) + " of '" + programOf(pe).name() + "'";
  }

  /// Builds programs, PEs and channels; false with `error` when the design
  /// has something the simulator cannot run.
  bool build(const wfb::PeDesign &design, std::string &error);
  void stuckReport(SimResult &result) const;
};

bool FabricSimulator::State::build(const wfb::PeDesign &design,
                                   std::string &error) {
  for (const wfb::PeProgram &program : design.programs()) {
    if (program.slot() != slot)
      continue;
    ProgramInfo info;
    info.program = &program;
    for (const wfb::PeBuffer &b : program.buffers()) {
      if (b.dtype() != wfb::F32) {
        error = "buffer '" + b.name() + "' of program '" + program.name() +
                "' holds " + wfb::DType_Name(b.dtype()) +
                "; the simulator computes with f32 buffers only";
        return false;
      }
    }
    for (const wfb::PeTask &task : program.tasks()) {
      if (task.data())
        info.receiveColors.push_back(task.color());
      for (const PeInstruction &inst : task.body())
        if (inst.opcode() == PeInstruction::RECV)
          info.receiveColors.push_back(inst.color());
    }
    info.sramBytes = sramBytesOf(program);
    std::sort(info.receiveColors.begin(), info.receiveColors.end());
    info.receiveColors.erase(
        std::unique(info.receiveColors.begin(), info.receiveColors.end()),
        info.receiveColors.end());
    const int index = int(programs.size());
    programs.push_back(std::move(info));
    for (int64_t y = program.y(); y < program.y() + program.height(); ++y)
      for (int64_t x = program.x(); x < program.x() + program.width(); ++x) {
        if (!peAt.emplace(routerKey(x, y), int64_t(pes.size())).second) {
          error = "two programs of slot " + std::to_string(slot) +
                  " run on PE " + at(x, y);
          return false;
        }
        Pe pe;
        pe.program = index;
        pe.x = x;
        pe.y = y;
        pe.sram.assign(size_t(programs.back().sramBytes), 0);
        pe.inbox.resize(programs.back().receiveColors.size());
        pe.activated.assign(size_t(program.tasks_size()), 0);
        pe.blocked.assign(size_t(program.tasks_size()), 0);
        for (int t = 0; t < program.tasks_size(); ++t)
          pe.activated[size_t(t)] = program.tasks(t).entry();
        pes.push_back(std::move(pe));
      }
  }
  for (const wfb::PeRoute &route : design.routes()) {
    if (route.slot() != slot)
      continue;
    for (int64_t y = route.y(); y < route.y() + route.height(); ++y)
      for (int64_t x = route.x(); x < route.x() + route.width(); ++x) {
        const int64_t key = channelKey(x, y, route.color());
        if (!channelAt.emplace(key, int64_t(channels.size())).second) {
          error = "router " + at(x, y) + " has two settings for color " +
                  std::to_string(route.color()) + " in slot " +
                  std::to_string(slot);
          return false;
        }
        Channel c;
        c.x = x;
        c.y = y;
        c.color = route.color();
        c.from = route.from();
        c.to = route.to();
        channels.push_back(std::move(c));
      }
  }
  // Resolve every output; an output that leads nowhere is an error here
  // (pe-verify reports it at compile time, with the ops).
  for (Channel &c : channels) {
    for (int l = 0; l < 4; ++l) {
      const uint32_t port = kLinks[l];
      if (!(c.to & port))
        continue;
      const int64_t nx = c.x + dx(port), ny = c.y + dy(port);
      auto it = nx < 0 || ny < 0 || nx >= target.width() || ny >= target.height()
                    ? channelAt.end()
                    : channelAt.find(channelKey(nx, ny, c.color));
      if (it == channelAt.end() || channels[size_t(it->second)].from != opposite(port)) {
        error = "router " + at(c.x, c.y) + " sends color " +
                std::to_string(c.color) +
                " to a neighbour that does not take it from that side";
        return false;
      }
      c.next[l] = it->second;
    }
    if (c.to & kRamp) {
      auto it = peAt.find(routerKey(c.x, c.y));
      const int inbox =
          it == peAt.end()
              ? -1
              : programs[size_t(pes[size_t(it->second)].program)].inboxOf(c.color);
      if (inbox < 0) {
        error = "router " + at(c.x, c.y) + " delivers color " +
                std::to_string(c.color) + " to a PE that does not receive it";
        return false;
      }
      c.pe = it->second;
      c.inbox = inbox;
    }
  }
  return true;
}

void FabricSimulator::State::stuckReport(SimResult &result) const {
  for (const Pe &pe : pes) {
    const wfb::PeProgram &program = programOf(pe);
    if (pe.running >= 0) {
      const wfb::PeTask &task = program.tasks(pe.running);
      const PeInstruction &inst = task.body(pe.pc);
      std::string what = "runs task '" + task.name() + "'";
      if (inst.opcode() == PeInstruction::SEND)
        what = "waits in task '" + task.name() + "' to send on color " +
               std::to_string(inst.color()) + " (" +
               std::to_string(pe.progress) + " of " +
               std::to_string(inst.ranges(0).length()) +
               " sent; its router's queue is full)";
      else if (inst.opcode() == PeInstruction::RECV)
        what = "waits in task '" + task.name() + "' to receive color " +
               std::to_string(inst.color()) + " (" +
               std::to_string(pe.progress) + " of " +
               std::to_string(inst.ranges(0).length()) + " received)";
      result.report.push_back(describe(pe) + " " + what);
    }
    for (int t = 0; t < program.tasks_size(); ++t)
      if (pe.activated[size_t(t)])
        result.report.push_back(describe(pe) + " has task '" +
                                program.tasks(t).name() + "' activated" +
                                (pe.blocked[size_t(t)] ? " but blocked"
                                                       : ", waiting to run"));
    for (size_t i = 0; i < pe.inbox.size(); ++i)
      if (!pe.inbox[i].empty())
        result.report.push_back(
            describe(pe) + " holds " + std::to_string(pe.inbox[i].size()) +
            " wavelets of color " +
            std::to_string(programs[size_t(pe.program)].receiveColors[i]) +
            " that no task receives");
  }
  for (const Channel &c : channels)
    if (!c.queue.empty())
      result.report.push_back("router " + at(c.x, c.y) + " holds " +
                              std::to_string(c.queue.size()) +
                              " wavelets of color " + std::to_string(c.color));
}

FabricSimulator::FabricSimulator(std::unique_ptr<State> state)
    : state_(std::move(state)) {}
FabricSimulator::~FabricSimulator() = default;

std::unique_ptr<FabricSimulator>
FabricSimulator::create(const wfb::PeDesign &design, const wfb::Target &target,
                        int64_t slot, std::string &error) {
  auto state = std::make_unique<State>();
  state->target = target;
  state->slot = slot;
  cost::Machine &m = state->machine;
  m.width = target.width();
  m.height = target.height();
  m.dataBytes = target.sram_bytes() - target.code_bytes();
  m.clockHz = double(target.clock_khz()) * 1e3;
  m.linkBytesPerCycle = target.link_bytes_per_cycle();
  m.hopLatencyCycles = target.hop_latency_cycles();
  m.fmacF32 = std::max<int64_t>(1, target.fmac_f32());
  m.memReadBytesPerCycle = std::max<int64_t>(1, target.mem_read_bytes_per_cycle());
  m.memWriteBytesPerCycle = std::max<int64_t>(1, target.mem_write_bytes_per_cycle());
  // What the slot needs, estimated before anything is allocated: every
  // PE's buffers and every router setting with a full queue.
  constexpr double kMaxBytes = 16.0 * (1u << 30);
  double bytes = 0;
  for (const wfb::PeProgram &p : design.programs()) {
    if (p.slot() != slot)
      continue;
    bytes += double(p.width()) * double(p.height()) *
             double(sramBytesOf(p) + 256);
  }
  for (const wfb::PeRoute &r : design.routes())
    if (r.slot() == slot)
      bytes += double(r.width()) * double(r.height()) * 160.0;
  if (bytes > kMaxBytes) {
    char text[64];
    std::snprintf(text, sizeof text, "%.1f GiB", bytes / (1u << 30));
    error = "simulating slot " + std::to_string(slot) + " needs about " +
            text + " of memory; the simulator's limit is 16 GiB";
    return nullptr;
  }
  if (!state->build(design, error))
    return nullptr;
  return std::unique_ptr<FabricSimulator>(new FabricSimulator(std::move(state)));
}

namespace {

/// The PE of `program` at (x, y) and the index of its buffer `name`.
template <typename StateT>
bool findBuffer(StateT &s, const std::string &program, int64_t x, int64_t y,
                const std::string &name, int64_t &pe, int &buffer,
                std::string &error) {
  auto it = s.peAt.find(s.routerKey(x, y));
  if (x < 0 || y < 0 || it == s.peAt.end() ||
      s.programOf(s.pes[size_t(it->second)]).name() != program) {
    error = "no PE at " + at(x, y) + " runs program '" + program + "'";
    return false;
  }
  pe = it->second;
  const wfb::PeProgram &p = s.programOf(s.pes[size_t(pe)]);
  for (int b = 0; b < p.buffers_size(); ++b)
    if (p.buffers(b).name() == name) {
      buffer = b;
      return true;
    }
  error = "program '" + program + "' has no buffer '" + name + "'";
  return false;
}

} // namespace

bool FabricSimulator::setBuffer(const std::string &program, int64_t x,
                                int64_t y, const std::string &buffer,
                                const std::vector<float> &values,
                                std::string &error) {
  int64_t pe = 0;
  int b = 0;
  if (!findBuffer(*state_, program, x, y, buffer, pe, b, error))
    return false;
  Pe &p = state_->pes[size_t(pe)];
  const wfb::PeBuffer &info = state_->programOf(p).buffers(b);
  if (int64_t(values.size()) != info.length()) {
    error = "buffer '" + buffer + "' holds " + std::to_string(info.length()) +
            " elements, not " + std::to_string(values.size());
    return false;
  }
  std::memcpy(p.sram.data() + info.address(), values.data(), 4 * values.size());
  return true;
}

bool FabricSimulator::readBuffer(const std::string &program, int64_t x,
                                 int64_t y, const std::string &buffer,
                                 std::vector<float> &values,
                                 std::string &error) const {
  int64_t pe = 0;
  int b = 0;
  if (!findBuffer(*state_, program, x, y, buffer, pe, b, error))
    return false;
  const Pe &p = state_->pes[size_t(pe)];
  const wfb::PeBuffer &info = state_->programOf(p).buffers(b);
  values.resize(size_t(info.length()));
  std::memcpy(values.data(), p.sram.data() + info.address(), 4 * values.size());
  return true;
}

SimResult FabricSimulator::run(const SimOptions &options) {
  State &s = *state_;
  SimResult result;
  if (s.ran || options.queueDepth < 1 || options.cycleLimit < 1) {
    result.status = SimResult::Status::Error;
    result.report.push_back(s.ran ? "the slot has already run"
                                  : "queue depth and cycle limit must be "
                                    "positive");
    return result;
  }
  s.ran = true;
  const size_t depth = size_t(options.queueDepth);
  // Moves of one cycle: a channel's head to its outputs.
  std::vector<int64_t> moving;
  // Per router and link, the cycle a wavelet last used it; and the turn
  // among colors per router.
  std::unordered_map<int64_t, int64_t> linkBusy;
  int64_t turn = 0;

  for (int64_t cycle = 1;; ++cycle) {
    bool progressed = false;
    // Routers, phase 1: which heads can move, judged on the queues as the
    // cycle began. The visiting order rotates so that no color always
    // wins a shared link.
    moving.clear();
    const size_t n = s.channels.size();
    for (size_t k = 0; k < n; ++k) {
      const size_t i = (k + size_t(turn)) % n;
      Channel &c = s.channels[i];
      if (c.queue.empty())
        continue;
      bool room = true;
      for (int l = 0; l < 4 && room; ++l)
        if (c.next[l] >= 0) {
          const int64_t linkKey = s.routerKey(c.x, c.y) * 4 + l;
          auto busy = linkBusy.find(linkKey);
          room = s.channels[size_t(c.next[l])].queue.size() < depth &&
                 (busy == linkBusy.end() || busy->second != cycle);
        }
      if (room && c.pe >= 0)
        room = s.pes[size_t(c.pe)].inbox[size_t(c.inbox)].size() < depth;
      if (!room)
        continue;
      for (int l = 0; l < 4; ++l)
        if (c.next[l] >= 0)
          linkBusy[s.routerKey(c.x, c.y) * 4 + l] = cycle;
      moving.push_back(int64_t(i));
    }
    ++turn;
    // Phase 2: apply them (each destination queue has one upstream, so the
    // order does not matter).
    for (int64_t i : moving) {
      Channel &c = s.channels[size_t(i)];
      const uint32_t w = c.queue.front();
      c.queue.pop_front();
      for (int l = 0; l < 4; ++l)
        if (c.next[l] >= 0) {
          s.channels[size_t(c.next[l])].queue.push_back(w);
          ++result.hops;
        }
      if (c.pe >= 0) {
        s.pes[size_t(c.pe)].inbox[size_t(c.inbox)].push_back(w);
        ++result.hops;
      }
      progressed = true;
    }

    // PEs.
    bool anyRunning = false;
    for (Pe &pe : s.pes) {
      const ProgramInfo &info = s.programs[size_t(pe.program)];
      const wfb::PeProgram &program = *info.program;
      if (pe.running < 0) {
        for (int t = 0; t < program.tasks_size(); ++t) {
          const wfb::PeTask &task = program.tasks(t);
          if (pe.blocked[size_t(t)])
            continue;
          const bool ready =
              task.data() ? !pe.inbox[size_t(info.inboxOf(task.color()))].empty()
                          : pe.activated[size_t(t)] != 0;
          if (ready) {
            pe.running = t;
            pe.pc = 0;
            pe.busy = 0;
            pe.progress = 0;
            pe.activated[size_t(t)] = 0;
            progressed = true;
            break;
          }
        }
        if (pe.running < 0)
          continue;
      }
      const wfb::PeTask &task = program.tasks(pe.running);
      // Instructions that end a task on this cycle let the next one start
      // on the next.
      if (pe.pc < task.body_size()) {
        const PeInstruction &inst = task.body(pe.pc);
        bool done = false;
        switch (inst.opcode()) {
        case PeInstruction::SEND: {
          auto it = s.channelAt.find(s.channelKey(pe.x, pe.y, inst.color()));
          if (it == s.channelAt.end() || s.channels[size_t(it->second)].from != kRamp) {
            result.status = SimResult::Status::Error;
            result.cycles = cycle;
            result.report.push_back(s.describe(pe) + " sends on color " +
                                    std::to_string(inst.color()) +
                                    ", which its router does not take from "
                                    "the ramp");
            return result;
          }
          Channel &c = s.channels[size_t(it->second)];
          if (c.queue.size() < depth) {
            float v = *s.element(pe, inst.ranges(0), pe.progress);
            uint32_t bits;
            std::memcpy(&bits, &v, 4);
            c.queue.push_back(bits);
            progressed = true;
            done = ++pe.progress == inst.ranges(0).length();
          }
          break;
        }
        case PeInstruction::RECV: {
          std::deque<uint32_t> &inbox =
              pe.inbox[size_t(info.inboxOf(inst.color()))];
          if (!inbox.empty()) {
            const uint32_t bits = inbox.front();
            inbox.pop_front();
            std::memcpy(s.element(pe, inst.ranges(0), pe.progress), &bits, 4);
            progressed = true;
            done = ++pe.progress == inst.ranges(0).length();
          }
          break;
        }
        default:
          if (pe.busy == 0)
            pe.busy = s.cost(inst);
          progressed = true;
          if (--pe.busy == 0) {
            done = true;
            if (inst.opcode() == PeInstruction::ACTIVATE)
              pe.activated[size_t(inst.task())] = 1;
            else if (inst.opcode() == PeInstruction::BLOCK)
              pe.blocked[size_t(inst.task())] = 1;
            else if (inst.opcode() == PeInstruction::UNBLOCK)
              pe.blocked[size_t(inst.task())] = 0;
            else {
              s.compute(pe, inst);
              result.elements += workElements(inst);
            }
          }
        }
        if (done) {
          ++pe.pc;
          pe.progress = 0;
        }
      }
      if (pe.pc >= task.body_size())
        pe.running = -1;
      else
        anyRunning = true;
    }

    bool quiet = !anyRunning;
    for (const Channel &c : s.channels)
      quiet = quiet && c.queue.empty();
    for (const Pe &pe : s.pes) {
      for (const auto &q : pe.inbox)
        quiet = quiet && q.empty();
      const wfb::PeProgram &program = s.programOf(pe);
      for (int t = 0; t < program.tasks_size() && quiet; ++t)
        quiet = !(pe.activated[size_t(t)] && !pe.blocked[size_t(t)] &&
                  !program.tasks(t).data());
    }
    if (quiet) {
      result.cycles = cycle;
      return result;
    }
    if (!progressed || cycle >= options.cycleLimit) {
      result.status = progressed ? SimResult::Status::CycleLimit
                                 : SimResult::Status::Deadlock;
      result.cycles = cycle;
      s.stuckReport(result);
      return result;
    }
  }
}

} // namespace wafer::sim
