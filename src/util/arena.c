/* util: chunked bump allocator (see arena.h). */
#include "util/arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ArenaChunk {
    ArenaChunk *next;   /* older chunk */
    size_t size;        /* usable bytes in data[] */
    _Alignas(16) unsigned char data[];
};

void arena_init(Arena *a, size_t chunk_size)
{
    a->head = NULL;
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
    a->total = 0;
    a->cur = a->end = a->last = NULL;
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
    a->cur = a->end = a->last = NULL;
}

void arena_reset(Arena *a)
{
#if defined(__SANITIZE_ADDRESS__)
    /* ASan builds give every statement fresh chunks, so a pointer kept past
     * the reset is still caught as a use after free. */
    arena_free(a);
#else
    ArenaChunk *keep = NULL, *c = a->head;
    while (c) {
        ArenaChunk *n = c->next;
        if (!keep && c->size == a->chunk_size)
            keep = c;
        else
            free(c);
        c = n;
    }
    a->head = keep;
    a->cur = a->end = a->last = NULL;
    a->total = 0;
    if (keep) {
        keep->next = NULL;
        a->total = sizeof(ArenaChunk) + keep->size;
        a->cur = keep->data;
        a->end = keep->data + keep->size;
    }
#endif
}

void *arena_alloc_chunk(Arena *a, size_t n)
{
    size_t need = n ? (n + 15) & ~(size_t)15 : 16;
    size_t size = need > a->chunk_size ? need : a->chunk_size;
    ArenaChunk *c = malloc(sizeof(ArenaChunk) + size);
    if (!c) {
        fputs("sqlshift: out of memory\n", stderr);
        abort();
    }
    c->size = size;
    a->total += sizeof(ArenaChunk) + size;
    /* A huge one-off allocation goes behind the current chunk so the
     * current chunk's free space is not wasted. */
    if (a->head && need > a->chunk_size && a->cur < a->end) {
        c->next = a->head->next;
        a->head->next = c;
        return c->data;
    }
    c->next = a->head;
    a->head = c;
    a->last = c->data;
    a->cur = c->data + need;
    a->end = c->data + size;
    return c->data;
}

void *arena_realloc(Arena *a, void *old, size_t old_n, size_t new_n)
{
    if (!old)
        return arena_alloc(a, new_n);
    if ((unsigned char *)old == a->last) {
        size_t need = (new_n + 15) & ~(size_t)15;
        if ((size_t)(a->end - a->last) >= need) {
            if (new_n > old_n)
                memset((unsigned char *)old + old_n, 0, new_n - old_n);
            a->cur = a->last + need;
            return old;
        }
    }
    /* only the bytes past the old ones are zeroed: the rest is copied over */
    unsigned char *p = arena_alloc_raw(a, new_n);
    size_t keep = old_n < new_n ? old_n : new_n;
    memcpy(p, old, keep);
    memset(p + keep, 0, new_n - keep);
    return p;
}

char *arena_undouble(Arena *a, const char *s, size_t n, char q, size_t *len)
{
    char *o = arena_alloc_raw(a, n + 1), *w = o;
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
