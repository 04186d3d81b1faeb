// RUN: wafer-opt %s -split-input-file -verify-diagnostics --pe-lower

// Every design pe-lower refuses, one case each, with the kernel (or op) and
// the reason; nothing is lowered then.

// A scheme without a lowering yet.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<3x5xf32> {graph.name = "x"}) -> (tensor<3x5xf32> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @fc is mesh_gemm; pe-lower lowers elementwise and mesh_gemv kernels so far}}
      %0 = fabric.kernel @fc mesh_gemm(%arg0) {blocks = array<i64: 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<3x5xf32>) -> tensor<3x5xf32> {
      ^bb0(%a: tensor<3x5xf32>):
        %w = graph.constant dense<1.0> : tensor<5x5xf32>
        %1 = graph.matmul %a, %w : (tensor<3x5xf32>, tensor<5x5xf32>) -> tensor<3x5xf32>
        fabric.yield %1 : tensor<3x5xf32>
      }
      return %0 : tensor<3x5xf32>
    }
  }
}

// -----

// An op the elementwise lowering does not have.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<3x5xf32> {graph.name = "x"}) -> (tensor<3x5xf32> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @t: 'graph.tanh' has no lowering to the pe dialect yet (the elementwise lowering takes add, sub, mul, max, exp, relu, neg and splat constants)}}
      %0 = fabric.kernel @t elementwise(%arg0) {blocks = array<i64: 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<3x5xf32>) -> tensor<3x5xf32> {
      ^bb0(%a: tensor<3x5xf32>):
        %1 = graph.tanh %a : tensor<3x5xf32>
        fabric.yield %1 : tensor<3x5xf32>
      }
      return %0 : tensor<3x5xf32>
    }
  }
}

// -----

// A kernel that is not placed.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<3x5xf32> {graph.name = "x"}) -> (tensor<3x5xf32> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @u is not placed (run fabric-place first)}}
      %0 = fabric.kernel @u elementwise(%arg0) {blocks = array<i64: 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<3x5xf32>) -> tensor<3x5xf32> {
      ^bb0(%a: tensor<3x5xf32>):
        %1 = graph.exp %a : tensor<3x5xf32>
        fabric.yield %1 : tensor<3x5xf32>
      }
      return %0 : tensor<3x5xf32>
    }
  }
}

// -----

// Broadcasting.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<3x5xf32> {graph.name = "x"}, %arg1: tensor<5xf32> {graph.name = "v"}) -> (tensor<3x5xf32> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @b's input 1 is not a tensor of its result's type and shape; the elementwise lowering does not broadcast or convert yet}}
      %0 = fabric.kernel @b elementwise(%arg0, %arg1) {blocks = array<i64: 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<3x5xf32>, tensor<5xf32>) -> tensor<3x5xf32> {
      ^bb0(%a: tensor<3x5xf32>, %v: tensor<5xf32>):
        %1 = graph.add %a, %v : (tensor<3x5xf32>, tensor<5xf32>) -> tensor<3x5xf32>
        fabric.yield %1 : tensor<3x5xf32>
      }
      return %0 : tensor<3x5xf32>
    }
  }
}

// -----

// A constant that is not a splat (weights have no lowering yet).
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<3x5xf32> {graph.name = "x"}) -> (tensor<3x5xf32> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @k: 'graph.constant' is not a splat of the kernel's type; the elementwise lowering has no weights yet}}
      %0 = fabric.kernel @k elementwise(%arg0) {blocks = array<i64: 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<3x5xf32>) -> tensor<3x5xf32> {
      ^bb0(%a: tensor<3x5xf32>):
        %c = graph.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
        %1 = graph.add %a, %c : (tensor<3x5xf32>, tensor<5xf32>) -> tensor<3x5xf32>
        fabric.yield %1 : tensor<3x5xf32>
      }
      return %0 : tensor<3x5xf32>
    }
  }
}

// -----

// A stream between kernels.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<3x5xf32> {graph.name = "x"}) -> (tensor<3x5xf32> {graph.name = "y"}) {
      %0 = fabric.kernel @p elementwise(%arg0) {blocks = array<i64: 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<3x5xf32>) -> tensor<3x5xf32> {
      ^bb0(%a: tensor<3x5xf32>):
        %1 = graph.exp %a : tensor<3x5xf32>
        fabric.yield %1 : tensor<3x5xf32>
      }
      // expected-error @+1 {{pe-lower: the design streams between kernels; pe-lower does not lower streams yet}}
      %s = fabric.stream %0 {bytes = 60 : i64, cycles = 1 : i64} : tensor<3x5xf32>
      %2 = fabric.kernel @q elementwise(%s) {blocks = array<i64: 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 4>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<3x5xf32>) -> tensor<3x5xf32> {
      ^bb0(%a: tensor<3x5xf32>):
        %1 = graph.exp %a : tensor<3x5xf32>
        fabric.yield %1 : tensor<3x5xf32>
      }
      return %2 : tensor<3x5xf32>
    }
  }
}

// -----

// A type the elementwise lowering does not have.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<3x5xf64> {graph.name = "x"}) -> (tensor<3x5xf64> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @d computes a tensor that is not f32, f16 or bf16; the elementwise lowering handles those}}
      %0 = fabric.kernel @d elementwise(%arg0) {blocks = array<i64: 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<3x5xf64>) -> tensor<3x5xf64> {
      ^bb0(%a: tensor<3x5xf64>):
        %1 = graph.exp %a : tensor<3x5xf64>
        fabric.yield %1 : tensor<3x5xf64>
      }
      return %0 : tensor<3x5xf64>
    }
  }
}

// -----

// A model output that is a model input as it is.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<3x5xf32> {graph.name = "x"}) -> (tensor<3x5xf32> {graph.name = "y"}, tensor<3x5xf32> {graph.name = "x2"}) {
      %0 = fabric.kernel @e elementwise(%arg0) {blocks = array<i64: 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<3x5xf32>) -> tensor<3x5xf32> {
      ^bb0(%a: tensor<3x5xf32>):
        %1 = graph.exp %a : tensor<3x5xf32>
        fabric.yield %1 : tensor<3x5xf32>
      }
      // expected-error @+1 {{pe-lower: a model output is a model input as it is; pe-lower has no program to give it}}
      return %0, %arg0 : tensor<3x5xf32>, tensor<3x5xf32>
    }
  }
}

// -----

// mesh_gemv: an activation other than relu.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<1x8xf32> {graph.name = "x"}) -> (tensor<1x4xf32> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @g applies gelu; the mesh_gemv lowering applies none or relu so far}}
      %0 = fabric.kernel @g mesh_gemv(%arg0) {blocks = array<i64: 1, 2, 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 4, 4>, slot = 0 : i64, weight_bytes = 8 : i64} : (tensor<1x8xf32>) -> tensor<1x4xf32> {
      ^bb0(%a: tensor<1x8xf32>):
        %w = graph.constant dense<0.5> : tensor<8x4xf32>
        %1 = graph.linear %a, %w activation(gelu) : (tensor<1x8xf32>, tensor<8x4xf32>) -> tensor<1x4xf32>
        fabric.yield %1 : tensor<1x4xf32>
      }
      return %0 : tensor<1x4xf32>
    }
  }
}

// -----

// mesh_gemv: a weight that is an activation, not a constant.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<1x8xf32> {graph.name = "x"}, %arg1: tensor<8x4xf32> {graph.name = "m"}) -> (tensor<1x4xf32> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @g multiplies by an operand that is not one of its constants; the mesh_gemv lowering needs its weights}}
      %0 = fabric.kernel @g mesh_gemv(%arg0, %arg1) {blocks = array<i64: 1, 2, 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 4, 4>, slot = 0 : i64, weight_bytes = 8 : i64} : (tensor<1x8xf32>, tensor<8x4xf32>) -> tensor<1x4xf32> {
      ^bb0(%a: tensor<1x8xf32>, %b: tensor<8x4xf32>):
        %1 = graph.matmul %a, %b : (tensor<1x8xf32>, tensor<8x4xf32>) -> tensor<1x4xf32>
        fabric.yield %1 : tensor<1x4xf32>
      }
      return %0 : tensor<1x4xf32>
    }
  }
}

// -----

// mesh_gemv: more than the product in the body.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<1x8xf32> {graph.name = "x"}) -> (tensor<1x4xf32> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @g: 'graph.exp' has no place in the mesh_gemv lowering, which takes one matmul or linear and its constant weights}}
      %0 = fabric.kernel @g mesh_gemv(%arg0) {blocks = array<i64: 1, 2, 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 4, 4>, slot = 0 : i64, weight_bytes = 8 : i64} : (tensor<1x8xf32>) -> tensor<1x4xf32> {
      ^bb0(%a: tensor<1x8xf32>):
        %w = graph.constant dense<0.5> : tensor<8x4xf32>
        %1 = graph.matmul %a, %w : (tensor<1x8xf32>, tensor<8x4xf32>) -> tensor<1x4xf32>
        %2 = graph.exp %1 : tensor<1x4xf32>
        fabric.yield %2 : tensor<1x4xf32>
      }
      return %0 : tensor<1x4xf32>
    }
  }
}

// -----

// mesh_gemv: more rows than the target has colors for the tree (8 rows: 3 levels, 2 free colors).
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 4, reserved_colors = [1, 3], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<1x8xf32> {graph.name = "x"}) -> (tensor<1x4xf32> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @g's reduction tree over 8 rows needs 3 colors; the target has 2 free}}
      %0 = fabric.kernel @g mesh_gemv(%arg0) {blocks = array<i64: 1, 2, 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 4, 8>, slot = 0 : i64, weight_bytes = 8 : i64} : (tensor<1x8xf32>) -> tensor<1x4xf32> {
      ^bb0(%a: tensor<1x8xf32>):
        %w = graph.constant dense<0.5> : tensor<8x4xf32>
        %1 = graph.matmul %a, %w : (tensor<1x8xf32>, tensor<8x4xf32>) -> tensor<1x4xf32>
        fabric.yield %1 : tensor<1x4xf32>
      }
      return %0 : tensor<1x4xf32>
    }
  }
}

// -----

// mesh_gemv: a bias that is not a constant of the kernel's width.
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<1x8xf32> {graph.name = "x"}, %arg1: tensor<4xf32> {graph.name = "c"}) -> (tensor<1x4xf32> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @g's bias is not a constant of 4 elements of its weight's type}}
      %0 = fabric.kernel @g mesh_gemv(%arg0, %arg1) {blocks = array<i64: 1, 2, 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 4, 4>, slot = 0 : i64, weight_bytes = 8 : i64} : (tensor<1x8xf32>, tensor<4xf32>) -> tensor<1x4xf32> {
      ^bb0(%a: tensor<1x8xf32>, %c: tensor<4xf32>):
        %w = graph.constant dense<0.5> : tensor<8x4xf32>
        %1 = graph.linear %a, %w, %c : (tensor<1x8xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
        fabric.yield %1 : tensor<1x4xf32>
      }
      return %0 : tensor<1x4xf32>
    }
  }
}

// -----

// mesh_gemv: weight blocks larger than a PE's SRAM (40 KiB for data: 100000 rows over 4 give blocks of 25000 x 1).
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<1x100000xf32> {graph.name = "x"}) -> (tensor<1x4xf32> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @g's weight blocks of 25000 x 1 elements do not fit the 40960 bytes of SRAM a PE has for data}}
      %0 = fabric.kernel @g mesh_gemv(%arg0) {blocks = array<i64: 1, 2, 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 4, 4>, slot = 0 : i64, weight_bytes = 8 : i64} : (tensor<1x100000xf32>) -> tensor<1x4xf32> {
      ^bb0(%a: tensor<1x100000xf32>):
        %w = graph.constant dense<0.5> : tensor<100000x4xf32>
        %1 = graph.matmul %a, %w : (tensor<1x100000xf32>, tensor<100000x4xf32>) -> tensor<1x4xf32>
        fabric.yield %1 : tensor<1x4xf32>
      }
      return %0 : tensor<1x4xf32>
    }
  }
}

// -----

// mesh_gemv: more instructions than pe-lower builds for a kernel (4096 programs of 2048 fmacs).
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 4096, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<1x8388608xf32> {graph.name = "x"}) -> (tensor<1x4xf32> {graph.name = "y"}) {
      // expected-error @+1 {{pe-lower: kernel @g would need about 8454144 instructions over its 4096 programs (one fmac per k); pe-lower builds at most 2^22 for a kernel}}
      %0 = fabric.kernel @g mesh_gemv(%arg0) {blocks = array<i64: 1, 2, 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 4, 4096>, slot = 0 : i64, weight_bytes = 8 : i64} : (tensor<1x8388608xf32>) -> tensor<1x4xf32> {
      ^bb0(%a: tensor<1x8388608xf32>):
        %w = graph.constant dense<0.5> : tensor<8388608x4xf32>
        %1 = graph.matmul %a, %w : (tensor<1x8388608xf32>, tensor<8388608x4xf32>) -> tensor<1x4xf32>
        fabric.yield %1 : tensor<1x4xf32>
      }
      return %0 : tensor<1x4xf32>
    }
  }
}

// -----

// No fabric design.
// expected-error @+1 {{pe-lower: pe-lower needs a placed fabric.design (run fabric-tile and fabric-place first)}}
module {
}
