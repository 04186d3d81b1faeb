//===- PeDesignBuilder.h - pe designs built in C++ for tests and benchmarks ===//
//
// Builds the binary's PeDesign message directly (no compiler), for the
// simulator's unit tests and benchmark.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_TEST_UNIT_PEDESIGNBUILDER_H
#define WAFER_TEST_UNIT_PEDESIGNBUILDER_H

#include "wafer/Binary/Ports.h"
#include "wafer/Binary/wfb.pb.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace wafer::unit {

/// Builders for programs, tasks and instructions.
struct Builder {
  wfb::PeDesign design;

  wfb::PeProgram *program(const char *name, int64_t x, int64_t y, int64_t w,
                          int64_t h) {
    wfb::PeProgram *p = design.add_programs();
    p->set_name(name);
    p->set_x(x);
    p->set_y(y);
    p->set_width(w);
    p->set_height(h);
    return p;
  }
  static void buffer(wfb::PeProgram *p, const char *name, int64_t length) {
    int64_t address = 0;
    for (const wfb::PeBuffer &b : p->buffers())
      address = std::max(address, b.address() + 4 * b.length());
    wfb::PeBuffer *b = p->add_buffers();
    b->set_name(name);
    b->set_dtype(wfb::F32);
    b->set_length(length);
    b->set_address(address);
  }
  static wfb::PeTask *task(wfb::PeProgram *p, const char *name, bool entry,
                           int64_t dataColor = -1) {
    wfb::PeTask *t = p->add_tasks();
    t->set_name(name);
    t->set_entry(entry);
    if (dataColor >= 0) {
      t->set_data(true);
      t->set_color(dataColor);
    }
    return t;
  }
  struct R {
    int buffer;
    int64_t offset, length, stride = 1;
  };
  static wfb::PeInstruction *op(wfb::PeTask *t, wfb::PeInstruction::Opcode code,
                           std::initializer_list<R> ranges, int64_t color = 0,
                           int task = 0) {
    wfb::PeInstruction *i = t->add_body();
    i->set_opcode(code);
    for (const R &r : ranges) {
      wfb::PeRange *range = i->add_ranges();
      range->set_buffer(r.buffer);
      range->set_offset(r.offset);
      range->set_length(r.length);
      range->set_stride(r.stride);
    }
    i->set_color(color);
    i->set_task(task);
    return i;
  }
  void route(int64_t color, int64_t x, int64_t y, int64_t w, int64_t h,
             uint32_t from, uint32_t to) {
    wfb::PeRoute *r = design.add_routes();
    r->set_color(color);
    r->set_x(x);
    r->set_y(y);
    r->set_width(w);
    r->set_height(h);
    r->set_from(from);
    r->set_to(to);
  }
};


std::vector<float> ramp(size_t n, float scale) {
  std::vector<float> v(n);
  for (size_t i = 0; i < n; ++i)
    v[i] = scale * float(i) - 3.0f;
  return v;
}

/// A side x side mesh kept busy: row 0 squares its n-element buffer `x`
/// and sends it south on colors 1 and 3, which share every link of their
/// columns; each PE below receives both (color 1 into `y`, then exp; color
/// 3 into `z`, then a sum into `s`) and forwards them on.
inline Builder broadcastDesign(int64_t side, int64_t n) {
  using wfb::PeInstruction;
  using namespace wfb::ports;
  Builder b;
  wfb::PeProgram *src = b.program("src", 0, 0, side, 1);
  Builder::buffer(src, "x", n);
  wfb::PeTask *main = Builder::task(src, "main", true);
  Builder::op(main, PeInstruction::FMUL, {{0, 0, n}, {0, 0, n}, {0, 0, n}});
  Builder::op(main, PeInstruction::SEND, {{0, 0, n}}, 1);
  Builder::op(main, PeInstruction::SEND, {{0, 0, n}}, 3);
  wfb::PeProgram *dst = b.program("dst", 0, 1, side, side - 1);
  Builder::buffer(dst, "y", n);
  Builder::buffer(dst, "z", n);
  Builder::buffer(dst, "s", 1);
  wfb::PeTask *in = Builder::task(dst, "in", false, 1);
  Builder::op(in, PeInstruction::RECV, {{0, 0, n}}, 1);
  Builder::op(in, PeInstruction::EXP, {{0, 0, n}, {0, 0, n}});
  wfb::PeTask *in3 = Builder::task(dst, "in3", false, 3);
  Builder::op(in3, PeInstruction::RECV, {{1, 0, n}}, 3);
  Builder::op(in3, PeInstruction::REDUCE_ADD, {{2, 0, 1}, {1, 0, n}});
  for (int64_t color : {1, 3}) {
    b.route(color, 0, 0, side, 1, kRamp, kSouth);
    b.route(color, 0, 1, side, side - 2, kNorth, kSouth | kRamp);
    b.route(color, 0, side - 1, side, 1, kNorth, kRamp);
  }
  return b;
}

} // namespace wafer::unit

#endif // WAFER_TEST_UNIT_PEDESIGNBUILDER_H
