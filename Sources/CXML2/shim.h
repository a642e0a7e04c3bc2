#ifndef MULU_CXML2_SHIM_H
#define MULU_CXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so its encoding.h includes the system's ICU headers,
   whose enums clash with Foundation's own copy of ICU (_FoundationICU) in any Swift module that
   imports both. mulu reads XML through xmlTextReader only and never touches an encoding
   handler's fields, so the ICU part of that header is left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#endif
