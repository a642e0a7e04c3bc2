#ifndef MULU_CDEFLATE_SHIM_H
#define MULU_CDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
