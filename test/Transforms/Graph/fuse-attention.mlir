// graph-fuse, attention: MatMul(Softmax(mask(scale * Q K^T)), V) in the
// spellings of BERT (additive padding mask), GPT-2 (K pre-transposed,
// causal Where) and Llama (causal additive mask, repeat_kv for grouped
// query heads), and near misses left alone.

// RUN: wafer-opt %s --graph-fuse --split-input-file | FileCheck %s
// RUN: wafer-opt %s --graph-fuse=attention=false --split-input-file | FileCheck %s --check-prefix=OFF
// OFF-NOT: graph.attention

// BERT: K^T = Transpose(K, [0, 1, 3, 2]), Div by sqrt(head_dim), Add of the
// [B, 1, 1, L] padding mask, which becomes the mask operand.
// CHECK-LABEL: func.func @bert(
// CHECK-SAME: %[[Q:[^:]*]]: tensor<1x2x4x8xf32>, %[[K:[^:]*]]: tensor<1x2x4x8xf32>, %[[V:[^:]*]]: tensor<1x2x4x8xf32>, %[[M:[^:]*]]: tensor<1x1x1x4xf32>
// CHECK-NEXT: %[[O:.*]] = graph.attention %[[Q]], %[[K]], %[[V]], %[[M]] {scale = 0.353553385 : f32} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x1x1x4xf32>) -> tensor<1x2x4x8xf32>
// CHECK-NEXT: return %[[O]]
func.func @bert(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>, %mask: tensor<1x1x1x4xf32>) -> tensor<1x2x4x8xf32> {
  %sqrt_d = graph.constant dense<2.82842708> : tensor<f32>
  %kt = graph.transpose %k, [0, 1, 3, 2] : tensor<1x2x4x8xf32> -> tensor<1x2x8x4xf32>
  %s = graph.matmul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %sc = graph.div %s, %sqrt_d : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %sm = graph.add %sc, %mask : (tensor<1x2x4x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x2x4x4xf32>
  %p = graph.softmax %sm {axis = 3 : i64} : tensor<1x2x4x4xf32>
  %o = graph.matmul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// GPT-2: K^T taken straight from the [B, S, H, D] projection with perm
// [0, 2, 3, 1], so K is that projection under [0, 2, 1, 3]; the causal
// mask is Where(tril, scores, finfo.min).
// CHECK-LABEL: func.func @gpt2(
// CHECK-SAME: %[[Q:[^:]*]]: tensor<1x2x4x8xf32>, %[[KP:[^:]*]]: tensor<1x4x2x8xf32>, %[[V:[^:]*]]: tensor<1x2x4x8xf32>
// CHECK: %[[K:.*]] = graph.transpose %[[KP]], [0, 2, 1, 3] : tensor<1x4x2x8xf32> -> tensor<1x2x4x8xf32>
// CHECK-NEXT: %[[O:.*]] = graph.attention %[[Q]], %[[K]], %[[V]] {is_causal = true, scale = 0.353553385 : f32} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
// CHECK-NEXT: return %[[O]]
// CHECK-NOT: graph.where
func.func @gpt2(%q: tensor<1x2x4x8xf32>, %kp: tensor<1x4x2x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %sqrt_d = graph.constant dense<2.82842708> : tensor<f32>
  %min = graph.constant dense<-3.40282347E+38> : tensor<f32>
  %tril = graph.constant dense<[[[[true, false, false, false], [true, true, false, false], [true, true, true, false], [true, true, true, true]]]]> : tensor<1x1x4x4xi1>
  %kt = graph.transpose %kp, [0, 2, 3, 1] : tensor<1x4x2x8xf32> -> tensor<1x2x8x4xf32>
  %s = graph.matmul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %sc = graph.div %s, %sqrt_d : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %sm = graph.where %tril, %sc, %min : (tensor<1x1x4x4xi1>, tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %p = graph.softmax %sm {axis = 3 : i64} : tensor<1x2x4x4xf32>
  %o = graph.matmul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Llama: K and V with 2 heads repeated to 4 by repeat_kv (Reshape, Expand,
// Reshape), Mul by head_dim^-0.5, Add of triu(finfo.min, 1): grouped-query
// attention on the un-repeated K and V, causal.
// CHECK-LABEL: func.func @llama_gqa(
// CHECK-SAME: %[[Q:[^:]*]]: tensor<1x4x4x8xf32>, %[[K:[^:]*]]: tensor<1x2x4x8xf32>, %[[V:[^:]*]]: tensor<1x2x4x8xf32>
// CHECK-NEXT: %[[O:.*]] = graph.attention %[[Q]], %[[K]], %[[V]] {is_causal = true, scale = 0.353553385 : f32} : (tensor<1x4x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32>
// CHECK-NEXT: return %[[O]]
func.func @llama_gqa(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %scale = graph.constant dense<0.353553385> : tensor<f32>
  %mask = graph.constant dense<[[[[0.0, -3.40282347E+38, -3.40282347E+38, -3.40282347E+38], [0.0, 0.0, -3.40282347E+38, -3.40282347E+38], [0.0, 0.0, 0.0, -3.40282347E+38], [0.0, 0.0, 0.0, 0.0]]]]> : tensor<1x1x4x4xf32>
  %k1 = graph.reshape %k : tensor<1x2x4x8xf32> -> tensor<1x2x1x4x8xf32>
  %k2 = graph.expand %k1 : tensor<1x2x1x4x8xf32> -> tensor<1x2x2x4x8xf32>
  %k3 = graph.reshape %k2 : tensor<1x2x2x4x8xf32> -> tensor<1x4x4x8xf32>
  %v1 = graph.reshape %v : tensor<1x2x4x8xf32> -> tensor<1x2x1x4x8xf32>
  %v2 = graph.expand %v1 : tensor<1x2x1x4x8xf32> -> tensor<1x2x2x4x8xf32>
  %v3 = graph.reshape %v2 : tensor<1x2x2x4x8xf32> -> tensor<1x4x4x8xf32>
  %kt = graph.transpose %k3, [0, 1, 3, 2] : tensor<1x4x4x8xf32> -> tensor<1x4x8x4xf32>
  %s = graph.matmul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %sc = graph.mul %s, %scale : (tensor<1x4x4x4xf32>, tensor<f32>) -> tensor<1x4x4x4xf32>
  %sm = graph.add %sc, %mask : (tensor<1x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<1x4x4x4xf32>
  %p = graph.softmax %sm {axis = 3 : i64} : tensor<1x4x4x4xf32>
  %o = graph.matmul %p, %v3 : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// The scale applied to Q (* 0.5) and K (/ 2) before the product multiplies
// up to 0.25; K^T is an operand, so K is transposed back; no mask.
// CHECK-LABEL: func.func @prescaled_no_mask(
// CHECK-SAME: %[[Q:[^:]*]]: tensor<1x2x4x8xf32>, %[[KT:[^:]*]]: tensor<1x2x8x4xf32>, %[[V:[^:]*]]: tensor<1x2x4x8xf32>
// CHECK: %[[K:.*]] = graph.transpose %[[KT]], [0, 1, 3, 2] : tensor<1x2x8x4xf32> -> tensor<1x2x4x8xf32>
// CHECK-NEXT: %[[O:.*]] = graph.attention %[[Q]], %[[K]], %[[V]] {scale = 2.500000e-01 : f32}
// CHECK-NEXT: return %[[O]]
func.func @prescaled_no_mask(%q: tensor<1x2x4x8xf32>, %kt: tensor<1x2x8x4xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %half = graph.constant dense<0.5> : tensor<f32>
  %two = graph.constant dense<2.0> : tensor<f32>
  %qs = graph.mul %half, %q : (tensor<f32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  %ks = graph.div %kt, %two : (tensor<1x2x8x4xf32>, tensor<f32>) -> tensor<1x2x8x4xf32>
  %s = graph.matmul %qs, %ks : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %p = graph.softmax %s {axis = 3 : i64} : tensor<1x2x4x4xf32>
  %o = graph.matmul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Two queries against four keys: the causal triangle is offset by L - S = 2
// (query i sees keys j <= i + 2), which is graph.attention's is_causal. A
// constant additive mask that is not that triangle (here the last query
// also masks key 0) stays a mask operand.
// CHECK-LABEL: func.func @constant_masks(
// CHECK-SAME: %[[Q:[^:]*]]: tensor<1x2x2x8xf32>, %[[K:[^:]*]]: tensor<1x2x4x8xf32>, %[[V:[^:]*]]: tensor<1x2x4x8xf32>
// CHECK-DAG: %[[NC:.*]] = graph.constant dense<{{\[\[\[\[}}0.000000e+00, 0.000000e+00, 0.000000e+00, -1.000000e+09], [-1.000000e+09, 0.000000e+00, 0.000000e+00, 0.000000e+00]]]]> : tensor<1x1x2x4xf32>
// CHECK: %[[A:.*]] = graph.attention %[[Q]], %[[K]], %[[V]] {is_causal = true, scale = 1.000000e+00 : f32}
// CHECK-NEXT: %[[B:.*]] = graph.attention %[[Q]], %[[K]], %[[V]], %[[NC]] {scale = 1.000000e+00 : f32}
// CHECK-NEXT: return %[[A]], %[[B]]
func.func @constant_masks(%q: tensor<1x2x2x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> (tensor<1x2x2x8xf32>, tensor<1x2x2x8xf32>) {
  %causal = graph.constant dense<[[[[0.0, 0.0, 0.0, -1.0e9], [0.0, 0.0, 0.0, 0.0]]]]> : tensor<1x1x2x4xf32>
  %other = graph.constant dense<[[[[0.0, 0.0, 0.0, -1.0e9], [-1.0e9, 0.0, 0.0, 0.0]]]]> : tensor<1x1x2x4xf32>
  %kt0 = graph.transpose %k, [0, 1, 3, 2] : tensor<1x2x4x8xf32> -> tensor<1x2x8x4xf32>
  %s0 = graph.matmul %q, %kt0 : (tensor<1x2x2x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x2x4xf32>
  %m0 = graph.add %causal, %s0 : (tensor<1x1x2x4xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
  %p0 = graph.softmax %m0 {axis = 3 : i64} : tensor<1x2x2x4xf32>
  %o0 = graph.matmul %p0, %v : (tensor<1x2x2x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x2x8xf32>
  %kt1 = graph.transpose %k, [0, 1, 3, 2] : tensor<1x2x4x8xf32> -> tensor<1x2x8x4xf32>
  %s1 = graph.matmul %q, %kt1 : (tensor<1x2x2x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x2x4xf32>
  %m1 = graph.add %s1, %other : (tensor<1x2x2x4xf32>, tensor<1x1x2x4xf32>) -> tensor<1x2x2x4xf32>
  %p1 = graph.softmax %m1 {axis = 3 : i64} : tensor<1x2x2x4xf32>
  %o1 = graph.matmul %p1, %v : (tensor<1x2x2x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x2x8xf32>
  return %o0, %o1 : tensor<1x2x2x8xf32>, tensor<1x2x2x8xf32>
}

// -----

// A repeat that is not repeat_kv (Concat of the two-head K and V with
// themselves) cannot be undone: the attention reads the repeated 4 heads.
// CHECK-LABEL: func.func @unrecognized_repeat(
// CHECK: %[[KR:.*]] = graph.concat
// CHECK-NEXT: %[[VR:.*]] = graph.concat
// CHECK-NEXT: graph.attention %{{.*}}, %[[KR]], %[[VR]] {scale = 1.000000e+00 : f32} : (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
func.func @unrecognized_repeat(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %kr = graph.concat %k, %k {axis = 1 : i64} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32>
  %vr = graph.concat %v, %v {axis = 1 : i64} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32>
  %kt = graph.transpose %kr, [0, 1, 3, 2] : tensor<1x4x4x8xf32> -> tensor<1x4x8x4xf32>
  %s = graph.matmul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = graph.softmax %s {axis = 3 : i64} : tensor<1x4x4x4xf32>
  %o = graph.matmul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// Near misses, each left decomposed: softmax over the queries (axis 2); a
// Where whose condition is the upper triangle; a Where whose fill is -1;
// scores that are also returned; probabilities that are also returned; a
// scale that is not a constant; P @ V with P on the right.
// CHECK-LABEL: func.func @near_misses(
// CHECK-NOT: graph.attention
// CHECK: return
func.func @near_misses(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>, %sarg: tensor<f32>, %vt: tensor<1x2x8x4xf32>) -> (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) {
  %min = graph.constant dense<-3.40282347E+38> : tensor<f32>
  %mone = graph.constant dense<-1.0> : tensor<f32>
  %tril = graph.constant dense<[[[[true, false, false, false], [true, true, false, false], [true, true, true, false], [true, true, true, true]]]]> : tensor<1x1x4x4xi1>
  %triu = graph.constant dense<[[[[true, true, true, true], [false, true, true, true], [false, false, true, true], [false, false, false, true]]]]> : tensor<1x1x4x4xi1>
  %kt = graph.transpose %k, [0, 1, 3, 2] : tensor<1x2x4x8xf32> -> tensor<1x2x8x4xf32>
  // Softmax over axis 2.
  %s0 = graph.matmul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %p0 = graph.softmax %s0 {axis = 2 : i64} : tensor<1x2x4x4xf32>
  %o0 = graph.matmul %p0, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  // Where with the upper triangle.
  %s1 = graph.matmul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %w1 = graph.where %triu, %s1, %min : (tensor<1x1x4x4xi1>, tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %p1 = graph.softmax %w1 {axis = 3 : i64} : tensor<1x2x4x4xf32>
  %o1 = graph.matmul %p1, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  // Where filling with -1: not a mask.
  %s2 = graph.matmul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %w2 = graph.where %tril, %s2, %mone : (tensor<1x1x4x4xi1>, tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %p2 = graph.softmax %w2 {axis = 3 : i64} : tensor<1x2x4x4xf32>
  %o2 = graph.matmul %p2, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  // Scores also returned.
  %s3 = graph.matmul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %p3 = graph.softmax %s3 {axis = 3 : i64} : tensor<1x2x4x4xf32>
  %o3 = graph.matmul %p3, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  // Probabilities also returned.
  %s4 = graph.matmul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %p4 = graph.softmax %s4 {axis = 3 : i64} : tensor<1x2x4x4xf32>
  %o4 = graph.matmul %p4, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  // Divided by an argument.
  %s5 = graph.matmul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %d5 = graph.div %s5, %sarg : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %p5 = graph.softmax %d5 {axis = 3 : i64} : tensor<1x2x4x4xf32>
  %o5 = graph.matmul %p5, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  // V^T @ P: the probabilities on the right.
  %s6 = graph.matmul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %p6 = graph.softmax %s6 {axis = 3 : i64} : tensor<1x2x4x4xf32>
  %o6 = graph.matmul %vt, %p6 : (tensor<1x2x8x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x8x4xf32>
  return %o0, %o1, %o2, %o3, %s3, %o4, %p4, %o5, %o6 : tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>
}
