/* util: growable output buffer (malloc-backed, one per output stream). */
#ifndef SQLSHIFT_STRBUF_H
#define SQLSHIFT_STRBUF_H
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct StrBuf {
    char *s;      /* NUL-terminated contents (never NULL after sb_init) */
    size_t len;   /* bytes used, excluding the NUL */
    size_t cap;   /* bytes reserved */
    int indent;   /* current indent level for sb_newline() */
} StrBuf;

void sb_init(StrBuf *b);
void sb_free(StrBuf *b);
void sb_reset(StrBuf *b);
/* Slow path of the inline appenders: makes room for need more bytes. */
void sb_grow(StrBuf *b, size_t need);
/* One byte: the emitters' most frequent call, so the fast path is inline. */
static inline void sb_putc(StrBuf *b, char c)
{
    if (b->len + 2 > b->cap)
        sb_grow(b, 1);
    b->s[b->len++] = c;
    b->s[b->len] = 0;
}
/* Inline too: the emitters print most words through these, and for a
 * string literal the compiler computes strlen at build time. */
static inline void sb_putn(StrBuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap)
        sb_grow(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}
static inline void sb_puts(StrBuf *b, const char *s) { sb_putn(b, s, strlen(s)); }
void sb_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(StrBuf *b, const char *fmt, va_list ap);
/* Newline followed by 4 spaces per indent level. */
void sb_newline(StrBuf *b);
/* Trailing spaces/tabs removed (before writing a newline). */
void sb_rtrim(StrBuf *b);
/* Moves the contents out; the buffer is left empty. Caller frees. */
char *sb_take(StrBuf *b);
int  sb_write_file(const StrBuf *b, FILE *f);

#endif
