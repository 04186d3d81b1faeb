//===- PEDialect.td - what one processing element runs -------*- tablegen -*-===//

#ifndef WAFER_PE_DIALECT
#define WAFER_PE_DIALECT

include "mlir/IR/OpBase.td"

def PE_Dialect : Dialect {
  let name = "pe";
  let cppNamespace = "::wafer::pe";
  let summary = "Per-PE programs and router configurations";
  let description = [{
    The `pe` dialect says what the PEs of a wafer run. A `pe.design`
    carries the target (`#fabric.target`) and holds one `pe.program` per
    kernel, shared by every PE of the kernel's rectangle (as CSL's
    `@set_tile_code` shares one program among many tiles), and the router
    configurations, one `pe.route` per color and rectangle of routers, never
    one per PE. A program holds its SRAM buffers (`pe.buffer`, with an
    address once allocated) and its tasks (`pe.task`): data tasks bound to a
    color, which run when a wavelet arrives on it, and local tasks, which run
    when activated. Task bodies are DSD-style vector operations over memory
    ranges of the buffers (`#pe.mem`), transfers between memory and the
    fabric (`pe.send`, `pe.recv`) and task control (`pe.activate`,
    `pe.block`, `pe.unblock`).

    Each op checks its own attributes; a program checks that every memory
    range and task it names exists and lies inside its buffer once its ops
    have verified; the design then checks programs and routes against its
    target (rectangles inside the mesh, colors within the budget, one
    configuration per color and router in each time slot).
  }];
  let useDefaultAttributePrinterParser = 1;
  let dependentDialects = ["::wafer::fabric::FabricDialect"];
  let extraClassDeclaration = [{
    /// Defined beside the attribute storage, which it needs complete.
    void registerAttributes();
  }];
}

class PE_Op<string mnemonic, list<Trait> traits = []>
    : Op<PE_Dialect, mnemonic, traits>;

#endif // WAFER_PE_DIALECT
