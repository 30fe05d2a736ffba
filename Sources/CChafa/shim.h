#ifndef SPARKLER_CCHAFA_SHIM_H
#define SPARKLER_CCHAFA_SHIM_H
#include <chafa.h>
#endif
