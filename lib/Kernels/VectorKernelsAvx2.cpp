// The vector kernels compiled for the avx2 dispatch path (flags in CMakeLists).
#define WAFER_ISA_NAMESPACE avx2
#include "VectorKernels.inc"
