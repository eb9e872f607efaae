/* grammars: helpers and re2c definitions shared by the four dialect scanners. */
/* Not an ordinary header: each grammars/lex_<dialect>.re pulls it in with re2c's
 * include directive, so the generated src/lex/lex_<dialect>.c is self-contained
 * (release tarballs ship that C without re2c). The helpers are LX_HELPER
 * (static, marked unused) so a scanner that does not use one gets no
 * unused-function warning from gcc or clang.
 *
 * Conventions of every scanner:
 * - the text is scanned as unsigned bytes up to cx->src->len; re2c's "sentinel
 *   with bounds checks" mode (re2c:eof = 0) treats the NUL at text[len] as the end
 *   and a NUL byte before len as an ordinary (invalid) character;
 * - helpers written in C never read past text[len] (which is the NUL terminator);
 * - a token always has len >= 1 except TK_EOF, so every call makes progress. */
#include "lex/lexer.h"
#include <string.h>

#define LX_HELPER static inline __attribute__((unused))

/* Blanks that may precede a token on its line: space, tab, CR (a table:
 * the walk below runs over them for every token). */
static const unsigned char lx_hblank[256] = {['\t'] = 1, ['\r'] = 1, [' '] = 1};

/* Completes a token the same way for every dialect, after the scanner set
 * kind, off, len (and aux, TF_UNTERMINATED, TF_VERSIONED): the TF_* flags
 * of the gap before it (lx_finish_gap) and the keyword number of a word
 * (lx_finish).
 * First token on its line if only blanks precede it on the line. The same
 * backward walk over the blanks tells, most of the time, whether a line
 * break lies between the previous token and this one: the walk stops at
 * that break, or covers the whole gap (no break), or stops at a comment's
 * last byte (then the rest of the gap is searched). */
LX_HELPER void lx_finish_gap(LexCtx *cx, Token *t)
{
    const unsigned char *s = (const unsigned char *)cx->src->text;
    uint32_t before = cx->prev_end, i = t->off;
    if (i == cx->nl_end) {
        /* the scanner has just skipped a line break and the blanks after it
         * (in this gap: the lexer only moves forward), so the walk would stop
         * at that break */
        t->flags |= TF_LINE_START | TF_SPACE_BEFORE | TF_NL_BEFORE;
    } else if (i == cx->sp_end) {
        /* the gap is one run of blanks after a token that ends in neither a
         * blank nor a line break (lx_blank_run): the walk would stop there */
        t->flags |= TF_SPACE_BEFORE;
    } else {
        while (i > 0 && lx_hblank[s[i - 1]])
            i--;
        int line_start = i == 0 || s[i - 1] == '\n';
        if (line_start)
            t->flags |= TF_LINE_START;
        if (t->off > before) {
            t->flags |= TF_SPACE_BEFORE;
            if (i > before && (line_start || memchr(s + before, '\n', i - before)))
                t->flags |= TF_NL_BEFORE;
        }
    }
    cx->prev_end = t->off + t->len;
}

LX_HELPER void lx_finish(LexCtx *cx, Token *t)
{
    lx_finish_gap(cx, t);
    if (t->kind == TK_IDENT)
        t->kw = (uint16_t)kw_find(cx->kw, cx->src->text + t->off, t->len, cx->src->len - t->off);
}

/* The scanner skipped the blanks [s, e) (space, tab, CR; no line break
 * follows them). When they are the whole gap since the previous token and
 * that token ends in neither a blank nor a line break, a token at e is
 * neither first on its line nor after a line break: lx_finish then takes
 * the flags without the walk back (most tokens follow one space). */
LX_HELPER void lx_blank_run(LexCtx *cx, const unsigned char *s, const unsigned char *e)
{
    const unsigned char *base = (const unsigned char *)cx->src->text;
    if ((uint32_t)(s - base) == cx->prev_end && s > base && !lx_hblank[s[-1]] && s[-1] != '\n')
        cx->sp_end = (uint32_t)(e - base);
}

/* Byte offsets fit in uint32_t: the input stage refuses larger files. */
LX_HELPER const unsigned char *lx_base(const LexCtx *cx)
{
    return (const unsigned char *)cx->src->text;
}

/* Tokens after which the next token begins a statement (SQL*Plus commands,
 * PL/SQL block detection); see lexer.h on LexCtx.stmt_start. */
LX_HELPER int lx_ends_statement(int kind)
{
    switch (kind) {
    case TK_SEMI: case TK_DELIM: case TK_SLASH_TERM: case TK_SQLPLUS:
    case TK_GO: case TK_SQLCMD: case TK_DELIMITER_CMD:
        return 1;
    default:
        return 0;
    }
}

/* Fills in one token [s, e) and moves the scan position past it. */
LX_HELPER void lx_emit(LexCtx *cx, Token *t, const unsigned char *s, const unsigned char *e,
                       int kind)
{
    const unsigned char *base = lx_base(cx);
    t->kind = (uint16_t)kind;
    t->off = (uint32_t)(s - base);
    t->len = (uint32_t)(e - s);
    cx->cur = (uint32_t)(e - base);
    cx->stmt_start = lx_ends_statement(kind);
}

LX_HELPER void lx_eof(LexCtx *cx, Token *t)
{
    t->kind = TK_EOF;
    t->off = (uint32_t)cx->src->len;
    t->len = 0;
    cx->cur = t->off;
    cx->at_eof = 1;
}

LX_HELPER SrcSpan lx_span(const LexCtx *cx, const unsigned char *s, uint32_t len)
{
    SrcSpan sp;
    sp.file = (uint32_t)cx->src->id;
    sp.off = (uint32_t)(s - lx_base(cx));
    sp.len = len;
    return sp;
}

/* SS0002 points at the opening delimiter only (open_len bytes): the rest runs
 * to the end of the input, which says nothing useful in a caret underline. */
LX_HELPER void lx_report_unterminated(LexCtx *cx, const unsigned char *s, uint32_t open_len,
                                      const char *what)
{
    if (cx->diags)
        diag_add(cx->diags, "SS0002", lx_span(cx, s, open_len), -1,
                 "unterminated %s starting here", what);
}

/* A literal or quoted name that ran to the end of input: still a token of its
 * kind (the parser can go on), flagged, with a diagnostic. */
LX_HELPER void lx_unterminated(LexCtx *cx, Token *t, const unsigned char *s,
                               const unsigned char *e, int kind, uint32_t open_len,
                               const char *what)
{
    lx_emit(cx, t, s, e, kind);
    t->flags |= TF_UNTERMINATED;
    lx_report_unterminated(cx, s, open_len, what);
}

/* Length of the well-formed UTF-8 sequence at p (1..4) and its code point;
 * 0 if the bytes are not well-formed UTF-8 (overlong, surrogate, truncated). */
LX_HELPER uint32_t lx_utf8_len(const unsigned char *p, const unsigned char *lim, uint32_t *cp)
{
    uint32_t c = p[0], n, v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
    } else {
        return 0;
    }
    if ((size_t)(lim - p) < n)
        return 0;
    for (uint32_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3Fu);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

/* SS0003: a character that starts no token of the dialect. The token covers
 * the whole character when it is well-formed UTF-8, else the one bad byte. */
LX_HELPER void lx_bad_char(LexCtx *cx, Token *t, const unsigned char *s,
                           const unsigned char *lim)
{
    uint32_t cp = 0, n = lx_utf8_len(s, lim, &cp);
    lx_emit(cx, t, s, s + (n ? n : 1), TK_ERROR);
    if (!cx->diags)
        return;
    SrcSpan sp = lx_span(cx, s, n ? n : 1);
    if (!n)
        diag_add(cx->diags, "SS0003", sp, -1, "invalid byte 0x%02X (not UTF-8)", s[0]);
    else if (cp == 0)
        diag_add(cx->diags, "SS0003", sp, -1, "invalid character NUL (byte 0x00)");
    else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        diag_add(cx->diags, "SS0003", sp, -1, "invalid control character U+%04X", (unsigned)cp);
    else if (cp < 0x80)
        diag_add(cx->diags, "SS0003", sp, -1, "unexpected character '%c'", (int)cp);
    else
        diag_add(cx->diags, "SS0003", sp, -1, "unexpected character U+%04X", (unsigned)cp);
}

/* Skips a block comment starting at p ("/" "*"); T-SQL and PostgreSQL nest
 * them, Oracle and MySQL do not. Returns the position after it, or lim (with
 * SS0002) when it does not end. Every opener and closer holds a '*', so
 * memchr goes from one '*' to the next; a '/' just before a '*' opens (when
 * nesting, and unless that '/' closed the comment before), else a '/' just
 * after one closes: what a byte-by-byte scan from the left finds. Out of
 * line: comments are few next to tokens, and the scanners' hot paths keep
 * their registers. */
__attribute__((noinline, unused)) static const unsigned char *lx_skip_block_comment(LexCtx *cx, const unsigned char *p,
                                                     const unsigned char *lim, int nest)
{
    const unsigned char *s = p;
    int depth = 1;
    p += 2;
    while (p < lim) {
        /* runs of stars (banner comments) go without a call per star */
        const unsigned char *h = *p == '*' ? p : memchr(p, '*', (size_t)(lim - p));
        if (!h)
            break;
        if (nest && h > p && h[-1] == '/') {
            p = h + 1;
            depth++;
        } else if (h + 1 < lim && h[1] == '/') {
            p = h + 2;
            if (--depth == 0)
                return p;
        } else {
            p = h + 1;
        }
    }
    lx_report_unterminated(cx, s, 2, "comment");
    return lim;
}

/* 1 if only blanks lie between the start of p's line and p (the same test
 * lex_next() uses for TF_LINE_START). */
LX_HELPER int lx_at_line_start(const LexCtx *cx, const unsigned char *p)
{
    const unsigned char *b = lx_base(cx);
    while (p > b && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\r'))
        p--;
    return p == b || p[-1] == '\n';
}

/* The '\n' ending p's line, or lim. */
LX_HELPER const unsigned char *lx_line_end(const unsigned char *p, const unsigned char *lim)
{
    const unsigned char *nl = p < lim ? memchr(p, '\n', (size_t)(lim - p)) : NULL;
    return nl ? nl : lim;
}

/* Line tokens stop before a CRLF's '\r': it belongs to the line break. */
LX_HELPER const unsigned char *lx_trim_cr(const unsigned char *s, const unsigned char *e)
{
    return e > s && e[-1] == '\r' ? e - 1 : e;
}

LX_HELPER const unsigned char *lx_skip_blanks(const unsigned char *p, const unsigned char *lim)
{
    while (p < lim && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

/* ASCII case-insensitive: is [s, s+n) the upper-case word w? */
LX_HELPER int lx_word_is(const unsigned char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; i < n && w[i]; i++) {
        unsigned char c = s[i];
        if (c >= 'a' && c <= 'z')
            c = (unsigned char)(c - 32);
        if (c != (unsigned char)w[i])
            return 0;
    }
    return i == n && w[i] == 0;
}

/* Byte that may continue a plain word in some dialect (letters, digits, _ $ #,
 * any UTF-8 byte); used by C helpers that look at the following word. */
LX_HELPER int lx_is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '$' || c == '#' || c >= 0x80;
}

/* A quoted token [s, ...) whose text starts at body: it ends after the
 * closing q, a doubled q standing for itself ('it''s', [a]]b]); without
 * one it runs to the end of input (SS0002, open_len bytes underlined).
 * memchr finds the quotes: the long strings of data scripts go by fast. */
LX_HELPER void lx_quoted(LexCtx *cx, Token *t, const unsigned char *s, const unsigned char *body,
                         const unsigned char *lim, unsigned char q, int kind, uint32_t open_len,
                         const char *what)
{
    const unsigned char *p = body;
    int doubled = 0;
    for (;;) {
        const unsigned char *hit = p < lim ? memchr(p, q, (size_t)(lim - p)) : NULL;
        if (!hit) {
            lx_unterminated(cx, t, s, lim, kind, open_len, what);
            break;
        }
        if (hit + 1 < lim && hit[1] == q) {
            p = hit + 2;
            doubled = 1;
            continue;
        }
        lx_emit(cx, t, s, hit + 1, kind);
        break;
    }
    if (!doubled)
        t->flags |= TF_PLAIN;
}

/* End of the run of hex digits starting at p. Binary values in data scripts
 * run to megabytes, so eight bytes at a time: for bytes below 0x80,
 * (b + 0x80 - lo) has its top bit set iff b >= lo and (b + 0x7F - hi) has
 * it clear iff b <= hi, with no carry between bytes; letters are tested on
 * the bytes | 0x20 (lower case), digits on the bytes as they are. */
LX_HELPER const unsigned char *lx_skip_hex(const unsigned char *p, const unsigned char *lim)
{
    const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
    while (lim - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        if (w & high)
            break;
        uint64_t l = w | ones * 0x20;
        uint64_t digit = (w + ones * (0x80 - '0')) & ~(w + ones * (0x7F - '9'));
        uint64_t letter = (l + ones * (0x80 - 'a')) & ~(l + ones * (0x7F - 'f'));
        if (((digit | letter) & high) != high)
            break;
        p += 8;
    }
    while (p < lim && ((*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f')))
        p++;
    return p;
}

/*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:yyfill:enable = 0;
    re2c:eof = 0;

    blank   = [ \t\n\v\f\r];
    digit   = [0-9];
    hexd    = [0-9a-fA-F];
    exp     = [eE] [+-]? digit+;
    u8c     = [\x80-\xBF];

    // Non-ASCII white space: NBSP, Ogham space, U+2000..200B, line/paragraph
    // separators, narrow NBSP, U+205F, word joiner, ideographic space, BOM.
    uspace  = "\xC2\xA0" | "\xE1\x9A\x80" | "\xE2\x80" [\x80-\x8B\xA8\xA9\xAF]
            | "\xE2\x81" [\x9F\xA0] | "\xE3\x80\x80" | "\xEF\xBB\xBF";

    // Non-ASCII characters allowed in names: every well-formed UTF-8 sequence
    // except C1 controls and Latin-1 punctuation (U+0080..00BF but ª µ º),
    // U+2000..2BFF (punctuation, symbols, arrows, box drawing), U+3000..303F
    // (CJK punctuation) and the spaces above. Those fall to the invalid-character
    // rule, so a stray curly quote is reported instead of becoming a name.
    uletter = "\xC2" [\xAA\xB5\xBA] | [\xC3-\xDF] u8c
            | "\xE0" [\xA0-\xBF] u8c
            | "\xE1" ([\x80-\x99\x9B-\xBF] u8c | "\x9A" [\x81-\xBF])
            | "\xE2" [\xB0-\xBF] u8c
            | "\xE3" [\x81-\xBF] u8c
            | [\xE4-\xEC\xEE] u8c u8c
            | "\xED" [\x80-\x9F] u8c
            | "\xEF" ([\x80-\xBA\xBC-\xBF] u8c | "\xBB" [\x80-\xBE])
            | "\xF0" [\x90-\xBF] u8c u8c | [\xF1-\xF3] u8c u8c u8c
            | "\xF4" [\x80-\x8F] u8c u8c;

    alpha   = [a-zA-Z_] | uletter;
*/

/* Which ASCII bytes may continue a plain name, as bits: LX_W_ALNUM for
 * letters, digits and _, and one bit for each sign that some dialects
 * allow in names ($ # @). Bytes from 0x80 on are 0: a non-ASCII letter is
 * a UTF-8 sequence (lx_uletter_len). */
enum { LX_W_ALNUM = 1, LX_W_DOLLAR = 2, LX_W_HASH = 4, LX_W_AT = 8 };
static const unsigned char lx_word_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 4, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
};

/* Length of the non-ASCII letter (uletter) at p, 0 if p holds none. */
LX_HELPER uint32_t lx_uletter_len(const unsigned char *p, const unsigned char *lim)
{
    const unsigned char *YYCURSOR = p, *YYMARKER = p, *YYLIMIT = lim;
    /*!re2c
    uletter           { return (uint32_t)(YYCURSOR - p); }
    *                 { return 0; }
    $                 { return 0; }
    */
}

/* End of the rest of a name from p: ASCII bytes whose lx_word_class has a
 * bit of mask, and non-ASCII letters. What the scanners' "alpha idc*"
 * matches after the first character, with a table look-up per byte instead
 * of a DFA step (that keeps a backtracking mark for the UTF-8 sequences);
 * the NUL at text[len] stops it. */
LX_HELPER const unsigned char *lx_word_end(const unsigned char *p, const unsigned char *lim,
                                           unsigned mask)
{
    for (;;) {
        while (lx_word_class[*p] & mask)
            p++;
        if (*p < 0x80)
            return p;
        uint32_t n = lx_uletter_len(p, lim);
        if (!n)
            return p;
        p += n;
    }
}
