

pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  pe.program @k at [0, 0] size [2, 2] slot 0 {
    pe.buffer @small f16[3]
    pe.buffer @fixed f32[16] at 64
    pe.buffer @big f32[256]
    pe.buffer @mid f32[16]
    pe.buffer @mid2 f32[16] at 1152
    pe.buffer @odd f16[1]
    pe.buffer @word i32[1]
  }
  pe.program @other at [2, 0] size [1, 1] slot 0 {
    pe.buffer @a f32[768]
  }
}
