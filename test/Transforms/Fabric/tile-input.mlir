// RUN: wafer-opt %s --split-input-file --verify-diagnostics --fabric-tile="mesh=8x8"

// What fabric-tile maps is a graph function: @main with a body of graph
// ops. Anything else is refused with the reason, never crashes.

// expected-error @+1 {{fabric-tile needs @main's body; this @main is only a declaration}}
func.func private @main(tensor<4xf32>) -> tensor<4xf32>

// -----

func.func private @helper(tensor<4xf32>)
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'func.call' op is not a graph op; fabric-tile maps @main's graph ops onto kernels}}
  func.call @helper(%x) : (tensor<4xf32>) -> ()
  return %x : tensor<4xf32>
}

// -----

// A module that is already mapped is not mapped again.
// expected-error @+1 {{fabric-tile maps a graph module; this one already holds a fabric.design}}
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  }
  func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}
