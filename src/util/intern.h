/* util: a set of interned strings. Names that recur across a large input
 * (schemas, column names, the table a statement works on) are stored once,
 * in the caller's arena, and every user shares that copy. */
#ifndef SQLSHIFT_INTERN_H
#define SQLSHIFT_INTERN_H
#include "util/arena.h"
#include <stddef.h>

typedef struct Interner {
    Arena *arena;           /* where the strings live (outlives the set's use) */
    const char **slots;     /* open addressing (malloc), NULL = empty */
    unsigned cap, n;
} Interner;

void intern_init(Interner *in, Arena *a);
void intern_free(Interner *in);  /* the table; the strings stay in the arena */
/* The one NUL-terminated copy of s[0..len) (s need not be terminated). */
const char *intern(Interner *in, const char *s, size_t len);

#endif
