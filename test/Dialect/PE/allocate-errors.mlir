// RUN: wafer-opt %s --split-input-file --verify-diagnostics --pe-allocate

// More buffers than the SRAM left for data: the error gives both sizes and
// a memory map, one note per buffer.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  // expected-error @+2 {{'pe.program' op @k does not fit: its buffers need 3328 bytes and each PE has 3072 bytes of SRAM for data (4096 less 1024 for code)}}
  // expected-note @+1 {{memory map of @k (bytes):}}
  pe.program @k at [0, 0] size [2, 2] slot 0 {
    // expected-note @+1 {{@x: 256 at 0 (fixed)}}
    pe.buffer @x f32[64] at 0
    // expected-note @+1 {{@w: 2048 at 256}}
    pe.buffer @w f32[512]
    // expected-note @+1 {{@y: 1024, no gap left}}
    pe.buffer @y f32[256]
  }
}

// -----

// Enough bytes in all, but the fixed buffers leave no gap large enough.
pe.design target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
  // expected-error @+2 {{'pe.program' op @k does not fit: its buffers need 2560 bytes and each PE has 3072 bytes of SRAM for data (4096 less 1024 for code); the buffers with fixed addresses leave no gap large enough}}
  // expected-note @+1 {{memory map of @k (bytes):}}
  pe.program @k at [0, 0] size [2, 2] slot 0 {
    // expected-note @+1 {{@a: 256 at 1024 (fixed)}}
    pe.buffer @a f32[64] at 1024
    // expected-note @+1 {{@b: 256 at 2048 (fixed)}}
    pe.buffer @b f32[64] at 2048
    // expected-note @+1 {{@c: 2048, no gap left}}
    pe.buffer @c f32[512]
  }
}
