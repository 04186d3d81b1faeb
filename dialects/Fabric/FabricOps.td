//===- FabricOps.td - kernels and streams --------------------*- tablegen -*-===//

#ifndef WAFER_FABRIC_OPS
#define WAFER_FABRIC_OPS

include "Fabric/FabricDialect.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Fabric_KernelOp : Fabric_Op<"kernel", [IsolatedFromAbove,
    SingleBlockImplicitTerminator<"YieldOp">]> {
  let summary = "A fused group of graph ops on a rectangle of PEs";
  let description = [{
    The body holds the graph ops the kernel implements (weights included, as
    constants); operands and results are the activations that stream in and
    out. `scheme` is the distribution scheme (`mesh_gemm`, `mesh_gemv`,
    `attention`, `row_reduce`, `elementwise`, `gather`); `region` is
    `[width, height]` in PEs; `blocks` the per-PE block shape the scheme
    works on; `weight_bytes` the SRAM one PE of the region holds for the
    kernel's whole life (its weight or KV-cache shard) and `buffer_bytes`
    what it needs only while it runs (activation blocks);
    `cycles` the cost model's estimate for one step (a token in decode, the
    whole prompt in prefill); `slot` the time slot (kernels of one slot run
    concurrently, regions overlap only across slots); `origin` the region's
    corner `[x, y]` once placed.

    ```mlir
    %1 = fabric.kernel "h.0/mlp/fc"(%0) {scheme = "mesh_gemv",
           region = array<i64: 16, 8>, blocks = array<i64: 1, 8, 16>,
           weight_bytes = 4096, buffer_bytes = 512, cycles = 1234, slot = 3}
         : (tensor<1x1x64xf32>) -> tensor<1x1x256xf32> {
    ^bb0(%x: tensor<1x1x64xf32>):
      ...
      fabric.yield %y : tensor<1x1x256xf32>
    }
    ```
  }];
  let arguments = (ins StrAttr:$sym_name, Variadic<AnyType>:$inputs,
                       StrAttr:$scheme, DenseI64ArrayAttr:$region,
                       DenseI64ArrayAttr:$blocks, I64Attr:$weight_bytes,
                       I64Attr:$buffer_bytes,
                       I64Attr:$cycles, I64Attr:$slot,
                       OptionalAttr<DenseI64ArrayAttr>:$origin);
  let results = (outs Variadic<AnyType>:$outputs);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name `(` $inputs `)` attr-dict `:` "
                       "functional-type($inputs, $outputs) $body";
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let skipDefaultBuilders = 1;
  let builders = [
    OpBuilder<(ins "::mlir::TypeRange":$resultTypes,
                   "::llvm::StringRef":$name, "::mlir::ValueRange":$inputs)>
  ];
  let extraClassDeclaration = [{
    int64_t regionWidth() { return getRegion()[0]; }
    int64_t regionHeight() { return getRegion()[1]; }
    int64_t numPEs() { return regionWidth() * regionHeight(); }
    /// SRAM one PE of the region needs while the kernel runs.
    int64_t peBytes() { return getWeightBytes() + getBufferBytes(); }
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
  let summary = "An activation flowing from one kernel to another";
  let description = [{
    `bytes` is what crosses the fabric per step and `cycles` the cost
    model's estimate of the transfer. After `fabric-route`, `color` is the
    virtual channel the stream uses and `route` its links: a flat list of
    `x0, y0, x1, y1` quadruples, each a hop between neighbouring routers,
    that together form a tree from the producer's region to every
    consumer's (a multicast when the value has several consumers).

    ```mlir
    %s = fabric.stream %k {bytes = 256, cycles = 70, color = 3,
                           route = array<i64: 1, 0, 2, 0, 2, 0, 2, 1>}
        : tensor<1x1x64xf32>
    ```
  }];
  let arguments = (ins AnyRankedTensor:$input, I64Attr:$bytes,
                       I64Attr:$cycles, OptionalAttr<I64Attr>:$color,
                       OptionalAttr<DenseI64ArrayAttr>:$route);
  let results = (outs AnyRankedTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($output)";
}

#endif // WAFER_FABRIC_OPS
