/* util: chunked bump allocator. Everything belonging to one conversion unit
 * (tokens, AST nodes, strings) lives in one arena and is freed at once. */
#ifndef SQLSHIFT_ARENA_H
#define SQLSHIFT_ARENA_H
#include <stddef.h>
#include <stdarg.h>

typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
    ArenaChunk *head;   /* current chunk (newest first) */
    size_t chunk_size;  /* default size of new chunks */
    size_t total;       /* bytes reserved from malloc, for peak-memory figures */
} Arena;

void  arena_init(Arena *a, size_t chunk_size);
void  arena_free(Arena *a);
/* Zeroed, 16-byte aligned; aborts on out-of-memory (the only sane reaction). */
void *arena_alloc(Arena *a, size_t n);
char *arena_strndup(Arena *a, const char *s, size_t n);
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
