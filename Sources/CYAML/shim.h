#ifndef MULU_CYAML_SHIM_H
#define MULU_CYAML_SHIM_H
#include <yaml.h>
#endif
