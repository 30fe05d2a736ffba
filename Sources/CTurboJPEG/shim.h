#ifndef SPARKLER_CTURBOJPEG_SHIM_H
#define SPARKLER_CTURBOJPEG_SHIM_H
#include <turbojpeg.h>
#endif
