/* lex: MySQL/MariaDB scanner (re2c): `names`, backslash escapes, version comments, DELIMITER. */
/*!include:re2c "lex_common.h" */

/* The mysql client splits statements at its delimiter wherever it appears
 * outside quotes and comments, even inside a word: with "DELIMITER $$" the
 * text "END$$" is END and the delimiter. So unquoted tokens are cut where the
 * delimiter begins. ";" never occurs inside such a token, so the default
 * delimiter costs nothing. */
static const unsigned char *my_cut(const LexCtx *cx, const unsigned char *s,
                                   const unsigned char *e, const unsigned char *lim)
{
    size_t n = (size_t)cx->delim_len;
    if (n == 0 || n >= sizeof cx->delim || (n == 1 && cx->delim[0] == ';'))
        return e;
    for (const unsigned char *p = s + 1; p < e; p++)
        if (*p == (unsigned char)cx->delim[0] && (size_t)(lim - p) >= n &&
            memcmp(p, cx->delim, n) == 0)
            return p;
    return e;
}

/* Emits a token; inside a version comment it is marked TF_VERSIONED. */
static void my_emit(LexCtx *cx, Token *t, const unsigned char *s, const unsigned char *e,
                    int kind)
{
    lx_emit(cx, t, s, e, kind);
    if (cx->in_version_comment)
        t->flags |= TF_VERSIONED;
}

/* Same for unquoted tokens, cut at the client delimiter. Inline: every
 * word, number and operator comes here, and with the default delimiter
 * (cut = 0, decided once per token by the scanner) there is nothing to cut. */
static inline __attribute__((always_inline)) void my_word(LexCtx *cx, Token *t,
                                                          const unsigned char *s,
                                                          const unsigned char *e,
                                                          const unsigned char *lim, int cut,
                                                          int kind)
{
    my_emit(cx, t, s, cut ? my_cut(cx, s, e, lim) : e, kind);
}

static void my_unterminated(LexCtx *cx, Token *t, const unsigned char *s, const unsigned char *e,
                            int kind, uint32_t open_len, const char *what)
{
    lx_unterminated(cx, t, s, e, kind, open_len, what);
    if (cx->in_version_comment)
        t->flags |= TF_VERSIONED;
}

/* "DELIMITER xx" (any case) first on its line at the start of a statement:
 * the whole line is one token and the first word after it (quotes stripped,
 * at most 15 bytes) becomes the delimiter. e is the end of the word. */
static void my_delimiter_cmd(LexCtx *cx, Token *t, const unsigned char *tok,
                             const unsigned char *e, const unsigned char *lim)
{
    const unsigned char *end = lx_trim_cr(tok, lx_line_end(e, lim));
    const unsigned char *p = lx_skip_blanks(e, end), *q = p;
    while (q < end && *q != ' ' && *q != '\t')
        q++;
    if (q - p >= 2 && (*p == '\'' || *p == '"' || *p == '`') && q[-1] == *p) {
        p++;
        q--;
    }
    if (q > p) {
        size_t n = (size_t)(q - p);
        if (n > sizeof cx->delim - 1)
            n = sizeof cx->delim - 1;
        memcpy(cx->delim, p, n);
        cx->delim[n] = 0;
        cx->delim_len = (int)n;
    }
    lx_emit(cx, t, tok, end, TK_DELIMITER_CMD);
}

/* End of input inside a version comment: report where it opened. */
static void my_unclosed_version(LexCtx *cx)
{
    const unsigned char *b = lx_base(cx);
    const unsigned char *p = b + cx->src->len;
    cx->in_version_comment = 0;
    const unsigned char *e = p;
    while (p > b) {
        p--;
        if (e - p >= 3 && p[0] == '/' && p[1] == '*' &&
            (p[2] == '!' || (e - p >= 4 && p[2] == 'M' && p[3] == '!'))) {
            lx_report_unterminated(cx, p, p[2] == '!' ? 3 : 4, "version comment");
            return;
        }
    }
}

/* What may follow a name's first character: alpha | [$] | digit (idc). */
#define MY_WORD (LX_W_ALNUM | LX_W_DOLLAR)

/* Inlined into both entry points below (a call per token otherwise). */
static inline __attribute__((always_inline)) void scan_mysql(LexCtx *cx, Token *t)
{
    const unsigned char *base = lx_base(cx);
    const unsigned char *YYLIMIT = base + cx->src->len;
    const unsigned char *YYCURSOR = cx->cur < cx->src->len ? base + cx->cur : YYLIMIT;
    const unsigned char *YYMARKER = YYCURSOR;
    const unsigned char *tok;
    size_t dn = cx->delim_len > 0 && (size_t)cx->delim_len < sizeof cx->delim
                    ? (size_t)cx->delim_len : 0;
    /* my_cut's test: ";" never occurs inside an unquoted token */
    int cut = dn && !(dn == 1 && cx->delim[0] == ';');

loop:
    tok = YYCURSOR;
    /* the client delimiter wins over everything that is not quoted or a comment */
    if (dn && *tok == (unsigned char)cx->delim[0] && (size_t)(YYLIMIT - tok) >= dn &&
        (dn == 1 || memcmp(tok, cx->delim, dn) == 0)) {
        my_emit(cx, t, tok, tok + dn, TK_DELIM);
        return;
    }
    /*!re2c
    // names: letters, digits, _ and $; a name may start with digits (1abc) when
    // it is not a number
    alphm = alpha | [$];
    idc   = alphm | digit;
    sq    = ['] ([^'\\] | "\\" [^] | [']['])*;
    dq    = ["] ([^"\\] | "\\" [^] | ["]["])*;
    bq    = "`" ([^`] | "``")*;

    $ {
        if (cx->in_version_comment)
            my_unclosed_version(cx);
        lx_eof(cx, t);
        return;
    }
    // a line break and the blanks after it, and blanks alone on a line: the
    // longest blank run, as blank+ below (the first rule wins a tie); there
    // lx_finish knows a token's flags without walking back over the blanks
    blank* "\n" [ \t\r]* { cx->nl_end = (uint32_t)(YYCURSOR - base); goto loop; }
    [ \t\r]+         { lx_blank_run(cx, tok, YYCURSOR); goto loop; }
    blank+ | uspace   { goto loop; }
    // "--" starts a comment only when a blank or control character follows
    "--" [\x01-\x09\x0B-\x20] { YYCURSOR = lx_line_end(YYCURSOR, YYLIMIT); goto loop; }
    "--" {
        if (YYCURSOR == YYLIMIT || *YYCURSOR == '\n')
            goto loop;
        my_word(cx, t, tok, tok + 1, YYLIMIT, cut, TK_MINUS);
        return;
    }
    "#"               { YYCURSOR = lx_line_end(YYCURSOR, YYLIMIT); goto loop; }
    // version comments: the opener and closer are skipped, the inside is code
    ("/*!" | "/*M!") digit* { cx->in_version_comment = 1; goto loop; }
    "*/" {
        if (cx->in_version_comment) {
            cx->in_version_comment = 0;
            goto loop;
        }
        my_word(cx, t, tok, tok + 1, YYLIMIT, cut, TK_STAR);
        return;
    }
    "/*"              { YYCURSOR = lx_skip_block_comment(cx, tok, YYLIMIT, 0); goto loop; }

    // numbers before names: at equal length (0x1F, 1e5) the number wins;
    // 0x and 0b are lower case only ("0X1" is a name)
    "0x" hexd+        { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_HEX); return; }
    "0b" [01]+        { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_BSTRING); return; }
    digit+            { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_INTEGER); return; }
    (digit+ "." digit* | "." digit+) exp? | digit+ exp
                      { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_DECIMAL); return; }

    // a name: digit* alphm idc*; after an ASCII first character the rest by
    // lx_word_end
    [a-zA-Z_$]        { YYCURSOR = lx_word_end(YYCURSOR, YYLIMIT, MY_WORD); goto word; }
    digit+ alphm idc* | uletter idc* { goto word; }

    // `name` (`` stands for `): the rest found with memchr by lx_quoted
    "`" {
        lx_quoted(cx, t, tok, YYCURSOR, YYLIMIT, '`', TK_QIDENT, 1, "quoted identifier");
        if (cx->in_version_comment)
            t->flags |= TF_VERSIONED;
        t->aux = '`';
        return;
    }
    sq [']            { my_emit(cx, t, tok, YYCURSOR, TK_STRING); return; }
    sq                { my_unterminated(cx, t, tok, YYCURSOR, TK_STRING, 1, "string literal");
                        return; }
    // double quotes make a string (unless ANSI_QUOTES, which the parser may undo)
    dq ["]            { my_emit(cx, t, tok, YYCURSOR, TK_STRING); return; }
    dq                { my_unterminated(cx, t, tok, YYCURSOR, TK_STRING, 1, "string literal");
                        return; }
    [nN] sq [']       { my_emit(cx, t, tok, YYCURSOR, TK_NSTRING); return; }
    [nN] sq           { my_unterminated(cx, t, tok, YYCURSOR, TK_NSTRING, 2, "string literal");
                        return; }
    [xX] ['] [^']* [']  { my_emit(cx, t, tok, YYCURSOR, TK_XSTRING); return; }
    [xX] ['] [^']*      { my_unterminated(cx, t, tok, YYCURSOR, TK_XSTRING, 2,
                                          "hex string literal");
                          return; }
    [bB] ['] [^']* [']  { my_emit(cx, t, tok, YYCURSOR, TK_BSTRING); return; }
    [bB] ['] [^']*      { my_unterminated(cx, t, tok, YYCURSOR, TK_BSTRING, 2,
                                          "bit string literal");
                          return; }

    // user variables: @x, @'x', @"x", @`x`; after a name or a quote, @ joins
    // user@host (DEFINER=`root`@`localhost`) and is a lone AT
    "@" ((idc | [.])+ | sq ['] | dq ["] | bq "`") {
        if (tok > base && (tok[-1] == '\'' || tok[-1] == '"' || tok[-1] == '`' ||
                           lx_is_word_byte(tok[-1]))) {
            my_word(cx, t, tok, tok + 1, YYLIMIT, cut, TK_AT);
            return;
        }
        if (tok[1] == '\'' || tok[1] == '"' || tok[1] == '`')
            my_emit(cx, t, tok, YYCURSOR, TK_VAR);
        else
            my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_VAR);
        return;
    }
    "@@" (('global' | 'session' | 'local' | 'persist' | 'persist_only') ".")? idc+
                      { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_GVAR); return; }
    "@"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_AT); return; }

    "("               { my_emit(cx, t, tok, YYCURSOR, TK_LPAREN); return; }
    ")"               { my_emit(cx, t, tok, YYCURSOR, TK_RPAREN); return; }
    "{"               { my_emit(cx, t, tok, YYCURSOR, TK_LBRACE); return; }
    "}"               { my_emit(cx, t, tok, YYCURSOR, TK_RBRACE); return; }
    "["               { my_emit(cx, t, tok, YYCURSOR, TK_LBRACKET); return; }
    "]"               { my_emit(cx, t, tok, YYCURSOR, TK_RBRACKET); return; }
    ","               { my_emit(cx, t, tok, YYCURSOR, TK_COMMA); return; }
    // reached only when the delimiter is not ";" (else the check above took it)
    ";"               { my_emit(cx, t, tok, YYCURSOR, TK_SEMI); return; }
    "."               { my_emit(cx, t, tok, YYCURSOR, TK_DOT); return; }
    "*"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_STAR); return; }
    "+"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_PLUS); return; }
    "-"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_MINUS); return; }
    "/"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_SLASH); return; }
    "%"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_PERCENT); return; }
    "="               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_EQ); return; }
    "<>" | "!="       { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_NE); return; }
    "<"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_LT); return; }
    "<="              { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_LE); return; }
    ">"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_GT); return; }
    ">="              { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_GE); return; }
    "<=>"             { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_NSEQ); return; }
    "<<"              { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_SHL); return; }
    ">>"              { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_SHR); return; }
    "->"              { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_JSON_GET); return; }
    "->>"             { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_JSON_GETTEXT); return; }
    ":="              { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_ASSIGN); return; }
    ":"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_COLON); return; }
    // && and || are AND and OR unless PIPES_AS_CONCAT: the parser decides
    "&&"              { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_ANDAND); return; }
    "||"              { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_CONCAT); return; }
    "&"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_AMP); return; }
    "|"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_PIPE); return; }
    "^"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_CARET); return; }
    "~"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_TILDE); return; }
    "!"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_BANG); return; }
    "?"               { my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_QUESTION); return; }

    *                 { lx_bad_char(cx, t, tok, YYLIMIT);
                        if (cx->in_version_comment)
                            t->flags |= TF_VERSIONED;
                        return; }
    */
word:
    // the client reads DELIMITER as a command only where a statement begins
    // (else it is a name: "CREATE TABLE t (\n delimiter int)")
    if (YYCURSOR - tok == 9 && cx->stmt_start && !cx->in_version_comment &&
        lx_word_is(tok, 9, "DELIMITER") && lx_at_line_start(cx, tok)) {
        my_delimiter_cmd(cx, t, tok, YYCURSOR, YYLIMIT);
        return;
    }
    my_word(cx, t, tok, YYCURSOR, YYLIMIT, cut, TK_IDENT);
}

/* One whole token: scanned, then completed as in every dialect (inlined:
 * the parser asks for every token through here). */
Token *lex_scan_mysql(LexCtx *cx, Token *t)
{
    memset(t, 0, sizeof *t);
    scan_mysql(cx, t);
    lx_finish(cx, t);
    return t;
}

/* The same without the keyword lookup, for the tokens of a body kept
 * verbatim (lexer.h, lex_skim). */
Token *lex_skim_mysql(LexCtx *cx, Token *t)
{
    memset(t, 0, sizeof *t);
    scan_mysql(cx, t);
    lx_finish_gap(cx, t);
    return t;
}
