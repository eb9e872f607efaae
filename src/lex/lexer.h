/* lex: the pull lexer shared by all dialects. lex_next() returns one token at
 * a time so a script of any size is converted with bounded memory; the
 * per-dialect scanners are re2c specifications in grammars/lex_<dialect>.re. */
#ifndef SQLSHIFT_LEXER_H
#define SQLSHIFT_LEXER_H
#include "lex/token.h"
#include "diag/diag.h"
#include "dialect/dialect.h"

typedef enum Keyword {
    KW_0 = 0,
#define KW(w, r) KW_##w,
#include "lex/keywords.def"
#undef KW
    KW__COUNT
} Keyword;

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
    void (*scan)(struct LexCtx *, Token *); /* the dialect's lex_scan_<dialect> */
} LexCtx;

void lex_init(LexCtx *cx, Dialect d, const SourceFile *src, DiagList *diags);
/* Scans the next token into *t; TK_EOF at end (repeatedly). Inline: one
 * indirect call per token, straight to the dialect's scanner. */
static inline void lex_next(LexCtx *cx, Token *t)
{
    cx->scan(cx, t);
}

/* Case-insensitive keyword lookup; KW_0 if the word is not a keyword. */
int kw_lookup(const char *s, uint32_t len);
/* The same, when avail >= len bytes may be read at s (a word is then read
 * at once): the lexers pass what is left of the text. */
int kw_lookup_in(const char *s, uint32_t len, size_t avail);
const char *kw_name(int kw);
int kw_reserved(int kw);

/* --- the re2c scanners (grammars/lex_<dialect>.re) --- */
/* Per-dialect scanners: scan one token starting at cx->cur, fill in all of
 * *t (kind/off/len/aux, flags, keyword), advance cx->cur past it. Whitespace
 * and comments are skipped before the token. Must always make progress or
 * return TK_EOF. lex_next() calls the dialect's one through LexCtx.scan. */
void lex_scan_tsql(LexCtx *cx, Token *t);
void lex_scan_oracle(LexCtx *cx, Token *t);
void lex_scan_mysql(LexCtx *cx, Token *t);
void lex_scan_postgres(LexCtx *cx, Token *t);

#endif
