//===- GraphAttrs.td - graph dialect attributes --------------*- tablegen -*-===//
//
// The enumerations that graph ops carry: typed, so that a pass compares
// `Activation::Gelu` instead of a string that a typo could break, and the
// parser refuses values that do not exist.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_GRAPH_ATTRS
#define WAFER_GRAPH_ATTRS

include "Graph/GraphDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def Graph_Activation : I32EnumAttr<"Activation",
    "the activation applied in a linear layer's epilogue", [
      I32EnumAttrCase<"None", 0, "none">,
      I32EnumAttrCase<"Relu", 1, "relu">,
      I32EnumAttrCase<"Gelu", 2, "gelu">,
      I32EnumAttrCase<"GeluTanh", 3, "gelu_tanh">,
      I32EnumAttrCase<"Silu", 4, "silu">]> {
  let cppNamespace = "::wafer::graph";
  let genSpecializedAttr = 0;
  let description = [{
    `none`, `relu`, `gelu` (exact, with erf), `gelu_tanh` (the tanh
    approximation) or `silu` (`x * sigmoid(x)`).
  }];
}

// Ops print the bare keyword (`activation(gelu)`); on its own the attribute
// reads `#graph<activation gelu>`.
def Graph_ActivationAttr
    : EnumAttr<Graph_Dialect, Graph_Activation, "activation">;

def Graph_GeluApproximation : I32EnumAttr<"GeluApproximation",
    "how a GELU is computed", [
      I32EnumAttrCase<"None", 0, "none">,
      I32EnumAttrCase<"Tanh", 1, "tanh">]> {
  let cppNamespace = "::wafer::graph";
  let genSpecializedAttr = 0;
  let description = [{
    `none` is the exact form `0.5 x (1 + erf(x / sqrt 2))`; `tanh` is
    `0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))`.
  }];
}

def Graph_GeluApproximationAttr
    : EnumAttr<Graph_Dialect, Graph_GeluApproximation, "gelu_approximation">;

#endif // WAFER_GRAPH_ATTRS
