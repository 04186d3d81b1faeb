// RUN: wafer-opt %s -split-input-file -verify-diagnostics

// Every rule of the pe dialect's verifiers, one case each: memory ranges,
// buffers, tasks and routes on their own; then what pe.program checks once
// its ops have verified (the buffers and tasks its ops name, one data task
// per color, allocated buffers apart); then what pe.design checks against
// its target (rectangles inside the mesh, colors within the budget, SRAM,
// programs of a slot apart, one setting per color and router); then where
// pe ops may appear.

// -----

// A memory range's offset is non-negative.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{memory range of @a: offset must be non-negative, got -1}}
        pe.fmov #pe.mem<@a[-1 : 4]>, #pe.mem<@b[0 : 4]>
      }
    }
}

// -----

// Its length is at least 1.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{memory range of @a: length must be at least 1, got 0}}
        pe.fmov #pe.mem<@a[0 : 0]>, #pe.mem<@b[0 : 4]>
      }
    }
}

// -----

// Its stride is at least 1.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{memory range of @a: stride must be at least 1, got 0}}
        pe.fmov #pe.mem<@a[0 : 4 : 0]>, #pe.mem<@b[0 : 4]>
      }
    }
}

// -----

// Its last element is representable.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{memory range of @a [0 : 4611686018427387904 : 4] reaches past 2^63 elements}}
        pe.fmov #pe.mem<@a[0 : 4611686018427387904 : 4]>, #pe.mem<@b[0 : 4]>
      }
    }
}

// -----

// A buffer's byte count fits in 64 bits.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-error @+1 {{'pe.buffer' op @a of 4611686018427387904 elements overflows 64-bit byte counts}}
      pe.buffer @a f32[4611686018427387904]
    }
}

// -----

// A buffer's address is aligned to its elements.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-error @+1 {{'pe.buffer' op @a: address 2 is not aligned to its 4-byte elements}}
      pe.buffer @a f32[16] at 2
    }
}

// -----

// Its end is representable.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-error @+1 {{'pe.buffer' op @a at address 9223372036854775804 ends past 2^63 bytes}}
      pe.buffer @a f32[16] at 9223372036854775804
    }
}

// -----

// A buffer's length is positive.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-error @+1 {{'pe.buffer' op attribute 'length' failed to satisfy constraint: positive 64-bit integer attribute}}
      pe.buffer @a f32[0]
    }
}

// -----

// Buffers hold floats or integers of 16 or 32 bits.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-error @+1 {{'pe.buffer' op attribute 'element_type' failed to satisfy constraint}}
      pe.buffer @a i8[16]
    }
}

// -----

// A data task needs its color.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-error @+1 {{'pe.task' op data task @t needs the color it runs on}}
      pe.task @t data {
      }
    }
}

// -----

// A local task takes none.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-error @+1 {{'pe.task' op local task @t runs when activated and takes no color (got 3)}}
      pe.task @t local color 3 {
      }
    }
}

// -----

// An entry task is a local task.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-error @+1 {{'pe.task' op data task @t runs for the wavelets of its color and cannot be an entry task}}
      pe.task @t data color 3 entry {
      }
    }
}

// -----

// The ranges of an elementwise op have one length.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{'pe.fadd' op 'rhs' has 8 elements but 'dst' has 4; the ranges of an elementwise op have one length}}
        pe.fadd #pe.mem<@a[0 : 4]>, #pe.mem<@a[0 : 4]>, #pe.mem<@b[0 : 8]>
      }
    }
}

// -----

// So do a unary op's.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{'pe.exp' op 'src' has 2 elements but 'dst' has 4}}
        pe.exp #pe.mem<@a[0 : 4]>, #pe.mem<@b[0 : 2]>
      }
    }
}

// -----

// fmac's scalar is one element.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{'pe.fmac' op 'scalar' must be one element, got 2 (@b[0 : 2])}}
        pe.fmac #pe.mem<@a[0 : 4]>, #pe.mem<@a[0 : 4]>, #pe.mem<@a[4 : 4]>, #pe.mem<@b[0 : 2]>
      }
    }
}

// -----

// A reduction's result is one element.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{'pe.reduce' op 'dst' must be one element, got 4 (@a[0 : 4])}}
        pe.reduce add #pe.mem<@a[0 : 4]>, #pe.mem<@b[0 : 16]>
      }
    }
}

// -----

// Colors are non-negative.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{'pe.send' op attribute 'color' failed to satisfy constraint: non-negative 64-bit integer attribute}}
        pe.send #pe.mem<@a[0 : 4]> on color -1
      }
    }
}

// -----

// A route comes in by exactly one port.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    // expected-error @+1 {{'pe.route' op color 2: 'from' must be exactly one port, got north|west}}
    pe.route color 2 slot 0 at [0, 0] size [2, 1] from west|north to east
}

// -----

// Not none.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    // expected-error @+1 {{'pe.route' op color 2: 'from' must be exactly one port, got none}}
    pe.route color 2 slot 0 at [0, 0] size [2, 1] from none to east
}

// -----

// It leaves by at least one.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    // expected-error @+1 {{'pe.route' op color 2: 'to' needs at least one port}}
    pe.route color 2 slot 0 at [0, 0] size [2, 1] from west to none
}

// -----

// Not the one it came in by.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    // expected-error @+1 {{'pe.route' op color 2: sends wavelets back out of west, the port they came in by}}
    pe.route color 2 slot 0 at [0, 0] size [2, 1] from west to east|west
}

// -----

// A rectangle has a positive size.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    // expected-error @+1 {{'pe.route' op attribute 'size' failed to satisfy constraint}}
    pe.route color 2 slot 0 at [0, 0] size [0, 1] from west to east
}

// -----

// A range names a buffer of its program.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{'pe.fmov' op 'src' names @c, which is not a buffer of program @k}}
        pe.fmov #pe.mem<@a[0 : 4]>, #pe.mem<@c[0 : 4]>
      }
    }
}

// -----

// And lies inside it.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{'pe.fmov' op 'dst' @a[4 : 4 : 4] ends at element 17, past the 16 elements of @a}}
        pe.fmov #pe.mem<@a[4 : 4 : 4]>, #pe.mem<@b[0 : 4]>
      }
    }
}

// -----

// A task control op names a task of its program.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{'pe.unblock' op names @u, which is not a task of program @k}}
        pe.unblock @u
      }
    }
}

// -----

// Only local tasks are activated.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @r data color 2 {
      }
      pe.task @t local {
        // expected-error @+1 {{'pe.activate' op of @r: a data task runs for the wavelets of its color, not when activated}}
        pe.activate @r
      }
    }
}

// -----

// One data task per color.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.task @r data color 2 {
      }
      // expected-error @+1 {{'pe.task' op data tasks @r and @s both run on color 2}}
      pe.task @s data color 2 {
      }
    }
}

// -----

// Allocated buffers do not overlap.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      // expected-error @+1 {{'pe.buffer' op @b [32, 96) overlaps @a [0, 64) in program @k}}
      pe.buffer @b f32[16] at 32
    }
}

// -----

// Symbols are unique in a program.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-note @+1 {{see existing symbol definition here}}
      pe.buffer @a f32[16]
      // expected-error @+1 {{redefinition of symbol named 'a'}}
      pe.buffer @a f32[16]
    }
}

// -----

// A program lies inside the mesh.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    // expected-error @+1 {{'pe.program' op program @k at [6, 0] size [4, 2] reaches past the 8x8 mesh}}
    pe.program @k at [6, 0] size [4, 2] slot 0 {

    }
}

// -----

// So does a route.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    // expected-error @+1 {{'pe.route' op route of color 2 at [0, 7] size [1, 2] reaches past the 8x8 mesh}}
    pe.route color 2 slot 0 at [0, 7] size [1, 2] from west to east
}

// -----

// A data task's color is within the budget.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-error @+1 {{'pe.task' op uses color 24; the target has 24 (0 to 23)}}
      pe.task @r data color 24 {
      }
    }
}

// -----

// A send's too.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.buffer @b f32[16] at 64
      pe.task @t local {
        // expected-error @+1 {{'pe.send' op uses color 30; the target has 24 (0 to 23)}}
        pe.send #pe.mem<@a[0 : 4]> on color 30
      }
    }
}

// -----

// A route's too.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    // expected-error @+1 {{'pe.route' op uses color 99; the target has 24 (0 to 23)}}
    pe.route color 99 slot 0 at [0, 0] size [2, 1] from west to east
}

// -----

// An allocated buffer lies inside the SRAM left for data.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-error @+1 {{'pe.buffer' op @a of program @k ends at byte 3200, past the 3072 bytes of SRAM left for data (4096 less 1024 for code)}}
      pe.buffer @a f32[800] at 0
    }
}

// -----

// Programs of one slot occupy disjoint PEs.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {

    }
    // expected-error @+1 {{'pe.program' op @j and @k both occupy PE (1, 1) in slot 0}}
    pe.program @j at [1, 1] size [2, 2] slot 0 {

    }
}

// -----

// A router has one setting per color in a slot.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.route color 2 slot 0 at [0, 0] size [4, 1] from west to east
    // expected-error @+1 {{'pe.route' op color 2 in slot 0 has a second setting on router (3, 0); a router maps a color's one input port to its outputs}}
    pe.route color 2 slot 0 at [3, 0] size [1, 4] from north to south
}

// -----

// A design holds programs and routes.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    // expected-error @+1 {{'func.func' op cannot appear in a design; a design holds pe.program and pe.route ops}}
    func.func @f() {
      return
    }
}

// -----

// A program holds buffers, tasks and host I/O.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-error @+1 {{'func.func' op cannot appear in a program; a program holds pe.buffer, pe.task, pe.input, pe.output and pe.weight ops}}
      func.func @f() {
        return
      }
    }
}

// -----

// A task holds pe ops.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.task @t local {
        // expected-error @+1 {{'builtin.unrealized_conversion_cast' op cannot appear in a task; a task body holds pe ops}}
        %c = builtin.unrealized_conversion_cast to i32
      }
    }
}

// -----

// pe ops sit in their parents.
// expected-error @+1 {{'pe.buffer' op expects parent op 'pe.program'}}
pe.buffer @a f32[16]

// -----

// Vector ops in a task.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      // expected-error @+1 {{'pe.fmov' op expects parent op 'pe.task'}}
      pe.fmov #pe.mem<@a[0 : 4]>, #pe.mem<@a[4 : 4]>
      pe.buffer @a f32[16]
    }
}

// -----

// Host I/O names a buffer of its program.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      // expected-error @+1 {{'pe.input' op names @b, which is not a buffer of program @k}}
      pe.input "x" into @b as #pe.blocks<rows = 0>
    }
}

// -----

// A block layout splits dimensions 0 and up ...
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      // expected-error @+1 {{a block layout splits tensor dimensions 0 and up, not -1}}
      pe.output "y" from @a as #pe.blocks<columns = -1>
    }
}

// -----

// ... and none of them over both axes.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      // expected-error @+1 {{a block layout cannot split dimension 1 over both the columns and the rows}}
      pe.input "x" into @a as #pe.blocks<columns = 1, rows = 1>
    }
}

// -----

// Host I/O belongs to a program.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.task @t local {
        // expected-error @+1 {{'pe.input' op expects parent op 'pe.program'}}
        pe.input "x" into @a as #pe.blocks<>
      }
    }
}

// -----

// A block layout's corner needs its grid ...
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      // expected-error @+1 {{a block layout with a corner `at` needs the `grid` it is a corner of}}
      pe.input "x" into @a as #pe.blocks<rows = 0, at = [0, 1]>
    }
}

// -----

// ... a grid is two positive numbers ...
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      // expected-error @+1 {{a block layout's grid is [columns, rows], each at least 1}}
      pe.input "x" into @a as #pe.blocks<rows = 0, grid = [4, 0]>
    }
}

// -----

// ... and so is a corner, non-negative.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      // expected-error @+1 {{a block layout's corner `at` is [column, row], each non-negative}}
      pe.input "x" into @a as #pe.blocks<rows = 0, grid = [4, 4], at = [1]>
    }
}

// -----

// The program lies inside the grid its layouts place it in.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      // expected-error @+1 {{'pe.output' op places program @k (2 x 2 PEs) at block (3, 0) of a grid of 4 x 4 blocks, past its edge}}
      pe.output "y" from @a as #pe.blocks<columns = 1, grid = [4, 4], at = [3, 0]>
    }
}

// -----

// A weight comes from the kernel the program implements.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      // expected-error @+1 {{'pe.weight' op loads weight 0 of program @k, which implements no kernel ('for @kernel') to take it from}}
      pe.weight 0 into @a as #pe.blocks<columns = 1, rows = 0>
    }
}

// -----

// A weight goes into a buffer of its program.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k for @fc at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      // expected-error @+1 {{'pe.weight' op names @b, which is not a buffer of program @k}}
      pe.weight 1 into @b as #pe.blocks<>
    }
}

// -----

// A load task runs once at load: no color, no entry ...
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      // expected-error @+1 {{'pe.task' op load task @c runs once when the program is loaded and takes no color and no entry}}
      pe.task @c load entry {
      }
    }
}

// -----

// ... vector ops only ...
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.task @c load {
        // expected-error @+1 {{'pe.send' op in load task @c: a load task runs before the slot, with vector ops only}}
        pe.send #pe.mem<@a[0 : 4]> on color 1
      }
    }
}

// -----

// ... and nothing activates it.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      pe.task @c load {
        pe.fill #pe.mem<@a[0 : 4]>, 1.0
      }
      pe.task @main local entry {
        // expected-error @+1 {{'pe.activate' op of @c: a load task runs once when the program is loaded}}
        pe.activate @c
      }
    }
}

// -----

// A flat layout splits no dimension.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @k at [0, 0] size [2, 2] slot 0 {
      pe.buffer @a f32[16] at 0
      // expected-error @+1 {{a flat block layout splits no dimension; drop `columns` and `rows`}}
      pe.input "x" into @a as #pe.blocks<columns = 0, flat = true>
    }
}
