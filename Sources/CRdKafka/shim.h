#ifndef CRDKAFKA_SHIM_H
#define CRDKAFKA_SHIM_H
// Headers come from Debian's librdkafka-dev (2.0.x); at run time the binaries load the
// newer librdkafka 2.16 that scripts/setup.sh copies into .deps/lib (the 2.x ABI is stable).
#include <librdkafka/rdkafka.h>
#endif
