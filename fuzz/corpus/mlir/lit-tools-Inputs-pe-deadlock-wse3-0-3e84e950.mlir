pe.design target = #fabric.target<name = "wse3", width = 762, height = 1172, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @a at [0, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[4] at 0
    pe.task @main local entry {
      pe.recv color 3 into #pe.mem<@x[0 : 4]>
      pe.send #pe.mem<@x[0 : 4]> on color 2
    }
  }
  pe.program @b at [1, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[4] at 0
    pe.task @main local entry {
      pe.recv color 2 into #pe.mem<@x[0 : 4]>
      pe.send #pe.mem<@x[0 : 4]> on color 3
    }
  }
  pe.route color 2 slot 0 at [0, 0] size [1, 1] from ramp to east
  pe.route color 2 slot 0 at [1, 0] size [1, 1] from west to ramp
  pe.route color 3 slot 0 at [1, 0] size [1, 1] from ramp to west
  pe.route color 3 slot 0 at [0, 0] size [1, 1] from east to ramp
}
