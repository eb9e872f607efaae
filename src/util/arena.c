/* util: chunked bump allocator (see arena.h). */
#include "util/arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ArenaChunk {
    ArenaChunk *next;   /* older chunk */
    size_t size;        /* usable bytes in data[] */
    size_t used;        /* bytes handed out */
    size_t last;        /* offset of the most recent allocation, for realloc */
    _Alignas(16) unsigned char data[];
};

void arena_init(Arena *a, size_t chunk_size)
{
    a->head = NULL;
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
    a->total = 0;
}

void arena_free(Arena *a)
{
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *n = c->next;
        free(c);
        c = n;
    }
    a->head = NULL;
    a->total = 0;
}

static ArenaChunk *new_chunk(Arena *a, size_t need)
{
    size_t size = need > a->chunk_size ? need : a->chunk_size;
    ArenaChunk *c = malloc(sizeof(ArenaChunk) + size);
    if (!c) {
        fputs("sqlshift: out of memory\n", stderr);
        abort();
    }
    c->size = size;
    c->used = 0;
    c->last = 0;
    a->total += sizeof(ArenaChunk) + size;
    /* A huge one-off allocation goes behind the current chunk so the
     * current chunk's free space is not wasted. */
    if (a->head && need > a->chunk_size && a->head->used < a->head->size) {
        c->next = a->head->next;
        a->head->next = c;
    } else {
        c->next = a->head;
        a->head = c;
    }
    return c;
}

/* Uninitialised memory: for copies that overwrite all of it. */
static inline void *alloc_raw(Arena *a, size_t n)
{
    size_t need = (n + 15) & ~(size_t)15;
    if (need == 0)
        need = 16;
    ArenaChunk *c = a->head;
    if (!c || c->size - c->used < need) {
        c = new_chunk(a, need);
        if (c->size - c->used < need) /* placed behind head: use it whole */
            c = new_chunk(a, need);
    }
    void *p = c->data + c->used;
    c->last = c->used;
    c->used += need;
    return p;
}

void *arena_alloc(Arena *a, size_t n)
{
    void *p = alloc_raw(a, n);
    memset(p, 0, n);
    return p;
}

void *arena_realloc(Arena *a, void *old, size_t old_n, size_t new_n)
{
    if (!old)
        return arena_alloc(a, new_n);
    ArenaChunk *c = a->head;
    if (c && (unsigned char *)old == c->data + c->last) {
        size_t need = (new_n + 15) & ~(size_t)15;
        if (c->last + need <= c->size) {
            if (new_n > old_n)
                memset((unsigned char *)old + old_n, 0, new_n - old_n);
            c->used = c->last + need;
            return old;
        }
    }
    void *p = arena_alloc(a, new_n);
    memcpy(p, old, old_n < new_n ? old_n : new_n);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = alloc_raw(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_undouble(Arena *a, const char *s, size_t n, char q, size_t *len)
{
    char *o = alloc_raw(a, n + 1), *w = o;
    const char *end = s + n;
    /* whole runs up to each quote with memcpy: the long strings of data
     * scripts have few quotes */
    while (s < end) {
        const char *hit = memchr(s, q, (size_t)(end - s));
        if (!hit) {
            memcpy(w, s, (size_t)(end - s));
            w += end - s;
            break;
        }
        memcpy(w, s, (size_t)(hit - s) + 1);
        w += hit - s + 1;
        s = hit + 1;
        if (s < end && *s == q) /* doubled: one kept */
            s++;
    }
    *w = 0;
    *len = (size_t)(w - o);
    return o;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(Arena *a, const char *fmt, va_list ap)
{
    /* Most results are short: formatted once into a stack buffer and
     * copied, instead of formatting twice (size, then text). */
    char buf[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(buf, sizeof buf, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    if ((size_t)n < sizeof buf)
        return arena_strndup(a, buf, (size_t)n);
    char *p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}
