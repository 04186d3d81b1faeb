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
    in this dialect, so every op has a static result type. No tensor is
    empty, and every tensor's element and byte counts fit int64_t (checked
    on every op's operands and results). Weights are `dense_resource`
    constants so that IR stays printable, and locations carry the ONNX node
    names.
  }];
  let hasConstantMaterializer = 1;
  let useDefaultAttributePrinterParser = 1;
  let dependentDialects = ["::mlir::func::FuncDialect"];
  let extraClassDeclaration = [{
    /// Defined beside the attribute storage, which it needs complete.
    void registerAttributes();
  }];
}

// Every operand and result of a graph op is a tensor that can exist: ranked,
// static, with at least one element, and with an element and byte count
// that int64_t holds. The ODS type constraints say "static tensor"; this
// trait adds the sizes, so that no shape rule, folder or later stage has to
// guard against an empty or overflowing tensor on its own.
def Graph_ValidTensors : NativeOpTrait<"ValidTensors"> {
  let cppNamespace = "::wafer::graph::traits";
}

class Graph_Op<string mnemonic, list<Trait> traits = []>
    : Op<Graph_Dialect, mnemonic, !listconcat(traits, [Graph_ValidTensors])>;

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
