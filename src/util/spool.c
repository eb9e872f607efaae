/* util: spool (see spool.h). */
#include "util/spool.h"
#include <errno.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

void spool_init(Spool *s, size_t mem_max)
{
    memset(s, 0, sizeof *s);
    s->mem_max = mem_max;
}

void spool_expect(Spool *s, size_t bytes)
{
    s->expect = bytes;
}

/* A transparent huge page (x86-64, arm64 with 4 KB pages). */
#define HUGE_PAGE ((size_t)2 << 20)

/* The in-memory store: the whole limit as address space at once (pages are
 * only backed when written, and growing never copies: realloc doubling
 * copied and touched twice the text). The huge pages at its start cover
 * the expected size, rounded to the nearest huge page: zeroing a huge page
 * costs about what 60-120 small page faults do here, so a page expected
 * less than half full stays small. */
static int map_mem(Spool *s)
{
    size_t huge = (s->expect + HUGE_PAGE / 2) / HUGE_PAGE * HUGE_PAGE;
    if (huge > s->mem_max)
        huge = s->mem_max / HUGE_PAGE * HUGE_PAGE;
#ifndef MADV_HUGEPAGE
    huge = 0;
#endif
    size_t len = s->mem_max + (huge ? HUGE_PAGE : 0); /* room to align */
    char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED)
        return -1;
    s->mapped = m;
    s->mapped_len = len;
    s->mem = m;
#ifdef MADV_HUGEPAGE
    if (huge) {
        s->mem = (char *)(((uintptr_t)m + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
        /* only a hint: without THP the pages stay small */
        (void)madvise(s->mem, huge, MADV_HUGEPAGE);
    }
#endif
    s->cap = s->mem_max;
    return 0;
}

static void unmap_mem(Spool *s)
{
    if (s->mapped)
        munmap(s->mapped, s->mapped_len);
    s->mapped = s->mem = NULL;
    s->mapped_len = s->cap = 0;
}

int spool_in_memory(const Spool *s)
{
    return s->f == NULL;
}

/* Moves the bytes so far into a temporary file. */
static int spill(Spool *s)
{
    s->f = tmpfile();
    if (!s->f)
        return -1;
    /* stdio's default 4 KB buffer made one write(2) per 4 KB */
    s->fbuf = malloc(SPOOL_WINDOW);
    if (s->fbuf)
        setvbuf(s->f, s->fbuf, _IOFBF, SPOOL_WINDOW);
    if (s->len && fwrite(s->mem, 1, s->len, s->f) != s->len)
        return -1;
    unmap_mem(s);
    return 0;
}

long spool_put(Spool *s, const void *p, size_t n)
{
    size_t off = s->len;
    if (!s->f && s->len + n > s->mem_max && spill(s) != 0)
        return -1;
    if (s->f) {
        if (n && fwrite(p, 1, n, s->f) != n)
            return -1;
    } else if (n) {
        if (!s->mem && map_mem(s) != 0)
            return -1;
        memcpy(s->mem + s->len, p, n);
    }
    s->len += n;
    return (long)off;
}

const char *spool_get(Spool *s, size_t off, size_t len, size_t ahead)
{
    if (!s->f)
        return s->mem ? s->mem + off : "";
    if (len == 0)
        return "";
    if (len < SPOOL_WINDOW) {
        if (off >= s->win_off && off + len <= s->win_off + s->win_len)
            return s->win + (off - s->win_off);
        if (!s->win && !(s->win = malloc(SPOOL_WINDOW)))
            return NULL;
        if (fflush(s->f) != 0)
            return NULL;
        size_t want = ahead < len ? len : ahead > SPOOL_WINDOW ? SPOOL_WINDOW : ahead;
        ssize_t got = pread(fileno(s->f), s->win, want, (off_t)off);
        if (got < (ssize_t)len) {
            if (got >= 0)
                errno = EIO;
            return NULL;
        }
        s->win_off = off;
        s->win_len = (size_t)got;
        return s->win;
    }
    if (len > s->chunk_cap) {
        free(s->chunk);
        s->chunk_cap = len;
        if (!(s->chunk = malloc(len))) {
            s->chunk_cap = 0;
            return NULL;
        }
    }
    if (fflush(s->f) != 0)
        return NULL;
    ssize_t got = pread(fileno(s->f), s->chunk, len, (off_t)off);
    if (got != (ssize_t)len) {
        if (got >= 0)
            errno = EIO;
        return NULL;
    }
    return s->chunk;
}

const char *spool_map(Spool *s)
{
    if (!s->f)
        return s->mem ? s->mem : "";
    if (s->map || s->len == 0)
        return s->map ? s->map : "";
    if (fflush(s->f) != 0)
        return NULL;
    void *m = mmap(NULL, s->len, PROT_READ, MAP_PRIVATE, fileno(s->f), 0);
    if (m == MAP_FAILED)
        return NULL;
    s->map = m;
    s->map_len = s->len;
    return s->map;
}

void spool_drop_pages(Spool *s)
{
    /* (memory of a small spool is not worth giving back) */
    if (s->map)
        madvise(s->map, s->map_len, MADV_DONTNEED);
}

void spool_free(Spool *s)
{
    if (s->map)
        munmap(s->map, s->map_len);
    if (s->f)
        fclose(s->f);
    free(s->fbuf);
    unmap_mem(s);
    free(s->win);
    free(s->chunk);
    memset(s, 0, sizeof *s);
}
