//===- WfbTestTarget.h - the small target of the binary's unit tests -----===//
//
// An 8x8 mesh with WSE-3's per-PE figures, every field set, so that the
// loader's target checks (wafer/Support/TargetLimits.h) pass and a test
// changes only the figure it is about.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_TEST_UNIT_WFBTESTTARGET_H
#define WAFER_TEST_UNIT_WFBTESTTARGET_H

#include "wafer/Binary/wfb.pb.h"

namespace wafer::unit {

inline wfb::Target smallTarget() {
  wfb::Target t;
  t.set_name("custom");
  t.set_width(8);
  t.set_height(8);
  t.set_sram_bytes(49152);
  t.set_code_bytes(8192);
  t.set_colors(24);
  t.set_clock_khz(1000000);
  t.set_link_bytes_per_cycle(4);
  t.set_hop_latency_cycles(1);
  t.set_fmac_f32(1);
  t.set_fmac_f16(4);
  t.set_fmac_f16_f32(2);
  t.set_mem_read_bytes_per_cycle(8);
  t.set_mem_write_bytes_per_cycle(4);
  return t;
}

} // namespace wafer::unit

#endif // WAFER_TEST_UNIT_WFBTESTTARGET_H
