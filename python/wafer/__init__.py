"""Python side of the Wafer compiler (model builders for testing the ONNX importer)."""
