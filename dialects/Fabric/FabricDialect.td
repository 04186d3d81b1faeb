//===- FabricDialect.td - the model mapped onto the wafer ----*- tablegen -*-===//

#ifndef WAFER_FABRIC_DIALECT
#define WAFER_FABRIC_DIALECT

include "mlir/IR/OpBase.td"

def Fabric_Dialect : Dialect {
  let name = "fabric";
  let cppNamespace = "::wafer::fabric";
  let summary = "Kernels on rectangles of processing elements, and the "
                "streams between them";
  let description = [{
    The `fabric` dialect holds a model mapped onto a wafer. A
    `fabric.design` carries the target machine (`#fabric.target`) and the
    mapping strategy, and holds the mapped `func.func @main`, in which each
    `fabric.kernel` implements one fused group of graph ops on a rectangle
    of PEs, with its distribution scheme, per-PE blocks, memory footprint,
    estimated cycles, time slot and (after placement) origin. Edges between
    kernels are `fabric.stream`s. The design verifies the physics against
    its target once its kernels and streams have verified: regions inside
    the mesh, no overlap within a time slot, per-PE memory, summed over
    every kernel that occupies a PE, within its SRAM, and routes that a
    router can carry.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let dependentDialects = ["::mlir::func::FuncDialect"];
  let extraClassDeclaration = [{
    /// Defined beside the attribute storage, which it needs complete.
    void registerAttributes();
  }];
}

class Fabric_Op<string mnemonic, list<Trait> traits = []>
    : Op<Fabric_Dialect, mnemonic, traits>;

#endif // WAFER_FABRIC_DIALECT
