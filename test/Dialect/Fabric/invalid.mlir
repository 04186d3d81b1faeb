// RUN: wafer-opt %s -split-input-file -verify-diagnostics

// Every rule of the fabric dialect's verifiers, one case each: the target
// attribute, then each kernel and stream on its own (ODS constraints, which
// run before anything reads an attribute), then what fabric.design checks
// against its target once its ops have verified (regions inside the mesh,
// SRAM per PE, overlaps, unique names), then where fabric ops may appear.

// expected-error @+2 {{a 20000x8 mesh exceeds what Wafer models (sides up to 16384, 16777216 PEs)}}
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 20000, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
}

// -----

// expected-error @+2 {{mesh must be at least 1x1, got 0x8}}
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 0, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
}

// -----

// expected-error @+2 {{SRAM per PE must be between 1 KiB and 1024 MiB, got 512 bytes}}
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 512, code_bytes = 100, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
}

// -----

// expected-error @+2 {{SRAM per PE must be between 1 KiB and 1024 MiB, got 9223372036854775807 bytes}}
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 9223372036854775807, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
}

// -----

// expected-error @+2 {{code allowance 4096 must leave room for data in 4096 bytes of SRAM}}
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 4096, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
}

// -----

// expected-error @+2 {{reserved color 24 outside 0..23}}
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [24], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
}

// -----

// expected-error @+2 {{every color is reserved}}
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 2, reserved_colors = [0, 1], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
}

// -----

// expected-error @+2 {{colors must be between 1 and 64, got 65}}
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 65, reserved_colors = [], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
}

// -----

// expected-error @+2 {{clock, link width, hop latency, FMAC rates and memory ports must be positive}}
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 0, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
}

// -----

// expected-error @+2 {{clock of 200000000 kHz exceeds what Wafer models (100000000 kHz)}}
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 200000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
}

// -----

// Every attribute a kernel needs is checked before anything reads it.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{requires attribute 'region'}}
      %k = fabric.kernel @k elementwise(%x) {blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{attribute 'region' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 4>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{attribute 'region' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 0, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{attribute 'origin' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is non-negative}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: 3>} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{attribute 'origin' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is non-negative}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: -1, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{attribute 'blocks' failed to satisfy constraint: i64 dense array attribute whose value is positive}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 0>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{attribute 'blocks' failed to satisfy constraint: i64 dense array attribute whose value is positive}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 4, -2>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{attribute 'weight_bytes' failed to satisfy constraint: non-negative 64-bit integer attribute}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = -1, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{attribute 'buffer_bytes' failed to satisfy constraint: non-negative 64-bit integer attribute}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = -16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{attribute 'cycles' failed to satisfy constraint: non-negative 64-bit integer attribute}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = -1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{attribute 'slot' failed to satisfy constraint: non-negative 64-bit integer attribute}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = -3} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{attribute 'slot' failed to satisfy constraint: non-negative 64-bit integer attribute}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 1.5} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+2 {{expected ::wafer::fabric::KernelScheme to be one of: mesh_gemm, mesh_gemv, attention, row_reduce, elementwise, gather}}
      // expected-error @+1 {{failed to parse Fabric_KernelSchemeAttr parameter}}
      %k = fabric.kernel @k magic(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

// Sizes near 2^63 overflow when added: refused, not wrapped.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{weight_bytes 9223372036854775807 and buffer_bytes 16 overflow when added}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 9223372036854775807, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{needs 9223372036854775807 bytes per PE; a PE has 3072 for data (4096 SRAM less 1024 for code)}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 9223372036854775807, buffer_bytes = 0, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{body argument type 'tensor<2xf32>' differs from input type 'tensor<4xf32>'}}
      fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> () {
      ^bb0(%a: tensor<2xf32>):
          fabric.yield
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{yields types that differ from its results}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%a: tensor<4xf32>):
          fabric.yield
      }
      return
    }
  }
}

// -----

// Values on the fabric have static shapes.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<?xf32>) {
      // expected-error @+1 {{operand #0 must be variadic of statically shaped tensor of any type values}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<?xf32>) -> tensor<?xf32> {
      ^bb0(%in: tensor<?xf32>):
          fabric.yield %in : tensor<?xf32>
      }
      return
    }
  }
}

// -----

// Kernel names are symbols, unique in their design.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-note @+1 {{the other kernel}}
      %a = fabric.kernel @twin elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      // expected-error @+1 {{name @twin is already taken in this design}}
      %b = fabric.kernel @twin elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{region 9x2 does not fit the 8x8 mesh}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 9, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{needs 3100 bytes per PE; a PE has 3072 for data (4096 SRAM less 1024 for code)}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 3000, buffer_bytes = 100, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{region 2x2 at (7, 0) leaves the 8x8 mesh}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: 7, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

// An origin far outside the mesh is reported as it is, not wrapped.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{region 2x2 at (9223372036854775807, 0) leaves the 8x8 mesh}}
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: 9223372036854775807, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-note @+1 {{the other kernel}}
      %first = fabric.kernel @first elementwise(%x) {region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      // expected-error @+1 {{overlaps kernel @first in time slot 0}}
      %second = fabric.kernel @second elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0, origin = array<i64: 3, 3>} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

module {
  // expected-error @+1 {{PE (2, 2) holds 3000 bytes of weights and up to 100 of buffers over the kernels that occupy it; a PE has 3072 for data}}
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 1500, buffer_bytes = 100, cycles = 1, slot = 0, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      %b = fabric.kernel @b elementwise(%x) {region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 1500, buffer_bytes = 100, cycles = 1, slot = 1, origin = array<i64: 2, 2>} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

// Same PEs in two slots: 2 x 1400 bytes of weights and one slot's 100 of
// buffers fit in 3072.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 1400, buffer_bytes = 100, cycles = 1, slot = 0, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      %b = fabric.kernel @b elementwise(%x) {region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 1400, buffer_bytes = 100, cycles = 1, slot = 1, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

// A stream carries a kernel result, not a model input ...
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      // expected-error @+1 {{carries a result of a fabric.kernel; model inputs and other streams feed kernels directly}}
      %s = fabric.stream %x {bytes = 16, cycles = 1} : tensor<4xf32>
      return
    }
  }
}

// -----

// ... nor another stream.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      %s = fabric.stream %k {bytes = 16, cycles = 1} : tensor<4xf32>
      // expected-error @+1 {{carries a result of a fabric.kernel}}
      %t = fabric.stream %s {bytes = 16, cycles = 1} : tensor<4xf32>
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      // expected-error @+1 {{attribute 'bytes' failed to satisfy constraint: non-negative 64-bit integer attribute}}
      %s = fabric.stream %k {bytes = -16, cycles = 1} : tensor<4xf32>
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      // expected-error @+1 {{attribute 'color' failed to satisfy constraint: non-negative 64-bit integer attribute}}
      %s = fabric.stream %k {bytes = 16, cycles = 1, color = -1, route = array<i64>} : tensor<4xf32>
      return
    }
  }
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
          fabric.yield %in : tensor<4xf32>
      }
      // expected-error @+1 {{route must hold x0, y0, x1, y1 quadruples, got 3 numbers}}
      %s = fabric.stream %k {bytes = 16, cycles = 1, color = 0, route = array<i64: 1, 0, 2>} : tensor<4xf32>
      return
    }
  }
}

// -----

// Kernels and streams exist only inside a design, which carries the target.
func.func @main(%x: tensor<4xf32>) {
  // expected-error @+1 {{must be inside a fabric.design, which carries the target it is mapped onto}}
  %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
  }
  return
}

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
  func.func @f(%x: tensor<4xf32>) {
    // expected-error @+1 {{must be inside a fabric.design}}
    %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%in: tensor<4xf32>):
        fabric.yield %in : tensor<4xf32>
    }
    return
  }
}

// -----

// expected-error @+3 {{expected ::wafer::fabric::MappingStrategy to be one of: pipeline, shared}}
// expected-error @+2 {{failed to parse Fabric_MappingStrategyAttr parameter}}
module {
  fabric.design random target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
}

// -----

// expected-error @+2 {{invalid kind of attribute specified}}
module {
  fabric.design pipeline target = 3 {
  }
}

// -----

// The dialect has no discardable attributes: the target is not a module
// attribute.
// expected-error @+1 {{unknown fabric attribute 'fabric.target'; the target and the mapping strategy are attributes of fabric.design}}
module attributes {fabric.target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>} {
}

// -----

// expected-error @+1 {{unknown fabric attribute 'fabric.color'}}
module attributes {fabric.color = 3} {
}
