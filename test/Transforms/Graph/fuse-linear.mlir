// graph-fuse, layers: MatMul by a 2-D constant weight, plus a 1-D constant
// bias and a following relu/gelu/silu, become one graph.linear; the
// decomposed GELU is fused first and then absorbed. Near misses: a weight
// that is not a constant or not 2-D, a bias that is not [N], a product or
// bias sum with another user, a bare MatMul.

// RUN: wafer-opt %s --graph-fuse --split-input-file | FileCheck %s

// nn.Linear as torch.onnx exports it: MatMul then Add(bias, y); then relu.
// CHECK-LABEL: func.func @linear_bias_relu(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x4xf32>
// CHECK-DAG: %[[W:.*]] = graph.constant dense_resource<w> : tensor<4x5xf32>
// CHECK-DAG: %[[B:.*]] = graph.constant dense<{{.*}}> : tensor<5xf32>
// CHECK: %[[Y:.*]] = graph.linear %[[X]], %[[W]], %[[B]] activation(relu) : (tensor<2x4xf32>, tensor<4x5xf32>, tensor<5xf32>) -> tensor<2x5xf32>
// CHECK-NEXT: return %[[Y]] : tensor<2x5xf32>
func.func @linear_bias_relu(%x: tensor<2x4xf32>) -> tensor<2x5xf32> {
  %w = graph.constant dense_resource<w> : tensor<4x5xf32>
  %b = graph.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %h = graph.matmul %x, %w : (tensor<2x4xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  %a = graph.add %b, %h : (tensor<5xf32>, tensor<2x5xf32>) -> tensor<2x5xf32>
  %r = graph.relu %a : tensor<2x5xf32>
  return %r : tensor<2x5xf32>
}
{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000803E"
    }
  }
#-}

// -----

// The intermediate (BERT) and c_fc (GPT-2) layers: bias then the exporter's
// GELU chain (erf and tanh forms); the gate projection of a SwiGLU MLP:
// no bias, then x * sigmoid(x); and a graph.gelu already fused.
// CHECK-LABEL: func.func @linear_activations(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x8x16xf32>
// CHECK-DAG: %[[W:.*]] = graph.constant dense<1.000000e-01> : tensor<16x32xf32>
// CHECK-DAG: %[[B:.*]] = graph.constant dense<2.000000e-01> : tensor<32xf32>
// CHECK: %[[E:.*]] = graph.linear %[[X]], %[[W]], %[[B]] activation(gelu) : (tensor<1x8x16xf32>, tensor<16x32xf32>, tensor<32xf32>) -> tensor<1x8x32xf32>
// CHECK: %[[T:.*]] = graph.linear %[[X]], %[[W]], %[[B]] activation(gelu_tanh)
// CHECK: %[[S:.*]] = graph.linear %[[X]], %[[W]] activation(silu) : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
// CHECK: %[[G:.*]] = graph.linear %[[X]], %[[W]], %[[B]] activation(gelu_tanh)
// CHECK-NEXT: return %[[E]], %[[T]], %[[S]], %[[G]]
func.func @linear_activations(%x: tensor<1x8x16xf32>) -> (tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>) {
  %w = graph.constant dense<0.1> : tensor<16x32xf32>
  %b = graph.constant dense<0.2> : tensor<32xf32>
  %sqrt2 = graph.constant dense<1.41421354> : tensor<f32>
  %one = graph.constant dense<1.0> : tensor<f32>
  %half = graph.constant dense<0.5> : tensor<f32>
  %three = graph.constant dense<3.0> : tensor<f32>
  %c = graph.constant dense<0.044715> : tensor<f32>
  %k = graph.constant dense<0.797884583> : tensor<f32>
  // Linear + exact GELU.
  %h0 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %f0 = graph.add %h0, %b : (tensor<1x8x32xf32>, tensor<32xf32>) -> tensor<1x8x32xf32>
  %d0 = graph.div %f0, %sqrt2 : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %e0 = graph.erf %d0 : tensor<1x8x32xf32>
  %a0 = graph.add %e0, %one : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %m0 = graph.mul %f0, %a0 : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %y0 = graph.mul %m0, %half : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  // Linear + tanh GELU.
  %h1 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %f1 = graph.add %h1, %b : (tensor<1x8x32xf32>, tensor<32xf32>) -> tensor<1x8x32xf32>
  %p1 = graph.mul %f1, %half : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %q1 = graph.pow %f1, %three : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %r1 = graph.mul %q1, %c : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %i1 = graph.add %f1, %r1 : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %s1 = graph.mul %i1, %k : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %t1 = graph.tanh %s1 : tensor<1x8x32xf32>
  %a1 = graph.add %t1, %one : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %y1 = graph.mul %p1, %a1 : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  // Bias-free gate + SiLU.
  %h2 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %s2 = graph.sigmoid %h2 : tensor<1x8x32xf32>
  %y2 = graph.mul %h2, %s2 : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  // Linear + graph.gelu (as opset 20+ imports it).
  %h3 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %f3 = graph.add %h3, %b : (tensor<1x8x32xf32>, tensor<32xf32>) -> tensor<1x8x32xf32>
  %y3 = graph.gelu %f3 approximate(tanh) : tensor<1x8x32xf32>
  return %y0, %y1, %y2, %y3 : tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>
}

// -----

// Near misses. A weight that is an argument; a batched [2, 16, 32] weight;
// a bias [1, 32] and a full-shape addend (a residual); a product also
// returned; a bare MatMul (nothing to fuse); a linear whose sum feeds both
// a relu and the result (the bias fuses, the relu cannot).
// CHECK-LABEL: func.func @linear_near_misses(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x8x16xf32>, %[[WARG:[^:]*]]: tensor<16x32xf32>, %[[RES:[^:]*]]: tensor<1x8x32xf32>
// CHECK: %[[H0:.*]] = graph.matmul %[[X]], %[[WARG]]
// CHECK-NEXT: graph.add %[[H0]]
// CHECK-NEXT: %[[H1:.*]] = graph.matmul %[[X]], %{{.*}} : (tensor<1x8x16xf32>, tensor<2x16x32xf32>) -> tensor<2x8x32xf32>
// CHECK-NEXT: graph.add %[[H1]]
// CHECK-NEXT: %[[H2:.*]] = graph.matmul %[[X]]
// CHECK-NEXT: graph.add %[[H2]]
// CHECK-NEXT: %[[H3:.*]] = graph.matmul %[[X]]
// CHECK-NEXT: graph.add %[[H3]], %[[RES]]
// CHECK-NEXT: %[[H4:.*]] = graph.matmul %[[X]]
// CHECK-NEXT: graph.add %[[H4]]
// CHECK-NEXT: %[[H5:.*]] = graph.matmul %[[X]]
// CHECK-NEXT: %[[L6:.*]] = graph.linear %[[X]], %{{.*}}, %{{.*}} : (tensor<1x8x16xf32>, tensor<16x32xf32>, tensor<32xf32>) -> tensor<1x8x32xf32>
// CHECK-NEXT: graph.relu %[[L6]]
// CHECK-NEXT: return
// CHECK-NOT: graph.linear
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
