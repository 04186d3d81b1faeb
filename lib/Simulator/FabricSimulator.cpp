//===- FabricSimulator.cpp - a cycle-level simulator of a pe design -------===//
//
// Each cycle has phases so that neither the order in which routers and PEs
// are visited nor the number of threads changes the outcome: routers first
// decide every move from the queues as they were when the cycle began;
// then every channel lets its moving head go and pulls its upstream's (each
// queue has one upstream, and the receive queues fill from their own
// router); then each PE advances its own task, reading and writing only its
// own queues and its router's. Threads take bands of mesh rows and meet
// between the phases.
//
//===----------------------------------------------------------------------===//

#include "wafer/Simulator/FabricSimulator.h"

#include "wafer/Binary/BlockLayout.h"
#include "wafer/Binary/HostIo.h"
#include "wafer/Binary/Ports.h"
#include "wafer/Binary/Reader.h"
#include "wafer/CostModel/CostModel.h"
#include "wafer/Runtime/Float16.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <thread>
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

/// Element i of f32, f16 or bf16 values at `data`, as f32 (exactly), and
/// element i set to `v` rounded to the type (to nearest even).
float decodeElement(wfb::DType type, const uint8_t *data, int64_t i) {
  if (type == wfb::F16 || type == wfb::BF16) {
    uint16_t h;
    std::memcpy(&h, data + 2 * i, 2);
    return type == wfb::F16 ? runtime::halfToFloat(h) : runtime::bf16ToFloat(h);
  }
  float v;
  std::memcpy(&v, data + 4 * i, 4);
  return v;
}

void encodeElement(wfb::DType type, float v, uint8_t *data, int64_t i) {
  if (type == wfb::F16 || type == wfb::BF16) {
    const uint16_t h =
        type == wfb::F16 ? runtime::floatToHalf(v) : runtime::floatToBf16(v);
    std::memcpy(data + 2 * i, &h, 2);
    return;
  }
  std::memcpy(data + 4 * i, &v, 4);
}

std::string at(int64_t x, int64_t y) {
  return "(" + std::to_string(x) + ", " + std::to_string(y) + ")";
}

/// A FIFO of at most `capacity` wavelets, in storage the run allocates for
/// all queues at once (the depth is a run option).
struct Ring {
  uint32_t *slots = nullptr;
  uint32_t capacity = 0, head = 0, count = 0;
  bool empty() const { return count == 0; }
  size_t size() const { return count; }
  uint32_t front() const { return slots[head]; }
  void pop_front() {
    head = head + 1 == capacity ? 0 : head + 1;
    --count;
  }
  void push_back(uint32_t w) {
    uint32_t at = head + count;
    slots[at >= capacity ? at - capacity : at] = w;
    ++count;
  }
};

/// One PE running a program.
struct Pe {
  int program = 0;
  int64_t x = 0, y = 0;
  std::vector<uint8_t> sram;
  /// Receive queues, indexed like the program's receiveColors.
  std::vector<Ring> inbox;
  std::vector<uint8_t> activated, blocked;
  int running = -1; // task index
  int pc = 0;
  int64_t busy = 0;     // cycles left of the current vector instruction
  int64_t progress = 0; // elements sent or received by the current one
  int64_t sendChannel = -1; // the router channel the current send feeds
};

/// One router's setting for one color, with its queue.
struct Channel {
  int64_t x = 0, y = 0, color = 0;
  uint32_t from = 0, to = 0;
  Ring queue;
  /// Where each output goes: the neighbours' channels (by link), and the
  /// PE and inbox of the ramp; -1 where there is none.
  int64_t next[4] = {-1, -1, -1, -1};
  int64_t pe = -1;
  int inbox = -1;
  /// The neighbour's channel that feeds this one, and the link of its
  /// that it uses; -1 when fed by the ramp or by nothing.
  int64_t upstream = -1;
  int upstreamLink = -1;
  /// Wavelets that came in over that link.
  int64_t received = 0;
  /// This cycle's decision: the head moves on (read by the downstream
  /// channels, which pull it).
  bool moving = false;
  uint32_t head = 0;
};

struct ProgramInfo {
  const wfb::PeProgram *program = nullptr;
  int index = 0; // in the design
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
  /// The slots of every Ring, allocated by run().
  std::vector<uint32_t> queueStorage;
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

  /// The PE in column i and row j of program `p`'s rectangle.
  Pe &peIn(const wfb::PeProgram &p, int64_t i, int64_t j) {
    return pes[size_t(peAt.at(routerKey(p.x() + i, p.y() + j)))];
  }
  const Pe &peIn(const wfb::PeProgram &p, int64_t i, int64_t j) const {
    return pes[size_t(peAt.at(routerKey(p.x() + i, p.y() + j)))];
  }

  /// Element i of a buffer as f32 (f16 and bf16 widened exactly), and
  /// stored back rounded to the buffer's type (to nearest even).
  float loadElement(const Pe &pe, int buffer, int64_t i) const {
    const wfb::PeBuffer &b = programOf(pe).buffers(buffer);
    return decodeElement(b.dtype(), pe.sram.data() + b.address(), i);
  }
  void storeElement(Pe &pe, int buffer, int64_t i, float v) const {
    const wfb::PeBuffer &b = programOf(pe).buffers(buffer);
    encodeElement(b.dtype(), v, pe.sram.data() + b.address(), i);
  }
  int64_t indexOf(const wfb::PeRange &range, int64_t i) const {
    return range.offset() + i * range.stride();
  }
  /// A range's elements as f32, its buffer looked up once (not per element).
  struct RangeView {
    uint8_t *base;
    wfb::DType type;
    int64_t offset, stride;
    float get(int64_t i) const {
      return decodeElement(type, base, offset + i * stride);
    }
    void set(int64_t i, float v) const {
      encodeElement(type, v, base, offset + i * stride);
    }
  };
  RangeView view(Pe &pe, const wfb::PeRange &range) const {
    const wfb::PeBuffer &b = programOf(pe).buffers(range.buffer());
    return {pe.sram.data() + b.address(), b.dtype(), range.offset(),
            range.stride()};
  }
  /// A wavelet carries an element's bits: all 32 of an f32, the low 16 of
  /// an f16 or bf16 (as CSL sends 16-bit values).
  uint32_t wavelet(const Pe &pe, const wfb::PeRange &range, int64_t i) const {
    const wfb::PeBuffer &b = programOf(pe).buffers(range.buffer());
    const size_t bytes = wfb::dtypeBytes(b.dtype());
    uint32_t bits = 0;
    std::memcpy(&bits, pe.sram.data() + b.address() + bytes * indexOf(range, i),
                bytes);
    return bits;
  }
  void receive(Pe &pe, const wfb::PeRange &range, int64_t i,
               uint32_t bits) const {
    const wfb::PeBuffer &b = programOf(pe).buffers(range.buffer());
    const size_t bytes = wfb::dtypeBytes(b.dtype());
    std::memcpy(pe.sram.data() + b.address() + bytes * indexOf(range, i), &bits,
                bytes);
  }
  cost::DType costType(const Pe &pe, const wfb::PeRange &range) const {
    switch (programOf(pe).buffers(range.buffer()).dtype()) {
    case wfb::F16:
      return cost::DType::F16;
    case wfb::BF16:
      return cost::DType::BF16;
    default:
      return cost::DType::F32;
    }
  }

  /// Cycles of an instruction at the cost model's rates for its operands'
  /// type: fmac by the multiplied range's (f16 and bf16 accumulate in
  /// f32), the others by the destination's.
  int64_t cost(const Pe &pe, const PeInstruction &inst) const {
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
    const bool fmac = inst.opcode() == PeInstruction::FMAC;
    const cost::DType type = costType(pe, inst.ranges(fmac ? 2 : 0));
    const double rate =
        fmac ? machine.fmacRate(type) : machine.elementRate(type, 1);
    return std::max<int64_t>(1, int64_t(std::ceil(double(n) / rate)));
  }

  /// The arithmetic of a vector instruction, done when it completes: in
  /// f32, each result rounded to its buffer's type.
  void compute(Pe &pe, const PeInstruction &inst) {
    const auto &r = inst.ranges();
    const int64_t n = r[0].length();
    auto unary = [&](auto f) {
      const RangeView dst = view(pe, r[0]), src = view(pe, r[1]);
      for (int64_t i = 0; i < n; ++i)
        dst.set(i, f(src.get(i)));
    };
    auto binary = [&](auto f) {
      const RangeView dst = view(pe, r[0]), lhs = view(pe, r[1]),
                      rhs = view(pe, r[2]);
      for (int64_t i = 0; i < n; ++i)
        dst.set(i, f(lhs.get(i), rhs.get(i)));
    };
    switch (inst.opcode()) {
    case PeInstruction::FMOV:
      return unary([](float a) { return a; });
    case PeInstruction::FILL: {
      const RangeView dst = view(pe, r[0]);
      for (int64_t i = 0; i < n; ++i)
        dst.set(i, inst.value());
      return;
    }
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
      const float scalar = view(pe, r[3]).get(0);
      const RangeView dst = view(pe, r[0]), acc = view(pe, r[1]),
                      src = view(pe, r[2]);
      for (int64_t i = 0; i < n; ++i)
        dst.set(i, acc.get(i) + src.get(i) * scalar);
      return;
    }
    case PeInstruction::REDUCE_ADD:
    case PeInstruction::REDUCE_MAX: {
      const bool add = inst.opcode() == PeInstruction::REDUCE_ADD;
      float acc = add ? 0.0f : -std::numeric_limits<float>::infinity();
      const RangeView src = view(pe, r[1]);
      for (int64_t i = 0; i < r[1].length(); ++i) {
        const float v = src.get(i);
        acc = add ? acc + v : std::max(acc, v);
      }
      view(pe, r[0]).set(0, acc);
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
  /// Fills the result's programs from the run's merged counts, and its
  /// links from the channels' counts of what came in over them.
  void activityReport(SimResult &result,
                      std::vector<ProgramActivity> &programActivity) const;
};

bool FabricSimulator::State::build(const wfb::PeDesign &design,
                                   std::string &error) {
  for (int p = 0; p < design.programs_size(); ++p) {
    const wfb::PeProgram &program = design.programs(p);
    if (program.slot() != slot)
      continue;
    ProgramInfo info;
    info.program = &program;
    info.index = p;
    for (const wfb::PeBuffer &b : program.buffers()) {
      if (b.dtype() != wfb::F32 && b.dtype() != wfb::F16 &&
          b.dtype() != wfb::BF16) {
        error = "buffer '" + b.name() + "' of program '" + program.name() +
                "' holds " + wfb::DType_Name(b.dtype()) +
                "; the simulator computes with f32, f16 and bf16 buffers";
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
  // PEs and channels in router order, so that a band of mesh rows is a
  // range of each and a router's channels are adjacent.
  std::stable_sort(pes.begin(), pes.end(), [&](const Pe &a, const Pe &b) {
    return routerKey(a.x, a.y) < routerKey(b.x, b.y);
  });
  for (size_t i = 0; i < pes.size(); ++i)
    peAt[routerKey(pes[i].x, pes[i].y)] = int64_t(i);
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
  std::stable_sort(channels.begin(), channels.end(),
                   [&](const Channel &a, const Channel &b) {
                     return channelKey(a.x, a.y, a.color) <
                            channelKey(b.x, b.y, b.color);
                   });
  for (size_t i = 0; i < channels.size(); ++i)
    channelAt[channelKey(channels[i].x, channels[i].y, channels[i].color)] =
        int64_t(i);
  // Resolve every output; an output that leads nowhere is an error here
  // (pe-verify reports it at compile time, with the ops).
  for (size_t i = 0; i < channels.size(); ++i) {
    Channel &c = channels[i];
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
      // The neighbour takes the color from one port: this is its only feed.
      channels[size_t(it->second)].upstream = int64_t(i);
      channels[size_t(it->second)].upstreamLink = l;
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

void FabricSimulator::State::activityReport(
    SimResult &result, std::vector<ProgramActivity> &programActivity) const {
  for (size_t p = 0; p < programs.size(); ++p) {
    const wfb::PeProgram &program = *programs[p].program;
    programActivity[p].program = programs[p].index;
    programActivity[p].pes = program.width() * program.height();
  }
  result.programs = std::move(programActivity);
  // (router * 4 + link, wavelets) per channel fed over a link; the colors
  // sharing a link are summed.
  std::vector<std::pair<int64_t, int64_t>> links;
  for (const Channel &c : channels)
    if (c.received) {
      const Channel &up = channels[size_t(c.upstream)];
      links.emplace_back(routerKey(up.x, up.y) * 4 + c.upstreamLink,
                         c.received);
    }
  std::sort(links.begin(), links.end());
  for (size_t i = 0; i < links.size();) {
    const int64_t key = links[i].first, router = key / 4;
    int64_t wavelets = 0;
    for (; i < links.size() && links[i].first == key; ++i)
      wavelets += links[i].second;
    result.links.push_back({router % target.width(), router / target.width(),
                            kLinks[key % 4], wavelets});
  }
}

FabricSimulator::FabricSimulator(std::unique_ptr<State> state)
    : state_(std::move(state)) {}
FabricSimulator::~FabricSimulator() = default;

std::unique_ptr<FabricSimulator>
FabricSimulator::create(const wfb::PeDesign &design, const wfb::Target &target,
                        int64_t slot, std::string &error) {
  if (std::string problem = wfb::targetProblemOf(target); !problem.empty()) {
    error = "the target '" + target.name() + "' is not one Wafer models: " +
            problem;
    return nullptr;
  }
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
  // Positive, as targetProblemOf has checked.
  m.fmacF32 = target.fmac_f32();
  m.memReadBytesPerCycle = target.mem_read_bytes_per_cycle();
  m.memWriteBytesPerCycle = target.mem_write_bytes_per_cycle();
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
  for (size_t i = 0; i < values.size(); ++i)
    state_->storeElement(p, b, int64_t(i), values[i]);
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
  for (size_t i = 0; i < values.size(); ++i)
    values[i] = state_->loadElement(p, b, int64_t(i));
  return true;
}

namespace {

/// Threads meet here between the phases of a cycle. Spins briefly, then
/// yields: the bands are short, but a machine busy with other work must
/// not be held up by a spinning waiter.
class PhaseBarrier {
public:
  explicit PhaseBarrier(int threads) : threads_(threads) {}
  void wait() {
    if (threads_ == 1)
      return;
    const int64_t generation = generation_.load(std::memory_order_acquire);
    if (arrived_.fetch_add(1, std::memory_order_acq_rel) + 1 == threads_) {
      arrived_.store(0, std::memory_order_relaxed);
      generation_.store(generation + 1, std::memory_order_release);
      return;
    }
    for (int spin = 0;
         generation_.load(std::memory_order_acquire) == generation; ++spin)
      if (spin > 64)
        std::this_thread::yield();
  }

private:
  const int threads_;
  std::atomic<int> arrived_{0};
  std::atomic<int64_t> generation_{0};
};

/// One band of mesh rows: its PEs and channels (ranges of the router-ordered
/// lists, with each router's channels as a group), and what it counted.
/// Only the band's thread writes it.
struct Band {
  size_t peBegin = 0, peEnd = 0;
  std::vector<std::pair<size_t, size_t>> routers; // channel ranges
  // Counts, merged in band order at the end.
  int64_t hops = 0, elements = 0;
  std::vector<ProgramActivity> activity;
  // Wavelets in the band's router queues and receive queues.
  int64_t queued = 0;
  // This cycle: whether anything moved or computed, whether a PE still
  // has work, and the first error.
  bool progressed = false, busy = false;
  std::string error;
};

/// Calls `f(pe, io, layout, column, row)` for every host I/O binding of the slot's
/// programs (inputs or outputs) and every PE it touches: all of a loaded
/// input's, and for an output the first PE along an axis it does not split.
template <typename StateT, typename F>
void forEachIo(StateT &s, const wfb::Manifest &manifest, bool outputs, F f) {
  for (const ProgramInfo &info : s.programs) {
    const wfb::PeProgram &p = *info.program;
    for (const wfb::PeIo &io : p.io()) {
      if (io.output() != outputs)
        continue;
      const auto &bindings = outputs ? manifest.signature().outputs()
                                     : manifest.signature().inputs();
      const wfb::Tensor &t = manifest.tensors(bindings[io.binding()].tensor());
      wfb::BlockLayout layout;
      std::string error;
      // The loader has checked the layout (wfb::hostIoProblem).
      wfb::layoutOf(io, t, p, layout, error);
      const bool allColumns = !outputs || io.flat() || io.column_dim() >= 0;
      const bool allRows = !outputs || io.flat() || io.row_dim() >= 0;
      for (int64_t j = 0; j < (allRows ? p.height() : 1); ++j)
        for (int64_t i = 0; i < (allColumns ? p.width() : 1); ++i) {
          auto &pe = s.peIn(p, i, j);
          f(pe, io, layout, i, j);
        }
    }
  }
}

} // namespace

void FabricSimulator::loadInputs(const wfb::Manifest &manifest,
                                 const std::vector<const float *> &inputs) {
  State &s = *state_;
  forEachIo(s, manifest, false,
            [&](Pe &pe, const wfb::PeIo &io, const wfb::BlockLayout &layout,
                int64_t i, int64_t j) {
              const float *in = inputs[size_t(io.binding())];
              if (!in)
                return;
              layout.forEachElement(i, j, [&](int64_t t, int64_t b) {
                s.storeElement(pe, io.buffer(), b, in[t]);
              });
            });
}

void FabricSimulator::readOutputs(const wfb::Manifest &manifest,
                                  const std::vector<float *> &outputs) const {
  const State &s = *state_;
  forEachIo(s, manifest, true,
            [&](const Pe &pe, const wfb::PeIo &io,
                const wfb::BlockLayout &layout, int64_t i, int64_t j) {
              float *out = outputs[size_t(io.binding())];
              if (!out)
                return;
              layout.forEachElement(i, j, [&](int64_t t, int64_t b) {
                out[t] = s.loadElement(pe, io.buffer(), b);
              });
            });
}

void FabricSimulator::loadWeights(
    const wfb::Manifest &manifest,
    const std::function<std::string_view(int32_t)> &data) {
  State &s = *state_;
  for (const ProgramInfo &info : s.programs) {
    const wfb::PeProgram &p = *info.program;
    for (const wfb::PeWeight &w : p.weights()) {
      const wfb::Tensor &t = manifest.tensors(w.tensor());
      const std::string_view bytes = data(w.tensor());
      wfb::BlockLayout layout;
      std::string error;
      // The loader has checked the layout (wfb::weightProblem).
      wfb::layoutOf(w, t, p, layout, error);
      const size_t elements = bytes.size() / wfb::dtypeBytes(t.dtype());
      auto value = [&](int64_t i) {
        const size_t at = t.splat() ? 0 : size_t(i);
        return at < elements
                   ? decodeElement(t.dtype(),
                                   reinterpret_cast<const uint8_t *>(bytes.data()),
                                   int64_t(at))
                   : 0.0f;
      };
      for (int64_t j = 0; j < p.height(); ++j)
        for (int64_t i = 0; i < p.width(); ++i) {
          Pe &pe = s.peIn(p, i, j);
          layout.forEachElement(i, j, [&](int64_t tensorIndex, int64_t b) {
            s.storeElement(pe, w.buffer(), b, value(tensorIndex));
          });
        }
    }
  }
}

SimResult FabricSimulator::run(const SimOptions &options) {
  State &s = *state_;
  SimResult result;
  if (s.ran || options.queueDepth < 1 || options.cycleLimit < 1 ||
      options.threads < 1) {
    result.status = SimResult::Status::Error;
    result.report.push_back(s.ran ? "the slot has already run"
                                  : "queue depth, cycle limit and threads "
                                    "must be positive");
    return result;
  }
  s.ran = true;
  // Load tasks: what the loader puts in SRAM with the program, before the
  // slot's first cycle.
  for (Pe &pe : s.pes)
    for (const wfb::PeTask &task : s.programOf(pe).tasks())
      if (task.load())
        for (const PeInstruction &inst : task.body())
          s.compute(pe, inst);
  const size_t depth = size_t(options.queueDepth);
  // Every router queue and receive queue, `depth` wavelets each.
  std::vector<uint32_t> &storage = s.queueStorage;
  {
    size_t rings = s.channels.size();
    for (const Pe &pe : s.pes)
      rings += pe.inbox.size();
    storage.assign(rings * depth, 0);
    uint32_t *next = storage.data();
    auto place = [&](Ring &ring) {
      ring = Ring();
      ring.slots = next;
      ring.capacity = uint32_t(depth);
      next += depth;
    };
    for (Channel &c : s.channels)
      place(c.queue);
    for (Pe &pe : s.pes)
      for (Ring &ring : pe.inbox)
        place(ring);
  }

  // Bands: whole rows, about equal in PEs and channels, at most one per
  // thread. The outcome never depends on them: each cycle's phases read
  // only what the previous phase left, and each queue is written by one
  // band.
  std::vector<Band> bands;
  {
    const size_t work = s.pes.size() + s.channels.size();
    const size_t count = std::max<size_t>(
        1, std::min<size_t>(size_t(options.threads), work / 64));
    size_t pe = 0, ch = 0;
    for (size_t b = 0; b < count; ++b) {
      Band band;
      band.peBegin = pe;
      const size_t goal = work * (b + 1) / count;
      // Whole rows until the band holds its share (the last takes the rest).
      while (pe < s.pes.size() || ch < s.channels.size()) {
        const int64_t rowPe =
            pe < s.pes.size() ? s.pes[pe].y : std::numeric_limits<int64_t>::max();
        const int64_t rowCh = ch < s.channels.size()
                                  ? s.channels[ch].y
                                  : std::numeric_limits<int64_t>::max();
        if (b + 1 < count && pe + ch >= goal)
          break;
        const int64_t row = std::min(rowPe, rowCh);
        while (pe < s.pes.size() && s.pes[pe].y == row)
          ++pe;
        while (ch < s.channels.size() && s.channels[ch].y == row) {
          const size_t begin = ch;
          const int64_t key = s.routerKey(s.channels[ch].x, row);
          while (ch < s.channels.size() &&
                 s.routerKey(s.channels[ch].x, s.channels[ch].y) == key)
            ++ch;
          band.routers.emplace_back(begin, ch);
        }
      }
      band.peEnd = pe;
      band.activity.resize(s.programs.size());
      bands.push_back(std::move(band));
    }
  }
  const int threads = int(bands.size());
  PhaseBarrier barrier(threads);

  // Phase A: each router decides, from the queues as the cycle began,
  // which heads move; colors take turns at a shared link.
  auto decide = [&](Band &band, int64_t cycle) {
    for (const auto &[begin, end] : band.routers) {
      const size_t n = end - begin;
      uint32_t usedLinks = 0;
      for (size_t k = 0; k < n; ++k) {
        Channel &c = s.channels[begin + (size_t(cycle) + k) % n];
        c.moving = false;
        if (c.queue.empty())
          continue;
        bool room = true;
        for (int l = 0; l < 4 && room; ++l)
          if (c.next[l] >= 0)
            room = !(usedLinks & (1u << l)) &&
                   s.channels[size_t(c.next[l])].queue.size() < depth;
        if (room && c.pe >= 0)
          room = s.pes[size_t(c.pe)].inbox[size_t(c.inbox)].size() < depth;
        if (!room)
          continue;
        for (int l = 0; l < 4; ++l)
          if (c.next[l] >= 0)
            usedLinks |= 1u << l;
        c.moving = true;
        c.head = c.queue.front();
      }
    }
  };

  // Phase B: each channel lets its head go and pulls its upstream's.
  auto move = [&](Band &band) {
    band.progressed = false;
    for (const auto &[begin, end] : band.routers)
      for (size_t i = begin; i < end; ++i) {
        Channel &c = s.channels[i];
        if (c.moving) {
          c.queue.pop_front();
          --band.queued;
          band.progressed = true;
          if (c.pe >= 0) {
            s.pes[size_t(c.pe)].inbox[size_t(c.inbox)].push_back(c.head);
            ++band.queued;
            ++band.hops;
          }
        }
        if (c.upstream >= 0) {
          const Channel &up = s.channels[size_t(c.upstream)];
          if (up.moving) {
            c.queue.push_back(up.head);
            ++band.queued;
            ++band.hops;
            ++c.received;
          }
        }
      }
  };

  // Phase C: each PE advances its task.
  auto step = [&](Band &band, int64_t cycle) {
    band.busy = false;
    for (size_t p = band.peBegin; p < band.peEnd; ++p) {
      Pe &pe = s.pes[p];
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
            band.progressed = true;
            break;
          }
        }
      }
      if (pe.running >= 0) {
        const wfb::PeTask &task = program.tasks(pe.running);
        ProgramActivity &act = band.activity[size_t(pe.program)];
        if (!act.firstCycle)
          act.firstCycle = cycle;
        act.lastCycle = cycle;
        // Instructions that end a task on this cycle let the next one
        // start on the next.
        if (pe.pc < task.body_size()) {
          const PeInstruction &inst = task.body(pe.pc);
          bool done = false;
          switch (inst.opcode()) {
          case PeInstruction::SEND: {
            if (pe.progress == 0) {
              auto it =
                  s.channelAt.find(s.channelKey(pe.x, pe.y, inst.color()));
              pe.sendChannel =
                  it == s.channelAt.end() ||
                          s.channels[size_t(it->second)].from != kRamp
                      ? -1
                      : it->second;
            }
            if (pe.sendChannel < 0) {
              if (band.error.empty())
                band.error = s.describe(pe) + " sends on color " +
                             std::to_string(inst.color()) +
                             ", which its router does not take from the ramp";
              break;
            }
            Channel &c = s.channels[size_t(pe.sendChannel)];
            if (c.queue.size() < depth) {
              c.queue.push_back(s.wavelet(pe, inst.ranges(0), pe.progress));
              ++band.queued;
              band.progressed = true;
              done = ++pe.progress == inst.ranges(0).length();
            } else {
              ++act.sendStallCycles;
            }
            break;
          }
          case PeInstruction::RECV: {
            Ring &inbox =
                pe.inbox[size_t(info.inboxOf(inst.color()))];
            if (!inbox.empty()) {
              const uint32_t bits = inbox.front();
              inbox.pop_front();
              --band.queued;
              s.receive(pe, inst.ranges(0), pe.progress, bits);
              band.progressed = true;
              done = ++pe.progress == inst.ranges(0).length();
            } else {
              ++act.recvStallCycles;
            }
            break;
          }
          default:
            if (pe.busy == 0)
              pe.busy = s.cost(pe, inst);
            band.progressed = true;
            ++act.computeCycles;
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
                band.elements += workElements(inst);
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
      }
      // Work left: a task running, or a local task activated and free to
      // run (a data task waits on its inbox, which `queued` counts).
      bool busy = pe.running >= 0;
      for (int t = 0; t < program.tasks_size() && !busy; ++t)
        busy = pe.activated[size_t(t)] && !pe.blocked[size_t(t)] &&
               !program.tasks(t).data();
      band.busy = band.busy || busy;
    }
  };

  // Every thread runs the same loop over its band and reaches the same
  // verdict from all bands' flags after the last phase; thread 0 (this
  // one) records it.
  int64_t endCycle = 0;
  auto verdict = SimResult::Status::Finished;
  auto worker = [&](int t) {
    Band &band = bands[size_t(t)];
    for (int64_t cycle = 1;; ++cycle) {
      decide(band, cycle);
      barrier.wait();
      move(band);
      barrier.wait();
      step(band, cycle);
      barrier.wait();
      bool progressed = false, busy = false, failed = false;
      int64_t queued = 0;
      for (const Band &b : bands) {
        progressed = progressed || b.progressed;
        busy = busy || b.busy;
        failed = failed || !b.error.empty();
        queued += b.queued;
      }
      using Status = SimResult::Status;
      std::optional<Status> status;
      if (failed)
        status = Status::Error;
      else if (!busy && queued == 0)
        status = Status::Finished;
      else if (!progressed)
        status = Status::Deadlock;
      else if (cycle >= options.cycleLimit)
        status = Status::CycleLimit;
      if (status) {
        if (t == 0) {
          endCycle = cycle;
          verdict = *status;
        }
        return;
      }
      // Nobody may start the next cycle's phase A (which clears `moving`)
      // before all have read this cycle's flags; phase B clears them.
      barrier.wait();
    }
  };
  if (threads == 1) {
    worker(0);
  } else {
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
      pool.emplace_back(worker, t);
    worker(0);
    for (std::thread &th : pool)
      th.join();
  }

  // Merge the bands' counts in band order.
  std::vector<ProgramActivity> activity(s.programs.size());
  for (Band &b : bands) {
    result.hops += b.hops;
    result.elements += b.elements;
    for (size_t p = 0; p < activity.size(); ++p) {
      ProgramActivity &to = activity[p];
      const ProgramActivity &from = b.activity[p];
      if (from.firstCycle && (!to.firstCycle || from.firstCycle < to.firstCycle))
        to.firstCycle = from.firstCycle;
      to.lastCycle = std::max(to.lastCycle, from.lastCycle);
      to.computeCycles += from.computeCycles;
      to.sendStallCycles += from.sendStallCycles;
      to.recvStallCycles += from.recvStallCycles;
    }
  }
  result.cycles = endCycle;
  result.pes = int64_t(s.pes.size());
  result.threads = threads;
  result.status = verdict;
  if (result.status == SimResult::Status::Error) {
    for (const Band &b : bands)
      if (!b.error.empty()) {
        result.report.push_back(b.error);
        break;
      }
    return result;
  }
  if (result.status != SimResult::Status::Finished)
    s.stuckReport(result);
  s.activityReport(result, activity);
  return result;
}

} // namespace wafer::sim
