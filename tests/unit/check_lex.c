/* tests: lexer unit tests: token forms per dialect, line commands, errors, big and random input. */
#include "unit.h"
#include "lex/lexer.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One lexing run over a private copy of the text (NUL-terminated at len, so
 * a sanitizer catches any read past the terminator). */
typedef struct Lexed {
    SourceFile src;
    Arena arena;
    DiagList diags;
    LexCtx cx;
} Lexed;

static void lexed_open(Lexed *l, Dialect d, const char *text, size_t len)
{
    memset(l, 0, sizeof *l);
    l->src.text = malloc(len + 1);
    ck_assert_ptr_nonnull(l->src.text);
    memcpy(l->src.text, text, len);
    l->src.text[len] = 0;
    l->src.len = len;
    src_build_lines(&l->src);
    arena_init(&l->arena, 4096);
    diag_init(&l->diags, &l->arena);
    lex_init(&l->cx, d, &l->src, &l->diags);
}

static void lexed_close(Lexed *l)
{
    free(l->src.text);
    free(l->src.lines);
    arena_free(&l->arena);
}

/* Next token, checking what every token must satisfy: it lies after the
 * previous one, inside the text, and is not empty unless it is the end. */
static void next_checked(Lexed *l, Token *t, uint32_t *prev_end)
{
    lex_next(&l->cx, t);
    ck_assert_uint_ge(t->off, *prev_end);
    ck_assert_uint_le((uint64_t)t->off + t->len, l->src.len);
    if (t->kind == TK_EOF) {
        ck_assert_uint_eq(t->off, l->src.len);
        ck_assert_uint_eq(t->len, 0);
    } else {
        ck_assert_uint_gt(t->len, 0);
    }
    *prev_end = t->off + t->len;
}

typedef struct Exp {
    int kind;
    const char *text;
} Exp;
#define T(k, s) {TK_##k, s}

static void expect_tokens(int line, Dialect d, const char *sql, const Exp *e, int n)
{
    Lexed l;
    Token t;
    uint32_t end = 0;
    lexed_open(&l, d, sql, strlen(sql));
    for (int i = 0; i <= n; i++) {
        next_checked(&l, &t, &end);
        if (i == n) {
            ck_assert_msg(t.kind == TK_EOF, "line %d: token %d: got %s '%.*s', want end of input",
                          line, i, tok_kind_name(t.kind), (int)t.len, l.src.text + t.off);
            break;
        }
        size_t want = strlen(e[i].text);
        ck_assert_msg(t.kind == e[i].kind && t.len == want &&
                          memcmp(l.src.text + t.off, e[i].text, want) == 0,
                      "line %d: token %d: got %s '%.*s', want %s '%s'", line, i,
                      tok_kind_name(t.kind), (int)t.len, l.src.text + t.off,
                      tok_kind_name(e[i].kind), e[i].text);
    }
    ck_assert_msg(l.diags.v.n == 0, "line %d: unexpected diagnostic %s: %s", line,
                  l.diags.v.n ? l.diags.v.items[0].code : "",
                  l.diags.v.n ? l.diags.v.items[0].message : "");
    lexed_close(&l);
}

/* EXPECT(dialect, sql, T(KIND, "text"), ...): exactly these tokens, then the
 * end, and no diagnostic. */
#define EXPECT(d, sql, ...)                                                       \
    do {                                                                          \
        static const Exp e_[] = {__VA_ARGS__};                                    \
        expect_tokens(__LINE__, d, sql, e_, (int)(sizeof e_ / sizeof e_[0]));     \
    } while (0)

/* Lexes sql (len bytes) into toks (EOF not stored); returns the count. */
static int lex_all(Lexed *l, Dialect d, const char *sql, size_t len, Token *toks, int max)
{
    Token t;
    uint32_t end = 0;
    int n = 0;
    lexed_open(l, d, sql, len);
    for (;;) {
        next_checked(l, &t, &end);
        if (t.kind == TK_EOF)
            break;
        ck_assert_int_lt(n, max);
        toks[n++] = t;
    }
    return n;
}

static int tok_is(const Lexed *l, const Token *t, int kind, const char *text)
{
    return t->kind == kind && t->len == strlen(text) &&
           memcmp(l->src.text + t->off, text, t->len) == 0;
}

/* ---- T-SQL ------------------------------------------------------------ */

START_TEST(test_tsql_names)
{
    EXPECT(DIALECT_TSQL, "SELECT [a]]b], [x y].\"q \"\"z\"\"\" FROM dbo.t",
           T(IDENT, "SELECT"), T(QIDENT, "[a]]b]"), T(COMMA, ","), T(QIDENT, "[x y]"),
           T(DOT, "."), T(QIDENT, "\"q \"\"z\"\"\""), T(IDENT, "FROM"), T(IDENT, "dbo"),
           T(DOT, "."), T(IDENT, "t"));
    EXPECT(DIALECT_TSQL, "#t ##g a@#$ _x na\xC3\xAFve \xE6\x97\xA5\xE6\x9C\xAC f(",
           T(IDENT, "#t"), T(IDENT, "##g"), T(IDENT, "a@#$"), T(IDENT, "_x"),
           T(IDENT, "na\xC3\xAFve"), T(IDENT, "\xE6\x97\xA5\xE6\x9C\xAC"), T(IDENT, "f"),
           T(LPAREN, "("));
    EXPECT(DIALECT_TSQL, "@v @@ROWCOUNT @ $action $IDENTITY", T(VAR, "@v"),
           T(GVAR, "@@ROWCOUNT"), T(AT, "@"), T(IDENT, "$action"), T(IDENT, "$IDENTITY"));

    Lexed l;
    Token toks[8];
    int n = lex_all(&l, DIALECT_TSQL, "[a] \"b\"", 7, toks, 8);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(toks[0].aux, '[');
    ck_assert_int_eq(toks[1].aux, '"');
    ck_assert_int_eq(toks[0].kw, KW_0);
    lexed_close(&l);
}
END_TEST

START_TEST(test_tsql_literals)
{
    EXPECT(DIALECT_TSQL, "'it''s' N'x' n'y' 'two\nlines'", T(STRING, "'it''s'"),
           T(NSTRING, "N'x'"), T(NSTRING, "n'y'"), T(STRING, "'two\nlines'"));
    EXPECT(DIALECT_TSQL, "0x 0x1F 0XabC 1 1.5 .5 1. 1e10 1.5E-3 $12.50 $ \xC2\xA3" "3",
           T(HEX, "0x"), T(HEX, "0x1F"), T(HEX, "0XabC"), T(INTEGER, "1"),
           T(DECIMAL, "1.5"), T(DECIMAL, ".5"), T(DECIMAL, "1."), T(DECIMAL, "1e10"),
           T(DECIMAL, "1.5E-3"), T(DECIMAL, "$12.50"), T(DECIMAL, "$"),
           T(DECIMAL, "\xC2\xA3" "3"));
    /* binary constants are skipped eight digits at a time: every length
     * around the block size, and a non-digit at every place in a block */
    EXPECT(DIALECT_TSQL, "0x0123456 0x01234567 0x012345678 0x0123456789abcdefABCDEF0g 0x0123;",
           T(HEX, "0x0123456"), T(HEX, "0x01234567"), T(HEX, "0x012345678"),
           T(HEX, "0x0123456789abcdefABCDEF0"), T(IDENT, "g"), T(HEX, "0x0123"), T(SEMI, ";"));
    EXPECT(DIALECT_TSQL, "0x01234G67 0xABCDEF@a 0x0123\xC3\xA9",
           T(HEX, "0x01234"), T(IDENT, "G67"), T(HEX, "0xABCDEF"), T(VAR, "@a"),
           T(HEX, "0x0123"), T(IDENT, "\xC3\xA9"));
    /* doubled closing quotes inside, and at the very end */
    EXPECT(DIALECT_TSQL, "[a]]b] \"q\"\"r\" N'''' ''''''", T(QIDENT, "[a]]b]"),
           T(QIDENT, "\"q\"\"r\""), T(NSTRING, "N''''"), T(STRING, "''''''"));
    /* $(var) stays inside brackets and strings */
    EXPECT(DIALECT_TSQL, "USE $(Db); '$(Db)' [$(Db)] N'$(Path)x'", T(IDENT, "USE"),
           T(SUBST, "$(Db)"), T(SEMI, ";"), T(STRING, "'$(Db)'"), T(QIDENT, "[$(Db)]"),
           T(NSTRING, "N'$(Path)x'"));
}
END_TEST

/* Where a block comment starting at i ends, scanned byte by byte from the
 * left (the way the scanners skipped comments before they went from one
 * '*' to the next with memchr); 0 when it does not end. */
static size_t ref_comment_end(const char *s, size_t len, size_t i, int nest)
{
    int depth = 1;
    for (i += 2; i < len;) {
        if (s[i] == '*' && i + 1 < len && s[i + 1] == '/') {
            i += 2;
            if (--depth == 0)
                return i;
        } else if (nest && s[i] == '/' && i + 1 < len && s[i + 1] == '*') {
            i += 2;
            depth++;
        } else {
            i++;
        }
    }
    return 0;
}

/* Block comments made of '/', '*', 'a' and line breaks, nested (T-SQL,
 * PostgreSQL) and not (Oracle, MySQL): the token after "x" is where the
 * byte-by-byte scan says (after any further comments), and one that does
 * not end gives SS0002 and the end of input. */
START_TEST(test_block_comments_random)
{
    static const Dialect ds[] = {DIALECT_TSQL, DIALECT_ORACLE, DIALECT_MYSQL, DIALECT_POSTGRES};
    static const char alpha[] = "/*a\n*";
    unsigned seed = 12345;
    char text[64];
    for (int round = 0; round < 20000; round++) {
        Dialect d = ds[round % 4];
        int nest = d == DIALECT_TSQL || d == DIALECT_POSTGRES;
        size_t n = 0;
        text[n++] = 'x';
        text[n++] = '/';
        text[n++] = '*';
        seed = seed * 1103515245u + 12345u;
        size_t body = (seed >> 16) % 20;
        for (size_t k = 0; k < body; k++) {
            seed = seed * 1103515245u + 12345u;
            text[n++] = alpha[(seed >> 16) % (sizeof alpha - 1)];
        }
        text[n] = 0;
        /* the next token by the reference: comments and line breaks skipped */
        size_t at = 1;
        int unterminated = 0;
        for (;;) {
            while (at < n && text[at] == '\n')
                at++;
            if (!(at + 1 < n && text[at] == '/' && text[at + 1] == '*'))
                break;
            size_t e = ref_comment_end(text, n, at, nest);
            if (!e) {
                unterminated = 1;
                at = n;
                break;
            }
            at = e;
        }
        Lexed l;
        lexed_open(&l, d, text, n);
        Token t;
        uint32_t prev = 0;
        next_checked(&l, &t, &prev); /* x */
        ck_assert_int_eq(t.kind, TK_IDENT);
        next_checked(&l, &t, &prev);
        if (at >= n)
            ck_assert_msg(t.kind == TK_EOF, "dialect %d, '%s': a token at %u, expected the end",
                          (int)d, text, t.off);
        else
            ck_assert_msg(t.kind != TK_EOF && t.off == at,
                          "dialect %d, '%s': token at %u, expected at %zu", (int)d, text, t.off, at);
        int has_ss0002 = 0;
        for (int i = 0; i < l.diags.v.n; i++)
            if (!strcmp(l.diags.v.items[i].code, "SS0002"))
                has_ss0002 = 1;
        ck_assert_msg(has_ss0002 == unterminated, "dialect %d, '%s': SS0002 %d, expected %d",
                      (int)d, text, has_ss0002, unterminated);
        lexed_close(&l);
    }
}
END_TEST

START_TEST(test_tsql_comments_operators)
{
    EXPECT(DIALECT_TSQL, "a /* x /* nested */ still comment */ b -- to end\nc",
           T(IDENT, "a"), T(IDENT, "b"), T(IDENT, "c"));
    EXPECT(DIALECT_TSQL, "+= -= *= /= %= &= |= ^=", T(COMPOUND_ASSIGN, "+="),
           T(COMPOUND_ASSIGN, "-="), T(COMPOUND_ASSIGN, "*="), T(COMPOUND_ASSIGN, "/="),
           T(COMPOUND_ASSIGN, "%="), T(COMPOUND_ASSIGN, "&="), T(COMPOUND_ASSIGN, "|="),
           T(COMPOUND_ASSIGN, "^="));
    EXPECT(DIALECT_TSQL, "!< !> != <> :: < <= > >= = ( ) { } , ; . * + - / % & | ^ ~ ! ? ]",
           T(NOTLT, "!<"), T(NOTGT, "!>"), T(NE, "!="), T(NE, "<>"), T(DCOLON, "::"),
           T(LT, "<"), T(LE, "<="), T(GT, ">"), T(GE, ">="), T(EQ, "="), T(LPAREN, "("),
           T(RPAREN, ")"), T(LBRACE, "{"), T(RBRACE, "}"), T(COMMA, ","), T(SEMI, ";"),
           T(DOT, "."), T(STAR, "*"), T(PLUS, "+"), T(MINUS, "-"), T(SLASH, "/"),
           T(PERCENT, "%"), T(AMP, "&"), T(PIPE, "|"), T(CARET, "^"), T(TILDE, "~"),
           T(BANG, "!"), T(QUESTION, "?"), T(RBRACKET, "]"));
    EXPECT(DIALECT_TSQL, "GRANT SELECT ON SCHEMA::dbo", T(IDENT, "GRANT"), T(IDENT, "SELECT"),
           T(IDENT, "ON"), T(IDENT, "SCHEMA"), T(DCOLON, "::"), T(IDENT, "dbo"));
}
END_TEST

START_TEST(test_tsql_go)
{
    EXPECT(DIALECT_TSQL, "SELECT 1\nGO\nSELECT 2\r\ngo 5 -- twice\r\n  Go\t\t\nSELECT 3 GO\nGO;",
           T(IDENT, "SELECT"), T(INTEGER, "1"), T(GO, "GO"), T(IDENT, "SELECT"),
           T(INTEGER, "2"), T(GO, "go 5"), T(GO, "Go"), T(IDENT, "SELECT"), T(INTEGER, "3"),
           T(IDENT, "GO"), T(IDENT, "GO"), T(SEMI, ";"));

    Lexed l;
    Token toks[16];
    const char *sql = "GO\nGO 12\ngo 99999 -- capped\nGO";
    int n = lex_all(&l, DIALECT_TSQL, sql, strlen(sql), toks, 16);
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(toks[0].aux, 1);
    ck_assert_int_eq(toks[1].aux, 12);
    ck_assert_int_eq(toks[2].aux, 65535);
    ck_assert_int_eq(toks[3].kind, TK_GO);
    ck_assert(toks[1].flags & TF_LINE_START);
    lexed_close(&l);
}
END_TEST

START_TEST(test_tsql_plain_quoted)
{
    /* TF_PLAIN: no doubled quote inside, so the text is the bytes between
     * the quotes (the parser copies them without unquoting) */
    Lexed l;
    Token toks[16];
    const char *sql = "'ab' 'a''b' N'x' N'''' [c] [c]]d] \"e\" \"e\"\"f\" 'open";
    int n = lex_all(&l, DIALECT_TSQL, sql, strlen(sql), toks, 16);
    ck_assert_int_eq(n, 9);
    const int plain[9] = {1, 0, 1, 0, 1, 0, 1, 0, 1};
    for (int i = 0; i < n; i++)
        ck_assert_int_eq(!!(toks[i].flags & TF_PLAIN), plain[i]);
    ck_assert(toks[8].flags & TF_UNTERMINATED);
    lexed_close(&l);
}
END_TEST

START_TEST(test_tsql_sqlcmd)
{
    EXPECT(DIALECT_TSQL,
           " :setvar DatabaseName \"AdventureWorks\"\r\n:on error exit\n:r file.sql\n"
           "SELECT a :b\n!! dir\nUSE $(DatabaseName);",
           T(SQLCMD, ":setvar DatabaseName \"AdventureWorks\""), T(SQLCMD, ":on error exit"),
           T(SQLCMD, ":r file.sql"), T(IDENT, "SELECT"), T(IDENT, "a"), T(COLON, ":"),
           T(IDENT, "b"), T(SQLCMD, "!! dir"), T(IDENT, "USE"), T(SUBST, "$(DatabaseName)"),
           T(SEMI, ";"));
}
END_TEST

/* ---- Oracle ------------------------------------------------------------ */

START_TEST(test_oracle_names_literals)
{
    EXPECT(DIALECT_ORACLE, "\"Mixed Case\" v$session a#b x.y emp@remote",
           T(QIDENT, "\"Mixed Case\""), T(IDENT, "v$session"), T(IDENT, "a#b"), T(IDENT, "x"),
           T(DOT, "."), T(IDENT, "y"), T(IDENT, "emp"), T(AT, "@"), T(IDENT, "remote"));
    EXPECT(DIALECT_ORACLE, "'a''b' N'x' q'[a]b]' q'{x}' q'(y)' q'<z>' q'!it's!' nq'#n#' Q'|p|'",
           T(STRING, "'a''b'"), T(NSTRING, "N'x'"), T(QSTRING, "q'[a]b]'"),
           T(QSTRING, "q'{x}'"), T(QSTRING, "q'(y)'"), T(QSTRING, "q'<z>'"),
           T(QSTRING, "q'!it's!'"), T(QSTRING, "nq'#n#'"), T(QSTRING, "Q'|p|'"));
    EXPECT(DIALECT_ORACLE, "1 1.5 1.5f 2d 1e-5 .5 1. 3.0D", T(INTEGER, "1"), T(DECIMAL, "1.5"),
           T(DECIMAL, "1.5f"), T(DECIMAL, "2d"), T(DECIMAL, "1e-5"), T(DECIMAL, ".5"),
           T(DECIMAL, "1."), T(DECIMAL, "3.0D"));
    EXPECT(DIALECT_ORACLE, "FOR i IN 1..5 LOOP", T(IDENT, "FOR"), T(IDENT, "i"), T(IDENT, "IN"),
           T(INTEGER, "1"), T(DOT, "."), T(DOT, "."), T(INTEGER, "5"), T(IDENT, "LOOP"));
    EXPECT(DIALECT_ORACLE, ":new.x := :1; &x &&y &z. &1 a & b", T(BIND, ":new"), T(DOT, "."),
           T(IDENT, "x"), T(ASSIGN, ":="), T(BIND, ":1"), T(SEMI, ";"), T(SUBST, "&x"),
           T(SUBST, "&&y"), T(SUBST, "&z."), T(SUBST, "&1"), T(IDENT, "a"), T(AMP, "&"),
           T(IDENT, "b"));
    /* conditional compilation */
    EXPECT(DIALECT_ORACLE, "$if $$no_op $then null; $end", T(IDENT, "$if"), T(IDENT, "$$no_op"),
           T(IDENT, "$then"), T(IDENT, "null"), T(SEMI, ";"), T(IDENT, "$end"));
}
END_TEST

START_TEST(test_oracle_operators)
{
    EXPECT(DIALECT_ORACLE, "a || b => c := d (+) ( + ) << l >> != ^= ~= <> ** % ..",
           T(IDENT, "a"), T(CONCAT, "||"), T(IDENT, "b"), T(ARROW, "=>"), T(IDENT, "c"),
           T(ASSIGN, ":="), T(IDENT, "d"), T(OUTER_JOIN, "(+)"), T(OUTER_JOIN, "( + )"),
           T(SHL, "<<"), T(IDENT, "l"), T(SHR, ">>"), T(NE, "!="), T(NE, "^="), T(NE, "~="),
           T(NE, "<>"), T(STAR, "*"), T(STAR, "*"), T(PERCENT, "%"), T(DOT, "."), T(DOT, "."));
    EXPECT(DIALECT_ORACLE, "x(+1)", T(IDENT, "x"), T(LPAREN, "("), T(PLUS, "+"),
           T(INTEGER, "1"), T(RPAREN, ")"));
    EXPECT(DIALECT_ORACLE, "a /* not /* nested */ b", T(IDENT, "a"), T(IDENT, "b"));
}
END_TEST

START_TEST(test_oracle_slash)
{
    EXPECT(DIALECT_ORACLE, "BEGIN NULL; END;\n/\nSELECT a / b FROM t\n  /  \r\nx\n/ y",
           T(IDENT, "BEGIN"), T(IDENT, "NULL"), T(SEMI, ";"), T(IDENT, "END"), T(SEMI, ";"),
           T(SLASH_TERM, "/"), T(IDENT, "SELECT"), T(IDENT, "a"), T(SLASH, "/"), T(IDENT, "b"),
           T(IDENT, "FROM"), T(IDENT, "t"), T(SLASH_TERM, "/"), T(IDENT, "x"), T(SLASH, "/"),
           T(IDENT, "y"));
}
END_TEST

START_TEST(test_oracle_sqlplus)
{
    EXPECT(DIALECT_ORACLE,
           "REM it's a \"remark\" (odd) -\nrem\nPROMPT ... done; 'x\nSET ECHO OFF\n"
           "SET TRANSACTION READ ONLY;\n@@other.sql\n@ x.sql\nspool off\nDEFINE v = &1\n"
           "SELECT 1 FROM dual;\nexit;",
           T(SQLPLUS, "REM it's a \"remark\" (odd) -"), T(SQLPLUS, "rem"),
           T(SQLPLUS, "PROMPT ... done; 'x"), T(SQLPLUS, "SET ECHO OFF"), T(IDENT, "SET"),
           T(IDENT, "TRANSACTION"), T(IDENT, "READ"), T(IDENT, "ONLY"), T(SEMI, ";"),
           T(SQLPLUS, "@@other.sql"), T(SQLPLUS, "@ x.sql"), T(SQLPLUS, "spool off"),
           T(SQLPLUS, "DEFINE v = &1"), T(IDENT, "SELECT"), T(INTEGER, "1"), T(IDENT, "FROM"),
           T(IDENT, "dual"), T(SEMI, ";"), T(SQLPLUS, "exit;"));
    /* not commands: an assignment, a call, mid-statement, not first on the line */
    EXPECT(DIALECT_ORACLE, "rem := 1;\nprint(x);\nSELECT a FROM t\nSET x\n; x; set y",
           T(IDENT, "rem"), T(ASSIGN, ":="), T(INTEGER, "1"), T(SEMI, ";"), T(IDENT, "print"),
           T(LPAREN, "("), T(IDENT, "x"), T(RPAREN, ")"), T(SEMI, ";"), T(IDENT, "SELECT"),
           T(IDENT, "a"), T(IDENT, "FROM"), T(IDENT, "t"), T(IDENT, "SET"), T(IDENT, "x"),
           T(SEMI, ";"), T(IDENT, "x"), T(SEMI, ";"), T(IDENT, "set"), T(IDENT, "y"));
    /* inside a PL/SQL unit SQL*Plus reads no commands, up to the '/' line */
    EXPECT(DIALECT_ORACLE,
           "CREATE OR REPLACE EDITIONABLE PROCEDURE p IS\nBEGIN\n  LOOP\n    EXIT;\n  END LOOP;\n"
           "  EXECUTE IMMEDIATE 'x';\nprint;\nEND;\n/\nprint x\nexec p\n",
           T(IDENT, "CREATE"), T(IDENT, "OR"), T(IDENT, "REPLACE"), T(IDENT, "EDITIONABLE"),
           T(IDENT, "PROCEDURE"), T(IDENT, "p"), T(IDENT, "IS"), T(IDENT, "BEGIN"),
           T(IDENT, "LOOP"), T(IDENT, "EXIT"), T(SEMI, ";"), T(IDENT, "END"), T(IDENT, "LOOP"),
           T(SEMI, ";"), T(IDENT, "EXECUTE"), T(IDENT, "IMMEDIATE"), T(STRING, "'x'"),
           T(SEMI, ";"), T(IDENT, "print"), T(SEMI, ";"), T(IDENT, "END"), T(SEMI, ";"),
           T(SLASH_TERM, "/"), T(SQLPLUS, "print x"), T(SQLPLUS, "exec p"));
    EXPECT(DIALECT_ORACLE,
           "declare x int;\nbegin\nexit when x > 1;\nend;\n/\nCREATE TABLE t (a int);\nexit\n",
           T(IDENT, "declare"), T(IDENT, "x"), T(IDENT, "int"), T(SEMI, ";"), T(IDENT, "begin"),
           T(IDENT, "exit"), T(IDENT, "when"), T(IDENT, "x"), T(GT, ">"), T(INTEGER, "1"),
           T(SEMI, ";"), T(IDENT, "end"), T(SEMI, ";"), T(SLASH_TERM, "/"), T(IDENT, "CREATE"),
           T(IDENT, "TABLE"), T(IDENT, "t"), T(LPAREN, "("), T(IDENT, "a"), T(IDENT, "int"),
           T(RPAREN, ")"), T(SEMI, ";"), T(SQLPLUS, "exit"));
    /* a trailing '-' continues a command (not a REMARK) on the next line */
    EXPECT(DIALECT_ORACLE, "COLUMN a FORMAT a10 -\r\n  HEADING 'A'\r\nSELECT 1 FROM dual;",
           T(SQLPLUS, "COLUMN a FORMAT a10 -\r\n  HEADING 'A'"), T(IDENT, "SELECT"),
           T(INTEGER, "1"), T(IDENT, "FROM"), T(IDENT, "dual"), T(SEMI, ";"));

    /* stmt_start follows the statement boundaries */
    Lexed l;
    Token t;
    uint32_t end = 0;
    lexed_open(&l, DIALECT_ORACLE, "a; b", 4);
    ck_assert_int_eq(l.cx.stmt_start, 1);
    next_checked(&l, &t, &end);
    ck_assert_int_eq(l.cx.stmt_start, 0);
    next_checked(&l, &t, &end);
    ck_assert_int_eq(t.kind, TK_SEMI);
    ck_assert_int_eq(l.cx.stmt_start, 1);
    next_checked(&l, &t, &end);
    ck_assert_int_eq(l.cx.stmt_start, 0);
    lexed_close(&l);
}
END_TEST

/* ---- MySQL ------------------------------------------------------------- */

START_TEST(test_mysql_names_literals)
{
    EXPECT(DIALECT_MYSQL, "`a``b` 'a\\'b' \"a\\\"b\" 'it''s' N'x' X'0A' x'0a' B'01' b'1' 0x1F 0b01",
           T(QIDENT, "`a``b`"), T(STRING, "'a\\'b'"), T(STRING, "\"a\\\"b\""),
           T(STRING, "'it''s'"), T(NSTRING, "N'x'"), T(XSTRING, "X'0A'"), T(XSTRING, "x'0a'"),
           T(BSTRING, "B'01'"), T(BSTRING, "b'1'"), T(HEX, "0x1F"), T(BSTRING, "0b01"));
    EXPECT(DIALECT_MYSQL, "_utf8mb4'x' 1 1.5 .5 1e10 1abc 0X1 a$b", T(IDENT, "_utf8mb4"),
           T(STRING, "'x'"), T(INTEGER, "1"), T(DECIMAL, "1.5"), T(DECIMAL, ".5"),
           T(DECIMAL, "1e10"), T(IDENT, "1abc"), T(IDENT, "0X1"), T(IDENT, "a$b"));
    EXPECT(DIALECT_MYSQL, "@v @'q v' @\"q\" @`v` @@global.sql_mode @@SESSION.x @@x @a.b",
           T(VAR, "@v"), T(VAR, "@'q v'"), T(VAR, "@\"q\""), T(VAR, "@`v`"),
           T(GVAR, "@@global.sql_mode"), T(GVAR, "@@SESSION.x"), T(GVAR, "@@x"), T(VAR, "@a.b"));
    /* user@host */
    EXPECT(DIALECT_MYSQL, "DEFINER=`root`@`%` 'u'@'localhost' u@h", T(IDENT, "DEFINER"),
           T(EQ, "="), T(QIDENT, "`root`"), T(AT, "@"), T(QIDENT, "`%`"), T(STRING, "'u'"),
           T(AT, "@"), T(STRING, "'localhost'"), T(IDENT, "u"), T(AT, "@"), T(IDENT, "h"));
    EXPECT(DIALECT_MYSQL, ":= <=> -> ->> && || << >> != <> ! ~ ^ & | ?", T(ASSIGN, ":="),
           T(NSEQ, "<=>"), T(JSON_GET, "->"), T(JSON_GETTEXT, "->>"), T(ANDAND, "&&"),
           T(CONCAT, "||"), T(SHL, "<<"), T(SHR, ">>"), T(NE, "!="), T(NE, "<>"), T(BANG, "!"),
           T(TILDE, "~"), T(CARET, "^"), T(AMP, "&"), T(PIPE, "|"), T(QUESTION, "?"));
}
END_TEST

START_TEST(test_mysql_comments)
{
    EXPECT(DIALECT_MYSQL, "a -- c\nb --x\n# hash\nc /* d */ e --\tt\nf --", T(IDENT, "a"),
           T(IDENT, "b"), T(MINUS, "-"), T(MINUS, "-"), T(IDENT, "x"), T(IDENT, "c"),
           T(IDENT, "e"), T(IDENT, "f"));

    Lexed l;
    Token toks[16];
    const char *sql = "a /*!50705 b */ c /*! d*/ /*M!100316 e */ f */";
    int n = lex_all(&l, DIALECT_MYSQL, sql, strlen(sql), toks, 16);
    ck_assert_int_eq(n, 8);
    ck_assert(tok_is(&l, &toks[1], TK_IDENT, "b") && (toks[1].flags & TF_VERSIONED));
    ck_assert(tok_is(&l, &toks[2], TK_IDENT, "c") && !(toks[2].flags & TF_VERSIONED));
    ck_assert(tok_is(&l, &toks[3], TK_IDENT, "d") && (toks[3].flags & TF_VERSIONED));
    ck_assert(tok_is(&l, &toks[4], TK_IDENT, "e") && (toks[4].flags & TF_VERSIONED));
    ck_assert(tok_is(&l, &toks[5], TK_IDENT, "f") && !(toks[5].flags & TF_VERSIONED));
    ck_assert(tok_is(&l, &toks[6], TK_STAR, "*") && tok_is(&l, &toks[7], TK_SLASH, "/"));
    ck_assert(!(toks[0].flags & TF_VERSIONED));
    lexed_close(&l);
}
END_TEST

START_TEST(test_mysql_delimiter)
{
    EXPECT(DIALECT_MYSQL,
           "SELECT 1;\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT '//'; /* // */ END//\n"
           "delimiter ;\nSELECT 2;",
           T(IDENT, "SELECT"), T(INTEGER, "1"), T(DELIM, ";"), T(DELIMITER_CMD, "DELIMITER //"),
           T(IDENT, "CREATE"), T(IDENT, "PROCEDURE"), T(IDENT, "p"), T(LPAREN, "("),
           T(RPAREN, ")"), T(IDENT, "BEGIN"), T(IDENT, "SELECT"), T(STRING, "'//'"),
           T(SEMI, ";"), T(IDENT, "END"), T(DELIM, "//"), T(DELIMITER_CMD, "delimiter ;"),
           T(IDENT, "SELECT"), T(INTEGER, "2"), T(DELIM, ";"));
    /* the delimiter splits a word; ;; and ; */
    EXPECT(DIALECT_MYSQL, "DELIMITER $$\r\nBEGIN x$$ END$$\nDELIMITER ;;\nEND;;\nx;\n",
           T(DELIMITER_CMD, "DELIMITER $$"), T(IDENT, "BEGIN"), T(IDENT, "x"), T(DELIM, "$$"),
           T(IDENT, "END"), T(DELIM, "$$"), T(DELIMITER_CMD, "DELIMITER ;;"), T(IDENT, "END"),
           T(DELIM, ";;"), T(IDENT, "x"), T(SEMI, ";"));

    /* mid-statement it is a name */
    EXPECT(DIALECT_MYSQL, "CREATE TABLE t (\ndelimiter int);", T(IDENT, "CREATE"),
           T(IDENT, "TABLE"), T(IDENT, "t"), T(LPAREN, "("), T(IDENT, "delimiter"),
           T(IDENT, "int"), T(RPAREN, ")"), T(DELIM, ";"));

    Lexed l;
    Token toks[8];
    const char *sql = "DELIMITER '|'\na|";
    int n = lex_all(&l, DIALECT_MYSQL, sql, strlen(sql), toks, 8);
    ck_assert_int_eq(n, 3);
    ck_assert_str_eq(l.cx.delim, "|");
    ck_assert_int_eq(l.cx.delim_len, 1);
    ck_assert(tok_is(&l, &toks[2], TK_DELIM, "|"));
    lexed_close(&l);
}
END_TEST

/* ---- PostgreSQL -------------------------------------------------------- */

START_TEST(test_postgres)
{
    EXPECT(DIALECT_POSTGRES, "\"a\"\"b\" 'x' E'a\\'b' e'\\n' U&'d\\0061t' U&\"x\" B'01' X'1F' N'n'",
           T(QIDENT, "\"a\"\"b\""), T(STRING, "'x'"), T(STRING, "E'a\\'b'"),
           T(STRING, "e'\\n'"), T(STRING, "U&'d\\0061t'"), T(QIDENT, "U&\"x\""),
           T(BSTRING, "B'01'"), T(XSTRING, "X'1F'"), T(NSTRING, "N'n'"));
    EXPECT(DIALECT_POSTGRES, "$$x'$$ $fn$ a $$ b $fn$ $1 a$b x::int 1..5 /* a /* b */ c */ z",
           T(DOLLAR_STRING, "$$x'$$"), T(DOLLAR_STRING, "$fn$ a $$ b $fn$"), T(PARAM, "$1"),
           T(IDENT, "a$b"), T(IDENT, "x"), T(DCOLON, "::"), T(IDENT, "int"), T(INTEGER, "1"),
           T(DOT, "."), T(DOT, "."), T(INTEGER, "5"), T(IDENT, "z"));
    EXPECT(DIALECT_POSTGRES, "|| -> ->> @> <@ ~* !~ := => &&", T(CONCAT, "||"),
           T(JSON_GET, "->"), T(JSON_GETTEXT, "->>"), T(AT, "@"), T(GT, ">"), T(LT, "<"),
           T(AT, "@"), T(TILDE, "~"), T(STAR, "*"), T(BANG, "!"), T(TILDE, "~"),
           T(ASSIGN, ":="), T(ARROW, "=>"), T(ANDAND, "&&"));
}
END_TEST

/* ---- errors ------------------------------------------------------------ */

/* Lexes sql and checks exactly one diagnostic: its code, offset, length and a
 * word of its message; and that token tok_index has the kind and flag. */
static void expect_diag(int line, Dialect d, const char *sql, size_t len, const char *code,
                        uint32_t off, uint32_t dlen, const char *word, int tok_index, int kind,
                        int flags)
{
    Lexed l;
    Token toks[32];
    int n = lex_all(&l, d, sql, len, toks, 32);
    ck_assert_msg(l.diags.v.n == 1, "line %d: %d diagnostics, want 1", line, l.diags.v.n);
    const Diag *x = &l.diags.v.items[0];
    ck_assert_msg(strcmp(x->code, code) == 0, "line %d: code %s, want %s", line, x->code, code);
    ck_assert_msg(x->span.off == off && x->span.len == dlen, "line %d: span %u+%u, want %u+%u",
                  line, x->span.off, x->span.len, off, dlen);
    ck_assert_msg(strstr(x->message, word) != NULL, "line %d: message '%s' lacks '%s'", line,
                  x->message, word);
    ck_assert_msg(tok_index < n, "line %d: only %d tokens", line, n);
    ck_assert_msg(toks[tok_index].kind == kind, "line %d: token %d is %s, want %s", line,
                  tok_index, tok_kind_name(toks[tok_index].kind), tok_kind_name(kind));
    ck_assert_msg((toks[tok_index].flags & flags) == flags, "line %d: flags %#x", line,
                  toks[tok_index].flags);
    if (flags & TF_UNTERMINATED)
        ck_assert_uint_eq(toks[tok_index].off + toks[tok_index].len, len);
    lexed_close(&l);
}
#define EXPECT_DIAG(d, sql, code, off, dlen, word, ti, kind, flags) \
    expect_diag(__LINE__, d, sql, sizeof(sql) - 1, code, off, dlen, word, ti, TK_##kind, flags)

/* Where a name ends: its ASCII rest goes by a table (lx_word_end) and a
 * non-ASCII letter (as the grammars' uletter says: U+00D7 is one) continues
 * it, anything else ends it: signs the dialect does not allow, non-letters
 * (the euro sign, NBSP, U+00BF), a UTF-8 sequence cut short or ill-formed. */
START_TEST(test_name_ends)
{
    EXPECT(DIALECT_TSQL, "ab\xC3\xA9" "cd\xE3\x81\x82x9 a1\xC2\xB5_ x\xC3\x97y",
           T(IDENT, "ab\xC3\xA9" "cd\xE3\x81\x82x9"), T(IDENT, "a1\xC2\xB5_"),
           T(IDENT, "x\xC3\x97y"));
    EXPECT(DIALECT_ORACLE, "a$b#c a@b x\xC2\xA0y \xC3\xA9t\xC3\xA9$ q1 nq",
           T(IDENT, "a$b#c"), T(IDENT, "a"), T(AT, "@"), T(IDENT, "b"), T(IDENT, "x"),
           T(IDENT, "y"), T(IDENT, "\xC3\xA9t\xC3\xA9$"), T(IDENT, "q1"), T(IDENT, "nq"));
    EXPECT(DIALECT_TSQL, "N'x' Nx n q'a'", T(NSTRING, "N'x'"), T(IDENT, "Nx"), T(IDENT, "n"),
           T(IDENT, "q"), T(STRING, "'a'"));
    EXPECT(DIALECT_ORACLE, "nq'[x]' q'<y>' N'z' Nq", T(QSTRING, "nq'[x]'"),
           T(QSTRING, "q'<y>'"), T(NSTRING, "N'z'"), T(IDENT, "Nq"));
    EXPECT(DIALECT_MYSQL, "1abc a$b \xC3\xA9x9 $x 12 x'0A' xy", T(IDENT, "1abc"), T(IDENT, "a$b"),
           T(IDENT, "\xC3\xA9x9"), T(IDENT, "$x"), T(INTEGER, "12"), T(XSTRING, "x'0A'"),
           T(IDENT, "xy"));
    EXPECT(DIALECT_POSTGRES, "x$1$ _a\xC3\xA9 u&\"x\" e'y' ey", T(IDENT, "x$1$"),
           T(IDENT, "_a\xC3\xA9"), T(QIDENT, "u&\"x\""), T(STRING, "e'y'"), T(IDENT, "ey"));
    /* the euro sign is a T-SQL money literal, no part of a name */
    EXPECT(DIALECT_TSQL, "ab\xE2\x82\xAC" "5", T(IDENT, "ab"), T(DECIMAL, "\xE2\x82\xAC" "5"));
    /* a cut or ill-formed sequence after a name: the name, then SS0003 */
    EXPECT_DIAG(DIALECT_TSQL, "ab\xC3", "SS0003", 2, 1, "0xC3", 1, ERROR, 0);
    EXPECT_DIAG(DIALECT_ORACLE, "ab\xC2\xBF" "c", "SS0003", 2, 2, "U+00BF", 1, ERROR, 0);
}
END_TEST

START_TEST(test_unterminated)
{
    EXPECT_DIAG(DIALECT_TSQL, "SELECT 'abc", "SS0002", 7, 1, "string literal", 1, STRING,
                TF_UNTERMINATED);
    EXPECT_DIAG(DIALECT_TSQL, "SELECT N'abc''", "SS0002", 7, 2, "string literal", 1, NSTRING,
                TF_UNTERMINATED);
    EXPECT_DIAG(DIALECT_TSQL, "x [a]]", "SS0002", 2, 1, "quoted identifier", 1, QIDENT,
                TF_UNTERMINATED);
    EXPECT_DIAG(DIALECT_TSQL, "x \"a", "SS0002", 2, 1, "quoted identifier", 1, QIDENT,
                TF_UNTERMINATED);
    EXPECT_DIAG(DIALECT_TSQL, "x /* a /* b */ c", "SS0002", 2, 2, "comment", 0, IDENT, 0);
    EXPECT_DIAG(DIALECT_ORACLE, "x q'[abc]", "SS0002", 2, 3, "q-quoted string", 1, QSTRING,
                TF_UNTERMINATED);
    EXPECT_DIAG(DIALECT_ORACLE, "x 'a\n", "SS0002", 2, 1, "string literal", 1, STRING,
                TF_UNTERMINATED);
    EXPECT_DIAG(DIALECT_ORACLE, "x /* a", "SS0002", 2, 2, "comment", 0, IDENT, 0);
    EXPECT_DIAG(DIALECT_MYSQL, "x `a", "SS0002", 2, 1, "quoted identifier", 1, QIDENT,
                TF_UNTERMINATED);
    EXPECT_DIAG(DIALECT_MYSQL, "x 'a\\'", "SS0002", 2, 1, "string literal", 1, STRING,
                TF_UNTERMINATED);
    EXPECT_DIAG(DIALECT_MYSQL, "x /*!50001 y", "SS0002", 2, 3, "version comment", 1, IDENT,
                TF_VERSIONED);
    EXPECT_DIAG(DIALECT_MYSQL, "x X'0A", "SS0002", 2, 2, "hex string", 1, XSTRING,
                TF_UNTERMINATED);
    EXPECT_DIAG(DIALECT_POSTGRES, "x $fn$ body $f$", "SS0002", 2, 4, "dollar-quoted", 1,
                DOLLAR_STRING, TF_UNTERMINATED);
    EXPECT_DIAG(DIALECT_POSTGRES, "x E'a\\'", "SS0002", 2, 2, "string literal", 1, STRING,
                TF_UNTERMINATED);
}
END_TEST

START_TEST(test_bad_chars)
{
    EXPECT_DIAG(DIALECT_TSQL, "a \x01 b", "SS0003", 2, 1, "control", 1, ERROR, 0);
    EXPECT_DIAG(DIALECT_ORACLE, "a \xFF b", "SS0003", 2, 1, "0xFF", 1, ERROR, 0);
    EXPECT_DIAG(DIALECT_MYSQL, "a\0b", "SS0003", 1, 1, "NUL", 1, ERROR, 0);
    /* a curly quote is one 3-byte character */
    EXPECT_DIAG(DIALECT_POSTGRES, "a \xE2\x80\x99x", "SS0003", 2, 3, "U+2019", 1, ERROR, 0);
    /* PostgreSQL's # operator has no token kind (see token.h) */
    EXPECT_DIAG(DIALECT_POSTGRES, "a # b", "SS0003", 2, 1, "'#'", 1, ERROR, 0);
    EXPECT_DIAG(DIALECT_TSQL, "a ` b", "SS0003", 2, 1, "'`'", 1, ERROR, 0);
    /* a truncated UTF-8 sequence at the end is one bad byte */
    EXPECT_DIAG(DIALECT_ORACLE, "a \xC3", "SS0003", 2, 1, "0xC3", 1, ERROR, 0);

    /* NUL inside a string is just a byte of it; no diagnostics list: no crash */
    Lexed l;
    Token toks[8];
    static const char nul_in_string[] = "'a\0b' \x02";
    int n = lex_all(&l, DIALECT_TSQL, nul_in_string, sizeof nul_in_string - 1, toks, 8);
    ck_assert_int_eq(n, 2);
    ck_assert(toks[0].kind == TK_STRING && toks[0].len == 5);
    lexed_close(&l);
    static const char no_diags[] = "'x \x01 \"y";
    lexed_open(&l, DIALECT_ORACLE, no_diags, sizeof no_diags - 1);
    l.cx.diags = NULL;
    Token t;
    uint32_t end = 0;
    do
        next_checked(&l, &t, &end);
    while (t.kind != TK_EOF);
    next_checked(&l, &t, &end);
    ck_assert_int_eq(t.kind, TK_EOF); /* again and again */
    lexed_close(&l);
}
END_TEST

/* ---- volume and robustness -------------------------------------------- */

static const char *const big_stmt[DIALECT_COUNT] = {
    [DIALECT_TSQL] = "INSERT INTO [dbo].[t] (a, b) VALUES (N'x''y', 1.5); -- c\nGO\n",
    [DIALECT_ORACLE] = "INSERT INTO \"T\" (a, b) VALUES (q'[x]', :b1);\n/* c */\n",
    [DIALECT_MYSQL] = "INSERT INTO `t` (a, b) VALUES ('x\\'y', @v); # c\n",
    [DIALECT_POSTGRES] = "INSERT INTO t (a, b) VALUES ($$x$$, $1::int); -- c\n",
};
START_TEST(test_big_input)
{
    for (int d = 0; d < DIALECT_COUNT; d++) {
        size_t sl = strlen(big_stmt[d]), reps = (1u << 20) / sl + 1, len = sl * reps;
        char *buf = malloc(len + 1);
        ck_assert_ptr_nonnull(buf);
        for (size_t i = 0; i < reps; i++)
            memcpy(buf + i * sl, big_stmt[d], sl);
        Lexed l;
        Token t, one[32];
        uint32_t end = 0;
        long count = 0;
        long per_stmt = lex_all(&l, (Dialect)d, big_stmt[d], sl, one, 32);
        ck_assert_int_eq(l.diags.v.n, 0);
        lexed_close(&l);
        lexed_open(&l, (Dialect)d, buf, len);
        free(buf);
        do {
            next_checked(&l, &t, &end);
            count++;
        } while (t.kind != TK_EOF);
        ck_assert_int_eq(l.diags.v.n, 0);
        ck_assert_int_eq(count - 1, per_stmt * (long)reps);
        lexed_close(&l);
    }
}
END_TEST

/* Random text built from the characters that open or close something, in all
 * dialects: every token satisfies next_checked() and the end is reached. */
START_TEST(test_random_input)
{
    static const char alphabet[] =
        "'\"`[]$@#&:;/*-+.()!<>=|\\ \n\r\tqQnNxXbBeEuU0129aG\0\x80\xC3\xE2\xFF";
    unsigned long seed = 12345;
    char buf[160];
    for (int round = 0; round < 3000; round++) {
        seed = seed * 6364136223846793005ul + 1442695040888963407ul;
        size_t len = (size_t)(seed >> 33) % sizeof buf;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 6364136223846793005ul + 1442695040888963407ul;
            buf[i] = alphabet[(seed >> 33) % (sizeof alphabet - 1)];
        }
        for (int d = 0; d < DIALECT_COUNT; d++) {
            Lexed l;
            Token t;
            uint32_t end = 0;
            size_t n = 0;
            lexed_open(&l, (Dialect)d, buf, len);
            do {
                next_checked(&l, &t, &end);
                ck_assert_uint_le(++n, len + 1);
            } while (t.kind != TK_EOF);
            lexed_close(&l);
        }
    }
}
END_TEST

/* The gap flags of every token (TF_LINE_START, TF_SPACE_BEFORE, TF_NL_BEFORE)
 * against their definitions, for random gaps of blanks, line breaks (LF,
 * CRLF), \v \f, NBSP and comments with and without line breaks, in every
 * dialect: the scanners' shortcut after a line break and its blanks must
 * agree with the walk back over the blanks. */
START_TEST(test_gap_flags_random)
{
    static const char *const gap[] = {" ", "  ", "\t", "\r", "\n", "\r\n", "\n    ", "\v", "\f",
                                      "\xC2\xA0", "-- c\n", "/* c */", "/* a\nb */", "\n\t "};
    enum { NGAP = sizeof gap / sizeof gap[0] };
    unsigned long seed = 777;
    char buf[400];
    for (int round = 0; round < 2000; round++) {
        size_t len = 0;
        for (int w = 0; w < 12; w++) {
            seed = seed * 6364136223846793005ul + 1442695040888963407ul;
            int pieces = (int)((seed >> 33) % 4);
            for (int k = 0; k < pieces; k++) {
                seed = seed * 6364136223846793005ul + 1442695040888963407ul;
                const char *g = gap[(seed >> 33) % NGAP];
                memcpy(buf + len, g, strlen(g));
                len += strlen(g);
            }
            if (w < 11) {
                buf[len++] = 'a';
                buf[len++] = (char)('b' + w);
            }
        }
        for (int d = 0; d < DIALECT_COUNT; d++) {
            Lexed l;
            Token t;
            uint32_t end = 0, before = 0;
            lexed_open(&l, (Dialect)d, buf, len);
            const unsigned char *s = (const unsigned char *)l.src.text;
            do {
                next_checked(&l, &t, &end);
                uint32_t i = t.off;
                while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\r'))
                    i--;
                int ls = i == 0 || s[i - 1] == '\n';
                int sp = t.off > before;
                int nl = sp && memchr(s + before, '\n', t.off - before) != NULL;
                ck_assert_msg(!!(t.flags & TF_LINE_START) == ls &&
                                  !!(t.flags & TF_SPACE_BEFORE) == sp &&
                                  !!(t.flags & TF_NL_BEFORE) == nl,
                              "dialect %d round %d: token at %u: flags %x, want line start %d, "
                              "space %d, line break %d",
                              d, round, t.off, t.flags, ls, sp, nl);
                before = t.off + t.len;
            } while (t.kind != TK_EOF);
            lexed_close(&l);
        }
    }
}
END_TEST

/* lex_skim gives the tokens lex_next gives, with no keyword: random text of
 * words (keywords among them), quotes, comments, line commands and
 * delimiters in every dialect, token by token, and the same diagnostics. */
START_TEST(test_skim_same_tokens)
{
    static const char *const piece[] = {"select", "END", "begin", "x1", " ", "\n", "\n  ", "'s'",
                                        "\"q\"", "[b]", "`c`", "-- c\n", "/* c */", ";", "/",
                                        "\n/\n", "GO\n", "DELIMITER $$\n", "$$", "@v", ":b",
                                        "q'[x]'", "'open", "\xE2\x80\x9C", "1.5", "(", ")"};
    enum { NP = sizeof piece / sizeof piece[0] };
    unsigned long seed = 4242;
    char buf[600];
    for (int round = 0; round < 1500; round++) {
        size_t len = 0;
        for (int k = 0; k < 30; k++) {
            seed = seed * 6364136223846793005ul + 1442695040888963407ul;
            const char *w = piece[(seed >> 33) % NP];
            memcpy(buf + len, w, strlen(w));
            len += strlen(w);
        }
        for (int d = 0; d < DIALECT_COUNT; d++) {
            Lexed a, b;
            Token ta, tb;
            uint32_t ea = 0;
            lexed_open(&a, (Dialect)d, buf, len);
            lexed_open(&b, (Dialect)d, buf, len);
            do {
                next_checked(&a, &ta, &ea);
                lex_skim(&b.cx, &tb);
                ck_assert_uint_eq(tb.kw, 0);
                tb.kw = ta.kw;
                ck_assert_msg(memcmp(&ta, &tb, sizeof ta) == 0,
                              "dialect %d round %d: token at %u/%u differs", d, round, ta.off,
                              tb.off);
            } while (ta.kind != TK_EOF);
            ck_assert_int_eq(a.diags.v.n, b.diags.v.n);
            lexed_close(&a);
            lexed_close(&b);
        }
    }
}
END_TEST

/* The keyword table generated at build time (tools/kw_compile): every
 * keyword has one slot, and finds itself in any letter case, from a word of
 * its own length or inside a longer text; a letter more or less is another
 * word. */
START_TEST(test_keyword_table)
{
    int seen[KW__COUNT] = {0}, used = 0;
    for (unsigned h = 0; h < KW_TABLE_SIZE; h++)
        if (kw_table.slot[h]) {
            ck_assert_int_lt(kw_table.slot[h], KW__COUNT);
            seen[kw_table.slot[h]]++;
            used++;
        }
    ck_assert_int_eq(used, KW__COUNT - 1);
    for (int k = 1; k < KW__COUNT; k++) {
        const char *name = kw_name(k);
        uint32_t n = (uint32_t)strlen(name);
        char buf[64], lower[64];
        ck_assert_int_eq(seen[k], 1);
        ck_assert_uint_gt(n, 0);
        ck_assert_uint_lt(n + 2, sizeof buf);
        ck_assert_uint_eq(kw_table.len[k], n);
        for (uint32_t i = 0; i < n; i++) {
            lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
            buf[i] = (i & 1) ? name[i] : lower[i];
        }
        ck_assert_int_eq(kw_lookup(name, n), k);
        ck_assert_int_eq(kw_lookup(lower, n), k);
        ck_assert_int_eq(kw_lookup(buf, n), k);
        buf[n] = ' ';
        buf[n + 1] = 'x';
        ck_assert_int_eq(kw_lookup_in(buf, n, n + 2), k);
        buf[n] = 'Q';
        ck_assert_int_ne(kw_lookup(buf, n + 1), k);
        if (n > 1)
            ck_assert_int_ne(kw_lookup(name, n - 1), k);
    }
    ck_assert_int_eq(kw_lookup("SELECT", 6), KW_SELECT);
    ck_assert_int_eq(kw_lookup("selectx", 7), KW_0);
    ck_assert_int_eq(kw_lookup("s\xc3\xa9lect", 7), KW_0);
    ck_assert_int_eq(kw_lookup("", 0), KW_0);
}
END_TEST

Suite *lex_suite(void)
{
    Suite *s = suite_create("lex");
    TCase *tc = tcase_create("tsql");
    tcase_add_test(tc, test_tsql_names);
    tcase_add_test(tc, test_tsql_literals);
    tcase_add_test(tc, test_tsql_comments_operators);
    tcase_add_test(tc, test_tsql_go);
    tcase_add_test(tc, test_tsql_plain_quoted);
    tcase_add_test(tc, test_tsql_sqlcmd);
    tcase_add_test(tc, test_keyword_table);
    suite_add_tcase(s, tc);
    tc = tcase_create("oracle");
    tcase_add_test(tc, test_oracle_names_literals);
    tcase_add_test(tc, test_oracle_operators);
    tcase_add_test(tc, test_oracle_slash);
    tcase_add_test(tc, test_oracle_sqlplus);
    suite_add_tcase(s, tc);
    tc = tcase_create("mysql");
    tcase_add_test(tc, test_mysql_names_literals);
    tcase_add_test(tc, test_mysql_comments);
    tcase_add_test(tc, test_mysql_delimiter);
    suite_add_tcase(s, tc);
    tc = tcase_create("postgres");
    tcase_add_test(tc, test_postgres);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, test_unterminated);
    tcase_add_test(tc, test_bad_chars);
    suite_add_tcase(s, tc);
    tc = tcase_create("volume");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_big_input);
    tcase_add_test(tc, test_random_input);
    tcase_add_test(tc, test_block_comments_random);
    tcase_add_test(tc, test_name_ends);
    tcase_add_test(tc, test_gap_flags_random);
    tcase_add_test(tc, test_skim_same_tokens);
    suite_add_tcase(s, tc);
    return s;
}
