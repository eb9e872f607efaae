/* util: an append-only byte store for text that is written once and read
 * back later (a run's converted units, its findings' texts). It lives in
 * memory while it is small, and moves to a temporary file once it passes
 * a limit, so a large input does not hold all of its output in memory.
 * (A file from the start cost about 10% of a run on a small input: ext4
 * block reservation on every write, a read back, the eviction on exit.) */
#ifndef SQLSHIFT_SPOOL_H
#define SQLSHIFT_SPOOL_H
#include <stddef.h>
#include <stdio.h>

typedef struct Spool {
    size_t len;         /* bytes written */
    size_t mem_max;     /* in memory up to this many bytes */
    char *mem;          /* the bytes, while in memory */
    size_t cap;
    size_t expect;      /* bytes the caller expects to put (spool_expect) */
    char *mapped;       /* the mapping mem lies in, and its length */
    size_t mapped_len;
    FILE *f;            /* the temporary file, once spilled */
    char *fbuf;         /* its stdio buffer */
    char *win;          /* read window (file): SPOOL_WINDOW bytes */
    size_t win_off, win_len;
    char *chunk;        /* a text longer than the window (file) */
    size_t chunk_cap;
    char *map;          /* spool_map of the file */
    size_t map_len;
} Spool;

/* The read window and the file's write buffer. */
#define SPOOL_WINDOW (256 * 1024)

void spool_init(Spool *s, size_t mem_max);
/* Says how many bytes are likely to be put (0: unknown); before the first
 * spool_put. A spool expected to fill most of a 2 MB huge page gets its
 * memory in huge pages where the kernel offers them (transparent huge
 * pages on request): one fault instead of 512. */
void spool_expect(Spool *s, size_t bytes);
/* Appends n bytes; returns their offset, or -1 (errno set) when the
 * temporary file cannot be created or written. */
long spool_put(Spool *s, const void *p, size_t n);
/* The len bytes at off (not NUL-terminated), valid until the next
 * spool_get or spool_put. From a file, up to `ahead` bytes from off (at
 * least len) are read at once, so that texts read next in the same order
 * come from memory. NULL (errno set) on a read error. */
const char *spool_get(Spool *s, size_t off, size_t len, size_t ahead);
/* All the bytes, mapped read-only; valid until spool_free. NULL on error.
 * No spool_put after this. */
const char *spool_map(Spool *s);
/* Gives back the memory of what spool_map returned (it stays readable). */
void spool_drop_pages(Spool *s);
/* 1 while the bytes are in memory (reads then cost nothing: no read-ahead
 * is worth planning). */
int spool_in_memory(const Spool *s);
void spool_free(Spool *s);

#endif
