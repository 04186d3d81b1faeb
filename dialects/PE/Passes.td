//===- Passes.td - pe dialect passes -------------------------*- tablegen -*-===//

#ifndef WAFER_PE_PASSES
#define WAFER_PE_PASSES

include "mlir/Pass/PassBase.td"

def PEAllocate : Pass<"pe-allocate", "::mlir::ModuleOp"> {
  let summary = "Give every buffer of every program an SRAM address";
  let description = [{
    Every PE has the target's `sram_bytes`, of which `code_bytes` hold the
    program's code; buffers live in the rest, from address 0. A program's
    buffers are all alive for the whole slot (its tasks run whenever their
    data or activations come), so none shares bytes with another. Buffers
    that already have an address keep it; the others are placed first-fit,
    largest first (ties in program order), each aligned to its element size.
    The result depends only on the input.

    When a program's buffers do not fit, the error says how many bytes the
    program needs and how many the target has, and a memory map follows:
    one note per buffer with its size and address, or that it found no gap.
  }];
  let dependentDialects = ["::wafer::pe::PEDialect"];
  let statistics = [
    Statistic<"numAllocated", "allocated", "Buffers given an address">
  ];
}

def PEVerify : Pass<"pe-verify", "::mlir::ModuleOp"> {
  let summary = "Check that the routes and programs of a design fit together";
  let description = [{
    A static check of every `pe.design`, slot by slot and color by color,
    with every PE of a program's rectangle running the program. It assumes
    the execution model of the pe dialect: an `entry` task starts its slot;
    a local task runs once when activated; a data task runs when wavelets
    of its color arrive; a task that nothing starts never runs, and its
    sends and receives do not count.

    - Colors: no program or route uses one of the target's reserved colors.
    - Routes: a router that forwards a color to a neighbour finds a setting
      there taking the color from its side; no setting takes a color from a
      neighbour that does not send it; no color leaves the mesh; no color
      loops back to a router it passed.
    - Endpoints: a PE that sends on a color has a router taking the color
      from its ramp, and a router taking a color from the ramp has a PE
      that sends it; a router that delivers a color to its ramp has a PE
      that receives it, and a PE that receives a color has a router that
      delivers it.
    - Lengths: each receiving PE receives on a color as many wavelets as
      the PE at the root of that color's route sends.
    - Deadlock: every send meets the receives of the same wavelets
      (conservatively, as a rendezvous: no credit is taken for the routers'
      queues), and within a PE an operation waits for the ones before it in
      its task and for those before the activation of its task. A cycle in
      these dependencies is a deadlock, reported with the PEs, colors and
      programs on it.

    Errors name the slot, the color, the PE or router and the programs.
  }];
  let dependentDialects = ["::wafer::pe::PEDialect"];
  let statistics = [
    Statistic<"numFlows", "flows", "Routed flows (one per sending PE and color)">,
    Statistic<"numEvents", "events", "Sends and receives checked for deadlock">
  ];
}

#endif // WAFER_PE_PASSES
