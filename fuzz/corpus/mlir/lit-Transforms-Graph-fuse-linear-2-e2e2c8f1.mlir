
func.func @linear_near_misses(%x: tensor<1x8x16xf32>, %w_arg: tensor<16x32xf32>, %res: tensor<1x8x32xf32>) -> (tensor<1x8x32xf32>, tensor<2x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>) {
  %w = graph.constant dense<0.1> : tensor<16x32xf32>
  %w3 = graph.constant dense<0.1> : tensor<2x16x32xf32>
  %b = graph.constant dense<0.2> : tensor<32xf32>
  %b2 = graph.constant dense<0.2> : tensor<1x32xf32>
  %h0 = graph.matmul %x, %w_arg : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %y0 = graph.add %h0, %b : (tensor<1x8x32xf32>, tensor<32xf32>) -> tensor<1x8x32xf32>
  %h1 = graph.matmul %x, %w3 : (tensor<1x8x16xf32>, tensor<2x16x32xf32>) -> tensor<2x8x32xf32>
  %y1 = graph.add %h1, %b : (tensor<2x8x32xf32>, tensor<32xf32>) -> tensor<2x8x32xf32>
  %h2 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %y2 = graph.add %h2, %b2 : (tensor<1x8x32xf32>, tensor<1x32xf32>) -> tensor<1x8x32xf32>
  %h3 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %y3 = graph.add %h3, %res : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %h4 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %y4 = graph.add %h4, %b : (tensor<1x8x32xf32>, tensor<32xf32>) -> tensor<1x8x32xf32>
  %h5 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %h6 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %f6 = graph.add %h6, %b : (tensor<1x8x32xf32>, tensor<32xf32>) -> tensor<1x8x32xf32>
  %y6 = graph.relu %f6 : tensor<1x8x32xf32>
  return %y0, %y1, %y2, %y3, %y4, %h4, %h5, %f6, %y6 : tensor<1x8x32xf32>, tensor<2x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>
}
