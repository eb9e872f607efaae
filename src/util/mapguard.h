/* util: a file mapped for reading raises SIGBUS when a page beyond its new
 * end is read after the file shrank (truncated or rewritten in place by
 * another program while sqlshift converts it). The guard turns that into a
 * message naming the file and exit status 3 (input could not be read),
 * instead of a crash. The table of mappings is process-wide, as the signal
 * handler that reads it. */
#ifndef SQLSHIFT_MAPGUARD_H
#define SQLSHIFT_MAPGUARD_H
#include <stddef.h>

/* Registers a mapping of the file name (copied); 0, or -1 without memory
 * (the mapping is then unguarded). */
int mapguard_add(const void *base, size_t len, const char *name);
/* Before the mapping at base is unmapped. */
void mapguard_remove(const void *base);
/* Installs the SIGBUS handler (once). 0, or -1 with errno set. */
int mapguard_install(void);

#endif
