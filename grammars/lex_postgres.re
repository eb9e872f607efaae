/* lex: PostgreSQL scanner (re2c): $tag$ strings, E'..', U&'..', $1 parameters, :: casts. */
/*!include:re2c "lex_common.h" */

/* $tag$ ... $tag$: the body ends at the first repeat of the opening
 * delimiter [tok, p); nothing inside is special. */
static void pg_dollar(LexCtx *cx, Token *t, const unsigned char *tok, const unsigned char *p,
                      const unsigned char *lim)
{
    size_t n = (size_t)(p - tok);
    for (const unsigned char *q = p; q < lim;) {
        q = memchr(q, '$', (size_t)(lim - q));
        if (!q)
            break;
        if ((size_t)(lim - q) >= n && memcmp(q, tok, n) == 0) {
            lx_emit(cx, t, tok, q + n, TK_DOLLAR_STRING);
            return;
        }
        q++;
    }
    lx_unterminated(cx, t, tok, lim, TK_DOLLAR_STRING, (uint32_t)n, "dollar-quoted string");
}

/* What may follow a name's first character: alpha | digit | [$] (idc). */
#define PG_WORD (LX_W_ALNUM | LX_W_DOLLAR)

/* Inlined into both entry points below (a call per token otherwise). */
static inline __attribute__((always_inline)) void scan_postgres(LexCtx *cx, Token *t)
{
    const unsigned char *base = lx_base(cx);
    const unsigned char *YYLIMIT = base + cx->src->len;
    const unsigned char *YYCURSOR = cx->cur < cx->src->len ? base + cx->cur : YYLIMIT;
    const unsigned char *YYMARKER = YYCURSOR;
    const unsigned char *tok;

loop:
    tok = YYCURSOR;
    /*!re2c
    // names may hold $ after the first character (so x$1$ is one name)
    idc   = alpha | digit | [$];
    sq    = ['] ([^'] | [']['])*;
    esq   = [eE] ['] ([^'\\] | "\\" [^] | [']['])*;
    dq    = ["] ([^"] | ["]["])*;
    tag   = alpha (alpha | digit)*;

    $                 { lx_eof(cx, t); return; }
    // a line break and the blanks after it, and blanks alone on a line: the
    // longest blank run, as blank+ below (the first rule wins a tie); there
    // lx_finish knows a token's flags without walking back over the blanks
    blank* "\n" [ \t\r]* { cx->nl_end = (uint32_t)(YYCURSOR - base); goto loop; }
    [ \t\r]+         { lx_blank_run(cx, tok, YYCURSOR); goto loop; }
    blank+ | uspace   { goto loop; }
    "--"              { YYCURSOR = lx_line_end(YYCURSOR, YYLIMIT); goto loop; } // to the line break (memchr)
    "/*"              { YYCURSOR = lx_skip_block_comment(cx, tok, YYLIMIT, 1); goto loop; }

    // a name: alpha idc*, its ASCII first character's rest by lx_word_end
    [a-zA-Z_]         { lx_emit(cx, t, tok, lx_word_end(YYCURSOR, YYLIMIT, PG_WORD), TK_IDENT);
                        return; }
    uletter idc*      { lx_emit(cx, t, tok, YYCURSOR, TK_IDENT); return; }
    ([uU] "&")? dq ["] { lx_emit(cx, t, tok, YYCURSOR, TK_QIDENT); t->aux = '"'; return; }
    ([uU] "&")? dq {
        lx_unterminated(cx, t, tok, YYCURSOR, TK_QIDENT, tok[0] == '"' ? 1 : 3,
                        "quoted identifier");
        t->aux = '"';
        return;
    }
    ([uU] "&")? sq ['] | esq ['] { lx_emit(cx, t, tok, YYCURSOR, TK_STRING); return; }
    ([uU] "&")? sq | esq {
        lx_unterminated(cx, t, tok, YYCURSOR, TK_STRING, tok[0] == '\'' ? 1 : tok[1] == '&' ? 3 : 2,
                        "string literal");
        return;
    }
    [nN] sq [']       { lx_emit(cx, t, tok, YYCURSOR, TK_NSTRING); return; }
    [nN] sq           { lx_unterminated(cx, t, tok, YYCURSOR, TK_NSTRING, 2, "string literal");
                        return; }
    [bB] ['] [^']* [']  { lx_emit(cx, t, tok, YYCURSOR, TK_BSTRING); return; }
    [bB] ['] [^']*      { lx_unterminated(cx, t, tok, YYCURSOR, TK_BSTRING, 2,
                                          "bit string literal");
                          return; }
    [xX] ['] [^']* [']  { lx_emit(cx, t, tok, YYCURSOR, TK_XSTRING); return; }
    [xX] ['] [^']*      { lx_unterminated(cx, t, tok, YYCURSOR, TK_XSTRING, 2,
                                          "hex string literal");
                          return; }
    "$" tag? "$"      { pg_dollar(cx, t, tok, YYCURSOR, YYLIMIT); return; }
    "$" digit+        { lx_emit(cx, t, tok, YYCURSOR, TK_PARAM); return; }

    // PostgreSQL 16 integer forms (0x1F, 0o17, 0b101, 1_000)
    "0" [xX] ("_"? hexd)+ { lx_emit(cx, t, tok, YYCURSOR, TK_HEX); return; }
    "0" [oO] ("_"? [0-7])+ | "0" [bB] ("_"? [01])+ | digit ("_"? digit)*
                      { lx_emit(cx, t, tok, YYCURSOR, TK_INTEGER); return; }
    (digit+ "." digit* | "." digit+) exp? | digit+ exp {
        // 1..5 (a PL/pgSQL FOR range) is 1 . . 5, not 1. .5
        if (YYCURSOR[-1] == '.' && YYCURSOR < YYLIMIT && *YYCURSOR == '.') {
            lx_emit(cx, t, tok, YYCURSOR - 1, TK_INTEGER);
            return;
        }
        if (tok[0] == '.' && tok > base && tok[-1] == '.') {
            lx_emit(cx, t, tok, tok + 1, TK_DOT);
            return;
        }
        lx_emit(cx, t, tok, YYCURSOR, TK_DECIMAL);
        return;
    }

    "("               { lx_emit(cx, t, tok, YYCURSOR, TK_LPAREN); return; }
    ")"               { lx_emit(cx, t, tok, YYCURSOR, TK_RPAREN); return; }
    "{"               { lx_emit(cx, t, tok, YYCURSOR, TK_LBRACE); return; }
    "}"               { lx_emit(cx, t, tok, YYCURSOR, TK_RBRACE); return; }
    "["               { lx_emit(cx, t, tok, YYCURSOR, TK_LBRACKET); return; }
    "]"               { lx_emit(cx, t, tok, YYCURSOR, TK_RBRACKET); return; }
    ","               { lx_emit(cx, t, tok, YYCURSOR, TK_COMMA); return; }
    ";"               { lx_emit(cx, t, tok, YYCURSOR, TK_SEMI); return; }
    "."               { lx_emit(cx, t, tok, YYCURSOR, TK_DOT); return; }
    "*"               { lx_emit(cx, t, tok, YYCURSOR, TK_STAR); return; }
    "+"               { lx_emit(cx, t, tok, YYCURSOR, TK_PLUS); return; }
    "-"               { lx_emit(cx, t, tok, YYCURSOR, TK_MINUS); return; }
    "/"               { lx_emit(cx, t, tok, YYCURSOR, TK_SLASH); return; }
    "%"               { lx_emit(cx, t, tok, YYCURSOR, TK_PERCENT); return; }
    "="               { lx_emit(cx, t, tok, YYCURSOR, TK_EQ); return; }
    "<>" | "!="       { lx_emit(cx, t, tok, YYCURSOR, TK_NE); return; }
    "<"               { lx_emit(cx, t, tok, YYCURSOR, TK_LT); return; }
    "<="              { lx_emit(cx, t, tok, YYCURSOR, TK_LE); return; }
    ">"               { lx_emit(cx, t, tok, YYCURSOR, TK_GT); return; }
    ">="              { lx_emit(cx, t, tok, YYCURSOR, TK_GE); return; }
    "<<"              { lx_emit(cx, t, tok, YYCURSOR, TK_SHL); return; }
    ">>"              { lx_emit(cx, t, tok, YYCURSOR, TK_SHR); return; }
    "||"              { lx_emit(cx, t, tok, YYCURSOR, TK_CONCAT); return; }
    "->"              { lx_emit(cx, t, tok, YYCURSOR, TK_JSON_GET); return; }
    "->>"             { lx_emit(cx, t, tok, YYCURSOR, TK_JSON_GETTEXT); return; }
    "&&"              { lx_emit(cx, t, tok, YYCURSOR, TK_ANDAND); return; }
    "::"              { lx_emit(cx, t, tok, YYCURSOR, TK_DCOLON); return; }
    ":="              { lx_emit(cx, t, tok, YYCURSOR, TK_ASSIGN); return; }
    "=>"              { lx_emit(cx, t, tok, YYCURSOR, TK_ARROW); return; }
    ":"               { lx_emit(cx, t, tok, YYCURSOR, TK_COLON); return; }
    // other operators (@> <@ ~* !~ ...) come out one character per token,
    // adjacent (no TF_SPACE_BEFORE), for the parser to join
    "&"               { lx_emit(cx, t, tok, YYCURSOR, TK_AMP); return; }
    "|"               { lx_emit(cx, t, tok, YYCURSOR, TK_PIPE); return; }
    "^"               { lx_emit(cx, t, tok, YYCURSOR, TK_CARET); return; }
    "~"               { lx_emit(cx, t, tok, YYCURSOR, TK_TILDE); return; }
    "!"               { lx_emit(cx, t, tok, YYCURSOR, TK_BANG); return; }
    "@"               { lx_emit(cx, t, tok, YYCURSOR, TK_AT); return; }
    "?"               { lx_emit(cx, t, tok, YYCURSOR, TK_QUESTION); return; }

    *                 { lx_bad_char(cx, t, tok, YYLIMIT); return; }
    */
}

/* One whole token: scanned, then completed as in every dialect (inlined:
 * the parser asks for every token through here). */
Token *lex_scan_postgres(LexCtx *cx, Token *t)
{
    memset(t, 0, sizeof *t);
    scan_postgres(cx, t);
    lx_finish(cx, t);
    return t;
}

/* The same without the keyword lookup, for the tokens of a body kept
 * verbatim (lexer.h, lex_skim). */
Token *lex_skim_postgres(LexCtx *cx, Token *t)
{
    memset(t, 0, sizeof *t);
    scan_postgres(cx, t);
    lx_finish_gap(cx, t);
    return t;
}
