"""The exceptions of ``wafer.compile`` and ``wafer.Runtime``.

Pure Python, so that they can be imported (and caught) without the
extension. A wrong input name, dtype or shape is a plain ``ValueError``.
"""

import builtins
from dataclasses import dataclass, field
from typing import List


class Error(Exception):
    """The base of Wafer's exceptions."""


@dataclass(frozen=True)
class Diagnostic:
    """One diagnostic of a compile, as the compiler emitted it.

    ``onnx_node`` names the ONNX node (or initializer, or graph input) the
    diagnostic is about, where its location names one; ``location`` is the
    location as MLIR prints it ("" when unknown); ``notes`` are the
    diagnostic's attached notes (hints, the list of supported ops).
    """

    severity: str
    message: str
    location: str = ""
    onnx_node: str = ""
    notes: List["Diagnostic"] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d):
        return cls(d["severity"], d["message"], d["location"], d["onnx_node"],
                   [cls.from_dict(n) for n in d["notes"]])

    def __str__(self):
        where = f"{self.location}: " if self.location else ""
        text = f"{where}{self.severity}: {self.message}"
        for note in self.notes:
            text += "\n  " + str(note).replace("\n", "\n  ")
        return text


class CompileError(Error):
    """The compiler refused the model; ``diagnostics`` says why (every
    diagnostic of the compile, errors among them)."""

    def __init__(self, diagnostics):
        self.diagnostics = list(diagnostics)
        errors = [d for d in self.diagnostics if d.severity == "error"]
        super().__init__("\n".join(str(d) for d in errors or self.diagnostics)
                         or "the compile failed")

    @property
    def errors(self):
        return [d for d in self.diagnostics if d.severity == "error"]


class RuntimeError(Error, builtins.RuntimeError):
    """The runtime or the simulator could not load or run a binary (a
    corrupt file, a wrong target, an index out of range, a deadlock).
    Also a builtin ``RuntimeError``."""
