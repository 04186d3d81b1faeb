
pe.buffer @a f32[16]

