
func.func @main(%x: tensor<4xf32>) {
  %k = fabric.kernel @k elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 1, slot = 0} : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%in: tensor<4xf32>):
      fabric.yield %in : tensor<4xf32>
  }
  return
}

