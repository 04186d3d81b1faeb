//===- GraphOps.td - graph dialect operations ----------------*- tablegen -*-===//

#ifndef WAFER_GRAPH_OPS
#define WAFER_GRAPH_OPS

include "Graph/GraphAttrs.td"
include "Graph/GraphDialect.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"

//===----------------------------------------------------------------------===//
// Constants and data movement
//===----------------------------------------------------------------------===//

def Graph_ConstantOp : Graph_Op<"constant", [ConstantLike, Pure,
    AllTypesMatch<["value", "output"]>]> {
  let summary = "A constant tensor: a weight or a folded shape computation";
  let description = [{
    Weights are `dense_resource` blobs (printed elided by default); small
    constants such as folded shapes are plain `dense` attributes.

    ```mlir
    %w = graph.constant dense_resource<wte> : tensor<256x64xf32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
}

def Graph_ShapeOp : Graph_Op<"shape", [Pure]> {
  let summary = "The static shape of a tensor as a 1-D i64 tensor";
  let description = [{
    ONNX `Shape` with its `start`/`end` window. Every tensor in the graph
    dialect has a static shape, so this op always folds to a constant.
  }];
  let arguments = (ins Graph_Tensor:$input,
                       DefaultValuedAttr<I64Attr, "0">:$start,
                       OptionalAttr<I64Attr>:$end);
  let results = (outs StaticShapeTensorOf<[I64]>:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Graph_RangeOp : Graph_Op<"range", [Pure]> {
  let summary = "start, start + delta, ... as a 1-D tensor";
  let description = [{
    ONNX `Range` once its limit is known; the length is the result's size.
  }];
  let arguments = (ins TypedAttrInterface:$start, TypedAttrInterface:$delta);
  let results = (outs StaticShapeTensorOf<[F32, F64, I64, I32]>:$output);
  let assemblyFormat = "attr-dict `:` type($output)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Graph_CastOp : Graph_Op<"cast", [Pure, SameOperandsAndResultShape]> {
  let summary = "Element type conversion";
  let arguments = (ins Graph_Tensor:$input);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
}

def Graph_ReshapeOp : Graph_Op<"reshape", [Pure]> {
  let summary = "Reinterpret a tensor with a new static shape";
  let description = [{
    ONNX `Reshape`, `Flatten`, `Squeeze` and `Unsqueeze` all become this op
    once the target shape is known.
  }];
  let arguments = (ins Graph_Tensor:$input);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Graph_TransposeOp : Graph_Op<"transpose", [Pure]> {
  let summary = "Permute the dimensions of a tensor";
  let arguments = (ins Graph_Tensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat =
      "$input `,` $perm attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Graph_ExpandOp : Graph_Op<"expand", [Pure]> {
  let summary = "Broadcast a tensor to a larger static shape";
  let arguments = (ins Graph_Tensor:$input);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Graph_ConcatOp : Graph_Op<"concat", [Pure]> {
  let summary = "Join tensors along one axis";
  let arguments = (ins Variadic<Graph_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat =
      "$inputs attr-dict `:` functional-type($inputs, $output)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Graph_CacheAppendOp : Graph_Op<"cache_append",
    [MemoryEffects<[MemRead, MemWrite]>]> {
  let summary = "Append to a KV cache kept as runtime state";
  let description = [{
    `$cache` names a tensor that outlives a run: the result's type, with
    its `axis` dimension the cache's capacity. The op writes `update` at
    the cache's current length along `axis` (the runtime keeps the length,
    the same for every cache of a run, and advances it by the update's size
    after the run) and yields the whole cache. Positions at or past the new
    length hold stale values: the model must mask them (the decode models'
    `attention_mask`), which is how `graph-kv-cache` uses it. Neither pure
    nor CSE-able: two appends write twice.
  }];
  let arguments = (ins Graph_Tensor:$update, StrAttr:$cache, I64Attr:$axis);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$update `into` $cache attr-dict `:` "
                       "type($update) `->` type($output)";
  let hasVerifier = 1;
}

def Graph_SplitOp : Graph_Op<"split", [Pure]> {
  let summary = "Cut a tensor into consecutive pieces along one axis";
  let description = [{
    The size of each piece along `axis` is its result's size.
  }];
  let arguments = (ins Graph_Tensor:$input, I64Attr:$axis);
  let results = (outs Variadic<Graph_Tensor>:$outputs);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($outputs)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Graph_SliceOp : Graph_Op<"slice", [Pure]> {
  let summary = "A strided window of a tensor, one start/size/step per dim";
  let description = [{
    The ONNX `Slice` inputs are normalized at import: one entry per
    dimension, `starts` within the dimension, `steps` non-zero; the result's
    shape gives the number of elements taken per dimension.
  }];
  let arguments = (ins Graph_Tensor:$input, DenseI64ArrayAttr:$starts,
                       DenseI64ArrayAttr:$steps);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Graph_GatherOp : Graph_Op<"gather", [Pure]> {
  let summary = "Select slices of `data` along `axis` by `indices`";
  let description = [{
    ONNX `Gather`: an embedding lookup, or picking dimensions out of a shape.
    Negative indices count from the end of the axis.
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_IndexTensor:$indices,
                       I64Attr:$axis);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$data `[` $indices `]` attr-dict `:` "
                       "functional-type(operands, results)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Graph_WhereOp : Graph_Op<"where", [Pure]> {
  let summary = "Elementwise select with broadcasting";
  let arguments = (ins Graph_BoolTensor:$condition, Graph_Tensor:$lhs,
                       Graph_Tensor:$rhs);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$condition `,` $lhs `,` $rhs attr-dict `:` "
                       "functional-type(operands, results)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Graph_TriluOp : Graph_Op<"trilu", [Pure, SameOperandsAndResultType]> {
  let summary = "Keep the upper or lower triangle of the last two dims";
  let arguments = (ins Graph_Tensor:$input,
                       DefaultValuedAttr<I64Attr, "0">:$k,
                       DefaultValuedAttr<BoolAttr, "true">:$upper);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($output)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

class Graph_UnaryOp<string mnemonic, Type operandType, list<Trait> traits = []>
    : Graph_Op<mnemonic, !listconcat([Pure, SameOperandsAndResultType],
                                     traits)> {
  let arguments = (ins operandType:$input);
  let results = (outs operandType:$output);
  let assemblyFormat = "$input attr-dict `:` type($output)";
}

class Graph_FoldableUnaryOp<string mnemonic, Type operandType>
    : Graph_UnaryOp<mnemonic, operandType> {
  let hasFolder = 1;
}

def Graph_NegOp : Graph_FoldableUnaryOp<"neg", Graph_NumericTensor> {
  let summary = "-x";
}
def Graph_AbsOp : Graph_FoldableUnaryOp<"abs", Graph_NumericTensor> {
  let summary = "|x|";
}
def Graph_SqrtOp : Graph_FoldableUnaryOp<"sqrt", Graph_FloatTensor> {
  let summary = "Square root";
}
def Graph_ReciprocalOp
    : Graph_FoldableUnaryOp<"reciprocal", Graph_FloatTensor> {
  let summary = "1 / x";
}
def Graph_ExpOp : Graph_FoldableUnaryOp<"exp", Graph_FloatTensor> {
  let summary = "e^x";
}
def Graph_LogOp : Graph_FoldableUnaryOp<"log", Graph_FloatTensor> {
  let summary = "Natural logarithm";
}
def Graph_ErfOp : Graph_FoldableUnaryOp<"erf", Graph_FloatTensor> {
  let summary = "Gauss error function";
}
def Graph_TanhOp : Graph_FoldableUnaryOp<"tanh", Graph_FloatTensor> {
  let summary = "Hyperbolic tangent";
}
def Graph_SigmoidOp : Graph_FoldableUnaryOp<"sigmoid", Graph_FloatTensor> {
  let summary = "1 / (1 + e^-x)";
}
def Graph_CosOp : Graph_FoldableUnaryOp<"cos", Graph_FloatTensor> {
  let summary = "Cosine";
}
def Graph_SinOp : Graph_FoldableUnaryOp<"sin", Graph_FloatTensor> {
  let summary = "Sine";
}
def Graph_ReluOp : Graph_FoldableUnaryOp<"relu", Graph_NumericTensor> {
  let summary = "max(x, 0)";
}
def Graph_NotOp : Graph_FoldableUnaryOp<"not", Graph_BoolTensor> {
  let summary = "Logical negation";
}
def Graph_SiluOp : Graph_UnaryOp<"silu", Graph_FloatTensor> {
  let summary = "x * sigmoid(x), the SwiGLU gate activation";
}
def Graph_GeluOp : Graph_Op<"gelu", [Pure, SameOperandsAndResultType]> {
  let summary = "Gaussian error linear unit, exact (erf) or tanh form";
  let description = [{
    ```mlir
    %y = graph.gelu %x : tensor<1x8x64xf32>
    %t = graph.gelu %x approximate(tanh) : tensor<1x8x64xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input,
                       DefaultValuedAttr<Graph_GeluApproximationAttr,
                           "::wafer::graph::GeluApproximation::None">:
                           $approximate);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input (`approximate` `(` "
                       "custom<EnumValue>($approximate)^ `)`)? attr-dict `:` "
                       "type($output)";
}

// Elementwise with NumPy broadcasting; operands share an element type.
class Graph_BinaryOp<string mnemonic, Type operandType, Type resultType,
                     list<Trait> traits = []>
    : Graph_Op<mnemonic, !listconcat([Pure], traits)> {
  let arguments = (ins operandType:$lhs, operandType:$rhs);
  let results = (outs resultType:$output);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` "
                       "functional-type(operands, results)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Graph_AddOp : Graph_BinaryOp<"add", Graph_NumericTensor,
                                 Graph_NumericTensor, [Commutative]> {
  let summary = "lhs + rhs";
}
def Graph_SubOp : Graph_BinaryOp<"sub", Graph_NumericTensor,
                                 Graph_NumericTensor> {
  let summary = "lhs - rhs";
}
def Graph_MulOp : Graph_BinaryOp<"mul", Graph_NumericTensor,
                                 Graph_NumericTensor, [Commutative]> {
  let summary = "lhs * rhs";
}
def Graph_DivOp : Graph_BinaryOp<"div", Graph_NumericTensor,
                                 Graph_NumericTensor> {
  let summary = "lhs / rhs (integer division truncates)";
}
def Graph_PowOp : Graph_BinaryOp<"pow", Graph_FloatTensor,
                                 Graph_FloatTensor> {
  let summary = "lhs ^ rhs";
}
def Graph_MaxOp : Graph_BinaryOp<"max", Graph_NumericTensor,
                                 Graph_NumericTensor, [Commutative]> {
  let summary = "Elementwise maximum";
}
def Graph_MinOp : Graph_BinaryOp<"min", Graph_NumericTensor,
                                 Graph_NumericTensor, [Commutative]> {
  let summary = "Elementwise minimum";
}
def Graph_EqualOp : Graph_BinaryOp<"equal", Graph_Tensor, Graph_BoolTensor,
                                   [Commutative]> {
  let summary = "lhs == rhs";
}
def Graph_LessOp : Graph_BinaryOp<"less", Graph_NumericTensor,
                                  Graph_BoolTensor> {
  let summary = "lhs < rhs";
}
def Graph_LessEqualOp : Graph_BinaryOp<"less_equal", Graph_NumericTensor,
                                       Graph_BoolTensor> {
  let summary = "lhs <= rhs";
}
def Graph_GreaterOp : Graph_BinaryOp<"greater", Graph_NumericTensor,
                                     Graph_BoolTensor> {
  let summary = "lhs > rhs";
}
def Graph_GreaterEqualOp : Graph_BinaryOp<"greater_equal",
                                          Graph_NumericTensor,
                                          Graph_BoolTensor> {
  let summary = "lhs >= rhs";
}
def Graph_AndOp : Graph_BinaryOp<"and", Graph_BoolTensor, Graph_BoolTensor,
                                 [Commutative]> {
  let summary = "Logical and";
}
def Graph_OrOp : Graph_BinaryOp<"or", Graph_BoolTensor, Graph_BoolTensor,
                                [Commutative]> {
  let summary = "Logical or";
}

//===----------------------------------------------------------------------===//
// Linear algebra, normalization, reductions
//===----------------------------------------------------------------------===//

def Graph_MatmulOp : Graph_Op<"matmul", [Pure]> {
  let summary = "Batched matrix product with NumPy batch broadcasting";
  let description = [{
    `[..., M, K] x [..., K, N] -> [..., M, N]`; both operands have rank >= 2
    and leading (batch) dimensions broadcast.
  }];
  let arguments = (ins Graph_NumericTensor:$lhs, Graph_NumericTensor:$rhs);
  let results = (outs Graph_NumericTensor:$output);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` "
                       "functional-type(operands, results)";
  let hasVerifier = 1;
}

def Graph_LinearOp : Graph_Op<"linear", [Pure]> {
  let summary = "A dense layer: activation(input @ weight + bias)";
  let description = [{
    `input: [..., K]`, `weight: [K, N]` (always 2-D: a layer's weight, not a
    batched operand), optional `bias: [N]`; the result is `[..., N]`.
    `activation` is applied last: `none` (the default, not printed), `relu`,
    `gelu` (exact, erf), `gelu_tanh` (the tanh approximation) or `silu`.
    `graph-fuse` raises `matmul` + bias `add` + activation chains into this
    op, so that later stages map one layer to one kernel with its epilogue.

    ```mlir
    %y = graph.linear %x, %w, %b activation(gelu)
        : (tensor<1x8x64xf32>, tensor<64x256xf32>, tensor<256xf32>)
        -> tensor<1x8x256xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$weight,
                       Optional<Graph_FloatTensor>:$bias,
                       DefaultValuedAttr<Graph_ActivationAttr,
                           "::wafer::graph::Activation::None">:$activation);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input `,` $weight (`,` $bias^)? "
                       "(`activation` `(` custom<EnumValue>($activation)^ `)`)? attr-dict `:` "
                       "functional-type(operands, results)";
  let hasVerifier = 1;
}

def Graph_SoftmaxOp : Graph_Op<"softmax", [Pure, SameOperandsAndResultType]> {
  let summary = "Softmax along one axis";
  let arguments = (ins Graph_FloatTensor:$input, I64Attr:$axis);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($output)";
  let hasVerifier = 1;
}

def Graph_LayerNormOp : Graph_Op<"layer_norm", [Pure]> {
  let summary = "Layer normalization over the dimensions from `axis` on";
  let description = [{
    `(x - mean) / sqrt(var + epsilon) * scale + bias`, statistics over
    dimensions `axis ..< rank`; `scale` and `bias` broadcast to those dims.
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$scale,
                       Optional<Graph_FloatTensor>:$bias, I64Attr:$axis,
                       F32Attr:$epsilon);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input `,` $scale (`,` $bias^)? attr-dict `:` "
                       "functional-type(operands, results)";
  let hasVerifier = 1;
}

def Graph_RmsNormOp : Graph_Op<"rms_norm", [Pure]> {
  let summary = "Root-mean-square normalization over dims from `axis` on";
  let description = [{
    `x / sqrt(mean(x^2) + epsilon) * scale`.
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$scale,
                       I64Attr:$axis, F32Attr:$epsilon);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input `,` $scale attr-dict `:` "
                       "functional-type(operands, results)";
  let hasVerifier = 1;
}

class Graph_ReduceOp<string mnemonic, Type operandType>
    : Graph_Op<mnemonic, [Pure]> {
  let arguments = (ins operandType:$input, DenseI64ArrayAttr:$axes,
                       DefaultValuedAttr<BoolAttr, "true">:$keepdims);
  let results = (outs operandType:$output);
  let assemblyFormat =
      "$input `,` $axes attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Graph_ReduceSumOp : Graph_ReduceOp<"reduce_sum", Graph_NumericTensor> {
  let summary = "Sum over `axes`";
}
def Graph_ReduceMeanOp : Graph_ReduceOp<"reduce_mean", Graph_FloatTensor> {
  let summary = "Mean over `axes`";
}
def Graph_ReduceMaxOp : Graph_ReduceOp<"reduce_max", Graph_NumericTensor> {
  let summary = "Maximum over `axes`";
}
def Graph_ReduceMinOp : Graph_ReduceOp<"reduce_min", Graph_NumericTensor> {
  let summary = "Minimum over `axes`";
}
def Graph_ReduceProdOp : Graph_ReduceOp<"reduce_prod", Graph_NumericTensor> {
  let summary = "Product over `axes`";
}

//===----------------------------------------------------------------------===//
// Transformer blocks
//===----------------------------------------------------------------------===//

def Graph_RotaryEmbeddingOp : Graph_Op<"rotary_embedding",
    [Pure, AllTypesMatch<["input", "output"]>]> {
  let summary = "Rotary position embedding of [batch, heads, seq, head_dim]";
  let description = [{
    Rotates the first `rotary_dim` features of every head by the angles whose
    cosines and sines are `cos` and `sin`, each `[batch, seq, rotary_dim/2]`
    (already gathered by position). `interleaved` pairs features (0,1),(2,3)
    ...; otherwise it pairs the two halves, as `rotate_half` does.
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$cos,
                       Graph_FloatTensor:$sin,
                       DefaultValuedAttr<BoolAttr, "false">:$interleaved);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input `,` $cos `,` $sin attr-dict `:` "
                       "functional-type(operands, results)";
  let hasVerifier = 1;
}

def Graph_AttentionOp : Graph_Op<"attention", [Pure]> {
  let summary = "Scaled dot-product attention with grouped-query heads";
  let description = [{
    `softmax(q k^T * scale + mask) v` with `q: [B, Hq, S, D]`,
    `k: [B, Hkv, L, D]`, `v: [B, Hkv, L, Dv]` and `Hq` a multiple of `Hkv`
    (query head `h` reads key/value head `h / (Hq / Hkv)`). The optional
    mask broadcasts to `[B, Hq, S, L]`: boolean (true attends) or additive.
    `is_causal` masks key `j > i + L - S`. `softcap > 0` applies
    `softcap * tanh(scores / softcap)` before the mask.
  }];
  let arguments = (ins Graph_FloatTensor:$query, Graph_FloatTensor:$key,
                       Graph_FloatTensor:$value,
                       Optional<Graph_Tensor>:$mask, F32Attr:$scale,
                       DefaultValuedAttr<BoolAttr, "false">:$is_causal,
                       DefaultValuedAttr<F32Attr, "0.0f">:$softcap);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$query `,` $key `,` $value (`,` $mask^)? attr-dict "
                       "`:` functional-type(operands, results)";
  let hasVerifier = 1;
}

#endif // WAFER_GRAPH_OPS
