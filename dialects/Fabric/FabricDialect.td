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
    The `fabric` dialect holds a model mapped onto a wafer: each
    `fabric.kernel` implements one fused group of graph ops on a rectangle
    of PEs, with its distribution scheme, per-PE blocks, memory footprint,
    estimated cycles, time slot and (after placement) origin. Edges between
    kernels are `fabric.stream`s. The machine is the module's
    `fabric.target` attribute, and the dialect verifies the physics against
    it: regions inside the mesh, no overlap within a time slot, and per-PE
    memory, summed over every kernel that occupies a PE, within its SRAM.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let extraClassDeclaration = [{
    /// Defined beside the attribute storage, which it needs complete.
    void registerAttributes();
    /// The module attribute that holds the target machine.
    static constexpr ::llvm::StringLiteral kTargetAttrName = "fabric.target";
    /// The module attribute naming the mapping strategy tiling chose.
    static constexpr ::llvm::StringLiteral kStrategyAttrName =
        "fabric.strategy";
  }];
}

class Fabric_Op<string mnemonic, list<Trait> traits = []>
    : Op<Fabric_Dialect, mnemonic, traits>;

#endif // WAFER_FABRIC_DIALECT
