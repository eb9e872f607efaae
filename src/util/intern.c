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

/* Eight bytes at a time (multiply and fold). The tail (most names are
 * shorter than eight bytes) is read in at most two loads, none past the end:
 * two overlapping four-byte words from 4 bytes on, else the first, middle
 * and last bytes (with the length mixed in, these tell every string of 1 to
 * 3 bytes apart). */
static uint32_t hash_n(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ len;
    for (; len >= 8; s += 8, len -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    if (len >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + len - 4, 4);
        w = (uint64_t)a << 32 | b;
    } else if (len) {
        w = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[len / 2] << 8 |
            (unsigned char)s[len - 1];
    }
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
    return (uint32_t)h;
}

static InternSlot *slot_of(const Interner *in, const char *s, size_t len, uint32_t h)
{
    unsigned mask = in->cap - 1;
    for (unsigned i = h & mask;; i = (i + 1) & mask) {
        InternSlot *sl = &in->slots[i];
        if (!sl->s || (sl->hash == h && sl->len == len && memcmp(sl->s, s, len) == 0))
            return sl;
    }
}

/* Doubles the table (first use: 256 slots). Out of line: rare, and it
 * would make every intern call save registers it does not need. */
static __attribute__((noinline)) void grow(Interner *in)
{
    unsigned ncap = in->cap ? in->cap * 2 : 256;
    InternSlot *old = in->slots;
    unsigned ocap = in->cap;
    in->slots = calloc(ncap, sizeof *in->slots);
    if (!in->slots)
        abort();
    in->cap = ncap;
    for (unsigned i = 0; i < ocap; i++)
        if (old[i].s)
            *slot_of(in, old[i].s, old[i].len, old[i].hash) = old[i];
    free(old);
}

const char *intern(Interner *in, const char *s, size_t len)
{
    if ((in->n + 1) * 2 > in->cap)
        grow(in);
    uint32_t h = hash_n(s, len);
    InternSlot *sl = slot_of(in, s, len, h);
    if (!sl->s) {
        sl->s = arena_strndup(in->arena, s, len);
        sl->len = (uint32_t)len;
        sl->hash = h;
        in->n++;
    }
    return sl->s;
}
