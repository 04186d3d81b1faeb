pe.design target = #fabric.target<name = "wse3", width = 762, height = 1172, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @square for @square at [0, 0] size [2, 2] slot 0 {
    pe.buffer @x f32[6]
    pe.input "x" into @x as #pe.blocks<columns = 1, rows = 0>
    pe.output "y" from @x as #pe.blocks<columns = 1, rows = 0>
    pe.task @main local entry {
      pe.fmul #pe.mem<@x[0 : 6]>, #pe.mem<@x[0 : 6]>, #pe.mem<@x[0 : 6]>
      pe.exp #pe.mem<@x[0 : 6]>, #pe.mem<@x[0 : 6]>
    }
  }
}
