/* lex: the pull lexer shared by all dialects. lex_next() returns one token at
 * a time so a script of any size is converted with bounded memory; the
 * per-dialect scanners are re2c specifications in grammars/lex_<dialect>.re. */
#ifndef SQLSHIFT_LEXER_H
#define SQLSHIFT_LEXER_H
#include "lex/token.h"
#include "diag/diag.h"
#include "dialect/dialect.h"
#include <string.h>

typedef enum Keyword {
    KW_0 = 0,
#define KW(w, r) KW_##w,
#include "lex/keywords.def"
#undef KW
    KW__COUNT
} Keyword;

/* The keyword table (kw_table, generated at build time by tools/kw_compile
 * into src/lex/kw_table.c; lex_init hands it to the scanners). A keyword's first eight bytes, upper case and zero-padded, are
 * kept as one word with its length, so a lookup compares a word in one go;
 * only the few longer keywords compare the rest (kw_tail_equal). Open
 * addressing; ASCII-only folding, so the locale cannot change a result. */
#define KW_TABLE_BITS 11
#define KW_TABLE_SIZE (1u << KW_TABLE_BITS)
typedef struct KwTable {
    uint16_t slot[KW_TABLE_SIZE]; /* hash slot -> keyword, 0 = empty */
    uint64_t head[KW__COUNT];     /* first eight bytes, as kw_word() makes them */
    uint8_t len[KW__COUNT];       /* length of the name */
} KwTable;
extern const KwTable kw_table;

typedef struct LexCtx {
    Dialect dialect;          /* which scanner runs */
    const SourceFile *src;    /* text being scanned */
    DiagList *diags;          /* lexical errors go here (codes SS0002, SS0003) */
    uint32_t cur;             /* scan position (byte offset) */
    uint32_t prev_end;        /* end of the previous token, for TF_* flags */
    int stmt_start;           /* 1: next token begins a statement (SQL*Plus lines) */
    int in_version_comment;   /* MySQL: inside a version comment (slash-star-bang) */
    int plsql_mode;           /* Oracle: SQL, after CREATE, or inside a PL/SQL block (no SQL*Plus lines) */
    char delim[16];           /* MySQL client delimiter, default ";" */
    int delim_len;
    int at_eof;               /* TK_EOF was scanned (and will be again) */
    uint32_t nl_end;          /* end of the last line break + blanks the scanner skipped
                                 (UINT32_MAX: none): a token there is first on its line */
    uint32_t sp_end;          /* end of the last blank run that is a whole gap on a line
                                 (lx_blank_run; UINT32_MAX: none) */
    Token *(*scan)(struct LexCtx *, Token *); /* the dialect's lex_scan_<dialect> */
    Token *(*skim)(struct LexCtx *, Token *); /* the dialect's lex_skim_<dialect> */
    const KwTable *kw;        /* keyword table, for the scanners' lookups */
} LexCtx;

void lex_init(LexCtx *cx, Dialect d, const SourceFile *src, DiagList *diags);
/* Scans the next token into *t; TK_EOF at end (repeatedly). Inline: one
 * indirect call per token, straight to the dialect's scanner. */
static inline void lex_next(LexCtx *cx, Token *t)
{
    cx->scan(cx, t);
}

/* lex_next without the keyword lookup: Token.kw stays KW_0 (the caller
 * only skips the tokens: bodies kept verbatim, whose words are never
 * looked at). */
static inline void lex_skim(LexCtx *cx, Token *t)
{
    cx->skim(cx, t);
}

/* Case-insensitive keyword lookup; KW_0 if the word is not a keyword. */
int kw_lookup(const char *s, uint32_t len);
/* The same, when avail >= len bytes may be read at s (a word is then read
 * at once). */
int kw_lookup_in(const char *s, uint32_t len, size_t avail);
/* Keyword k's bytes from the ninth on equal s's (ASCII case-insensitive). */
int kw_tail_equal(int k, const char *s, uint32_t len);

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

/* kw_lookup_in on a built table; inline, as every word the lexers find asks. */
static inline int kw_find(const KwTable *kt, const char *s, uint32_t len, size_t avail)
{
    if (len == 0 || len > 40)
        return KW_0;
    uint64_t w = kw_word((const unsigned char *)s, len, avail);
    if (w & KW_HIGH) /* keywords are ASCII */
        return KW_0;
    w = kw_upper8(w);
    for (uint32_t h = kw_hash(w, len);; h = (h + 1) & (KW_TABLE_SIZE - 1)) {
        int k = kt->slot[h];
        if (!k)
            return KW_0;
        if (kt->head[k] == w && kt->len[k] == len && (len <= 8 || kw_tail_equal(k, s, len)))
            return k;
    }
}
const char *kw_name(int kw);
int kw_reserved(int kw);

/* --- the re2c scanners (grammars/lex_<dialect>.re) --- */
/* Per-dialect scanners: scan one token starting at cx->cur, fill in all of
 * *t (kind/off/len/aux, flags, keyword), advance cx->cur past it. Whitespace
 * and comments are skipped before the token. Must always make progress or
 * return TK_EOF (then LexCtx.at_eof is set). They return t, so that a
 * caller can pass on the token in a tail call. lex_next() calls the
 * dialect's one through LexCtx.scan. */
Token *lex_scan_tsql(LexCtx *cx, Token *t);
Token *lex_scan_oracle(LexCtx *cx, Token *t);
Token *lex_scan_mysql(LexCtx *cx, Token *t);
Token *lex_scan_postgres(LexCtx *cx, Token *t);
Token *lex_skim_tsql(LexCtx *cx, Token *t);
Token *lex_skim_oracle(LexCtx *cx, Token *t);
Token *lex_skim_mysql(LexCtx *cx, Token *t);
Token *lex_skim_postgres(LexCtx *cx, Token *t);

#endif
