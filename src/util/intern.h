/* util: a set of interned strings. Names that recur across a large input
 * (schemas, column names, the table a statement works on) are stored once,
 * in the caller's arena, and every user shares that copy. */
#ifndef SQLSHIFT_INTERN_H
#define SQLSHIFT_INTERN_H
#include "util/arena.h"
#include <stddef.h>
#include <stdint.h>

/* One string of the set, with its length and hash: a probe compares those
 * before any bytes. */
typedef struct InternSlot {
    const char *s;          /* the copy (arena); NULL = empty slot */
    uint32_t len;
    uint32_t hash;
} InternSlot;

typedef struct Interner {
    Arena *arena;           /* where the strings live (outlives the set's use) */
    InternSlot *slots;      /* open addressing (malloc), at most half full */
    unsigned cap, n;
} Interner;

void intern_init(Interner *in, Arena *a);
void intern_free(Interner *in);  /* the table; the strings stay in the arena */
/* The one NUL-terminated copy of s[0..len) (s need not be terminated). */
const char *intern(Interner *in, const char *s, size_t len);

#endif
