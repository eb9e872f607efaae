/* util: spool (see spool.h). */
#include "util/spool.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

void spool_init(Spool *s, size_t mem_max)
{
    memset(s, 0, sizeof *s);
    s->mem_max = mem_max;
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
    munmap(s->mem, s->cap);
    s->mem = NULL;
    s->cap = 0;
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
        if (!s->mem) {
            /* the whole limit as address space at once: pages are only
             * backed when written, and growing never copies (realloc
             * doubling copied and touched twice the text) */
            void *m = mmap(NULL, s->mem_max, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
            if (m == MAP_FAILED)
                return -1;
            s->mem = m;
            s->cap = s->mem_max;
        }
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
    if (s->mem)
        munmap(s->mem, s->cap);
    free(s->win);
    free(s->chunk);
    memset(s, 0, sizeof *s);
}
