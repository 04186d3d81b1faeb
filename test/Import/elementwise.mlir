// Elementwise ONNX ops: binary ops with NumPy broadcasting (Max/Min are
// variadic), comparisons to i1, logical ops, unary math, Gelu, Clip, Where,
// Cast, and the pass-through ops Identity and Dropout.

// RUN: split-file %s %t
// RUN: %onnx-text %t/binary.txt -o %t/binary.onnx
// RUN: wafer-translate --import-onnx %t/binary.onnx | FileCheck %s --check-prefix=BIN
// RUN: %onnx-text %t/compare.txt -o %t/compare.onnx
// RUN: wafer-translate --import-onnx %t/compare.onnx | FileCheck %s --check-prefix=CMP
// RUN: %onnx-text %t/unary.txt -o %t/unary.onnx
// RUN: wafer-translate --import-onnx %t/unary.onnx | FileCheck %s --check-prefix=UN
// RUN: %onnx-text %t/int-unary.txt -o %t/int-unary.onnx
// RUN: wafer-translate --import-onnx %t/int-unary.onnx | FileCheck %s --check-prefix=IUN
// RUN: %onnx-text %t/gelu.txt -o %t/gelu.onnx
// RUN: wafer-translate --import-onnx %t/gelu.onnx | FileCheck %s --check-prefix=GELU
// RUN: %onnx-text %t/clip.txt -o %t/clip.onnx
// RUN: wafer-translate --import-onnx %t/clip.onnx | FileCheck %s --check-prefix=CLIP
// RUN: %onnx-text %t/clip-none.txt -o %t/clip-none.onnx
// RUN: wafer-translate --import-onnx %t/clip-none.onnx | FileCheck %s --check-prefix=CLIPNONE
// RUN: %onnx-text %t/where.txt -o %t/where.onnx
// RUN: wafer-translate --import-onnx %t/where.onnx | FileCheck %s --check-prefix=WHERE
// RUN: %onnx-text %t/cast.txt -o %t/cast.onnx
// RUN: wafer-translate --import-onnx %t/cast.onnx | FileCheck %s --check-prefix=CAST
// RUN: %onnx-text %t/identity.txt -o %t/identity.onnx
// RUN: wafer-translate --import-onnx %t/identity.onnx | FileCheck %s --check-prefix=ID
// RUN: %onnx-text %t/dropout.txt -o %t/dropout.onnx
// RUN: wafer-translate --import-onnx %t/dropout.onnx | FileCheck %s --check-prefix=DROPOUT

// BIN-LABEL: func.func @main
// BIN-SAME: %[[X:.*]]: tensor<2x3xf32> {graph.name = "x"}, %[[Y:.*]]: tensor<3xf32> {graph.name = "y"}, %[[I:.*]]: tensor<4x1xi64> {graph.name = "i"}, %[[J:.*]]: tensor<5xi64> {graph.name = "j"}, %[[E:.*]]: tensor<3xi32> {graph.name = "e"})
// BIN-SAME: -> (tensor<2x3xf32> {graph.name = "z"}, tensor<4x5xi64> {graph.name = "k"}, tensor<3xf32> {graph.name = "pw"})
// BIN: %[[A:.*]] = graph.add %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// BIN: %[[S:.*]] = graph.sub %[[A]], %[[Y]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// BIN: %[[M:.*]] = graph.mul %[[Y]], %[[S]] : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// BIN: %[[D:.*]] = graph.div %[[M]], %[[Y]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// BIN: %[[P:.*]] = graph.pow %[[D]], %[[Y]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// Variadic Max/Min fold left to right into binary ops.
// BIN: %[[MX1:.*]] = graph.max %[[P]], %[[Y]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// BIN: %[[MX2:.*]] = graph.max %[[MX1]], %[[X]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// BIN: %[[MN:.*]] = graph.min %[[MX2]], %[[Y]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// Integer arithmetic broadcasts both ways: [4, 1] with [5] gives [4, 5].
// BIN: %[[K:.*]] = graph.add %[[I]], %[[J]] : (tensor<4x1xi64>, tensor<5xi64>) -> tensor<4x5xi64>
// BIN: %[[K2:.*]] = graph.div %[[K]], %[[J]] : (tensor<4x5xi64>, tensor<5xi64>) -> tensor<4x5xi64>
// Pow alone may mix types: its exponent is cast to the base's type.
// BIN: %[[EF:.*]] = graph.cast %[[E]] : tensor<3xi32> -> tensor<3xf32>
// BIN: %[[PW:.*]] = graph.pow %[[Y]], %[[EF]] : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
// BIN: return %[[MN]], %[[K2]], %[[PW]] : tensor<2x3xf32>, tensor<4x5xi64>, tensor<3xf32>

//--- binary.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x, float[3] y, int64[4, 1] i, int64[5] j, int32[3] e) => (float[2, 3] z, int64[4, 5] k, float[3] pw) {
  a = Add(x, y)
  s = Sub(a, y)
  m = Mul(y, s)
  d = Div(m, y)
  p = Pow(d, y)
  mx = Max(p, y, x)
  z = Min(mx, y)
  k0 = Add(i, j)
  k = Div(k0, j)
  pw = Pow(y, e)
}

// CMP-LABEL: func.func @main
// CMP-SAME: %[[X:.*]]: tensor<2x3xf32> {graph.name = "x"}, %[[Y:.*]]: tensor<1x3xf32> {graph.name = "y"}, %[[B:.*]]: tensor<2x3xi1> {graph.name = "b"}
// CMP: %[[EQ:.*]] = graph.equal %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
// CMP: %[[LT:.*]] = graph.less %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
// CMP: %[[LE:.*]] = graph.less_equal %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
// CMP: %[[GT:.*]] = graph.greater %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
// CMP: %[[GE:.*]] = graph.greater_equal %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
// CMP: %[[AND:.*]] = graph.and %[[EQ]], %[[LT]] : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// CMP: %[[OR:.*]] = graph.or %[[AND]], %[[LE]] : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// CMP: %[[OR2:.*]] = graph.or %[[GT]], %[[GE]] : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// Equal is the one comparison that also takes booleans.
// CMP: %[[BEQ:.*]] = graph.equal %[[OR]], %[[B]] : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// CMP: %[[NOT:.*]] = graph.not %[[OR2]] : tensor<2x3xi1>
// CMP: return %[[BEQ]], %[[NOT]] : tensor<2x3xi1>, tensor<2x3xi1>

//--- compare.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x, float[1, 3] y, bool[2, 3] b) => (bool[2, 3] r, bool[2, 3] n) {
  eq = Equal(x, y)
  lt = Less(x, y)
  le = LessOrEqual(x, y)
  gt = Greater(x, y)
  ge = GreaterOrEqual(x, y)
  a = And(eq, lt)
  o = Or(a, le)
  o2 = Or(gt, ge)
  r = Equal(o, b)
  n = Not(o2)
}

// UN-LABEL: func.func @main
// UN-SAME: %[[X:.*]]: tensor<4xf16> {graph.name = "x"}
// UN: %[[A:.*]] = graph.neg %[[X]] : tensor<4xf16>
// UN: %[[B:.*]] = graph.abs %[[A]] : tensor<4xf16>
// UN: %[[C:.*]] = graph.sqrt %[[B]] : tensor<4xf16>
// UN: %[[D:.*]] = graph.reciprocal %[[C]] : tensor<4xf16>
// UN: %[[E:.*]] = graph.exp %[[D]] : tensor<4xf16>
// UN: %[[F:.*]] = graph.log %[[E]] : tensor<4xf16>
// UN: %[[G:.*]] = graph.erf %[[F]] : tensor<4xf16>
// UN: %[[H:.*]] = graph.tanh %[[G]] : tensor<4xf16>
// UN: %[[I:.*]] = graph.sigmoid %[[H]] : tensor<4xf16>
// UN: %[[J:.*]] = graph.cos %[[I]] : tensor<4xf16>
// UN: %[[K:.*]] = graph.sin %[[J]] : tensor<4xf16>
// UN: %[[L:.*]] = graph.relu %[[K]] : tensor<4xf16>
// UN: return %[[L]] : tensor<4xf16>

//--- unary.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float16[4] x) => (float16[4] y) {
  a = Neg(x)
  b = Abs(a)
  c = Sqrt(b)
  d = Reciprocal(c)
  e = Exp(d)
  f = Log(e)
  g1 = Erf(f)
  h = Tanh(g1)
  i = Sigmoid(h)
  j = Cos(i)
  k = Sin(j)
  y = Relu(k)
}

// Neg, Abs and Relu also take integers.
// IUN-LABEL: func.func @main
// IUN-SAME: %[[X:.*]]: tensor<4xi32> {graph.name = "x"}
// IUN: %[[A:.*]] = graph.neg %[[X]] : tensor<4xi32>
// IUN: %[[B:.*]] = graph.abs %[[A]] : tensor<4xi32>
// IUN: %[[C:.*]] = graph.relu %[[B]] : tensor<4xi32>
// IUN: return %[[C]] : tensor<4xi32>

//--- int-unary.txt
<ir_version: 8, opset_import: ["" : 17]>
g (int32[4] x) => (int32[4] y) {
  a = Neg(x)
  b = Abs(a)
  y = Relu(b)
}

// GELU-LABEL: func.func @main
// GELU-SAME: %[[X:.*]]: tensor<2x8xbf16>
// GELU: %[[A:.*]] = graph.gelu %[[X]] : tensor<2x8xbf16>
// GELU: %[[B:.*]] = graph.gelu %[[A]] approximate(tanh) : tensor<2x8xbf16>
// GELU: return %[[B]]

//--- gelu.txt
<ir_version: 8, opset_import: ["" : 20]>
g (bfloat16[2, 8] x) => (bfloat16[2, 8] y) {
  a = Gelu(x)
  y = Gelu <approximate = "tanh"> (a)
}

// Clip becomes max(x, lo) then min(_, hi); with only a max bound, just min.
// CLIP-LABEL: func.func @main
// CLIP-SAME: %[[X:.*]]: tensor<2x3xf32>
// CLIP-DAG: %[[LO:.*]] = graph.constant dense<-1.000000e+00> : tensor<f32>
// CLIP-DAG: %[[HI:.*]] = graph.constant dense<6.000000e+00> : tensor<f32>
// CLIP: %[[A:.*]] = graph.max %[[X]], %[[LO]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CLIP: %[[B:.*]] = graph.min %[[A]], %[[HI]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CLIP: %[[C:.*]] = graph.min %[[B]], %[[HI]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CLIP-NOT: graph.max
// CLIP: return %[[C]]

//--- clip.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x) => (float[2, 3] y) {
  lo = Constant <value = float {-1.0}> ()
  hi = Constant <value = float {6.0}> ()
  a = Clip(x, lo, hi)
  y = Clip(a, , hi)
}

// Clip without bounds is the identity.
// CLIPNONE-LABEL: func.func @main
// CLIPNONE-SAME: (%[[X:.*]]: tensor<3xf32> {graph.name = "x"})
// CLIPNONE-NEXT: return %[[X]] : tensor<3xf32>

//--- clip-none.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[3] x) => (float[3] y) {
  y = Clip(x)
}

// Where broadcasts the condition and both branches together.
// WHERE-LABEL: func.func @main
// WHERE-SAME: %[[C:.*]]: tensor<1x4xi1> {graph.name = "c"}, %[[A:.*]]: tensor<3x1xf32> {graph.name = "a"}, %[[B:.*]]: tensor<f32> {graph.name = "b"}
// WHERE: %[[W:.*]] = graph.where %[[C]], %[[A]], %[[B]] : (tensor<1x4xi1>, tensor<3x1xf32>, tensor<f32>) -> tensor<3x4xf32>
// WHERE: return %[[W]] : tensor<3x4xf32>

//--- where.txt
<ir_version: 8, opset_import: ["" : 17]>
g (bool[1, 4] c, float[3, 1] a, float b) => (float[3, 4] y) {
  y = Where(c, a, b)
}

// CAST-LABEL: func.func @main
// CAST-SAME: %[[X:.*]]: tensor<2x2xf32>
// CAST: %[[A:.*]] = graph.cast %[[X]] : tensor<2x2xf32> -> tensor<2x2xf16>
// CAST: %[[B:.*]] = graph.cast %[[A]] : tensor<2x2xf16> -> tensor<2x2xi64>
// CAST: %[[C:.*]] = graph.cast %[[B]] : tensor<2x2xi64> -> tensor<2x2xi1>
// CAST: %[[D:.*]] = graph.cast %[[C]] : tensor<2x2xi1> -> tensor<2x2xbf16>
// CAST: %[[E:.*]] = graph.cast %[[D]] : tensor<2x2xbf16> -> tensor<2x2xi32>
// CAST: %[[F:.*]] = graph.cast %[[E]] : tensor<2x2xi32> -> tensor<2x2xf64>
// A cast to the same type folds away.
// CAST-NOT: graph.cast
// CAST: return %[[F]] : tensor<2x2xf64>

//--- cast.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 2] x) => (double[2, 2] y) {
  a = Cast <to = 10> (x)
  b = Cast <to = 7> (a)
  c = Cast <to = 9> (b)
  d = Cast <to = 16> (c)
  e = Cast <to = 6> (d)
  f = Cast <to = 11> (e)
  y = Cast <to = 11> (f)
}

// Identity and Dropout (inference) forward their input.
// ID-LABEL: func.func @main
// ID-SAME: (%[[X:.*]]: tensor<2x3xf32> {graph.name = "x"})
// ID-NEXT: %[[R:.*]] = graph.relu %[[X]] : tensor<2x3xf32>
// ID-NEXT: return %[[R]] : tensor<2x3xf32>

//--- identity.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x) => (float[2, 3] y) {
  a = Identity(x)
  b = Dropout(a)
  c = Relu(b)
  y = Identity(c)
}

// Dropout in inference (training_mode false, the default) and in training
// with ratio 0 passes X through; its mask is all true.
// DROPOUT-LABEL: func.func @main
// DROPOUT-SAME: (%[[X:.*]]: tensor<2xf32> {graph.name = "x"})
// DROPOUT: %[[M:.*]] = graph.constant dense<true> : tensor<2xi1>
// DROPOUT: %[[M2:.*]] = graph.constant dense<true> : tensor<2xi1>
// DROPOUT: return %[[X]], %[[M]], %[[X]], %[[M2]] : tensor<2xf32>, tensor<2xi1>, tensor<2xf32>, tensor<2xi1>
//--- dropout.txt
<ir_version: 10, opset_import: ["" : 25]>
g (float[2] x) => (float[2] y, bool[2] mask, float[2] z, bool[2] mask2) {
  y, mask = Dropout(x)
  r = Constant <value = float {0.0}> ()
  t = Constant <value = bool {1}> ()
  z, mask2 = Dropout(x, r, t)
}
