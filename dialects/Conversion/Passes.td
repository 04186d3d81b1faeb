//===- Passes.td - conversions between Wafer's dialects ------*- tablegen -*-===//

#ifndef WAFER_CONVERSION_PASSES
#define WAFER_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

// graph -> fabric (lib/Conversion/GraphToFabric).
def FabricTile : Pass<"fabric-tile", "::mlir::ModuleOp"> {
  let summary = "Map graph ops onto kernels on rectangles of PEs";
  let description = [{
    Converts the graph-level `func.func @main` into a `fabric.design` that
    carries the target and the chosen strategy and holds `@main` rewritten
    into `fabric.kernel`s joined by `fabric.stream`s. `@main` must have a
    body of graph ops only. It groups the graph ops into kernels (one per matmul, attention,
    normalization, softmax or embedding; elementwise and layout ops join the
    kernel that produces their input), picks each kernel's distribution
    scheme from its op and shape, and gives each a region and time slot:

    * `pipeline`: every kernel gets a region of its own; the mesh area is
      divided to minimize the slowest stage (greedy: the current bottleneck
      gets more PEs while any are left).
    * `shared`: all kernels run one after another on one region spanning the
      mesh, each PE holding its shard of every kernel (WaferLLM's mapping);
      a token's latency is the sum of the kernels' cycles.
    * `auto`: the one with the better single-stream tokens per second.

    Per-PE memory (weight shard + activation buffers + code allowance,
    summed over every kernel that occupies a PE) must fit the target's SRAM;
    a model that cannot fit fails with the PEs and SRAM it needs, what the
    target has, and its largest kernels.
  }];
  let dependentDialects = ["::wafer::fabric::FabricDialect",
                           "::wafer::graph::GraphDialect"];
  let options = [
    Option<"target", "target", "std::string", /*default=*/"\"wse3\"",
           "Target preset: wse2, wse3">,
    Option<"mesh", "mesh", "std::string", /*default=*/"\"\"",
           "Custom mesh WIDTHxHEIGHT (e.g. 64x64)">,
    Option<"sramKb", "sram-kb", "int64_t", /*default=*/"0",
           "SRAM per PE in KiB, 1 to 1048576 (0: the preset's)">,
    Option<"colors", "colors", "int64_t", /*default=*/"0",
           "Routable colors, 1 to 64 (0: the preset's)">,
    Option<"clockMhz", "clock-mhz", "int64_t", /*default=*/"0",
           "Clock in MHz, 1 to 100000 (0: the preset's)">,
    Option<"strategy", "strategy", "std::string", /*default=*/"\"auto\"",
           "Mapping strategy: pipeline, shared or auto">
  ];
  let statistics = [
    Statistic<"numKernels", "kernels", "Kernels formed">,
    Statistic<"numStreams", "streams", "Streams between kernels">
  ];
}

// fabric -> pe (lib/Conversion/FabricToPE).
def PeLower : Pass<"pe-lower", "::mlir::ModuleOp"> {
  let summary = "Lower a placed fabric design to per-PE programs";
  let description = [{
    Adds a `pe.design` for the module's placed `fabric.design`: for each
    kernel, the `pe.program`s on its region (the kernel they implement
    named with `for`), their buffers, host I/O, weights and tasks, and the
    `pe.route`s of its collectives. One lowering per scheme; so far:

    - `elementwise`: a body of f32 `graph` ops of one shape (add, sub, mul,
      max, exp, relu, neg, splat constants) becomes one program on the
      whole region, every tensor flattened in equal chunks over its PEs
      (`#pe.blocks<flat = true>`), one entry task of vector ops.
    - `mesh_gemv`: one f32 matmul or linear (bias, relu) of a row by a
      constant [K, N] weight: K in blocks over the region's rows, N over
      its columns, each PE's weight block a `pe.weight` view, one `fmac`
      per k, then a binary reduction tree up every column (one color per
      level); one program per region row.

    A design it cannot lower is refused with the kernel and the reason: a
    scheme without a lowering yet, an op or type an elementwise lowering
    does not have, or a stream between kernels (streams are not lowered
    yet, so every kernel reads model inputs and gives model outputs).
    Run `pe-allocate` and `pe-verify` after it.
  }];
  let dependentDialects = ["::wafer::pe::PEDialect"];
  let statistics = [
    Statistic<"numPrograms", "programs", "PE programs built">
  ];
}

#endif // WAFER_CONVERSION_PASSES
