// jemalloc replaces the C library's malloc for the whole `dossier` process (Linux only): a build allocates
// and frees millions of small strings and arrays on every core, which glibc's allocator serves slowly.
#include <jemalloc/jemalloc.h>
