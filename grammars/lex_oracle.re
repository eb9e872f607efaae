/* lex: Oracle scanner (re2c): q'[..]' quotes, :binds, &subst, (+), `/` lines, SQL*Plus commands. */
/*!include:re2c "lex_common.h" */

/* SQL*Plus runs a statement that starts a PL/SQL unit (DECLARE, BEGIN,
 * CREATE [OR REPLACE] PROCEDURE/FUNCTION/PACKAGE/TRIGGER/TYPE/LIBRARY/JAVA) only
 * at a '/' line, and inside such a unit it reads no commands: "EXIT;" and
 * "EXECUTE IMMEDIATE .." there are PL/SQL. The scanner follows that with a
 * small state kept in LexCtx.in_version_comment, a field only the MySQL
 * scanner otherwise uses (LexCtx has no field of its own for it yet). */
#define ORA_MODE(cx) ((cx)->plsql_mode)
enum { ORA_SQL = 0, ORA_CREATE = 1, ORA_BLOCK = 2 };

static int ora_word_in(const unsigned char *s, size_t n, const char *const *words)
{
    for (; *words; words++)
        if (lx_word_is(s, n, *words))
            return 1;
    return 0;
}

/* Advances the PL/SQL-unit state after the token [s, s+n) of this kind
 * (at_start: it began a statement). Out of line: ora_emit calls it only for
 * the few tokens that can change the state. */
static __attribute__((noinline)) void ora_mode_step(LexCtx *cx, const unsigned char *s,
                                                    size_t n, int kind, int at_start)
{
    static const char *const create_mods[] = {"OR", "REPLACE", "EDITIONABLE", "NONEDITIONABLE",
                                              "EDITIONING", "FORCE", "NOFORCE", "AND",
                                              "RESOLVE", "COMPILE", NULL};
    static const char *const plsql_units[] = {"PROCEDURE", "FUNCTION", "PACKAGE", "TRIGGER",
                                              "TYPE", "LIBRARY", "JAVA", NULL};
    if (kind == TK_SLASH_TERM) {
        ORA_MODE(cx) = ORA_SQL;
    } else if (ORA_MODE(cx) == ORA_CREATE) {
        if (kind != TK_IDENT)
            ORA_MODE(cx) = ORA_SQL;
        else if (ora_word_in(s, n, plsql_units))
            ORA_MODE(cx) = ORA_BLOCK;
        else if (!ora_word_in(s, n, create_mods))
            ORA_MODE(cx) = ORA_SQL;
    } else if (ORA_MODE(cx) == ORA_SQL && at_start && kind == TK_IDENT) {
        if (lx_word_is(s, n, "CREATE"))
            ORA_MODE(cx) = ORA_CREATE;
        else if (lx_word_is(s, n, "DECLARE") || lx_word_is(s, n, "BEGIN"))
            ORA_MODE(cx) = ORA_BLOCK;
    }
}

/* Emits a token and advances the PL/SQL-unit state: only a '/' line, a
 * token after CREATE, or a word starting a statement outside a unit can
 * change it. */
static inline void ora_emit(LexCtx *cx, Token *t, const unsigned char *s, const unsigned char *e,
                            int kind)
{
    int at_start = cx->stmt_start;
    lx_emit(cx, t, s, e, kind);
    if (kind == TK_SLASH_TERM || ORA_MODE(cx) == ORA_CREATE ||
        (ORA_MODE(cx) == ORA_SQL && at_start && kind == TK_IDENT))
        ora_mode_step(cx, s, (size_t)(e - s), kind, at_start);
}

/* SQL*Plus commands with their shortest accepted abbreviation. "text" ones
 * (REMARK, PROMPT) take the rest of the line verbatim and no '-' continuation. */
static const struct {
    const char *word;
    unsigned char min, text, len; /* len: strlen(word) */
} ora_plus_cmds[] = {
    {"ACCEPT", 3, 0, 6},   {"BREAK", 3, 0, 5},     {"BTITLE", 3, 0, 6},    {"CLEAR", 2, 0, 5},
    {"COLUMN", 3, 0, 6},   {"COMPUTE", 4, 0, 7},   {"CONNECT", 4, 0, 7},   {"DEFINE", 3, 0, 6},
    {"DESCRIBE", 4, 0, 8}, {"DISCONNECT", 4, 0, 10}, {"EXECUTE", 4, 0, 7},  {"EXIT", 4, 0, 4},
    {"HOST", 2, 0, 4},     {"PASSWORD", 5, 0, 8},  {"PAUSE", 3, 0, 5},     {"PRINT", 3, 0, 5},
    {"PROMPT", 3, 1, 6},   {"QUIT", 4, 0, 4},      {"REMARK", 3, 1, 6},    {"REPFOOTER", 4, 0, 9},
    {"REPHEADER", 4, 0, 9}, {"SET", 3, 0, 3},      {"SHOW", 3, 0, 4},      {"SHUTDOWN", 8, 0, 8},
    {"SPOOL", 3, 0, 5},    {"START", 3, 0, 5},     {"STARTUP", 7, 0, 7},   {"TIMING", 4, 0, 6},
    {"TTITLE", 3, 0, 6},   {"UNDEFINE", 5, 0, 8},  {"VARIABLE", 3, 0, 8},  {"WHENEVER", 8, 0, 8},
};

/* Which command [s, s+n) abbreviates; -1 if none (the first in the table
 * that matches). The table is in alphabetical order: a binary search finds
 * the first word with s's first letter, and only those are compared (this
 * runs for every statement's first word). */
static int ora_plus_cmd(const unsigned char *s, size_t n)
{
    enum { N = sizeof ora_plus_cmds / sizeof ora_plus_cmds[0] };
    unsigned char c0 = s[0] >= 'a' && s[0] <= 'z' ? (unsigned char)(s[0] - 32) : s[0];
    size_t lo = 0, hi = N;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((unsigned char)ora_plus_cmds[mid].word[0] < c0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < N && (unsigned char)ora_plus_cmds[i].word[0] == c0; i++) {
        const char *w = ora_plus_cmds[i].word;
        if (n < ora_plus_cmds[i].min || n > ora_plus_cmds[i].len)
            continue;
        size_t k = 0;
        for (; k < n; k++) {
            unsigned char c = s[k];
            if (c >= 'a' && c <= 'z')
                c = (unsigned char)(c - 32);
            if (c != (unsigned char)w[k])
                break;
        }
        if (k == n)
            return (int)i;
    }
    return -1;
}

/* Length of the word at p (ASCII letters only), for the word after SET/EXIT. */
static size_t ora_next_word(const unsigned char *p, const unsigned char *lim)
{
    const unsigned char *q = p;
    while (q < lim && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || *q == '_'))
        q++;
    return (size_t)(q - p);
}

/* The word [s, e) is first on its line at the start of a statement outside a
 * PL/SQL unit. Returns the end of the SQL*Plus command line it starts, or
 * NULL when it is not one: not a command word, or what follows reads like
 * PL/SQL or SQL ("rem := 1", "set transaction", "exec immediate ..."). */
static const unsigned char *ora_plus_line(const unsigned char *s, const unsigned char *e,
                                          const unsigned char *lim)
{
    int i = ora_plus_cmd(s, (size_t)(e - s));
    if (i < 0)
        return NULL;
    const char *w = ora_plus_cmds[i].word;
    /* right after the word: "rem.x", "rem(1)", "rem%type", "rem=", "rem:=" */
    if (e < lim && (*e == '.' || *e == '(' || *e == '%' || *e == '=' ||
                    (*e == ':' && e + 1 < lim && e[1] == '=')))
        return NULL;
    const unsigned char *p = lx_skip_blanks(e, lim);
    if (!ora_plus_cmds[i].text) {
        /* after blanks: an assignment or a call is PL/SQL, not a command */
        if (p < lim && (*p == '=' || *p == '(' || (*p == ':' && p + 1 < lim && p[1] == '=')))
            return NULL;
        size_t wn = ora_next_word(p, lim);
        if (w[0] == 'S' && w[1] == 'E' && w[2] == 'T' && w[3] == 0 &&
            (lx_word_is(p, wn, "TRANSACTION") || lx_word_is(p, wn, "ROLE") ||
             lx_word_is(p, wn, "CONSTRAINT") || lx_word_is(p, wn, "CONSTRAINTS")))
            return NULL;
        if (w[0] == 'E' && w[1] == 'X' && w[2] == 'E' && lx_word_is(p, wn, "IMMEDIATE"))
            return NULL;
        if (w[0] == 'E' && w[1] == 'X' && w[2] == 'I' && lx_word_is(p, wn, "WHEN"))
            return NULL;
    } else if (p < lim && *p == ':' && p + 1 < lim && p[1] == '=') {
        return NULL;
    }
    /* the line; other commands continue on the next line after a trailing '-' */
    const unsigned char *end = lx_trim_cr(s, lx_line_end(e, lim));
    while (!ora_plus_cmds[i].text) {
        const unsigned char *q = end;
        while (q > s && (q[-1] == ' ' || q[-1] == '\t'))
            q--;
        if (q[-1] != '-' || end == lim)
            break;
        const unsigned char *nl = lx_line_end(end, lim);
        if (nl == lim)
            break;
        end = lx_trim_cr(s, lx_line_end(nl + 1, lim));
    }
    return end;
}

/* q'<c>...<c>' and nq'..': the closing character is the opening one, or its
 * mirror for ( [ { <. p is just past the quote. Oracle refuses a blank as the
 * delimiter; then q (or nq) is scanned as a name and the quote as a string. */
static void ora_qquote(LexCtx *cx, Token *t, const unsigned char *tok, const unsigned char *p,
                       const unsigned char *lim)
{
    uint32_t open_len = (uint32_t)(p - tok);
    if (p >= lim) {
        lx_unterminated(cx, t, tok, lim, TK_QSTRING, open_len, "q-quoted string");
        return;
    }
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
        ora_emit(cx, t, tok, p - 1, TK_IDENT);
        return;
    }
    uint32_t cp = 0, n = lx_utf8_len(p, lim, &cp);
    unsigned char close[4];
    if (n == 0)
        n = 1;
    memcpy(close, p, n);
    if (n == 1) {
        switch (*p) {
        case '(': close[0] = ')'; break;
        case '[': close[0] = ']'; break;
        case '{': close[0] = '}'; break;
        case '<': close[0] = '>'; break;
        default: break;
        }
    }
    for (const unsigned char *q = p + n; q < lim;) {
        q = memchr(q, close[0], (size_t)(lim - q));
        if (!q)
            break;
        if ((size_t)(lim - q) > n && memcmp(q, close, n) == 0 && q[n] == '\'') {
            ora_emit(cx, t, tok, q + n + 1, TK_QSTRING);
            return;
        }
        q++;
    }
    lx_unterminated(cx, t, tok, lim, TK_QSTRING, open_len + n, "q-quoted string");
}

/* "name": Oracle has no doubled quote inside one, the first '"' ends it. */
static void ora_qident(LexCtx *cx, Token *t, const unsigned char *tok, const unsigned char *body,
                       const unsigned char *lim)
{
    const unsigned char *q = body < lim ? memchr(body, '"', (size_t)(lim - body)) : NULL;
    if (q) {
        ora_emit(cx, t, tok, q + 1, TK_QIDENT);
        t->flags |= TF_PLAIN;
    } else {
        lx_unterminated(cx, t, tok, lim, TK_QIDENT, 1, "quoted identifier");
    }
    t->aux = '"';
}

/* 'text' and N'text' ('' stands for a quote): as lx_quoted, plus the
 * PL/SQL-unit state that ora_emit keeps (a string after CREATE ends it). */
static void ora_string(LexCtx *cx, Token *t, const unsigned char *tok, const unsigned char *body,
                       const unsigned char *lim, int kind, uint32_t open_len)
{
    lx_quoted(cx, t, tok, body, lim, '\'', kind, open_len, "string literal");
    if (!(t->flags & TF_UNTERMINATED) && ORA_MODE(cx) == ORA_CREATE)
        ORA_MODE(cx) = ORA_SQL;
}

/* What may follow a name's first character: alpha | digit | [$#] (idc). */
#define ORA_WORD (LX_W_ALNUM | LX_W_DOLLAR | LX_W_HASH)

/* Inlined into both entry points below (a call per token otherwise). */
static inline __attribute__((always_inline)) void scan_oracle(LexCtx *cx, Token *t)
{
    const unsigned char *base = lx_base(cx);
    const unsigned char *YYLIMIT = base + cx->src->len;
    const unsigned char *YYCURSOR = cx->cur < cx->src->len ? base + cx->cur : YYLIMIT;
    const unsigned char *YYMARKER = YYCURSOR;
    const unsigned char *tok;

loop:
    tok = YYCURSOR;
    /*!re2c
    // Oracle names may hold $ and # after the first character.
    idc   = alpha | digit | [$#];
    jb    = [ \t\r\n]*;

    $                 { lx_eof(cx, t); return; }
    // a line break and the blanks after it, and blanks alone on a line: the
    // longest blank run, as blank+ below (the first rule wins a tie); there
    // lx_finish knows a token's flags without walking back over the blanks
    blank* "\n" [ \t\r]* { cx->nl_end = (uint32_t)(YYCURSOR - base); goto loop; }
    [ \t\r]+         { lx_blank_run(cx, tok, YYCURSOR); goto loop; }
    blank+ | uspace   { goto loop; }
    "--"              { YYCURSOR = lx_line_end(YYCURSOR, YYLIMIT); goto loop; } // to the line break (memchr)
    "/*"              { YYCURSOR = lx_skip_block_comment(cx, tok, YYLIMIT, 0); goto loop; }

    // a name: alpha idc*, its ASCII first character's rest by lx_word_end
    [a-zA-Z_]         { YYCURSOR = lx_word_end(YYCURSOR, YYLIMIT, ORA_WORD); goto word; }
    uletter idc*      { goto word; }
    // conditional compilation: $IF $THEN $ELSE $END $ERROR, $$inquiry
    "$" "$"? alpha idc* { ora_emit(cx, t, tok, YYCURSOR, TK_IDENT); return; }

    // "name" (no doubled quote in Oracle), 'text', N'text': the rest found
    // with memchr; unterminated: to the end of input
    ["]               { ora_qident(cx, t, tok, YYCURSOR, YYLIMIT); return; }
    [']               { ora_string(cx, t, tok, YYCURSOR, YYLIMIT, TK_STRING, 1); return; }
    [nN] [']          { ora_string(cx, t, tok, YYCURSOR, YYLIMIT, TK_NSTRING, 2); return; }
    [nN]? [qQ] [']    { ora_qquote(cx, t, tok, YYCURSOR, YYLIMIT); return; }

    digit+            { ora_emit(cx, t, tok, YYCURSOR, TK_INTEGER); return; }
    (digit+ "." digit* | "." digit+) exp? [fFdD]? | digit+ exp [fFdD]? | digit+ [fFdD] {
        // 1..5 is a range: 1 . . 5, not 1. .5
        if (YYCURSOR[-1] == '.' && YYCURSOR < YYLIMIT && *YYCURSOR == '.') {
            ora_emit(cx, t, tok, YYCURSOR - 1, TK_INTEGER);
            return;
        }
        if (tok[0] == '.' && tok > base && tok[-1] == '.') {
            ora_emit(cx, t, tok, tok + 1, TK_DOT);
            return;
        }
        ora_emit(cx, t, tok, YYCURSOR, TK_DECIMAL);
        return;
    }

    ":" (alpha idc* | digit+) { ora_emit(cx, t, tok, YYCURSOR, TK_BIND); return; }
    ":="              { ora_emit(cx, t, tok, YYCURSOR, TK_ASSIGN); return; }
    ":"               { ora_emit(cx, t, tok, YYCURSOR, TK_COLON); return; }
    // SQL*Plus substitution: &x &&x &1; a '.' right after ends the name and is part of it
    "&" "&"? (alpha idc* | digit+) "."? { ora_emit(cx, t, tok, YYCURSOR, TK_SUBST); return; }
    "(" jb "+" jb ")" { ora_emit(cx, t, tok, YYCURSOR, TK_OUTER_JOIN); return; }

    "/" {
        // '/' alone on its line runs the buffer (ends a PL/SQL unit)
        const unsigned char *q = lx_skip_blanks(YYCURSOR, YYLIMIT);
        if (q < YYLIMIT && *q == '\r')
            q++;
        if ((q == YYLIMIT || *q == '\n') && lx_at_line_start(cx, tok)) {
            ora_emit(cx, t, tok, YYCURSOR, TK_SLASH_TERM);
            return;
        }
        ora_emit(cx, t, tok, YYCURSOR, TK_SLASH);
        return;
    }
    // @file and @@file run a script; elsewhere @ names a database link
    "@" "@"? {
        if (cx->stmt_start && ORA_MODE(cx) != ORA_BLOCK && lx_at_line_start(cx, tok)) {
            ora_emit(cx, t, tok, lx_trim_cr(tok, lx_line_end(tok, YYLIMIT)), TK_SQLPLUS);
            return;
        }
        ora_emit(cx, t, tok, tok + 1, TK_AT);
        return;
    }

    "("               { ora_emit(cx, t, tok, YYCURSOR, TK_LPAREN); return; }
    ")"               { ora_emit(cx, t, tok, YYCURSOR, TK_RPAREN); return; }
    "{"               { ora_emit(cx, t, tok, YYCURSOR, TK_LBRACE); return; }
    "}"               { ora_emit(cx, t, tok, YYCURSOR, TK_RBRACE); return; }
    "["               { ora_emit(cx, t, tok, YYCURSOR, TK_LBRACKET); return; }
    "]"               { ora_emit(cx, t, tok, YYCURSOR, TK_RBRACKET); return; }
    ","               { ora_emit(cx, t, tok, YYCURSOR, TK_COMMA); return; }
    ";"               { ora_emit(cx, t, tok, YYCURSOR, TK_SEMI); return; }
    // ".." (a FOR loop range) comes out as two DOT tokens
    "."               { ora_emit(cx, t, tok, YYCURSOR, TK_DOT); return; }
    // "**" (power) comes out as two STAR tokens with no space between
    "*"               { ora_emit(cx, t, tok, YYCURSOR, TK_STAR); return; }
    "+"               { ora_emit(cx, t, tok, YYCURSOR, TK_PLUS); return; }
    "-"               { ora_emit(cx, t, tok, YYCURSOR, TK_MINUS); return; }
    "%"               { ora_emit(cx, t, tok, YYCURSOR, TK_PERCENT); return; }
    "="               { ora_emit(cx, t, tok, YYCURSOR, TK_EQ); return; }
    "<>" | "!=" | "^=" | "~=" { ora_emit(cx, t, tok, YYCURSOR, TK_NE); return; }
    "<"               { ora_emit(cx, t, tok, YYCURSOR, TK_LT); return; }
    "<="              { ora_emit(cx, t, tok, YYCURSOR, TK_LE); return; }
    ">"               { ora_emit(cx, t, tok, YYCURSOR, TK_GT); return; }
    ">="              { ora_emit(cx, t, tok, YYCURSOR, TK_GE); return; }
    "<<"              { ora_emit(cx, t, tok, YYCURSOR, TK_SHL); return; }
    ">>"              { ora_emit(cx, t, tok, YYCURSOR, TK_SHR); return; }
    "=>"              { ora_emit(cx, t, tok, YYCURSOR, TK_ARROW); return; }
    "||"              { ora_emit(cx, t, tok, YYCURSOR, TK_CONCAT); return; }
    "&"               { ora_emit(cx, t, tok, YYCURSOR, TK_AMP); return; }
    "|"               { ora_emit(cx, t, tok, YYCURSOR, TK_PIPE); return; }
    "^"               { ora_emit(cx, t, tok, YYCURSOR, TK_CARET); return; }
    "~"               { ora_emit(cx, t, tok, YYCURSOR, TK_TILDE); return; }
    "!"               { ora_emit(cx, t, tok, YYCURSOR, TK_BANG); return; }
    "?"               { ora_emit(cx, t, tok, YYCURSOR, TK_QUESTION); return; }

    *                 { lx_bad_char(cx, t, tok, YYLIMIT); return; }
    */
word:
    if (cx->stmt_start && ORA_MODE(cx) != ORA_BLOCK && lx_at_line_start(cx, tok)) {
        const unsigned char *e = ora_plus_line(tok, YYCURSOR, YYLIMIT);
        if (e) {
            ora_emit(cx, t, tok, e, TK_SQLPLUS);
            return;
        }
    }
    ora_emit(cx, t, tok, YYCURSOR, TK_IDENT);
}

/* One whole token: scanned, then completed as in every dialect (inlined:
 * the parser asks for every token through here). */
Token *lex_scan_oracle(LexCtx *cx, Token *t)
{
    memset(t, 0, sizeof *t);
    scan_oracle(cx, t);
    lx_finish(cx, t);
    return t;
}

/* The same without the keyword lookup, for the tokens of a body kept
 * verbatim (lexer.h, lex_skim). */
Token *lex_skim_oracle(LexCtx *cx, Token *t)
{
    memset(t, 0, sizeof *t);
    scan_oracle(cx, t);
    lx_finish_gap(cx, t);
    return t;
}
