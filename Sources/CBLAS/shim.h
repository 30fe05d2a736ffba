// OpenBLAS's CBLAS interface (Debian: libopenblas-dev), for the offline engine's matrix products: its types
// and constants only. The library is opened when the engine loads a model (SparklerEngine's OpenBLAS.swift).
#include <cblas.h>
