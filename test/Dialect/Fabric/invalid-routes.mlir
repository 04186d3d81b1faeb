// RUN: wafer-opt %s -split-input-file -verify-diagnostics

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{hop 0 from (1, 1) to (3, 1) does not follow a link}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 0, route = array<i64: 1, 1, 3, 1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{hop 1 leaves the mesh at (2, -1)}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 0, route = array<i64: 1, 1, 2, 1, 2, 1, 2, -1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{hop 1 starts at (3, 2), which the route has not reached}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 0, route = array<i64: 1, 1, 2, 1, 3, 2, 4, 2>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{route never reaches the region of kernel @b}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 0, route = array<i64: 1, 1, 2, 1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{color 22 is reserved}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 22, route = array<i64: 1, 1, 2, 1, 2, 1, 3, 1, 3, 1, 4, 1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{color 30 outside 0..23}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 30, route = array<i64: 1, 1, 2, 1, 2, 1, 3, 1, 3, 1, 4, 1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{a routed stream needs a color}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, route = array<i64: 1, 1, 2, 1, 2, 1, 3, 1, 3, 1, 4, 1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{has a color but no route}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 3} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{has an empty route but kernel @b does not share the producer's PEs}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, route = array<i64>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{route must hold x0, y0, x1, y1 quadruples}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 0, route = array<i64: 1, 1, 2>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a:2 = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0, %in0 : tensor<16xf32>, tensor<16xf32>
      }
      // expected-note @+1 {{the other stream}}
      %s = fabric.stream %a#0 {bytes = 64, cycles = 20, color = 5, route = array<i64: 1, 1, 2, 1, 2, 1, 3, 1, 3, 1, 4, 1>} : tensor<16xf32>
      // expected-error @+1 {{passes router (1, 1) on color 5 while another stream of that color does; a router passes one stream per color at a time}}
      %t = fabric.stream %a#1 {bytes = 64, cycles = 20, color = 5, route = array<i64: 1, 1, 2, 1, 2, 1, 2, 2, 2, 2, 2, 3, 2, 3, 2, 4>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      %c = fabric.kernel @c elementwise(%t) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 2, 4>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

// The streams live in slots 0-1 and 0-2: they overlap, so this is an
// error too.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a:2 = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0, %in0 : tensor<16xf32>, tensor<16xf32>
      }
      // expected-note @+1 {{the other stream}}
      %s = fabric.stream %a#0 {bytes = 64, cycles = 20, color = 5, route = array<i64: 1, 1, 2, 1, 2, 1, 3, 1, 3, 1, 4, 1>} : tensor<16xf32>
      // expected-error @+1 {{passes router (1, 1) on color 5 while another stream of that color does}}
      %t = fabric.stream %a#1 {bytes = 64, cycles = 20, color = 5, route = array<i64: 1, 1, 2, 1, 2, 1, 2, 2, 2, 2, 2, 3, 2, 3, 2, 4>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 1, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      %c = fabric.kernel @c elementwise(%t) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 2, origin = array<i64: 2, 4>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

// Two streams of one color cross at router (3, 1), one heading east and one
// heading north: they enter through different ports, but a router's setting
// for a color is one input port to a set of output ports, so it cannot keep
// them apart.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-note @+1 {{the other stream}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 5, route = array<i64: 1, 1, 2, 1, 2, 1, 3, 1, 3, 1, 4, 1, 4, 1, 5, 1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 5, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      %d = fabric.kernel @d elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 2, 4>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{passes router (3, 1) on color 5 while another stream of that color does}}
      %t = fabric.stream %d {bytes = 64, cycles = 20, color = 5, route = array<i64: 3, 4, 3, 3, 3, 3, 3, 2, 3, 2, 3, 1, 3, 1, 3, 0>} : tensor<16xf32>
      %e = fabric.kernel @e elementwise(%t) {region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 3, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

// The same two routes on different colors are fine.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 5, route = array<i64: 1, 1, 2, 1, 2, 1, 3, 1, 3, 1, 4, 1, 4, 1, 5, 1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 5, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      %d = fabric.kernel @d elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 2, 4>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      %t = fabric.stream %d {bytes = 64, cycles = 20, color = 6, route = array<i64: 3, 4, 3, 3, 3, 3, 3, 2, 3, 2, 3, 1, 3, 1, 3, 0>} : tensor<16xf32>
      %e = fabric.kernel @e elementwise(%t) {region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 3, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

// So is one color in two slots that never overlap: a router is set up anew
// for each slot.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 5, route = array<i64: 1, 1, 2, 1, 2, 1, 3, 1, 3, 1, 4, 1, 4, 1, 5, 1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 5, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      %d = fabric.kernel @d elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 1, origin = array<i64: 2, 4>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      %t = fabric.stream %d {bytes = 64, cycles = 20, color = 5, route = array<i64: 3, 4, 3, 3, 3, 3, 3, 2, 3, 2, 3, 1, 3, 1, 3, 0>} : tensor<16xf32>
      %e = fabric.kernel @e elementwise(%t) {region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 1, origin = array<i64: 3, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

// One stream may not enter a router twice: the router takes a color from one
// input port only.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{hop 4 enters router (3, 1) a second time; a router takes a color from one input port}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 5, route = array<i64: 1, 1, 2, 1, 2, 1, 3, 1, 1, 0, 2, 0, 2, 0, 3, 0, 3, 0, 3, 1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 4, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

// A route into a kernel that is not placed yet (found by wafer-fuzz-mlir:
// fabric-place then placed @b away from the route's end).
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{has a route but its consumer, kernel @b, is not placed}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 5, route = array<i64: 1, 1, 2, 1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      // expected-error @+1 {{has a route but its producer, kernel @a, is not placed}}
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 5, route = array<i64: 1, 1, 2, 1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 2, 1>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}
