// OpenBLAS's CBLAS interface (Debian: libopenblas-dev), for the offline engine's matrix products.
#include <cblas.h>
