/* util: growable output buffer (see strbuf.h). */
#include "util/strbuf.h"
#include <stdlib.h>
#include <string.h>

void sb_grow(StrBuf *b, size_t need)
{
    if (b->len + need + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + need + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        fputs("sqlshift: out of memory\n", stderr);
        abort();
    }
    b->s = s;
    b->cap = cap;
}

void sb_init(StrBuf *b)
{
    b->s = NULL;
    b->len = b->cap = 0;
    b->indent = 0;
    sb_grow(b, 0);
    b->s[0] = 0;
}

void sb_free(StrBuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void sb_reset(StrBuf *b)
{
    b->len = 0;
    b->indent = 0;
    if (b->s)
        b->s[0] = 0;
}

void sb_vprintf(StrBuf *b, const char *fmt, va_list ap)
{
    /* Format straight into the free space; only when it does not fit, grow
     * and format again (one pass in the common case, not two). */
    if (b->cap - b->len < 64)
        sb_grow(b, 64);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap2);
    va_end(ap2);
    if (n <= 0) {
        b->s[b->len] = 0;
        return;
    }
    if ((size_t)n >= b->cap - b->len) {
        sb_grow(b, (size_t)n);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void sb_printf(StrBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(b, fmt, ap);
    va_end(ap);
}

void sb_rtrim(StrBuf *b)
{
    while (b->len && (b->s[b->len - 1] == ' ' || b->s[b->len - 1] == '\t'))
        b->len--;
    b->s[b->len] = 0;
}

void sb_newline(StrBuf *b)
{
    sb_rtrim(b);
    sb_putc(b, '\n');
    for (int i = 0; i < b->indent; i++)
        sb_puts(b, "    ");
}

char *sb_take(StrBuf *b)
{
    char *s = b->s;
    b->s = NULL;
    b->len = b->cap = 0;
    sb_init(b);
    return s;
}

int sb_write_file(const StrBuf *b, FILE *f)
{
    return fwrite(b->s, 1, b->len, f) == b->len ? 0 : -1;
}
