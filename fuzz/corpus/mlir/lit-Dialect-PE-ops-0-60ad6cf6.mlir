


module {
  pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    pe.program @"h.0/mlp/fc" for @"h.0/mlp/fc" at [0, 0] size [4, 2] slot 0 {
      pe.buffer @x f32[64] at 0
      pe.buffer @w f32[512]
      pe.buffer @y f32[8] at 256
      pe.buffer @h f16[8] at 288
      pe.input "x" into @x as #pe.blocks<columns = 1, rows = 0>
      pe.input "x" into @w as #pe.blocks<>
      pe.output "y" from @y as #pe.blocks<rows = 1>
      pe.input "z" into @h as #pe.blocks<flat = true>
      pe.weight 0 into @w as #pe.blocks<columns = 1, rows = 0, grid = [4, 6], at = [0, 2]>
      pe.weight 1 into @y as #pe.blocks<columns = 0, grid = [8, 2], at = [4, 0]>
      pe.task @recv_x data color 2 {
        pe.recv color 2 into #pe.mem<@x[0 : 64]>
        pe.activate @step
      }
      pe.task @step local entry {
        pe.fmac #pe.mem<@y[0 : 8]>, #pe.mem<@y[0 : 8]>, #pe.mem<@w[0 : 8 : 64]>, #pe.mem<@x[5 : 1]>
        pe.fadd #pe.mem<@y[0 : 8]>, #pe.mem<@y[0 : 8]>, #pe.mem<@y[0 : 8]>
        pe.fsub #pe.mem<@y[0 : 4]>, #pe.mem<@y[4 : 4]>, #pe.mem<@y[0 : 4]>
        pe.fmul #pe.mem<@y[0 : 8]>, #pe.mem<@y[0 : 8]>, #pe.mem<@w[0 : 8]>
        pe.fmax #pe.mem<@y[0 : 8]>, #pe.mem<@y[0 : 8]>, #pe.mem<@w[8 : 8]>
        pe.fmov #pe.mem<@w[0 : 8]>, #pe.mem<@y[0 : 8]>
        pe.fill #pe.mem<@w[8 : 8]>, -0.25
        pe.exp #pe.mem<@y[0 : 8]>, #pe.mem<@y[0 : 8]>
        pe.rsqrt #pe.mem<@y[0 : 8]>, #pe.mem<@y[0 : 8]>
        pe.reduce max #pe.mem<@y[0 : 1]>, #pe.mem<@y[0 : 8]>
        pe.reduce add #pe.mem<@y[1 : 1]>, #pe.mem<@y[0 : 8 : 1]>
        pe.send #pe.mem<@y[0 : 8]> on color 3
        pe.block @recv_x
        pe.unblock @recv_x
      }
      pe.task @constants load {
        pe.fill #pe.mem<@w[0 : 8]>, 0.5
      }
    }
    pe.program @next at [4, 0] size [4, 2] slot 0 {
    }
    pe.program @later at [0, 0] size [8, 8] slot 1 {
    }
    pe.route color 2 slot 0 at [0, 0] size [4, 1] from west to east|ramp
    pe.route color 2 slot 0 at [4, 0] size [1, 1] from west to ramp
    pe.route color 2 slot 1 at [0, 0] size [8, 8] from north to south|east|west|ramp
  }
}
