
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @p at [0, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[8]
    pe.task @main local entry {
      pe.recv color 4 into #pe.mem<@x[0 : 8]>
      pe.send #pe.mem<@x[0 : 8]> on color 2
    }
  }
  pe.program @q at [1, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[8]
    pe.task @main local entry {
      pe.recv color 2 into #pe.mem<@x[0 : 8]>
      pe.send #pe.mem<@x[0 : 8]> on color 3
    }
  }
  pe.program @r at [1, 1] size [1, 1] slot 0 {
    pe.buffer @x f32[8]
    pe.task @main local entry {
      pe.recv color 3 into #pe.mem<@x[0 : 8]>
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

