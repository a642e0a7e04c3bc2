#ifndef MULU_CXML2_SHIM_H
#define MULU_CXML2_SHIM_H
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#endif
