// RUN: wafer-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{a 20000x8 mesh exceeds what Wafer models (sides up to 16384, 16777216 PEs)}}
module attributes {fabric.target = #fabric.target<name = "custom", width = 20000, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
}

// -----

// expected-error @+1 {{mesh must be at least 1x1, got 0x8}}
module attributes {fabric.target = #fabric.target<name = "custom", width = 0, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
}

// -----

// expected-error @+1 {{SRAM per PE must be at least 1 KiB, got 512 bytes}}
module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 512, code_bytes = 100, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
}

// -----

// expected-error @+1 {{code allowance 4096 must leave room for data in 4096 bytes of SRAM}}
module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 4096, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
}

// -----

// expected-error @+1 {{reserved color 24 outside 0..23}}
module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [24], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
}

// -----

// expected-error @+1 {{every color is reserved}}
module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 2, reserved_colors = [0, 1], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
}

// -----

// expected-error @+1 {{clock, link width, hop latency, FMAC rates and memory ports must be positive}}
module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 0, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
}

// -----

module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  func.func @main(%x: tensor<4xf32>) {
    // expected-error @+1 {{region must be [width, height] with positive sizes}}
    %k = fabric.kernel "k"(%x) {scheme = "elementwise", region = array<i64: 0, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    return
  }
}

// -----

module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  func.func @main(%x: tensor<4xf32>) {
    // expected-error @+1 {{unknown scheme 'magic'}}
    %k = fabric.kernel "k"(%x) {scheme = "magic", region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    return
  }
}

// -----

module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  func.func @main(%x: tensor<4xf32>) {
    // expected-error @+1 {{weight_bytes, buffer_bytes, cycles and slot must be non-negative}}
    %k = fabric.kernel "k"(%x) {scheme = "elementwise", region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = -1, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    return
  }
}

// -----

module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  func.func @main(%x: tensor<4xf32>) {
    // expected-error @+1 {{origin must be [x, y] with non-negative coordinates}}
    %k = fabric.kernel "k"(%x) {scheme = "elementwise", region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: -1, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    return
  }
}

// -----

module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  func.func @main(%x: tensor<4xf32>) {
    // expected-error @+1 {{body argument type 'tensor<2xf32>' differs from input type 'tensor<4xf32>'}}
    fabric.kernel "k"(%x) {scheme = "elementwise", region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 0, buffer_bytes = 0, cycles = 1, slot = 0} : (tensor<4xf32>) -> () {
    ^bb0(%a: tensor<2xf32>):
      fabric.yield
    }
    return
  }
}

// -----

module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  func.func @main(%x: tensor<4xf32>) {
    // expected-error @+1 {{yields types that differ from its results}}
    %k = fabric.kernel "k"(%x) {scheme = "elementwise", region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 0, buffer_bytes = 0, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%a: tensor<4xf32>):
      fabric.yield
    }
    return
  }
}

// -----

module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  func.func @main(%x: tensor<4xf32>) {
    // expected-error @+1 {{region 9x2 does not fit the 8x8 mesh}}
    %k = fabric.kernel "k"(%x) {scheme = "elementwise", region = array<i64: 9, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    return
  }
}

// -----

module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  func.func @main(%x: tensor<4xf32>) {
    // expected-error @+1 {{needs 3100 bytes per PE; a PE has 3072 for data (4096 SRAM less 1024 for code)}}
    %k = fabric.kernel "k"(%x) {scheme = "elementwise", region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 3000, buffer_bytes = 100, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    return
  }
}

// -----

module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  func.func @main(%x: tensor<4xf32>) {
    // expected-error @+1 {{region [7, 9) x [0, 2) leaves the 8x8 mesh}}
    %k = fabric.kernel "k"(%x) {scheme = "elementwise", region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: 7, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    return
  }
}

// -----

module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  func.func @main(%x: tensor<4xf32>) {
    // expected-note @+1 {{the other kernel}}
    %first = fabric.kernel "first"(%x) {scheme = "elementwise", region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    // expected-error @+1 {{overlaps kernel 'first' in time slot 0}}
    %second = fabric.kernel "second"(%x) {scheme = "elementwise", region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: 3, 3>} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    return
  }
}

// -----

// expected-error @+1 {{PE (2, 2) holds 3000 bytes of weights and up to 100 of buffers over the kernels that occupy it; a PE has 3072 for data}}
module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  func.func @main(%x: tensor<4xf32>) {
    %a = fabric.kernel "a"(%x) {scheme = "elementwise", region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 1500, buffer_bytes = 100, cycles = 1, slot = 0, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    %b = fabric.kernel "b"(%x) {scheme = "elementwise", region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 1500, buffer_bytes = 100, cycles = 1, slot = 1, origin = array<i64: 2, 2>} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    return
  }
}

// -----

// Same PEs in two slots: 2 x 1400 bytes of weights and one slot's 100 of
// buffers fit in 3072.
module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  func.func @main(%x: tensor<4xf32>) {
    %a = fabric.kernel "a"(%x) {scheme = "elementwise", region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 1400, buffer_bytes = 100, cycles = 1, slot = 0, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    %b = fabric.kernel "b"(%x) {scheme = "elementwise", region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 1400, buffer_bytes = 100, cycles = 1, slot = 1, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
    }
    return
  }
}

// -----

// expected-error @+1 {{fabric.strategy must be "pipeline" or "shared"}}
module attributes {fabric.strategy = "random"} {
}

// -----

// expected-error @+1 {{unknown fabric attribute "fabric.color"}}
module attributes {fabric.color = 3} {
}

// -----

// expected-error @+1 {{fabric.target must be a #fabric.target}}
module attributes {fabric.target = 3} {
}

// -----

// expected-error @+1 {{fabric.target belongs on a module}}
func.func @f() attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
  return
}
