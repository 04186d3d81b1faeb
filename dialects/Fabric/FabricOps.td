//===- FabricOps.td - designs, kernels and streams -----------*- tablegen -*-===//

#ifndef WAFER_FABRIC_OPS
#define WAFER_FABRIC_OPS

include "Fabric/FabricAttrs.td"
include "Fabric/FabricDialect.td"
include "mlir/IR/CommonTypeConstraints.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

// Values on the fabric have one static shape: every PE's share is fixed
// when the design is built.
def Fabric_StaticTensor : StaticShapeTensorOf<[AnyType]>;

def Fabric_DesignOp : Fabric_Op<"design", [IsolatedFromAbove, SymbolTable,
    SingleBlock, NoTerminator, NoRegionArguments]> {
  let summary = "A model mapped onto one wafer";
  let description = [{
    Holds the mapped model (its `func.func @main` of kernels and streams)
    together with the machine it is mapped onto and the mapping strategy,
    as mlir-aie's `aie.device` does. Kernels and streams exist only inside
    a design. The whole-design physics (regions inside the mesh and disjoint
    within a slot, per-PE memory summed over the kernels on each PE, routes
    along links with one stream per color and router at a time, colors
    within budget) is checked after every nested op has verified on its
    own, so that it only ever reads well-formed kernels and streams.

    ```mlir
    fabric.design pipeline target = #fabric.target<name = "custom", ...> {
      func.func @main(%x: tensor<1x64xf32>) -> tensor<1x64xf32> {
        ...
      }
    }
    ```
  }];
  let arguments = (ins Fabric_MappingStrategyAttr:$strategy,
                       Fabric_TargetAttr:$target);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat =
      "`` $strategy `target` `=` qualified($target) attr-dict-with-keyword "
      "$body";
  let hasRegionVerifier = 1;
  let skipDefaultBuilders = 1;
  let builders = [
    OpBuilder<(ins "MappingStrategy":$strategy, "TargetAttr":$target)>
  ];
  let extraClassDeclaration = [{
    /// The design's entry point, or null.
    ::mlir::func::FuncOp getMain();
  }];
}

def Fabric_KernelOp : Fabric_Op<"kernel", [IsolatedFromAbove,
    SingleBlockImplicitTerminator<"YieldOp">]> {
  let summary = "A fused group of graph ops on a rectangle of PEs";
  let description = [{
    The body holds the graph ops the kernel implements (weights included, as
    constants); operands and results are the activations that stream in and
    out. The kernel's name is a symbol name (`@name`), unique in its design,
    taken from the ONNX node it implements. `scheme` is the distribution scheme;
    `region` is `[width, height]` in PEs; `blocks` the per-PE block shape
    the scheme works on; `weight_bytes` the SRAM one PE of the region holds
    for the kernel's whole life (its weight or KV-cache shard) and
    `buffer_bytes` what it needs only while it runs (activation blocks);
    `cycles` the cost model's estimate for one step (a token in decode, the
    whole prompt in prefill); `slot` the time slot (kernels of one slot run
    concurrently, regions overlap only across slots); `origin` the region's
    corner `[x, y]` once placed. Counts read back as signed integers and are
    verified non-negative.

    ```mlir
    %1 = fabric.kernel @"h.0/mlp/fc" mesh_gemv (%0) {
           region = array<i64: 16, 8>, blocks = array<i64: 1, 8, 16>,
           weight_bytes = 4096, buffer_bytes = 512, cycles = 1234, slot = 3}
         : (tensor<1x1x64xf32>) -> tensor<1x1x256xf32> {
    ^bb0(%x: tensor<1x1x64xf32>):
      ...
      fabric.yield %y : tensor<1x1x256xf32>
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       Fabric_KernelSchemeAttr:$scheme,
                       Variadic<Fabric_StaticTensor>:$inputs,
                       Fabric_ExtentAttr:$region,
                       Fabric_BlockShapeAttr:$blocks,
                       Fabric_CountAttr:$weight_bytes,
                       Fabric_CountAttr:$buffer_bytes,
                       Fabric_CountAttr:$cycles,
                       Fabric_CountAttr:$slot,
                       OptionalAttr<Fabric_CoordinateAttr>:$origin);
  let results = (outs Variadic<Fabric_StaticTensor>:$outputs);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name `` $scheme `(` $inputs `)` attr-dict `:` "
                       "functional-type($inputs, $outputs) $body";
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let skipDefaultBuilders = 1;
  let builders = [
    OpBuilder<(ins "::mlir::TypeRange":$resultTypes,
                   "::llvm::StringRef":$name, "KernelScheme":$scheme,
                   "::mlir::ValueRange":$inputs)>
  ];
  let extraClassDeclaration = [{
    /// `@name` as the IR spells it (quoted unless a bare identifier), for
    /// messages.
    std::string getRef();
    int64_t regionWidth() { return getRegion()[0]; }
    int64_t regionHeight() { return getRegion()[1]; }
    int64_t numPEs() { return regionWidth() * regionHeight(); }
    /// SRAM one PE of the region needs while the kernel runs, or nothing
    /// when the sum overflows.
    std::optional<int64_t> peBytes();
  }];
}

def Fabric_YieldOp : Fabric_Op<"yield", [Pure, Terminator,
    HasParent<"KernelOp">]> {
  let summary = "The values a kernel streams out";
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
  let builders = [OpBuilder<(ins), [{ /* nothing to yield */ }]>];
}

def Fabric_StreamOp : Fabric_Op<"stream", [Pure,
    AllTypesMatch<["input", "output"]>]> {
  let summary = "An activation flowing from one kernel to others";
  let description = [{
    The input is a result of a `fabric.kernel` (model inputs enter kernels
    directly). `bytes` is what crosses the fabric per step and `cycles` the
    cost model's estimate of the transfer. After `fabric-route`, `color` is
    the virtual channel the stream uses and `route` its links: a flat list
    of `x0, y0, x1, y1` quadruples, each a hop between neighbouring routers,
    that together form a tree from the producer's region to every
    consumer's (a multicast when the value has several consumers).

    ```mlir
    %s = fabric.stream %k {bytes = 256, cycles = 70, color = 3,
                           route = array<i64: 1, 0, 2, 0, 2, 0, 2, 1>}
        : tensor<1x1x64xf32>
    ```
  }];
  let arguments = (ins Fabric_StaticTensor:$input, Fabric_CountAttr:$bytes,
                       Fabric_CountAttr:$cycles,
                       OptionalAttr<Fabric_CountAttr>:$color,
                       OptionalAttr<DenseI64ArrayAttr>:$route);
  let results = (outs Fabric_StaticTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($output)";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The kernel whose result this stream carries.
    KernelOp getProducer();
    /// The first and last time slot the stream is alive in: from its
    /// producer's slot to its last consumer's.
    std::pair<int64_t, int64_t> getLifetime();
  }];
}

#endif // WAFER_FABRIC_OPS
