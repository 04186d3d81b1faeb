// graph-fuse, activations: GELU (erf and tanh forms, in the operand orders
// torch.onnx and HF emit) and SiLU, and near misses (wrong constants,
// another value, intermediates with other users) left as they are.

// RUN: wafer-opt %s --graph-fuse --split-input-file | FileCheck %s

// torch F.gelu at opset < 20: x * 0.5 * (1 + erf(x / sqrt(2))) as
// Div Erf Add Mul Mul, here with ((x * (1 + e)) * 0.5).
// CHECK-LABEL: func.func @gelu_erf_torch(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x8xf32>
// CHECK-NEXT: %[[G:.*]] = graph.gelu %[[X]] : tensor<2x8xf32>
// CHECK-NEXT: return %[[G]] : tensor<2x8xf32>
func.func @gelu_erf_torch(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %sqrt2 = graph.constant dense<1.41421354> : tensor<f32>
  %one = graph.constant dense<1.0> : tensor<f32>
  %half = graph.constant dense<0.5> : tensor<f32>
  %d = graph.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %e = graph.erf %d : tensor<2x8xf32>
  %a = graph.add %e, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %m = graph.mul %x, %a : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = graph.mul %m, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// -----

// The other orders: x * ((1 + e) * 0.5) and (0.5 * x) * (1 + e), and the
// erf argument as x * (1 / sqrt(2)).
// CHECK-LABEL: func.func @gelu_erf_orders(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x8xf32>
// CHECK-NEXT: %[[A:.*]] = graph.gelu %[[X]] : tensor<2x8xf32>
// CHECK-NEXT: %[[B:.*]] = graph.gelu %[[X]] : tensor<2x8xf32>
// CHECK-NEXT: return %[[A]], %[[B]]
func.func @gelu_erf_orders(%x: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>) {
  %sqrt2 = graph.constant dense<1.41421354> : tensor<f32>
  %rsqrt2 = graph.constant dense<0.707106769> : tensor<f32>
  %one = graph.constant dense<1.0> : tensor<f32>
  %half = graph.constant dense<0.5> : tensor<f32>
  %d0 = graph.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %e0 = graph.erf %d0 : tensor<2x8xf32>
  %a0 = graph.add %one, %e0 : (tensor<f32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %h0 = graph.mul %a0, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %y0 = graph.mul %x, %h0 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %d1 = graph.mul %rsqrt2, %x : (tensor<f32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %e1 = graph.erf %d1 : tensor<2x8xf32>
  %a1 = graph.add %e1, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %h1 = graph.mul %half, %x : (tensor<f32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y1 = graph.mul %h1, %a1 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %y0, %y1 : tensor<2x8xf32>, tensor<2x8xf32>
}

// -----

// Exact-GELU near misses: x / 2 inside erf; 0.6 instead of 0.5; 1 + erf of
// another tensor's scaling (y / sqrt(2)) times x; the erf also returned.
// CHECK-LABEL: func.func @gelu_erf_near_misses(
// CHECK-NOT: graph.gelu
// CHECK: return
func.func @gelu_erf_near_misses(%x: tensor<2x8xf32>, %z: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>) {
  %two = graph.constant dense<2.0> : tensor<f32>
  %sqrt2 = graph.constant dense<1.41421354> : tensor<f32>
  %one = graph.constant dense<1.0> : tensor<f32>
  %half = graph.constant dense<0.5> : tensor<f32>
  %bad = graph.constant dense<0.6> : tensor<f32>
  %d0 = graph.div %x, %two : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %e0 = graph.erf %d0 : tensor<2x8xf32>
  %a0 = graph.add %e0, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %m0 = graph.mul %x, %a0 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y0 = graph.mul %m0, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d1 = graph.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %e1 = graph.erf %d1 : tensor<2x8xf32>
  %a1 = graph.add %e1, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %m1 = graph.mul %x, %a1 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y1 = graph.mul %m1, %bad : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d2 = graph.div %z, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %e2 = graph.erf %d2 : tensor<2x8xf32>
  %a2 = graph.add %e2, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %m2 = graph.mul %x, %a2 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y2 = graph.mul %m2, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d3 = graph.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %e3 = graph.erf %d3 : tensor<2x8xf32>
  %a3 = graph.add %e3, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %m3 = graph.mul %x, %a3 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y3 = graph.mul %m3, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y0, %y1, %y2, %y3, %e3 : tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>
}

// -----

// HF NewGELUActivation (GPT-2):
// 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3))), with the
// constants as torch.onnx folds them (0.797884583); and with x^3 as
// x * (x * x) and the outer product as (x * (1 + t)) * 0.5.
// CHECK-LABEL: func.func @gelu_tanh(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x8x32xf32>
// CHECK-NEXT: %[[A:.*]] = graph.gelu %[[X]] approximate(tanh) : tensor<1x8x32xf32>
// CHECK-NEXT: %[[B:.*]] = graph.gelu %[[X]] approximate(tanh) : tensor<1x8x32xf32>
// CHECK-NEXT: return %[[A]], %[[B]]
func.func @gelu_tanh(%x: tensor<1x8x32xf32>) -> (tensor<1x8x32xf32>, tensor<1x8x32xf32>) {
  %half = graph.constant dense<0.5> : tensor<f32>
  %three = graph.constant dense<3.0> : tensor<f32>
  %c = graph.constant dense<0.044715> : tensor<f32>
  %k = graph.constant dense<0.797884583> : tensor<f32>
  %one = graph.constant dense<1.0> : tensor<f32>
  %h = graph.mul %half, %x : (tensor<f32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %cube = graph.pow %x, %three : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %cc = graph.mul %c, %cube : (tensor<f32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %in = graph.add %x, %cc : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %s = graph.mul %k, %in : (tensor<f32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %t = graph.tanh %s : tensor<1x8x32xf32>
  %a = graph.add %one, %t : (tensor<f32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %y = graph.mul %h, %a : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %sq1 = graph.mul %x, %x : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %cube1 = graph.mul %x, %sq1 : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %cc1 = graph.mul %cube1, %c : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %in1 = graph.add %cc1, %x : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %s1 = graph.mul %in1, %k : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %t1 = graph.tanh %s1 : tensor<1x8x32xf32>
  %a1 = graph.add %t1, %one : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %m1 = graph.mul %x, %a1 : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %y1 = graph.mul %m1, %half : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  return %y, %y1 : tensor<1x8x32xf32>, tensor<1x8x32xf32>
}

// -----

// tanh-GELU near misses: coefficient 0.05 instead of 0.044715; sqrt(2/pi)
// replaced by 0.75; x^2 instead of x^3; the cube term shared with another
// user.
// CHECK-LABEL: func.func @gelu_tanh_near_misses(
// CHECK-NOT: graph.gelu
// CHECK: return
func.func @gelu_tanh_near_misses(%x: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) {
  %half = graph.constant dense<0.5> : tensor<f32>
  %two = graph.constant dense<2.0> : tensor<f32>
  %three = graph.constant dense<3.0> : tensor<f32>
  %c = graph.constant dense<0.044715> : tensor<f32>
  %c_bad = graph.constant dense<0.05> : tensor<f32>
  %k = graph.constant dense<0.797884583> : tensor<f32>
  %k_bad = graph.constant dense<0.75> : tensor<f32>
  %one = graph.constant dense<1.0> : tensor<f32>
  // 0.05 x^3
  %h0 = graph.mul %x, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %p0 = graph.pow %x, %three : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %q0 = graph.mul %p0, %c_bad : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %i0 = graph.add %x, %q0 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %s0 = graph.mul %i0, %k : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %t0 = graph.tanh %s0 : tensor<8xf32>
  %a0 = graph.add %t0, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y0 = graph.mul %h0, %a0 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  // 0.75 * (...)
  %h1 = graph.mul %x, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %p1 = graph.pow %x, %three : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %q1 = graph.mul %p1, %c : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %i1 = graph.add %x, %q1 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %s1 = graph.mul %i1, %k_bad : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %t1 = graph.tanh %s1 : tensor<8xf32>
  %a1 = graph.add %t1, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y1 = graph.mul %h1, %a1 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  // x^2
  %h2 = graph.mul %x, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %p2 = graph.pow %x, %two : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %q2 = graph.mul %p2, %c : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %i2 = graph.add %x, %q2 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %s2 = graph.mul %i2, %k : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %t2 = graph.tanh %s2 : tensor<8xf32>
  %a2 = graph.add %t2, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y2 = graph.mul %h2, %a2 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  // x^3 also returned
  %h3 = graph.mul %x, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %p3 = graph.pow %x, %three : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %q3 = graph.mul %p3, %c : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %i3 = graph.add %x, %q3 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %s3 = graph.mul %i3, %k : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %t3 = graph.tanh %s3 : tensor<8xf32>
  %a3 = graph.add %t3, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y3 = graph.mul %h3, %a3 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %y0, %y1, %y2, %y3, %p3 : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>
}

// -----

// f16 constants are rounded to f16 (sqrt(2) = 1.4140625): still a GELU.
// CHECK-LABEL: func.func @gelu_erf_f16(
// CHECK-NEXT: graph.gelu %arg0 : tensor<4xf16>
func.func @gelu_erf_f16(%x: tensor<4xf16>) -> tensor<4xf16> {
  %sqrt2 = graph.constant dense<1.4140625> : tensor<f16>
  %one = graph.constant dense<1.0> : tensor<f16>
  %half = graph.constant dense<0.5> : tensor<f16>
  %d = graph.div %x, %sqrt2 : (tensor<4xf16>, tensor<f16>) -> tensor<4xf16>
  %e = graph.erf %d : tensor<4xf16>
  %a = graph.add %e, %one : (tensor<4xf16>, tensor<f16>) -> tensor<4xf16>
  %m = graph.mul %x, %a : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %y = graph.mul %m, %half : (tensor<4xf16>, tensor<f16>) -> tensor<4xf16>
  return %y : tensor<4xf16>
}

// -----

// SiLU as torch exports it (Sigmoid then Mul), in both operand orders.
// CHECK-LABEL: func.func @silu(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x8x16xf32>
// CHECK-NEXT: %[[A:.*]] = graph.silu %[[X]] : tensor<1x8x16xf32>
// CHECK-NEXT: %[[B:.*]] = graph.silu %[[X]] : tensor<1x8x16xf32>
// CHECK-NEXT: return %[[A]], %[[B]]
func.func @silu(%x: tensor<1x8x16xf32>) -> (tensor<1x8x16xf32>, tensor<1x8x16xf32>) {
  %s = graph.sigmoid %x : tensor<1x8x16xf32>
  %y = graph.mul %x, %s : (tensor<1x8x16xf32>, tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
  %s1 = graph.sigmoid %x : tensor<1x8x16xf32>
  %y1 = graph.mul %s1, %x : (tensor<1x8x16xf32>, tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
  return %y, %y1 : tensor<1x8x16xf32>, tensor<1x8x16xf32>
}

// -----

// SiLU near misses: a GLU-style gate (z * sigmoid(x)); a sigmoid that is
// also returned.
// CHECK-LABEL: func.func @silu_near_misses(
// CHECK-NOT: graph.silu
// CHECK: return
func.func @silu_near_misses(%x: tensor<8xf32>, %z: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) {
  %s0 = graph.sigmoid %x : tensor<8xf32>
  %y0 = graph.mul %z, %s0 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %s1 = graph.sigmoid %x : tensor<8xf32>
  %y1 = graph.mul %x, %s1 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %y0, %y1, %s1 : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>
}
