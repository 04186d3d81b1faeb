"""Insert a pe.design into a printed module, before the module's closing
brace (which, with weights in dialect resources, is not the file's last
line): add_pe_design.py MODULE.mlir DESIGN.mlir OUT.mlir"""
import sys

module, design, out = sys.argv[1:4]
lines = open(module).read().split("\n")
closing = lines.index("}")  # the first column-0 brace closes the module
pe = [line for line in open(design).read().split("\n")
      if line and not line.startswith("//")]
open(out, "w").write("\n".join(lines[:closing] + pe + lines[closing:]))
