// The vector kernels compiled for the portable dispatch path (flags in CMakeLists).
#define WAFER_ISA_NAMESPACE portable
#include "VectorKernels.inc"
