/* lex: tokens are slices of the decoded source text, never copies.
 * Whitespace and comments are not tokens: the bytes between two tokens are
 * recoverable from the source (that is how comments are carried over). */
#ifndef SQLSHIFT_TOKEN_H
#define SQLSHIFT_TOKEN_H
#include <stdint.h>

#define TOKEN_KINDS(X)                                                                   \
    X(EOF, "end of input")                                                               \
    X(IDENT, "identifier")            /* plain word; Token.kw says if it is a keyword */ \
    X(QIDENT, "quoted identifier")    /* "x", [x] (T-SQL), `x` (MySQL) */                \
    X(STRING, "string")               /* 'x' (MySQL also "x" when not an identifier) */  \
    X(NSTRING, "national string")     /* N'x' */                                         \
    X(QSTRING, "q-quoted string")     /* Oracle q'[x]' nq'[x]' */                        \
    X(XSTRING, "hex string")          /* X'0A' x'0a' */                                  \
    X(BSTRING, "bit string")          /* B'01' b'01' */                                  \
    X(INTEGER, "integer")             /* 123 */                                          \
    X(DECIMAL, "number")              /* 1.5 .5 1e10 1.5E-3 (Oracle 1.5f 1d too) */       \
    X(HEX, "hex literal")             /* 0x1F (T-SQL binary, MySQL) */                   \
    X(VAR, "variable")                /* @x (T-SQL local, MySQL user variable) */        \
    X(GVAR, "system variable")        /* @@x */                                          \
    X(BIND, "bind variable")          /* :x :1 (Oracle), ? */                            \
    X(SUBST, "substitution variable") /* &x &&x (SQL*Plus), $(x) (sqlcmd) */             \
    X(LPAREN, "'('")                                                                     \
    X(RPAREN, "')'")                                                                     \
    X(LBRACE, "'{'")                                                                     \
    X(RBRACE, "'}'")                                                                     \
    X(LBRACKET, "'['")                /* only where [ is not an identifier quote */      \
    X(RBRACKET, "']'")                                                                   \
    X(COMMA, "','")                                                                      \
    X(SEMI, "';'")                                                                       \
    X(DELIM, "delimiter")             /* MySQL client DELIMITER string (incl. ';') */    \
    X(DOT, "'.'")                                                                        \
    X(STAR, "'*'")                                                                       \
    X(PLUS, "'+'")                                                                       \
    X(MINUS, "'-'")                                                                      \
    X(SLASH, "'/'")                                                                      \
    X(PERCENT, "'%'")                                                                    \
    X(EQ, "'='")                                                                         \
    X(NE, "'<>'")                     /* <> != ^= ~= */                                  \
    X(LT, "'<'")                                                                         \
    X(LE, "'<='")                                                                        \
    X(GT, "'>'")                                                                         \
    X(GE, "'>='")                                                                        \
    X(NSEQ, "'<=>'")                  /* MySQL null-safe equality */                     \
    X(NOTLT, "'!<'")                  /* T-SQL */                                        \
    X(NOTGT, "'!>'")                  /* T-SQL */                                        \
    X(CONCAT, "'||'")                                                                    \
    X(AMP, "'&'")                                                                        \
    X(PIPE, "'|'")                                                                       \
    X(CARET, "'^'")                                                                      \
    X(TILDE, "'~'")                                                                      \
    X(BANG, "'!'")                                                                       \
    X(SHL, "'<<'")                    /* also PL/SQL label open */                       \
    X(SHR, "'>>'")                    /* also PL/SQL label close */                      \
    X(ANDAND, "'&&'")                 /* MySQL */                                        \
    X(COLON, "':'")                                                                      \
    X(DCOLON, "'::'")                                                                    \
    X(ASSIGN, "':='")                                                                    \
    X(ARROW, "'=>'")                                                                     \
    X(JSON_GET, "'->'")               /* MySQL */                                        \
    X(JSON_GETTEXT, "'->>'")          /* MySQL */                                        \
    X(OUTER_JOIN, "'(+)'")            /* Oracle old-style outer join marker */           \
    X(COMPOUND_ASSIGN, "compound assignment") /* T-SQL += -= *= /= %= &= |= ^= */       \
    X(DOLLAR_STRING, "dollar-quoted string")  /* PostgreSQL $tag$..$tag$ */              \
    X(PARAM, "positional parameter")  /* $1 (PostgreSQL, rule templates) */              \
    X(AT, "'@'")                      /* lone @ (MySQL user@host) */                     \
    X(QUESTION, "'?'")                                                                   \
    X(GO, "GO")                       /* T-SQL batch separator line, "GO" or "GO n" */   \
    X(SQLCMD, "sqlcmd command")       /* T-SQL line starting with ':' (:setvar, :r ..) */\
    X(SQLPLUS, "SQL*Plus command")    /* whole line: REM, PROMPT, SET, @file, SPOOL .. */\
    X(SLASH_TERM, "'/' line")         /* SQL*Plus: '/' alone on a line runs the block */ \
    X(DELIMITER_CMD, "DELIMITER")     /* MySQL client line "DELIMITER xx" */             \
    X(ERROR, "invalid token")         /* bad byte, unterminated literal: see diags */

typedef enum TokKind {
#define X(name, desc) TK_##name,
    TOKEN_KINDS(X)
#undef X
    TK__COUNT
} TokKind;

/* Token.flags */
#define TF_NL_BEFORE    0x01  /* a line break lies between the previous token and this */
#define TF_SPACE_BEFORE 0x02  /* whitespace or a comment lies before this token */
#define TF_LINE_START   0x04  /* first token on its line */
#define TF_VERSIONED    0x08  /* inside a MySQL version comment (slash-star-bang NNNNN) */
#define TF_UNTERMINATED 0x10  /* literal/identifier ran to end of input */
#define TF_PLAIN        0x20  /* quoted token with no doubled quote inside: its text is
                                 the bytes between the quotes (T-SQL strings and names) */

typedef struct Token {
    uint32_t off;    /* byte offset into SourceFile.text */
    uint32_t len;    /* bytes */
    uint16_t kind;   /* TokKind */
    uint16_t kw;     /* Keyword (KW_NONE if not a keyword); TK_IDENT only */
    uint16_t flags;  /* TF_* */
    uint16_t aux;    /* kind-specific: GO repeat count; quote char of QIDENT */
} Token;

const char *tok_kind_name(int kind);

#endif
