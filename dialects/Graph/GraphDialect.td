//===- GraphDialect.td - the tensor-level model dialect ------*- tablegen -*-===//
//
// The imported model: one op per mathematical operation a transformer needs,
// value semantics on statically shaped builtin tensors.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_GRAPH_DIALECT
#define WAFER_GRAPH_DIALECT

include "mlir/IR/OpBase.td"

def Graph_Dialect : Dialect {
  let name = "graph";
  let cppNamespace = "::wafer::graph";
  let summary = "Tensor-level transformer graphs imported from ONNX";
  let description = [{
    The `graph` dialect holds a model as imported from ONNX: value semantics
    on builtin ranked tensors with static shapes (f32, f16, bf16, i64, i32,
    i1). Every ONNX shape computation has been folded by the time a model is
    in this dialect, so every op has a static result type. Weights are
    `dense_resource` constants so that IR stays printable, and locations carry
    the ONNX node names.
  }];
  let hasConstantMaterializer = 1;
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

class Graph_Op<string mnemonic, list<Trait> traits = []>
    : Op<Graph_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def Graph_FloatElement : AnyTypeOf<[F32, F16, BF16, F64]>;
def Graph_IntElement : AnyTypeOf<[I64, I32]>;
def Graph_Element : AnyTypeOf<[F32, F16, BF16, F64, I64, I32, I1]>;

def Graph_Tensor : StaticShapeTensorOf<[F32, F16, BF16, F64, I64, I32, I1]>;
def Graph_FloatTensor : StaticShapeTensorOf<[F32, F16, BF16, F64]>;
def Graph_NumericTensor : StaticShapeTensorOf<[F32, F16, BF16, F64, I64, I32]>;
def Graph_BoolTensor : StaticShapeTensorOf<[I1]>;
def Graph_IndexTensor : StaticShapeTensorOf<[I64, I32]>;

#endif // WAFER_GRAPH_DIALECT
