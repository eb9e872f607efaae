/* diag: line map and offset -> line:column (see source.h). */
#include "diag/source.h"
#include "util/mapguard.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Line index of byte off (<= len): binary search in the line map, between
 * the lines of off's block and of the next block. */
static int line_of(const SourceFile *f, uint32_t off)
{
    /* unsigned: halving needs no rounding fix for negative numbers */
    uint32_t lo = 0, hi = (uint32_t)f->nlines - 1;
    if (f->line_at) {
        size_t b = off >> SRC_BLOCK_SHIFT;
        lo = f->line_at[b];
        if (b < f->len >> SRC_BLOCK_SHIFT)
            hi = f->line_at[b + 1];
    }
    while (lo < hi) {
        uint32_t mid = (lo + hi + 1) / 2;
        if (f->lines[mid] <= off)
            lo = mid;
        else
            hi = mid - 1;
    }
    return (int)lo;
}

/* Appends off to the line map, growing it by doubling. */
static inline uint32_t *add_line(uint32_t *l, int *n, int *cap, uint32_t off)
{
    if (*n == *cap) {
        *cap *= 2;
        l = realloc(l, sizeof(uint32_t) * (size_t)*cap);
        if (!l)
            abort();
    }
    l[(*n)++] = off;
    return l;
}

/* The line breaks among the 64 bytes at p, as a bit mask (bit i: p[i]);
 * a block without one (long lines: data scripts) costs one test. */
static inline uint64_t nl_mask64(const unsigned char *p)
{
#ifdef __SSE2__
    const __m128i nl = _mm_set1_epi8('\n');
    __m128i c0 = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), nl);
    __m128i c1 = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 16)), nl);
    __m128i c2 = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 32)), nl);
    __m128i c3 = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 48)), nl);
    if (!_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(c0, c1), _mm_or_si128(c2, c3))))
        return 0;
    return (uint64_t)(uint16_t)_mm_movemask_epi8(c0) |
           (uint64_t)(uint16_t)_mm_movemask_epi8(c1) << 16 |
           (uint64_t)(uint16_t)_mm_movemask_epi8(c2) << 32 |
           (uint64_t)(uint16_t)_mm_movemask_epi8(c3) << 48;
#else
    uint64_t m = 0;
    for (int k = 0; k < 64; k++)
        m |= (uint64_t)(p[k] == '\n') << k;
    return m;
#endif
}

/* Line starts: the text is looked at 64 bytes at a time as a mask of its
 * line breaks (a memchr call per line cost more than the scan itself on
 * SQL's short lines), then the rest byte by byte. */
void src_build_lines(SourceFile *f)
{
    int cap = 64, n = 0;
    uint32_t *l = malloc(sizeof(uint32_t) * (size_t)cap);
    if (!l)
        abort();
    l[n++] = 0;
    const unsigned char *t = (const unsigned char *)f->text;
    size_t i = 0, len = f->len;
    for (; i + 64 <= len; i += 64) {
        for (uint64_t m = nl_mask64(t + i); m; m &= m - 1)
            l = add_line(l, &n, &cap, (uint32_t)(i + (size_t)__builtin_ctzll(m) + 1));
    }
    for (; i < len; i++)
        if (t[i] == '\n')
            l = add_line(l, &n, &cap, (uint32_t)(i + 1));
    /* the block index after the line starts, in the same allocation (one
     * free releases both) */
    size_t nb = (f->len >> SRC_BLOCK_SHIFT) + 1;
    l = realloc(l, sizeof(uint32_t) * ((size_t)n + nb));
    if (!l)
        abort();
    uint32_t *at = l + n;
    f->lines = l;
    f->nlines = n;
    f->line_at = NULL; /* line_of searches all lines until the index is made */
    for (size_t b = 0; b < nb; b++)
        at[b] = (uint32_t)line_of(f, (uint32_t)(b << SRC_BLOCK_SHIFT));
    f->line_at = at;
}

/* Characters in [t, t+n): bytes that are not UTF-8 continuation bytes
 * (10xxxxxx). Lines of 40 KB (hex literals) are common in dumps, so eight
 * bytes at a time: a word with no high bit is all ASCII; else
 * (w & ~(w << 1)) keeps a continuation byte's top bit, and the multiply
 * adds up the (0 or 1) bytes into the top byte without a popcount call. */
static size_t utf8_chars(const unsigned char *t, size_t n)
{
    const uint64_t high = 0x8080808080808080ull;
    size_t i = 0, cont = 0;
    for (; i + 32 <= n; i += 32) { /* a leading all-ASCII stretch 32 bytes at a time */
        uint64_t w[4];
        memcpy(w, t + i, 32);
        if ((w[0] | w[1] | w[2] | w[3]) & high)
            break;
    }
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, t + i, 8);
        if (!(w & high))
            continue;
        uint64_t m = (w & ~(w << 1) & high) >> 7;
        cont += (size_t)((m * 0x0101010101010101ull) >> 56);
    }
    for (; i < n; i++)
        cont += (t[i] & 0xC0) == 0x80;
    return n - cont;
}

SrcPos src_pos(const SourceFile *f, uint32_t off)
{
    SrcPos p = {1, 1};
    if (!f || !f->lines)
        return p;
    if (off > f->len)
        off = (uint32_t)f->len;
    int l = line_of(f, off);
    p.line = l + 1;
    p.col = (int)(1 + utf8_chars((const unsigned char *)f->text + f->lines[l], off - f->lines[l]));
    return p;
}

void src_span_pos(const SourceFile *f, SrcSpan sp, SrcPos *start, SrcPos *end)
{
    *start = src_pos(f, sp.off);
    uint32_t last = sp.len ? sp.off + sp.len - 1 : sp.off;
    if (!f || !f->lines || last > f->len || sp.off > f->len) {
        *end = src_pos(f, last);
        return;
    }
    /* A span on one line (most are, and the long lines are): count on
     * from the start instead of from the line's beginning again. */
    int l = start->line - 1;
    if (l + 1 >= f->nlines || f->lines[l + 1] > last) {
        end->line = start->line;
        end->col = start->col +
                   (int)utf8_chars((const unsigned char *)f->text + sp.off, last - sp.off);
    } else {
        *end = src_pos(f, last);
    }
}

void src_release_before(SourceFile *f, size_t off)
{
    /* in steps of at least 4 MB: one system call per few thousand statements */
    enum { STEP = 4 << 20 };
    if (!f->map || off > f->map_len)
        return;
    /* most statements end here, before asking for the page size */
    if (off + (size_t)(f->text - (char *)f->map) < f->released + STEP)
        return;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t upto = (off + (size_t)(f->text - (char *)f->map)) / page * page;
    if (upto < f->released + STEP)
        return;
    /* read-only private mapping: dropped pages come back from the file */
    if (madvise((char *)f->map + f->released, upto - f->released, MADV_DONTNEED) == 0)
        f->released = upto;
}

void src_release_text(SourceFile *f)
{
    if (f->map)
        madvise(f->map, f->map_len, MADV_DONTNEED);
}

void src_free_text(SourceFile *f)
{
    if (f->map) {
        mapguard_remove(f->map);
        munmap(f->map, f->map_len);
    } else {
        free(f->text);
    }
    free(f->lines);
    f->text = NULL;
    f->map = NULL;
    f->map_len = f->released = 0;
    f->lines = NULL;
    f->line_at = NULL;
}

void src_free(SourceFile *f)
{
    free(f->name);
    f->name = NULL;
    src_free_text(f);
}
