//===- Passes.td - fabric dialect passes ---------------------*- tablegen -*-===//

#ifndef WAFER_FABRIC_PASSES
#define WAFER_FABRIC_PASSES

include "mlir/Pass/PassBase.td"

def FabricPlace : Pass<"fabric-place", "::mlir::ModuleOp"> {
  let summary = "Give every kernel's region an origin on the mesh";
  let description = [{
    Regions stay inside the mesh and never overlap within a time slot (the
    `shared` strategy's kernels, which tiling anchors at one origin in
    successive slots, keep their places). The objective is the sum over
    streams of bytes x Manhattan distance between the regions' centres,
    plus the hop length of the longest producer-to-consumer path (the
    pipeline's critical path) weighted by the mean stream size. Placement
    starts from a serpentine layout in program order (layer by layer,
    alternating direction on each shelf) and improves it with simulated
    annealing (moves, swaps and transposed region shapes), seeded and
    deterministic. `pin` fixes a kernel's origin (`name=x:y`); `band`
    confines it to rows (`name=y0-y1`, rows y0 to y1 inclusive, y0 <= y1). When the
    kernels cannot be placed, the error names them and the area missing.
  }];
  let dependentDialects = ["::wafer::fabric::FabricDialect"];
  let options = [
    Option<"seed", "seed", "uint64_t", /*default=*/"1",
           "Seed of the annealer's random numbers">,
    Option<"effort", "effort", "int64_t", /*default=*/"200",
           "Annealing moves per kernel, 0 to 10000 (0: the serpentine "
           "layout only)">,
    ListOption<"pins", "pin", "std::string",
               "Fix a kernel: name=x:y (repeatable)">,
    ListOption<"bands", "band", "std::string",
               "Confine a kernel to rows: name=y0-y1 (repeatable)">
  ];
  let statistics = [
    Statistic<"numMoves", "moves", "Annealing moves tried">,
    Statistic<"numAccepted", "accepted", "Annealing moves accepted">
  ];
}

def FabricRoute : Pass<"fabric-route", "::mlir::ModuleOp"> {
  let summary = "Route every stream over the mesh's links and give it a color";
  let description = [{
    The routing graph is the mesh: each router links to its N, S, E and W
    neighbours, and every link carries one 32-bit wavelet per cycle per
    direction, shared by all colors. Each stream runs from its producer's
    region to every consumer's (a multicast tree grown one sink at a time);
    a consumer whose region overlaps the producer's (the `shared` strategy)
    reads the activation where it lies and needs no route.
    Routing is PathFinder negotiated congestion: a router can pass only as
    many streams as it has colors left after the target's reserved ones and
    the collectives of the kernels whose regions cover it (a broadcast and a
    reduction per scheme); overused routers get dearer every iteration until
    no router is over budget. Colors are then assigned greedily so that
    routes sharing a router differ. Each stream's `cycles` is then re-estimated
    over its route: the deepest sink's hops plus its bytes through the
    busiest link of its tree, shared with the streams alive with it. Routes
    are verified to be physical afterwards. When routing fails after `max-iterations`, the error names
    the congested routers and the streams on them.
  }];
  let dependentDialects = ["::wafer::fabric::FabricDialect"];
  let options = [
    Option<"maxIterations", "max-iterations", "int64_t", /*default=*/"30",
           "PathFinder iterations before giving up, 1 to 1000">
  ];
  let statistics = [
    Statistic<"numRouted", "routed", "Streams routed">,
    Statistic<"numIterations", "iterations", "PathFinder iterations">
  ];
}

#endif // WAFER_FABRIC_PASSES
