pe.design target = #fabric.target<name = "wse3", width = 762, height = 1172, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @src for @fc1 at [0, 0] size [1, 1] slot 0 {
    pe.buffer @x f32[16]
    pe.buffer @s f32[1]
    pe.task @main local entry {
      pe.fmac #pe.mem<@x[0 : 8 : 2]>, #pe.mem<@x[0 : 8 : 2]>, #pe.mem<@x[1 : 8 : 2]>, #pe.mem<@s[0 : 1]>
      pe.send #pe.mem<@x[0 : 16]> on color 2
    }
  }
  pe.program @dst for @fc2 at [1, 0] size [1, 1] slot 0 {
    pe.buffer @y f32[16]
    pe.buffer @m f32[1]
    pe.task @in data color 2 {
      pe.recv color 2 into #pe.mem<@y[0 : 16]>
      pe.activate @fold
    }
    pe.task @fold local {
      pe.reduce max #pe.mem<@m[0 : 1]>, #pe.mem<@y[0 : 16]>
      pe.exp #pe.mem<@y[0 : 16]>, #pe.mem<@y[0 : 16]>
    }
  }
  pe.route color 2 slot 0 at [0, 0] size [1, 1] from ramp to east
  pe.route color 2 slot 0 at [1, 0] size [1, 1] from west to ramp
}
