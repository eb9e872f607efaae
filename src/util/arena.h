/* util: chunked bump allocator. Everything belonging to one conversion unit
 * (tokens, AST nodes, strings) lives in one arena and is freed at once. */
#ifndef SQLSHIFT_ARENA_H
#define SQLSHIFT_ARENA_H
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <string.h>

typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
    ArenaChunk *head;     /* current chunk (newest first) */
    size_t chunk_size;    /* default size of new chunks */
    size_t total;         /* bytes reserved from malloc, for peak-memory figures */
    unsigned char *cur;   /* free space of the head chunk: [cur, end) */
    unsigned char *end;
    unsigned char *last;  /* most recent allocation in the head chunk (arena_realloc) */
} Arena;

void  arena_init(Arena *a, size_t chunk_size);
void  arena_free(Arena *a);
/* Frees everything allocated, but keeps one default-size chunk for reuse:
 * the pipeline empties its per-statement arena thousands of times, and a
 * 64 KB malloc and free each time showed in profiles. */
void  arena_reset(Arena *a);
/* A new chunk, when the head chunk has no room for n bytes (arena.c). */
void *arena_alloc_chunk(Arena *a, size_t n);
/* Uninitialised, 16-byte aligned: for copies that overwrite all of it.
 * Inline, like arena_alloc: the parser allocates for nearly every token. */
static inline void *arena_alloc_raw(Arena *a, size_t n)
{
    size_t need = n ? (n + 15) & ~(size_t)15 : 16;
    if ((size_t)(a->end - a->cur) < need)
        return arena_alloc_chunk(a, n);
    void *p = a->cur;
    a->last = a->cur;
    a->cur += need;
    return p;
}
/* Zeroed, 16-byte aligned; aborts on out-of-memory (the only sane reaction). */
static inline void *arena_alloc(Arena *a, size_t n)
{
    void *p = arena_alloc_raw(a, n);
    memset(p, 0, n);
    return p;
}
/* Copies n <= 16 bytes without a call: two fixed-size moves that overlap
 * in the middle, reading and writing only [s, s+n) and [d, d+n). Most names
 * and numbers are this short, and a memcpy call costs more than the copy. */
static inline void arena_copy_small(char *d, const char *s, size_t n)
{
    if (n >= 8) {
        uint64_t x, y;
        memcpy(&x, s, 8);
        memcpy(&y, s + n - 8, 8);
        memcpy(d, &x, 8);
        memcpy(d + n - 8, &y, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + n - 4, 4);
        memcpy(d, &x, 4);
        memcpy(d + n - 4, &y, 4);
    } else {
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    }
}

/* NUL-terminated copy of [s, s+n); inline: the parser copies most names
 * and literals through it. */
static inline char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc_raw(a, n + 1);
    if (n <= 16)
        arena_copy_small(p, s, n);
    else
        memcpy(p, s, n);
    p[n] = 0;
    return p;
}
char *arena_strdup(Arena *a, const char *s);
/* Copy of [s, s+n) with each doubled q ("''", "]]") as one q, NUL-terminated;
 * *len gets its length. Unquotes SQL literals and quoted names. */
char *arena_undouble(Arena *a, const char *s, size_t n, char q, size_t *len);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(Arena *a, const char *fmt, va_list ap);
/* Grows the last allocation if possible, else copies. */
void *arena_realloc(Arena *a, void *old, size_t old_n, size_t new_n);

#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_NEW_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

#endif
