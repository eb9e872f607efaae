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
 * ASCII-only folding so the locale cannot change the result. */
#define KW_TABLE_SIZE 2048
static uint16_t kw_table[KW_TABLE_SIZE];
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

/* The hash reads the length and the first and last two bytes only (every
 * word is hashed, keyword or not, so it must be cheap; the table is sparse
 * enough that the few collisions this gives cost one more probe). Bytes are
 * folded with | 0x20, which maps a letter's two cases to one value. */
static inline uint32_t kw_hash(const unsigned char *s, uint32_t len)
{
    uint32_t h = len * 0x9E3779B1u;
    h ^= (uint32_t)(s[0] | 0x20) * 0x85EBCA6Bu;
    h ^= (uint32_t)(s[len - 1] | 0x20) * 0xC2B2AE35u;
    if (len > 2)
        h ^= (uint32_t)(s[1] | 0x20) * 0x27D4EB2Fu ^ (uint32_t)(s[len - 2] | 0x20) * 0x165667B1u;
    return (h ^ (h >> 16)) & (KW_TABLE_SIZE - 1);
}

static void kw_build(void)
{
    for (int k = 1; k < KW__COUNT; k++) {
        kw_len[k] = (uint8_t)strlen(kw_names[k]);
        uint32_t h = kw_hash((const unsigned char *)kw_names[k], kw_len[k]);
        while (kw_table[h])
            h = (h + 1) & (KW_TABLE_SIZE - 1);
        kw_table[h] = (uint16_t)k;
    }
    kw_table_ready = 1;
}

int kw_lookup(const char *s, uint32_t len)
{
    if (len == 0 || len > 40)
        return KW_0;
    if (!kw_table_ready)
        kw_build();
    const unsigned char *u = (const unsigned char *)s;
    uint32_t h = kw_hash(u, len);
    int k;
    while ((k = kw_table[h]) != 0) {
        if (kw_len[k] == len) {
            const char *n = kw_names[k];
            uint32_t i = 0;
            while (i < len && kw_upper[u[i]] == (unsigned char)n[i])
                i++;
            if (i == len)
                return k;
        }
        h = (h + 1) & (KW_TABLE_SIZE - 1);
    }
    return KW_0;
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
