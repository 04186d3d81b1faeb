// RUN: wafer-opt %s --split-input-file --verify-diagnostics --pe-verify

// Every error of the static fabric checker, one design each.

// A program may not use a reserved color.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @k at [0, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[4]
    pe.task @main local entry {
      // expected-error @+1 {{'pe.send' op uses color 21, which the target reserves}}
      pe.send #pe.mem<@x[0 : 4]> on color 21
    }
  }
}

// -----

// Nor may a route.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  // expected-error @+1 {{'pe.route' op uses color 22, which the target reserves}}
  pe.route color 22 slot 0 at [0, 0] size [1, 1] from ramp to east
}

// -----

// An entry task starts its slot; nothing activates it.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @k at [0, 0] size [1, 1] slot 0 {
    pe.task @main local entry {
    }
    pe.task @other local entry {
      // expected-error @+1 {{'pe.activate' op activates entry task @main of program @k, which starts its slot; pe-verify checks programs whose tasks run once per slot}}
      pe.activate @main
    }
  }
}

// -----

// A task is activated once.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @k at [0, 0] size [1, 1] slot 0 {
    pe.task @main local entry {
      // expected-note @+1 {{first activation here}}
      pe.activate @step
      // expected-error @+1 {{'pe.activate' op activates @step of program @k a second time; pe-verify checks programs whose tasks run once per slot}}
      pe.activate @step
    }
    pe.task @step local {
    }
  }
}

// -----

// A color may not leave the mesh.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  // expected-error @+1 {{'pe.route' op slot 0: router (7, 0) sends color 2 east, off the edge of the mesh}}
  pe.route color 2 slot 0 at [7, 0] size [1, 1] from west to east
}

// -----

// A forwarded color needs a setting at the next router.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @src at [0, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[64]
    pe.task @main local entry {
      pe.send #pe.mem<@x[0 : 64]> on color 2
    }
  }
  // expected-error @+1 {{'pe.route' op slot 0: router (0, 0) sends color 2 east to router (1, 0), which has no setting for it}}
  pe.route color 2 slot 0 at [0, 0] size [1, 1] from ramp to east
}

// -----

// That setting takes the color from the side it arrives on.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @src at [0, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[64]
    pe.task @main local entry {
      pe.send #pe.mem<@x[0 : 64]> on color 2
    }
  }
  pe.route color 2 slot 0 at [0, 0] size [1, 1] from ramp to east
  // expected-error @+1 {{'pe.route' op slot 0: router (1, 0) takes color 2 from north, but router (0, 0) sends it in from the west}}
  pe.route color 2 slot 0 at [1, 0] size [1, 1] from north to ramp
}

// -----

// A router takes a color only from a neighbour that sends it.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  // expected-error @+1 {{'pe.route' op slot 0: router (3, 3) takes color 2 from north, but router (3, 2) does not send it south}}
  pe.route color 2 slot 0 at [3, 3] size [1, 1] from north to ramp
}

// -----

// Nor from beyond the edge.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  // expected-error @+1 {{'pe.route' op slot 0: router (0, 4) takes color 2 from west, off the edge of the mesh}}
  pe.route color 2 slot 0 at [0, 4] size [1, 1] from west to ramp
}

// -----

// A color may not go round a loop.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  // expected-error @+1 {{'pe.route' op slot 0: color 5 goes round a loop of 4 routers: (0, 0) -> (0, 1) -> (1, 1) -> (1, 0) -> (0, 0)}}
  pe.route color 5 slot 0 at [0, 0] size [1, 1] from south to east
  pe.route color 5 slot 0 at [1, 0] size [1, 1] from west to south
  pe.route color 5 slot 0 at [1, 1] size [1, 1] from north to west
  pe.route color 5 slot 0 at [0, 1] size [1, 1] from east to north
}

// -----

// A route from the ramp needs a PE that sends on the color.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @dst at [1, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[64]
    pe.task @in data color 2 {
      pe.recv color 2 into #pe.mem<@x[0 : 64]>
    }
  }
  // expected-error @+1 {{'pe.route' op slot 0: router (0, 0) takes color 2 from its ramp, but PE (0, 0) runs no program}}
  pe.route color 2 slot 0 at [0, 0] size [1, 1] from ramp to east
  pe.route color 2 slot 0 at [1, 0] size [1, 1] from west to ramp
}

// -----

// ... that sends on that color.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @src at [0, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[64]
    pe.task @main local entry {
      pe.send #pe.mem<@x[0 : 64]> on color 4
    }
  }
  pe.program @dst at [1, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[64]
    pe.task @in data color 2 {
      pe.recv color 2 into #pe.mem<@x[0 : 64]>
    }
  }
  // expected-error @+1 {{'pe.route' op slot 0: router (0, 0) takes color 2 from its ramp, but PE (0, 0) of @src sends nothing on it}}
  pe.route color 2 slot 0 at [0, 0] size [1, 1] from ramp to east
  pe.route color 2 slot 0 at [1, 0] size [1, 1] from west to ramp
}

// -----

// A route delivering to the ramp needs a PE that receives the color.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @src at [0, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[64]
    pe.task @main local entry {
      pe.send #pe.mem<@x[0 : 64]> on color 2
    }
  }
  pe.route color 2 slot 0 at [0, 0] size [1, 1] from ramp to east
  // expected-error @+1 {{'pe.route' op slot 0: router (1, 0) delivers color 2 to its PE, but PE (1, 0) runs no program}}
  pe.route color 2 slot 0 at [1, 0] size [1, 1] from west to ramp
}

// -----

// A receiver takes as many wavelets as its sender sends.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  // expected-note @+1 {{the sender's program}}
  pe.program @src at [0, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[64]
    pe.task @main local entry {
      pe.send #pe.mem<@x[0 : 64]> on color 2
    }
  }
  // expected-error @+1 {{'pe.program' op slot 0: PE (2, 0) of @dst receives 32 wavelets of color 2 but PE (0, 0) of @src sends it 64}}
  pe.program @dst at [1, 0] size [2, 1] slot 0 {
    pe.buffer @x f32[64]
    pe.task @in data color 2 {
      pe.recv color 2 into #pe.mem<@x[0 : 32]>
    }
  }
  pe.route color 2 slot 0 at [0, 0] size [1, 1] from ramp to east
  pe.route color 2 slot 0 at [1, 0] size [1, 1] from west to east
  pe.route color 2 slot 0 at [2, 0] size [1, 1] from west to ramp
}

// -----

// A PE that sends on a color needs its router to take it from the ramp.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @src at [0, 0] size [2, 1] slot 0 {
    pe.buffer @x f32[64]
    pe.task @main local entry {
      // expected-error @+1 {{'pe.send' op slot 0: PE (1, 0) of @src sends on color 2, but its router takes color 2 from west}}
      pe.send #pe.mem<@x[0 : 64]> on color 2
    }
  }
  pe.program @dst at [2, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[64]
    pe.task @in data color 2 {
      pe.recv color 2 into #pe.mem<@x[0 : 64]>
    }
  }
  pe.route color 2 slot 0 at [0, 0] size [1, 1] from ramp to east
  pe.route color 2 slot 0 at [1, 0] size [1, 1] from west to east
  pe.route color 2 slot 0 at [2, 0] size [1, 1] from west to ramp
}

// -----

// A PE that receives a color needs its router to deliver it.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @k at [4, 4] size [1, 1] slot 0 {
    pe.buffer @x f32[64]
    pe.task @in data color 6 {
      // expected-error @+1 {{'pe.recv' op slot 0: PE (4, 4) of @k receives on color 6, but its router has no setting for it}}
      pe.recv color 6 into #pe.mem<@x[0 : 64]>
    }
  }
}

// -----

// Two PEs that each wait to receive before they send deadlock.
// expected-error @+2 {{'pe.design' op slot 0: deadlock: 2 meetings of sends and receives wait on each other in a cycle (each send meets the receives of its wavelets; an op waits for the ones before it on its PE)}}
// expected-note @+1 {{which waits for the first}}
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @a at [0, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[32]
    pe.task @main local entry {
      pe.recv color 3 into #pe.mem<@x[0 : 32]>
      // expected-note @+1 {{which waits for: PE (0, 0) of @a sends 32 wavelets on color 2}}
      pe.send #pe.mem<@x[0 : 32]> on color 2
    }
  }
  pe.program @b at [1, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[32]
    pe.task @in data color 2 {
      pe.recv color 2 into #pe.mem<@x[0 : 32]>
      // expected-note @+1 {{PE (1, 0) of @b sends 32 wavelets on color 3}}
      pe.send #pe.mem<@x[0 : 32]> on color 3
    }
  }
  pe.route color 2 slot 0 at [0, 0] size [1, 1] from ramp to east
  pe.route color 2 slot 0 at [1, 0] size [1, 1] from west to ramp
  pe.route color 3 slot 0 at [1, 0] size [1, 1] from ramp to west
  pe.route color 3 slot 0 at [0, 0] size [1, 1] from east to ramp
}

// -----

// Three PEs in a ring, each receiving from its left neighbour before it
// sends to its right one (entry tasks, so no data task starts any of them
// early): each wait is named, around the ring.
// expected-error @+2 {{deadlock: 3 meetings of sends and receives wait on each other in a cycle}}
// expected-note @+1 {{which waits for the first}}
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @p at [0, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[8]
    pe.task @main local entry {
      pe.recv color 4 into #pe.mem<@x[0 : 8]>
      // expected-note @+1 {{which waits for: PE (0, 0) of @p sends 8 wavelets on color 2}}
      pe.send #pe.mem<@x[0 : 8]> on color 2
    }
  }
  pe.program @q at [1, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[8]
    pe.task @main local entry {
      pe.recv color 2 into #pe.mem<@x[0 : 8]>
      // expected-note @+1 {{which waits for: PE (1, 0) of @q sends 8 wavelets on color 3}}
      pe.send #pe.mem<@x[0 : 8]> on color 3
    }
  }
  pe.program @r at [1, 1] size [1, 1] slot 0 {
    pe.buffer @x f32[8]
    pe.task @main local entry {
      pe.recv color 3 into #pe.mem<@x[0 : 8]>
      // expected-note @+1 {{PE (1, 1) of @r sends 8 wavelets on color 4}}
      pe.send #pe.mem<@x[0 : 8]> on color 4
    }
  }
  pe.route color 2 slot 0 at [0, 0] size [1, 1] from ramp to east
  pe.route color 2 slot 0 at [1, 0] size [1, 1] from west to ramp
  pe.route color 3 slot 0 at [1, 0] size [1, 1] from ramp to south
  pe.route color 3 slot 0 at [1, 1] size [1, 1] from north to ramp
  pe.route color 4 slot 0 at [1, 1] size [1, 1] from ramp to west
  pe.route color 4 slot 0 at [0, 1] size [1, 1] from east to north
  pe.route color 4 slot 0 at [0, 0] size [1, 1] from south to ramp
}

// -----

// The check is bounded: a slot whose programs make more than 2^24 sends and
// receives over their PEs is refused before anything is allocated for them
// (two per PE on a 4096x4096 mesh).
// expected-error @+1 {{'pe.design' op slot 0: its programs make more than 16777216 sends and receives over their PEs, more than pe-verify checks}}
pe.design target = #fabric.target<name = "custom", width = 4096, height = 4096, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @k at [0, 0] size [4096, 4096] slot 0 {
    pe.buffer @x f32[4]
    pe.task @main local entry {
      pe.send #pe.mem<@x[0 : 4]> on color 1
      pe.recv color 2 into #pe.mem<@x[0 : 4]>
    }
  }
}

// -----

// So are routes that set more than 2^24 routers in one slot.
// expected-error @+1 {{'pe.design' op slot 0: its routes set more than 16777216 routers, more than pe-verify checks}}
pe.design target = #fabric.target<name = "custom", width = 4096, height = 4096, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.route color 1 slot 0 at [0, 0] size [4096, 4096] from west to east
  pe.route color 2 slot 0 at [0, 0] size [4096, 4096] from west to east
}
