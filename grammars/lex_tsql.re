/* lex: T-SQL scanner (re2c): [names], N'..', @vars, #temps, money, GO and sqlcmd lines. */
/*!include:re2c "lex_common.h" */

/* After "GO" at the start of a line: the rest must be blanks, an optional
 * repeat count, blanks and an optional "--" comment (what sqlcmd and SSMS
 * accept). Returns the end of "GO [count]" and sets *count, or NULL when the
 * line holds anything else (then GO is an ordinary word). */
static const unsigned char *tsql_go_line(const unsigned char *p, const unsigned char *lim,
                                         uint16_t *count)
{
    unsigned long n = 1;
    const unsigned char *end = p;
    const unsigned char *q = lx_skip_blanks(p, lim);
    if (q > p && q < lim && *q >= '0' && *q <= '9') {
        n = 0;
        while (q < lim && *q >= '0' && *q <= '9') {
            if (n < 65535)
                n = n * 10 + (unsigned long)(*q - '0');
            q++;
        }
        if (n > 65535)
            n = 65535;
        end = q;
        q = lx_skip_blanks(q, lim);
    }
    if (q + 1 < lim && q[0] == '-' && q[1] == '-') {
        /* a trailing comment stays trivia, as everywhere */
    } else {
        if (q < lim && *q == '\r')
            q++;
        if (q < lim && *q != '\n')
            return NULL;
    }
    *count = (uint16_t)n;
    return end;
}

/* sqlcmd lines (":setvar X 1", ":r file", "!! cmd") end at the line break. */
static void tsql_line(LexCtx *cx, Token *t, const unsigned char *tok, const unsigned char *lim,
                      int kind)
{
    lx_emit(cx, t, tok, lx_trim_cr(tok, lx_line_end(tok, lim)), kind);
}

/* What may follow a name's first character: alpha | digit | [@#$] (idc). */
#define TSQL_WORD (LX_W_ALNUM | LX_W_DOLLAR | LX_W_HASH | LX_W_AT)

/* Inlined into both entry points below (a call per token otherwise). */
static inline __attribute__((always_inline)) void scan_tsql(LexCtx *cx, Token *t)
{
    const unsigned char *base = lx_base(cx);
    const unsigned char *YYLIMIT = base + cx->src->len;
    const unsigned char *YYCURSOR = cx->cur < cx->src->len ? base + cx->cur : YYLIMIT;
    const unsigned char *YYMARKER = YYCURSOR;
    const unsigned char *tok;

loop:
    tok = YYCURSOR;
    /*!re2c
    // T-SQL names may hold @ # $ after the first character.
    idc   = alpha | digit | [@#$];
    // money literals take any of these currency signs: $ ¢ £ ¤ ¥ and U+20A0..20BF (€ ..)
    money = "$" | "\xC2" [\xA2-\xA5] | "\xE2\x82" [\xA0-\xBF];

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
    [a-zA-Z_]         { YYCURSOR = lx_word_end(YYCURSOR, YYLIMIT, TSQL_WORD); goto word; }
    uletter idc*      { goto word; }
    // #temp and ##global_temp tables: the text keeps the #.
    "#" idc+          { lx_emit(cx, t, tok, YYCURSOR, TK_IDENT); return; }
    // $action, $IDENTITY, $ROWGUID, $node_id ...: pseudo-columns.
    "$" alpha idc*    { lx_emit(cx, t, tok, YYCURSOR, TK_IDENT); return; }
    // sqlcmd variable: substituted before the server sees the text.
    "$(" [^()\x00-\x20'"]+ ")" { lx_emit(cx, t, tok, YYCURSOR, TK_SUBST); return; }
    "@@" idc+         { lx_emit(cx, t, tok, YYCURSOR, TK_GVAR); return; }
    "@" idc+          { lx_emit(cx, t, tok, YYCURSOR, TK_VAR); return; }
    "@"               { lx_emit(cx, t, tok, YYCURSOR, TK_AT); return; }

    // [name], "name", 'text', N'text': the rest by lx_quoted (a doubled
    // closing quote stands for itself; unterminated: to the end of input)
    "["               { lx_quoted(cx, t, tok, YYCURSOR, YYLIMIT, ']', TK_QIDENT, 1,
                                  "quoted identifier");
                        t->aux = '['; return; }
    ["]               { lx_quoted(cx, t, tok, YYCURSOR, YYLIMIT, '"', TK_QIDENT, 1,
                                  "quoted identifier");
                        t->aux = '"'; return; }
    [']               { lx_quoted(cx, t, tok, YYCURSOR, YYLIMIT, '\'', TK_STRING, 1,
                                  "string literal");
                        return; }
    [nN] [']          { lx_quoted(cx, t, tok, YYCURSOR, YYLIMIT, '\'', TK_NSTRING, 2,
                                  "string literal");
                        return; }

    // binary constant; "0x" alone is the empty binary value
    "0" [xX]          { lx_emit(cx, t, tok, lx_skip_hex(YYCURSOR, YYLIMIT), TK_HEX); return; }
    digit+            { lx_emit(cx, t, tok, YYCURSOR, TK_INTEGER); return; }
    (digit+ "." digit* | "." digit+) exp? | digit+ exp
                      { lx_emit(cx, t, tok, YYCURSOR, TK_DECIMAL); return; }
    // money: $12.50, £3 and a lone $ (the value 0.00)
    money (digit+ ("." digit*)? | "." digit+)?
                      { lx_emit(cx, t, tok, YYCURSOR, TK_DECIMAL); return; }

    // sqlcmd command: ':' and a letter first on the line; else a plain colon
    ":" [a-zA-Z] {
        if (lx_at_line_start(cx, tok)) {
            tsql_line(cx, t, tok, YYLIMIT, TK_SQLCMD);
            return;
        }
        lx_emit(cx, t, tok, tok + 1, TK_COLON);
        return;
    }
    // sqlcmd shell escape "!! dir"
    "!!" {
        if (lx_at_line_start(cx, tok)) {
            tsql_line(cx, t, tok, YYLIMIT, TK_SQLCMD);
            return;
        }
        lx_emit(cx, t, tok, tok + 1, TK_BANG);
        return;
    }

    [-+*/%&|^] "="    { lx_emit(cx, t, tok, YYCURSOR, TK_COMPOUND_ASSIGN); return; }
    "("               { lx_emit(cx, t, tok, YYCURSOR, TK_LPAREN); return; }
    ")"               { lx_emit(cx, t, tok, YYCURSOR, TK_RPAREN); return; }
    "{"               { lx_emit(cx, t, tok, YYCURSOR, TK_LBRACE); return; }
    "}"               { lx_emit(cx, t, tok, YYCURSOR, TK_RBRACE); return; }
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
    "!<"              { lx_emit(cx, t, tok, YYCURSOR, TK_NOTLT); return; }
    "!>"              { lx_emit(cx, t, tok, YYCURSOR, TK_NOTGT); return; }
    "<<"              { lx_emit(cx, t, tok, YYCURSOR, TK_SHL); return; }
    ">>"              { lx_emit(cx, t, tok, YYCURSOR, TK_SHR); return; }
    "||"              { lx_emit(cx, t, tok, YYCURSOR, TK_CONCAT); return; }
    "&"               { lx_emit(cx, t, tok, YYCURSOR, TK_AMP); return; }
    "|"               { lx_emit(cx, t, tok, YYCURSOR, TK_PIPE); return; }
    "^"               { lx_emit(cx, t, tok, YYCURSOR, TK_CARET); return; }
    "~"               { lx_emit(cx, t, tok, YYCURSOR, TK_TILDE); return; }
    "!"               { lx_emit(cx, t, tok, YYCURSOR, TK_BANG); return; }
    ":"               { lx_emit(cx, t, tok, YYCURSOR, TK_COLON); return; }
    "::"              { lx_emit(cx, t, tok, YYCURSOR, TK_DCOLON); return; }
    "?"               { lx_emit(cx, t, tok, YYCURSOR, TK_QUESTION); return; }

    *                 { lx_bad_char(cx, t, tok, YYLIMIT); return; }
    */
word:
    if (YYCURSOR - tok == 2 && (tok[0] | 0x20) == 'g' && (tok[1] | 0x20) == 'o' &&
        lx_at_line_start(cx, tok)) {
        uint16_t count = 1;
        const unsigned char *e = tsql_go_line(YYCURSOR, YYLIMIT, &count);
        if (e) {
            lx_emit(cx, t, tok, e, TK_GO);
            t->aux = count;
            return;
        }
    }
    lx_emit(cx, t, tok, YYCURSOR, TK_IDENT);
}

/* One whole token: scanned, then completed as in every dialect (inlined:
 * the parser asks for every token through here). */
Token *lex_scan_tsql(LexCtx *cx, Token *t)
{
    memset(t, 0, sizeof *t);
    scan_tsql(cx, t);
    lx_finish(cx, t);
    return t;
}

/* The same without the keyword lookup, for the tokens of a body kept
 * verbatim (lexer.h, lex_skim). */
Token *lex_skim_tsql(LexCtx *cx, Token *t)
{
    memset(t, 0, sizeof *t);
    scan_tsql(cx, t);
    lx_finish_gap(cx, t);
    return t;
}
