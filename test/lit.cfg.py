# lit configuration of Wafer's regression tests.
import os

import lit.formats

config.name = "Wafer"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = getattr(config, "wafer_obj_root", None)
config.excludes = ["lit.cfg.py", "lit.site.cfg.py.in", "CMakeLists.txt",
                   "unit", "python", "Inputs"]

config.environment["PATH"] = os.pathsep.join(
    [config.wafer_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
config.environment["PYTHONPATH"] = os.path.join(config.wafer_source_dir, "python")

# %onnx-text FILE -o OUT: build a model from ONNX's textual syntax.
config.substitutions.append(
    ("%onnx-text", f"{config.python_executable} -m wafer.testing.onnx_text"))
config.substitutions.append(("%python", config.python_executable))
