/* util: interned strings (see intern.h). */
#include "util/intern.h"
#include <stdlib.h>
#include <string.h>

void intern_init(Interner *in, Arena *a)
{
    memset(in, 0, sizeof *in);
    in->arena = a;
}

void intern_free(Interner *in)
{
    free(in->slots);
    in->slots = NULL;
    in->cap = in->n = 0;
}

static unsigned hash_n(const char *s, size_t len)
{
    unsigned h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static const char **slot_of(const Interner *in, const char *s, size_t len, unsigned h)
{
    unsigned mask = in->cap - 1;
    for (unsigned i = h & mask;; i = (i + 1) & mask) {
        const char *k = in->slots[i];
        if (!k || (strncmp(k, s, len) == 0 && k[len] == 0))
            return &in->slots[i];
    }
}

const char *intern(Interner *in, const char *s, size_t len)
{
    if ((in->n + 1) * 4 >= in->cap * 3) {
        unsigned ncap = in->cap ? in->cap * 2 : 256;
        const char **old = in->slots;
        unsigned ocap = in->cap;
        in->slots = calloc(ncap, sizeof *in->slots);
        if (!in->slots)
            abort();
        in->cap = ncap;
        for (unsigned i = 0; i < ocap; i++)
            if (old[i])
                *slot_of(in, old[i], strlen(old[i]), hash_n(old[i], strlen(old[i]))) = old[i];
        free(old);
    }
    const char **sl = slot_of(in, s, len, hash_n(s, len));
    if (!*sl) {
        *sl = arena_strndup(in->arena, s, len);
        in->n++;
    }
    return *sl;
}
