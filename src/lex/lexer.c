/* lex: dialect dispatch, token flags and keyword lookup (see lexer.h). */
#include "lex/lexer.h"
#include <string.h>

static const char *const kind_names[] = {
#define X(name, desc) desc,
    TOKEN_KINDS(X)
#undef X
};

const char *tok_kind_name(int kind)
{
    return kind >= 0 && kind < TK__COUNT ? kind_names[kind] : "?";
}

static const char *const kw_names[] = {
    "",
#define KW(w, r) #w,
#include "lex/keywords.def"
#undef KW
};

static const unsigned char kw_res[] = {
    0,
#define KW(w, r) r,
#include "lex/keywords.def"
#undef KW
};

const char *kw_name(int kw) { return kw > 0 && kw < KW__COUNT ? kw_names[kw] : ""; }
int kw_reserved(int kw) { return kw > 0 && kw < KW__COUNT ? kw_res[kw] : 0; }

/* Open-addressing table built on first use; keys are the upper-case names.
 * ASCII-only folding so the locale cannot change the result. A keyword's
 * first eight bytes (upper case, zero-padded) and its length are kept as
 * one word and one byte, so a lookup compares a word in one go and only the
 * few longer keywords compare the rest byte by byte. */
#define KW_TABLE_BITS 11
#define KW_TABLE_SIZE (1u << KW_TABLE_BITS)
static uint16_t kw_table[KW_TABLE_SIZE];  /* hash slot -> keyword, 0 = empty */
static uint64_t kw_head[KW__COUNT];       /* first eight bytes, as kw_word() makes them */
static uint8_t kw_len[KW__COUNT];
static int kw_table_ready;

/* ASCII upper case of every byte (other bytes unchanged). */
static const unsigned char kw_upper[256] = {
#define R16(b) b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, \
               b + 11, b + 12, b + 13, b + 14, b + 15
    R16(0x00), R16(0x10), R16(0x20), R16(0x30), R16(0x40), R16(0x50),
    0x60, 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
    'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 0x7B, 0x7C, 0x7D, 0x7E, 0x7F,
    R16(0x80), R16(0x90), R16(0xA0), R16(0xB0), R16(0xC0), R16(0xD0), R16(0xE0), R16(0xF0)
#undef R16
};

#define KW_ONES 0x0101010101010101ull
#define KW_HIGH (KW_ONES * 0x80)

/* The first min(n, 8) bytes of s as a word (the rest zero); avail bytes may
 * be read from s (avail >= n), so a word is loaded at once when eight are
 * there. */
static inline uint64_t kw_word(const unsigned char *s, uint32_t n, size_t avail)
{
    uint64_t w = 0;
    if (avail >= 8) {
        memcpy(&w, s, 8);
        if (n < 8) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            w &= ~0ull << (64 - 8 * n);
#else
            w &= ~0ull >> (64 - 8 * n);
#endif
        }
    } else {
        unsigned char b[8] = {0};
        memcpy(b, s, n < 8 ? n : 8);
        memcpy(&w, b, 8);
    }
    return w;
}

/* Upper case of a word of ASCII bytes (the caller rejects bytes >= 0x80),
 * eight at a time: for b < 0x80, (b + 0x80 - 'a') has its top bit set iff
 * b >= 'a' and (b + 0x7F - 'z') has it clear iff b <= 'z', with no carry
 * between bytes; a lower-case byte loses 0x20 (its top bit shifted by 2). */
static inline uint64_t kw_upper8(uint64_t w)
{
    uint64_t lower = (w + KW_ONES * (0x80 - 'a')) & ~(w + KW_ONES * (0x7F - 'z')) & KW_HIGH;
    return w - (lower >> 2);
}

static inline uint32_t kw_hash(uint64_t head, uint32_t len)
{
    return (uint32_t)(((head ^ len) * 0x9E3779B97F4A7C15ull) >> (64 - KW_TABLE_BITS));
}

static void kw_build(void)
{
    for (int k = 1; k < KW__COUNT; k++) {
        uint32_t n = (uint32_t)strlen(kw_names[k]);
        kw_len[k] = (uint8_t)n;
        kw_head[k] = kw_word((const unsigned char *)kw_names[k], n, n);
        uint32_t h = kw_hash(kw_head[k], n);
        while (kw_table[h])
            h = (h + 1) & (KW_TABLE_SIZE - 1);
        kw_table[h] = (uint16_t)k;
    }
    kw_table_ready = 1;
}

int kw_lookup_in(const char *s, uint32_t len, size_t avail)
{
    if (len == 0 || len > 40)
        return KW_0;
    if (!kw_table_ready)
        kw_build();
    const unsigned char *u = (const unsigned char *)s;
    uint64_t w = kw_word(u, len, avail);
    if (w & KW_HIGH) /* keywords are ASCII */
        return KW_0;
    w = kw_upper8(w);
    uint32_t h = kw_hash(w, len);
    int k;
    while ((k = kw_table[h]) != 0) {
        if (kw_head[k] == w && kw_len[k] == len) {
            const char *n = kw_names[k];
            uint32_t i = 8;
            while (i < len && kw_upper[u[i]] == (unsigned char)n[i])
                i++;
            if (i >= len)
                return k;
        }
        h = (h + 1) & (KW_TABLE_SIZE - 1);
    }
    return KW_0;
}

int kw_lookup(const char *s, uint32_t len)
{
    return kw_lookup_in(s, len, len);
}

void lex_init(LexCtx *cx, Dialect d, const SourceFile *src, DiagList *diags)
{
    memset(cx, 0, sizeof *cx);
    cx->dialect = d;
    cx->src = src;
    cx->diags = diags;
    cx->stmt_start = 1;
    cx->delim[0] = ';';
    cx->delim_len = 1;
    switch (d) {
    case DIALECT_TSQL: cx->scan = lex_scan_tsql; break;
    case DIALECT_ORACLE: cx->scan = lex_scan_oracle; break;
    case DIALECT_MYSQL: cx->scan = lex_scan_mysql; break;
    default: cx->scan = lex_scan_postgres; break;
    }
    if (!kw_table_ready)
        kw_build();
}
