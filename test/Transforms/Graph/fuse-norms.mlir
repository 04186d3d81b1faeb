// graph-fuse, norms: layer_norm and rms_norm from the chains torch.onnx and
// HF emit, with the scale/bias epilogue absorbed when present, and near
// misses (wrong exponent or axes, non-constant eps, shared intermediates,
// non-parameter operands) left as they are.

// RUN: wafer-opt %s --graph-fuse --split-input-file | FileCheck %s
// Fusing twice changes nothing.
// RUN: wafer-opt %s --graph-fuse --split-input-file > %t.1.mlir
// RUN: wafer-opt %t.1.mlir --graph-fuse --split-input-file > %t.2.mlir
// RUN: diff %t.1.mlir %t.2.mlir

// torch.onnx / HF LayerNorm: ReduceMean Sub Pow ReduceMean Add Sqrt Div Mul
// Add; eps comes from the constant.
// CHECK-LABEL: func.func @layer_norm_div(
// CHECK-SAME: %[[X:.*]]: tensor<2x8x16xf32>, %[[W:.*]]: tensor<16xf32>
// CHECK-DAG: %[[S:.*]] = graph.constant dense<1.100000e+00> : tensor<16xf32>
// CHECK-DAG: %[[B:.*]] = graph.constant dense<1.000000e-01> : tensor<16xf32>
// CHECK: %[[LN:.*]] = graph.layer_norm %[[X]], %[[S]], %[[B]] {axis = 2 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
// CHECK-NEXT: return %[[LN]] : tensor<2x8x16xf32>
func.func @layer_norm_div(%x: tensor<2x8x16xf32>, %w: tensor<16xf32>) -> tensor<2x8x16xf32> {
  %two = graph.constant dense<2.0> : tensor<f32>
  %eps = graph.constant dense<1.0e-5> : tensor<f32>
  %scale = graph.constant dense<1.1> : tensor<16xf32>
  %bias = graph.constant dense<0.1> : tensor<16xf32>
  %mean = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d = graph.sub %x, %mean : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %sq = graph.pow %d, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %var = graph.reduce_mean %sq, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %ve = graph.add %var, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %std = graph.sqrt %ve : tensor<2x8x1xf32>
  %n = graph.div %d, %std : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %y = graph.mul %n, %scale : (tensor<2x8x16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
  %z = graph.add %y, %bias : (tensor<2x8x16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
  return %z : tensor<2x8x16xf32>
}

// -----

// The reciprocal spellings: d * Reciprocal(Sqrt(v)), d * Pow(v, -0.5) and
// d * (1 / Sqrt(v)), the square as d * d, eps and parameters on the left; without
// a scale the norm gets ones and without a bias none.
// CHECK-LABEL: func.func @layer_norm_reciprocal_forms(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x8x16xf32>
// CHECK-DAG: %[[ONES:.*]] = graph.constant dense<1.000000e+00> : tensor<16xf32>
// CHECK-DAG: %[[S:.*]] = graph.constant dense<1.100000e+00> : tensor<16xf32>
// CHECK-DAG: %[[B:.*]] = graph.constant dense<1.000000e-01> : tensor<16xf32>
// CHECK: %[[A:.*]] = graph.layer_norm %[[X]], %[[S]], %[[B]] {axis = 2 : i64, epsilon = 9.99999996E-13 : f32}
// CHECK: %[[P:.*]] = graph.layer_norm %[[X]], %[[ONES]] {axis = 2 : i64, epsilon = 9.99999974E-6 : f32}
// CHECK: %[[Q:.*]] = graph.layer_norm %[[X]], %[[S]] {axis = 2 : i64, epsilon = 9.99999974E-6 : f32}
// CHECK-NEXT: return %[[A]], %[[P]], %[[Q]]
// CHECK-NOT: graph.reduce_mean
func.func @layer_norm_reciprocal_forms(%x: tensor<2x8x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>) {
  %one = graph.constant dense<1.0> : tensor<f32>
  %two = graph.constant dense<2.0> : tensor<f32>
  %mhalf = graph.constant dense<-0.5> : tensor<f32>
  %eps12 = graph.constant dense<1.0e-12> : tensor<f32>
  %eps5 = graph.constant dense<1.0e-5> : tensor<f32>
  %scale = graph.constant dense<1.1> : tensor<16xf32>
  %bias = graph.constant dense<0.1> : tensor<16xf32>
  // Reciprocal(Sqrt), then scale * n and bias + y.
  %m0 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d0 = graph.sub %x, %m0 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s0 = graph.mul %d0, %d0 : (tensor<2x8x16xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  %v0 = graph.reduce_mean %s0, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e0 = graph.add %eps12, %v0 : (tensor<f32>, tensor<2x8x1xf32>) -> tensor<2x8x1xf32>
  %r0 = graph.sqrt %e0 : tensor<2x8x1xf32>
  %i0 = graph.reciprocal %r0 : tensor<2x8x1xf32>
  %n0 = graph.mul %i0, %d0 : (tensor<2x8x1xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  %y0 = graph.mul %scale, %n0 : (tensor<16xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  %z0 = graph.add %bias, %y0 : (tensor<16xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  // Pow(v, -0.5), no scale, no bias.
  %m1 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d1 = graph.sub %x, %m1 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s1 = graph.pow %d1, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v1 = graph.reduce_mean %s1, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e1 = graph.add %v1, %eps5 : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %i1 = graph.pow %e1, %mhalf : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %n1 = graph.mul %d1, %i1 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  // 1 / Sqrt, scale but no bias.
  %m2 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d2 = graph.sub %x, %m2 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s2 = graph.pow %d2, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v2 = graph.reduce_mean %s2, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e2 = graph.add %v2, %eps5 : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r2 = graph.sqrt %e2 : tensor<2x8x1xf32>
  %i2 = graph.div %one, %r2 : (tensor<f32>, tensor<2x8x1xf32>) -> tensor<2x8x1xf32>
  %n2 = graph.mul %d2, %i2 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %y2 = graph.mul %n2, %scale : (tensor<2x8x16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
  return %z0, %n1, %y2 : tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>
}

// -----

// Statistics over the two trailing dims give axis 1; the scale [8, 16]
// broadcasts to them.
// CHECK-LABEL: func.func @layer_norm_two_axes(
// CHECK: graph.layer_norm %arg0, %{{.*}} {axis = 1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x8x16xf32>, tensor<8x16xf32>) -> tensor<2x8x16xf32>
// CHECK-NOT: graph.reduce_mean
func.func @layer_norm_two_axes(%x: tensor<2x8x16xf32>) -> tensor<2x8x16xf32> {
  %two = graph.constant dense<2.0> : tensor<f32>
  %eps = graph.constant dense<1.0e-5> : tensor<f32>
  %scale = graph.constant dense<1.1> : tensor<8x16xf32>
  %mean = graph.reduce_mean %x, [1, 2] : tensor<2x8x16xf32> -> tensor<2x1x1xf32>
  %d = graph.sub %x, %mean : (tensor<2x8x16xf32>, tensor<2x1x1xf32>) -> tensor<2x8x16xf32>
  %sq = graph.pow %d, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %var = graph.reduce_mean %sq, [2, 1] : tensor<2x8x16xf32> -> tensor<2x1x1xf32>
  %ve = graph.add %var, %eps : (tensor<2x1x1xf32>, tensor<f32>) -> tensor<2x1x1xf32>
  %std = graph.sqrt %ve : tensor<2x1x1xf32>
  %n = graph.div %d, %std : (tensor<2x8x16xf32>, tensor<2x1x1xf32>) -> tensor<2x8x16xf32>
  %y = graph.mul %n, %scale : (tensor<2x8x16xf32>, tensor<8x16xf32>) -> tensor<2x8x16xf32>
  return %y : tensor<2x8x16xf32>
}

// -----

// What follows the normalizer is absorbed only when it is a parameter: a
// non-constant scale and a full-shape residual stay outside the norm.
// CHECK-LABEL: func.func @layer_norm_epilogue_near_misses(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x8x16xf32>, %[[W:[^:]*]]: tensor<16xf32>, %[[R:[^:]*]]: tensor<2x8x16xf32>
// CHECK: %[[A:.*]] = graph.layer_norm %[[X]], %{{.*}} {axis = 2 : i64, epsilon = 9.99999974E-6 : f32}
// CHECK-NEXT: %[[Y:.*]] = graph.mul %[[A]], %[[W]]
// CHECK: %[[B:.*]] = graph.layer_norm %[[X]], %{{.*}} {axis = 2 : i64, epsilon = 9.99999974E-6 : f32}
// CHECK-NEXT: %[[Z:.*]] = graph.add %[[B]], %[[R]]
// CHECK-NEXT: return %[[Y]], %[[Z]]
func.func @layer_norm_epilogue_near_misses(%x: tensor<2x8x16xf32>, %w: tensor<16xf32>, %res: tensor<2x8x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x8x16xf32>) {
  %two = graph.constant dense<2.0> : tensor<f32>
  %eps = graph.constant dense<1.0e-5> : tensor<f32>
  %m0 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d0 = graph.sub %x, %m0 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s0 = graph.pow %d0, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v0 = graph.reduce_mean %s0, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e0 = graph.add %v0, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r0 = graph.sqrt %e0 : tensor<2x8x1xf32>
  %n0 = graph.div %d0, %r0 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %y0 = graph.mul %n0, %w : (tensor<2x8x16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
  %m1 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d1 = graph.sub %x, %m1 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s1 = graph.pow %d1, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v1 = graph.reduce_mean %s1, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e1 = graph.add %v1, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r1 = graph.sqrt %e1 : tensor<2x8x1xf32>
  %n1 = graph.div %d1, %r1 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %z1 = graph.add %n1, %res : (tensor<2x8x16xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  return %y0, %z1 : tensor<2x8x16xf32>, tensor<2x8x16xf32>
}

// -----

// Near misses, each left whole: the square is a cube; the means reduce a
// leading axis; the two means reduce different axes; eps is an argument;
// the centered value has another user; the variance has another user.
// CHECK-LABEL: func.func @layer_norm_near_misses(
// CHECK-NOT: graph.layer_norm
// CHECK-NOT: graph.rms_norm
// CHECK: return
func.func @layer_norm_near_misses(%x: tensor<2x8x16xf32>, %eps_arg: tensor<f32>) -> (tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x1xf32>) {
  %two = graph.constant dense<2.0> : tensor<f32>
  %three = graph.constant dense<3.0> : tensor<f32>
  %eps = graph.constant dense<1.0e-5> : tensor<f32>
  // Cube instead of square.
  %m0 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d0 = graph.sub %x, %m0 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s0 = graph.pow %d0, %three : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v0 = graph.reduce_mean %s0, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e0 = graph.add %v0, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r0 = graph.sqrt %e0 : tensor<2x8x1xf32>
  %n0 = graph.div %d0, %r0 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  // Statistics over axis 1, which is not trailing.
  %m1 = graph.reduce_mean %x, [1] : tensor<2x8x16xf32> -> tensor<2x1x16xf32>
  %d1 = graph.sub %x, %m1 : (tensor<2x8x16xf32>, tensor<2x1x16xf32>) -> tensor<2x8x16xf32>
  %s1 = graph.pow %d1, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v1 = graph.reduce_mean %s1, [1] : tensor<2x8x16xf32> -> tensor<2x1x16xf32>
  %e1 = graph.add %v1, %eps : (tensor<2x1x16xf32>, tensor<f32>) -> tensor<2x1x16xf32>
  %r1 = graph.sqrt %e1 : tensor<2x1x16xf32>
  %n1 = graph.div %d1, %r1 : (tensor<2x8x16xf32>, tensor<2x1x16xf32>) -> tensor<2x8x16xf32>
  // Mean over [1, 2], variance over [2].
  %m2 = graph.reduce_mean %x, [1, 2] : tensor<2x8x16xf32> -> tensor<2x1x1xf32>
  %d2 = graph.sub %x, %m2 : (tensor<2x8x16xf32>, tensor<2x1x1xf32>) -> tensor<2x8x16xf32>
  %s2 = graph.pow %d2, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v2 = graph.reduce_mean %s2, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e2 = graph.add %v2, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r2 = graph.sqrt %e2 : tensor<2x8x1xf32>
  %n2 = graph.div %d2, %r2 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  // eps is not a constant.
  %m3 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d3 = graph.sub %x, %m3 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s3 = graph.pow %d3, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v3 = graph.reduce_mean %s3, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e3 = graph.add %v3, %eps_arg : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r3 = graph.sqrt %e3 : tensor<2x8x1xf32>
  %n3 = graph.div %d3, %r3 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  // The centered value is also returned.
  %m4 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d4 = graph.sub %x, %m4 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s4 = graph.pow %d4, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v4 = graph.reduce_mean %s4, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e4 = graph.add %v4, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r4 = graph.sqrt %e4 : tensor<2x8x1xf32>
  %n4 = graph.div %d4, %r4 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  // The variance is also returned.
  %m5 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d5 = graph.sub %x, %m5 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s5 = graph.pow %d5, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v5 = graph.reduce_mean %s5, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e5 = graph.add %v5, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r5 = graph.sqrt %e5 : tensor<2x8x1xf32>
  %n5 = graph.div %d5, %r5 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  return %n0, %n1, %n2, %n3, %n4, %d4, %n5, %v5 : tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x1xf32>
}

// -----

// HF LlamaRMSNorm: x * Reciprocal(Sqrt(mean(x^2) + eps)), then weight * y;
// and the Div form without a scale.
// CHECK-LABEL: func.func @rms_norm(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x8x64xf32>
// CHECK-DAG: %[[ONES:.*]] = graph.constant dense<1.000000e+00> : tensor<64xf32>
// CHECK-DAG: %[[W:.*]] = graph.constant dense<1.100000e+00> : tensor<64xf32>
// CHECK: %[[A:.*]] = graph.rms_norm %[[X]], %[[W]] {axis = 2 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<1x8x64xf32>, tensor<64xf32>) -> tensor<1x8x64xf32>
// CHECK: %[[B:.*]] = graph.rms_norm %[[X]], %[[ONES]] {axis = 2 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<1x8x64xf32>, tensor<64xf32>) -> tensor<1x8x64xf32>
// CHECK-NEXT: return %[[A]], %[[B]]
func.func @rms_norm(%x: tensor<1x8x64xf32>) -> (tensor<1x8x64xf32>, tensor<1x8x64xf32>) {
  %two = graph.constant dense<2.0> : tensor<f32>
  %eps = graph.constant dense<1.0e-6> : tensor<f32>
  %w = graph.constant dense<1.1> : tensor<64xf32>
  %sq = graph.pow %x, %two : (tensor<1x8x64xf32>, tensor<f32>) -> tensor<1x8x64xf32>
  %var = graph.reduce_mean %sq, [2] : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  %ve = graph.add %var, %eps : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %std = graph.sqrt %ve : tensor<1x8x1xf32>
  %inv = graph.reciprocal %std : tensor<1x8x1xf32>
  %n = graph.mul %x, %inv : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  %y = graph.mul %w, %n : (tensor<64xf32>, tensor<1x8x64xf32>) -> tensor<1x8x64xf32>
  %sq1 = graph.mul %x, %x : (tensor<1x8x64xf32>, tensor<1x8x64xf32>) -> tensor<1x8x64xf32>
  %var1 = graph.reduce_mean %sq1, [2] : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  %ve1 = graph.add %var1, %eps : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %std1 = graph.sqrt %ve1 : tensor<1x8x1xf32>
  %n1 = graph.div %x, %std1 : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  return %y, %n1 : tensor<1x8x64xf32>, tensor<1x8x64xf32>
}

// -----

// rms_norm near misses: the mean squares another tensor; eps is an
// argument; the root has another user; sqrt where rsqrt is needed
// (x * Sqrt(...)).
// CHECK-LABEL: func.func @rms_norm_near_misses(
// CHECK-NOT: graph.rms_norm
// CHECK: return
func.func @rms_norm_near_misses(%x: tensor<1x8x64xf32>, %other: tensor<1x8x64xf32>, %eps_arg: tensor<f32>) -> (tensor<1x8x64xf32>, tensor<1x8x64xf32>, tensor<1x8x64xf32>, tensor<1x8x1xf32>, tensor<1x8x64xf32>) {
  %two = graph.constant dense<2.0> : tensor<f32>
  %eps = graph.constant dense<1.0e-6> : tensor<f32>
  %sq0 = graph.pow %other, %two : (tensor<1x8x64xf32>, tensor<f32>) -> tensor<1x8x64xf32>
  %var0 = graph.reduce_mean %sq0, [2] : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  %ve0 = graph.add %var0, %eps : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %std0 = graph.sqrt %ve0 : tensor<1x8x1xf32>
  %n0 = graph.div %x, %std0 : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  %sq1 = graph.pow %x, %two : (tensor<1x8x64xf32>, tensor<f32>) -> tensor<1x8x64xf32>
  %var1 = graph.reduce_mean %sq1, [2] : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  %ve1 = graph.add %var1, %eps_arg : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %std1 = graph.sqrt %ve1 : tensor<1x8x1xf32>
  %n1 = graph.div %x, %std1 : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  %sq2 = graph.pow %x, %two : (tensor<1x8x64xf32>, tensor<f32>) -> tensor<1x8x64xf32>
  %var2 = graph.reduce_mean %sq2, [2] : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  %ve2 = graph.add %var2, %eps : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %std2 = graph.sqrt %ve2 : tensor<1x8x1xf32>
  %n2 = graph.div %x, %std2 : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  %sq3 = graph.pow %x, %two : (tensor<1x8x64xf32>, tensor<f32>) -> tensor<1x8x64xf32>
  %var3 = graph.reduce_mean %sq3, [2] : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  %ve3 = graph.add %var3, %eps : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %std3 = graph.sqrt %ve3 : tensor<1x8x1xf32>
  %n3 = graph.mul %x, %std3 : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  return %n0, %n1, %n2, %std2, %n3 : tensor<1x8x64xf32>, tensor<1x8x64xf32>, tensor<1x8x64xf32>, tensor<1x8x1xf32>, tensor<1x8x64xf32>
}
