/* rewrite: identifier policy. Decides how every source identifier is spelled
 * in the target: case folding, quoting, reserved words, length limits, T-SQL
 * #temp names, script variables. The emitters call it for every name they
 * print, so the policy lives in one place (see the summary in emit.h).
 *
 * Decisions, and why:
 *  - Folding to lower case for both targets: PostgreSQL folds unquoted names
 *    to lower case, and lower-case MySQL names work the same under every
 *    lower_case_table_names setting.
 *  - Delimited names from T-SQL and MySQL fold too: those engines compare
 *    names case-insensitively, so [CustomerID] and customerid are one name
 *    there, and must stay one name in the target. Oracle and PostgreSQL
 *    quoted names are case-sensitive: "MixedCase" keeps its case (quoted).
 *  - A name that is not a plain identifier ([Order Details]) keeps its exact
 *    text and is quoted ("Order Details"). Folding it would be as valid, but
 *    keeping the text is what a reader of both schemas expects; the cost is
 *    that source references spelled in another case (legal in T-SQL) no
 *    longer match: the validation pass reports those.
 *  - Shortening keeps a readable prefix and appends a hash of the full name
 *    so that two long names sharing a prefix stay distinct, and the same
 *    name always gives the same result (in every statement, every run). */
#include "emit/emit.h"
#include "diag/diag.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* PostgreSQL 15: reserved and type/function-name keywords (pg_get_keywords()
 * catcode R and T): these cannot be table or column names unquoted. */
static const char *const pg_reserved[] = {
    "ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC",
    "AUTHORIZATION", "BINARY", "BOTH", "CASE", "CAST", "CHECK", "COLLATE", "COLLATION",
    "COLUMN", "CONCURRENTLY", "CONSTRAINT", "CREATE", "CROSS", "CURRENT_CATALOG",
    "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP",
    "CURRENT_USER", "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT", "DO", "ELSE", "END",
    "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FREEZE", "FROM", "FULL", "GRANT", "GROUP",
    "HAVING", "ILIKE", "IN", "INITIALLY", "INNER", "INTERSECT", "INTO", "IS", "ISNULL",
    "JOIN", "LATERAL", "LEADING", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP",
    "NATURAL", "NOT", "NOTNULL", "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER",
    "OVERLAPS", "PLACING", "PRIMARY", "REFERENCES", "RETURNING", "RIGHT", "SELECT",
    "SESSION_USER", "SIMILAR", "SOME", "SYMMETRIC", "TABLE", "TABLESAMPLE", "THEN", "TO",
    "TRAILING", "TRUE", "UNION", "UNIQUE", "USER", "USING", "VARIADIC", "VERBOSE", "WHEN",
    "WHERE", "WINDOW", "WITH",
};

/* MySQL 8.0 reserved words (the "(R)" entries of the manual's keyword list),
 * plus OFFSET and RETURNING, which MariaDB reserves: quoting a word that
 * did not need it is harmless, missing one is a syntax error. */
static const char *const my_reserved[] = {
    "ACCESSIBLE", "ADD", "ALL", "ALTER", "ANALYZE", "AND", "AS", "ASC", "ASENSITIVE",
    "BEFORE", "BETWEEN", "BIGINT", "BINARY", "BLOB", "BOTH", "BY", "CALL", "CASCADE", "CASE",
    "CHANGE", "CHAR", "CHARACTER", "CHECK", "COLLATE", "COLUMN", "CONDITION", "CONSTRAINT",
    "CONTINUE", "CONVERT", "CREATE", "CROSS", "CUBE", "CUME_DIST", "CURRENT_DATE",
    "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATABASE", "DATABASES",
    "DAY_HOUR", "DAY_MICROSECOND", "DAY_MINUTE", "DAY_SECOND", "DEC", "DECIMAL", "DECLARE",
    "DEFAULT", "DELAYED", "DELETE", "DENSE_RANK", "DESC", "DESCRIBE", "DETERMINISTIC",
    "DISTINCT", "DISTINCTROW", "DIV", "DOUBLE", "DROP", "DUAL", "EACH", "ELSE", "ELSEIF",
    "EMPTY", "ENCLOSED", "ESCAPED", "EXCEPT", "EXISTS", "EXIT", "EXPLAIN", "FALSE", "FETCH",
    "FIRST_VALUE", "FLOAT", "FLOAT4", "FLOAT8", "FOR", "FORCE", "FOREIGN", "FROM", "FULLTEXT",
    "FUNCTION", "GENERATED", "GET", "GRANT", "GROUP", "GROUPING", "GROUPS", "HAVING",
    "HIGH_PRIORITY", "HOUR_MICROSECOND", "HOUR_MINUTE", "HOUR_SECOND", "IF", "IGNORE", "IN",
    "INDEX", "INFILE", "INNER", "INOUT", "INSENSITIVE", "INSERT", "INT", "INT1", "INT2",
    "INT3", "INT4", "INT8", "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IO_AFTER_GTIDS",
    "IO_BEFORE_GTIDS", "IS", "ITERATE", "JOIN", "JSON_TABLE", "KEY", "KEYS", "KILL", "LAG",
    "LAST_VALUE", "LATERAL", "LEAD", "LEADING", "LEAVE", "LEFT", "LIKE", "LIMIT", "LINEAR",
    "LINES", "LOAD", "LOCALTIME", "LOCALTIMESTAMP", "LOCK", "LONG", "LONGBLOB", "LONGTEXT",
    "LOOP", "LOW_PRIORITY", "MASTER_BIND", "MASTER_SSL_VERIFY_SERVER_CERT", "MATCH",
    "MAXVALUE", "MEDIUMBLOB", "MEDIUMINT", "MEDIUMTEXT", "MIDDLEINT", "MINUTE_MICROSECOND",
    "MINUTE_SECOND", "MOD", "MODIFIES", "NATURAL", "NOT", "NO_WRITE_TO_BINLOG", "NTH_VALUE",
    "NTILE", "NULL", "NUMERIC", "OF", "OFFSET", "ON", "OPTIMIZE", "OPTIMIZER_COSTS", "OPTION",
    "OPTIONALLY", "OR", "ORDER", "OUT", "OUTER", "OUTFILE", "OVER", "PARALLEL", "PARTITION",
    "PERCENT_RANK", "PRECISION", "PRIMARY", "PROCEDURE", "PURGE", "QUALIFY", "RANGE", "RANK",
    "READ", "READS", "READ_WRITE", "REAL", "RECURSIVE", "REFERENCES", "REGEXP", "RELEASE",
    "RENAME", "REPEAT", "REPLACE", "REQUIRE", "RESIGNAL", "RESTRICT", "RETURN", "RETURNING",
    "REVOKE", "RIGHT", "RLIKE", "ROW", "ROWS", "ROW_NUMBER", "SCHEMA", "SCHEMAS",
    "SECOND_MICROSECOND", "SELECT", "SENSITIVE", "SEPARATOR", "SET", "SHOW", "SIGNAL",
    "SMALLINT", "SPATIAL", "SPECIFIC", "SQL", "SQLEXCEPTION", "SQLSTATE", "SQLWARNING",
    "SQL_BIG_RESULT", "SQL_CALC_FOUND_ROWS", "SQL_SMALL_RESULT", "SSL", "STARTING", "STORED",
    "STRAIGHT_JOIN", "SYSTEM", "TABLE", "TABLESAMPLE", "TERMINATED", "THEN", "TINYBLOB",
    "TINYINT", "TINYTEXT", "TO", "TRAILING", "TRIGGER", "TRUE", "UNDO", "UNION", "UNIQUE",
    "UNLOCK", "UNSIGNED", "UPDATE", "USAGE", "USE", "USING", "UTC_DATE", "UTC_TIME",
    "UTC_TIMESTAMP", "VALUES", "VARBINARY", "VARCHAR", "VARCHARACTER", "VARYING", "VIRTUAL",
    "WHEN", "WHERE", "WHILE", "WINDOW", "WITH", "WRITE", "XOR", "YEAR_MONTH", "ZEROFILL",
};

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Asked for every identifier written, so the built-in lists are also kept
 * as hash tables (1-based indices, 0 = empty slot), built on first use
 * like the lexer's keyword table; they never change after that. */
#define RES_TABLE_SIZE 1024
static uint16_t pg_res_table[RES_TABLE_SIZE], my_res_table[RES_TABLE_SIZE];
static int res_tables_ready;

static uint32_t res_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void res_build(uint16_t *t, const char *const *list, int n)
{
    for (int i = 0; i < n; i++) {
        uint32_t h = res_hash(list[i]) & (RES_TABLE_SIZE - 1);
        while (t[h])
            h = (h + 1) & (RES_TABLE_SIZE - 1);
        t[h] = (uint16_t)(i + 1);
    }
}

/* 1 if up (upper case, hash: res_hash(up)) is in the target's built-in list. */
static int in_builtin(int my, const char *up, uint32_t hash)
{
    if (!res_tables_ready) {
        res_build(pg_res_table, pg_reserved, NELEM(pg_reserved));
        res_build(my_res_table, my_reserved, NELEM(my_reserved));
        res_tables_ready = 1;
    }
    const uint16_t *t = my ? my_res_table : pg_res_table;
    const char *const *list = my ? my_reserved : pg_reserved;
    for (uint32_t h = hash & (RES_TABLE_SIZE - 1); t[h]; h = (h + 1) & (RES_TABLE_SIZE - 1))
        if (strcmp(up, list[t[h] - 1]) == 0)
            return 1;
    return 0;
}

int nm_is_reserved(const ConvCtx *cx, const char *word, size_t len)
{
    int rules = cx->rules != NULL; /* an empty list answers 0 at once */
    char up[64];
    if (len >= sizeof up) /* longer than any built-in reserved word */
        return rules && rules_is_reserved(cx->rules, word, len);
    /* folded and hashed once for both lists (ASCII, as the C locale's
     * toupper; FNV-1a, the hash of both tables) */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        unsigned a = (unsigned char)word[i];
        if (a == 0) /* no reserved word holds a NUL */
            return 0;
        a = a - 'a' < 26u ? a - 32 : a;
        up[i] = (char)a;
        h = (h ^ a) * 16777619u;
    }
    up[len] = 0;
    if (in_builtin(cx->target == DIALECT_MYSQL, up, h))
        return 1;
    return rules && rules_is_reserved_upper_h(cx->rules, up, len, h);
}

int nm_max_len(const ConvCtx *cx)
{
    /* below 16 a prefix + hash makes no sense: treat as unset */
    if (cx->rules && cx->rules->max_ident_len >= 16)
        return cx->rules->max_ident_len;
    return cx->target == DIALECT_MYSQL ? 64 : 63;
}

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

const char *nm_shorten(Arena *a, const char *name, size_t len, size_t max)
{
    if (len <= max || max < 10)
        return arena_strndup(a, name, len);
    size_t keep = max - 9; /* '_' + 8 hex digits */
    /* never end inside a UTF-8 sequence: back off over continuation bytes */
    while (keep > 0 && ((unsigned char)name[keep] & 0xC0) == 0x80)
        keep--;
    /* a prefix ending in '_' would give "x__hash": drop it for readability */
    while (keep > 1 && name[keep - 1] == '_')
        keep--;
    return arena_printf(a, "%.*s_%08x", (int)keep, name, fnv1a(name, len));
}

void nm_item_once(ConvCtx *cx, const char *code, SrcSpan sp, const char *msg)
{
    if (!cx->diags)
        return;
    /* the current statement's entries are the trailing ones of this object */
    int seen = 0;
    for (int i = cx->diags->v.n - 1; i >= 0 && seen < 512; i--, seen++) {
        const Diag *d = &cx->diags->v.items[i];
        if (d->object != cx->object)
            break;
        if (!strcmp(d->code, code) && d->message && !strcmp(d->message, msg))
            return;
    }
    diag_add(cx->diags, code, sp, cx->object, "%s", msg);
}

static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* A name that needs no quotes apart from case: letters (any case), digits,
 * '_', '$' (not first), and non-ASCII bytes (both targets accept them). */
static int is_plain(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    unsigned char c0 = (unsigned char)s[0];
    if (!(is_alpha(c0) || c0 == '_' || c0 >= 0x80))
        return 0;
    for (size_t i = 1; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(is_alpha(c) || is_digit(c) || c == '_' || c == '$' || c >= 0x80))
            return 0;
    }
    return 1;
}

static int has_script_var(const char *s, size_t n)
{
    if (n && s[0] == '&')
        return 1;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '$' && s[i + 1] == '(')
            return 1;
    return 0;
}

/* Folded/kept spelling of id and whether it needs quotes. */
typedef struct Spelling {
    const char *text;
    size_t len;
    int quote;     /* must be delimited */
    int verbatim;  /* script variable: printed as written, never quoted */
    int itemized;  /* recorded a finding (SS5001, SS5004): decided anew each time */
} Spelling;

/* What spell() asks of each byte of a name: a capital, a small letter, a
 * digit or '$' (plain past the first byte), or a byte that makes the name
 * not plain; '_' and the bytes of non-ASCII letters are none of these. */
enum { NC_UP = 1, NC_LO = 2, NC_DIGDOL = 4, NC_BAD = 8 };
#define U NC_UP
#define L NC_LO
#define D NC_DIGDOL
#define B NC_BAD
static const unsigned char name_class[256] = {
    B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B,
    B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B,
    B, B, B, B, D, B, B, B, B, B, B, B, B, B, B, B,
    D, D, D, D, D, D, D, D, D, D, B, B, B, B, B, B,
    B, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, B, B, B, B, 0,
    B, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, B, B, B, B, B,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
#undef U
#undef L
#undef D
#undef B

static void spell(ConvCtx *cx, const Ident *id, Spelling *sp)
{
    const char *s = id->text;
    size_t n = id->len;
    memset(sp, 0, sizeof *sp);
    /* T-SQL #temp / ##temp: the rewrite marks the table TEMPORARY */
    if (cx->source == DIALECT_TSQL && (id->quote == 0 || id->quote == '['))
        while (n > 1 && s[0] == '#') {
            s++;
            n--;
        }
    /* one pass over the name gathers its bytes' classes: its cases,
     * whether it is plain (is_plain: no other byte, no digit or '$' first)
     * and whether it may hold a script variable (has_script_var: "$(",
     * looked for only when a '$' and a byte like '(' are both there) */
    unsigned acc = 0;
    for (size_t i = 0; i < n; i++)
        acc |= name_class[(unsigned char)s[i]];
    int upper = (acc & NC_UP) != 0, lower = (acc & NC_LO) != 0;
    int plain = n > 0 && !(acc & NC_BAD) && !(name_class[(unsigned char)s[0]] & NC_DIGDOL);
    int var = n > 0 && s[0] == '&';
    if (!var && (acc & NC_BAD) && (acc & NC_DIGDOL))
        for (size_t i = 0; i + 1 < n && !var; i++)
            var = s[i] == '$' && s[i + 1] == '(';
    if (var) {
        char *msg = arena_printf(cx->arena,
                                 "identifier %.*s contains a script variable: substitute it "
                                 "before running the converted script", (int)n, s);
        nm_item_once(cx, "SS5004", id->span, msg);
        sp->itemized = 1;
        sp->text = s;
        sp->len = n;
        sp->verbatim = 1;
        return;
    }
    int mixed = upper && lower;
    int case_sensitive = id->quote && (cx->source == DIALECT_ORACLE ||
                                       cx->source == DIALECT_POSTGRES);
    int keep = !plain || (mixed && (case_sensitive || cx->keep_case));
    char *t = arena_strndup(cx->arena, s, n);
    if (!keep && upper) /* (a name without capitals is its own lower case) */
        for (size_t i = 0; i < n; i++)
            if (t[i] >= 'A' && t[i] <= 'Z')
                t[i] += 32;
    sp->text = t;
    sp->len = n;
    if (!plain)
        sp->quote = 1;
    else if (keep && upper && cx->target != DIALECT_MYSQL)
        sp->quote = 1; /* PostgreSQL would fold it otherwise */
    else if (nm_is_reserved(cx, t, n))
        sp->quote = 1;
    size_t max = (size_t)nm_max_len(cx);
    if (n > max) {
        sp->text = nm_shorten(cx->arena, t, n, max);
        sp->len = strlen(sp->text);
        char *msg = arena_printf(cx->arena, "identifier %.*s is longer than %d bytes: shortened to %s",
                                 (int)n, t, (int)max, sp->text);
        nm_item_once(cx, "SS5001", id->span, msg);
        sp->itemized = 1;
    }
}

/* ---- the run's cache of spellings ----
 * Keyed by the identifier's text and quote character (all else spell()
 * looks at is fixed for a run). Open addressing; the strings live in the
 * cache's arena. Past NAME_CACHE_MAX names it starts afresh, so an input
 * of ever new names costs bounded memory. */
#define NAME_CACHE_MAX 16384

typedef struct NameEntry {
    const char *key;   /* the identifier's text */
    uint32_t klen;
    char quote;        /* Ident.quote */
    Spelling sp;
} NameEntry;

/* Names printed last, and what was printed: key holds each name as its
 * quote byte, its length (4 bytes) and its text. */
typedef struct IdentMemo {
    StrBuf key, out;
    int n; /* names in key; -1: none kept */
} IdentMemo;

/* One slot of the table: tag 0 empty, else the hash of entries[idx] with
 * bit 0 set. Probes read only the slots until a tag matches. The entries
 * are a dense array in the order the names came: the table is twice the
 * names, and sparse entries were many pages of memory touched (and copied
 * when it grew) for nothing. */
typedef struct NameSlot {
    uint32_t tag, idx;
} NameSlot;

struct NameCache {
    Arena arena;
    NameSlot *slots;
    NameEntry *entries;
    unsigned cap, n, ecap;     /* slots, names, room in entries */
    /* the last column list and the last dotted name printed
     * (nm_put_ident_list, nm_put_ident_path): the INSERTs of a data script
     * repeat theirs */
    IdentMemo list, path;
};

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        fputs("sqlshift: out of memory\n", stderr);
        abort();
    }
    return p;
}

NameCache *nm_cache_new(void)
{
    NameCache *c = xcalloc(1, sizeof *c);
    arena_init(&c->arena, 64 * 1024);
    c->cap = 256; /* grows: most runs see a few hundred names */
    c->slots = xcalloc(c->cap, sizeof *c->slots);
    sb_init(&c->list.key);
    sb_init(&c->list.out);
    sb_init(&c->path.key);
    sb_init(&c->path.out);
    c->list.n = c->path.n = -1;
    return c;
}

void nm_cache_free(NameCache *c)
{
    if (!c)
        return;
    arena_free(&c->arena);
    free(c->slots);
    free(c->entries);
    sb_free(&c->list.key);
    sb_free(&c->list.out);
    sb_free(&c->path.key);
    sb_free(&c->path.out);
    free(c);
}

/* Eight bytes at a time (asked for every name printed; a byte loop was
 * most of a cache hit's cost). Only slot placement depends on it, never
 * the output. */
static uint32_t name_tag(const char *s, size_t n, char quote)
{
    const uint64_t k = 0x9E3779B97F4A7C15u;
    uint64_t h = (uint64_t)n * k ^ (unsigned char)quote;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t x;
        memcpy(&x, s, 8);
        h = (h ^ x) * k;
        h ^= h >> 29;
    }
    uint64_t x = 0;
    if (n & 4) {
        uint32_t y;
        memcpy(&y, s, 4);
        x = y;
        s += 4;
    }
    if (n & 2) {
        uint16_t y;
        memcpy(&y, s, 2);
        x = x << 16 | y;
        s += 2;
    }
    if (n & 1)
        x = x << 8 | (unsigned char)*s;
    h = (h ^ x) * k;
    h ^= h >> 32;
    return (uint32_t)h | 1;
}

/* memcmp(a, b, n) == 0 for the short strings names are, without the call:
 * eight bytes at a time, the last eight (or the 4-2-1 pieces of a shorter
 * name) read once, overlapping bytes already compared. */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    if (n >= 8) {
        for (; n > 8; a += 8, b += 8, n -= 8) {
            memcpy(&x, a, 8);
            memcpy(&y, b, 8);
            if (x != y)
                return 0;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n & 4) {
        uint32_t u, v;
        memcpy(&u, a, 4);
        memcpy(&v, b, 4);
        if (u != v)
            return 0;
        a += 4;
        b += 4;
    }
    if (n & 2) {
        uint16_t u, v;
        memcpy(&u, a, 2);
        memcpy(&v, b, 2);
        if (u != v)
            return 0;
        a += 2;
        b += 2;
    }
    return !(n & 1) || *a == *b;
}

/* The slot of the name: where it is, or the empty slot where it goes. */
static inline unsigned cache_slot(const NameCache *c, const char *s, size_t n, char quote, uint32_t tag)
{
    for (unsigned i = tag & (c->cap - 1);; i = (i + 1) & (c->cap - 1)) {
        if (!c->slots[i].tag)
            return i;
        const NameEntry *e = &c->entries[c->slots[i].idx];
        if (c->slots[i].tag == tag && e->klen == n && e->quote == quote && same_bytes(e->key, s, n))
            return i;
    }
}

static void cache_put(NameCache *c, const Ident *id, uint32_t tag, const Spelling *sp)
{
    if (c->n >= NAME_CACHE_MAX) {
        arena_free(&c->arena);
        arena_init(&c->arena, 64 * 1024);
        memset(c->slots, 0, c->cap * sizeof *c->slots);
        c->n = 0;
    }
    if ((c->n + 1) * 2 > c->cap) { /* the names are distinct: first empty slot */
        NameSlot *old = c->slots;
        unsigned ocap = c->cap;
        c->cap *= 2;
        c->slots = xcalloc(c->cap, sizeof *c->slots);
        for (unsigned i = 0; i < ocap; i++)
            if (old[i].tag) {
                unsigned k = old[i].tag & (c->cap - 1);
                while (c->slots[k].tag)
                    k = (k + 1) & (c->cap - 1);
                c->slots[k] = old[i];
            }
        free(old);
    }
    if (c->n == c->ecap) {
        c->ecap = c->ecap ? c->ecap * 2 : 128;
        c->entries = realloc(c->entries, c->ecap * sizeof *c->entries);
        if (!c->entries) {
            fputs("sqlshift: out of memory\n", stderr);
            abort();
        }
    }
    unsigned k = cache_slot(c, id->text, id->len, id->quote, tag);
    NameEntry *e = &c->entries[c->n];
    c->slots[k] = (NameSlot){tag, c->n};
    e->key = arena_strndup(&c->arena, id->text, id->len);
    e->klen = id->len;
    e->quote = id->quote;
    e->sp = *sp;
    e->sp.text = arena_strndup(&c->arena, sp->text, sp->len);
    c->n++;
}

/* spell(), answered from cx->names when the name was spelled before. */
static void spell_cached(ConvCtx *cx, const Ident *id, Spelling *sp)
{
    NameCache *c = cx->names;
    if (!c) {
        spell(cx, id, sp);
        return;
    }
    uint32_t tag = name_tag(id->text, id->len, id->quote);
    unsigned k = cache_slot(c, id->text, id->len, id->quote, tag);
    if (c->slots[k].tag) {
        *sp = c->entries[c->slots[k].idx].sp;
        return;
    }
    spell(cx, id, sp);
    if (!sp->itemized)
        cache_put(c, id, tag, sp);
}

static void put_spelling(ConvCtx *cx, StrBuf *b, const Spelling *sp)
{
    if (!sp->quote || sp->verbatim) {
        sb_putn(b, sp->text, sp->len);
        return;
    }
    char q = cx->target == DIALECT_MYSQL ? '`' : '"';
    sb_putc(b, q);
    for (size_t i = 0; i < sp->len; i++) {
        if (sp->text[i] == q)
            sb_putc(b, q);
        sb_putc(b, sp->text[i]);
    }
    sb_putc(b, q);
}

void nm_put_ident(ConvCtx *cx, StrBuf *b, const Ident *id)
{
    if (!id->text)
        return;
    Spelling sp;
    spell_cached(cx, id, &sp);
    put_spelling(cx, b, &sp);
}

/* 1 if ids[0..n) are the names kept in m (same texts and quotes). */
static int memo_hit(const IdentMemo *m, const Ident *ids, int n)
{
    if (m->n != n)
        return 0;
    const char *p = m->key.s, *end = p + m->key.len;
    for (int i = 0; i < n; i++) {
        const Ident *id = &ids[i];
        uint32_t len = id->text ? id->len : 0;
        uint32_t klen;
        if (end - p < 5 || p[0] != id->quote)
            return 0;
        memcpy(&klen, p + 1, 4);
        if (klen != len || (size_t)(end - p - 5) < len || (len && !same_bytes(p + 5, id->text, len)))
            return 0;
        p += 5 + len;
    }
    return p == end;
}

/* Keeps ids[0..n) in m with out[0..len), what printing them gave. */
static void memo_keep(IdentMemo *m, const Ident *ids, int n, const char *out, size_t len)
{
    sb_reset(&m->key);
    for (int i = 0; i < n; i++) {
        const Ident *id = &ids[i];
        uint32_t klen = id->text ? id->len : 0;
        sb_putc(&m->key, id->quote);
        sb_putn(&m->key, (const char *)&klen, 4);
        if (klen)
            sb_putn(&m->key, id->text, klen);
    }
    sb_reset(&m->out);
    sb_putn(&m->out, out, len);
    m->n = n;
}

/* Prints ids[0..n) with sep between them (skip_empty: names without text
 * print nothing, not even their separator), through the memo m of the
 * run's cache; lists with a name that records a finding (SS5001, SS5004)
 * are spelled every time, so that the finding is recorded every time. */
static void put_idents(ConvCtx *cx, StrBuf *b, const Ident *ids, int n, IdentMemo *m, char sep,
                       int skip_empty)
{
    if (m && memo_hit(m, ids, n)) {
        sb_putn(b, m->out.s, m->out.len);
        return;
    }
    size_t start = b->len;
    int keep = m != NULL, first = 1;
    for (int i = 0; i < n; i++) {
        const Ident *id = &ids[i];
        if (skip_empty && (!id->text || !id->len))
            continue;
        if (!first) {
            sb_putc(b, sep);
            if (sep == ',')
                sb_putc(b, ' ');
        }
        first = 0;
        if (!id->text)
            continue;
        Spelling sp;
        spell_cached(cx, id, &sp);
        put_spelling(cx, b, &sp);
        if (sp.itemized)
            keep = 0;
    }
    if (keep)
        memo_keep(m, ids, n, b->s + start, b->len - start);
}

void nm_put_ident_list(ConvCtx *cx, StrBuf *b, const IdentList *l)
{
    put_idents(cx, b, l->items, l->n, cx->names && l->n > 1 ? &cx->names->list : NULL, ',', 0);
}

void nm_put_ident_path(ConvCtx *cx, StrBuf *b, const Ident *parts, int n)
{
    put_idents(cx, b, parts, n, cx->names ? &cx->names->path : NULL, '.', 1);
}

void nm_put_name(ConvCtx *cx, StrBuf *b, const char *name, size_t len)
{
    Ident id;
    memset(&id, 0, sizeof id);
    id.text = name;
    id.len = (uint32_t)len;
    nm_put_ident(cx, b, &id);
}

const char *nm_spell(ConvCtx *cx, const Ident *id)
{
    if (!id->text)
        return "";
    Spelling sp;
    spell_cached(cx, id, &sp);
    return arena_strndup(cx->arena, sp.text, sp.len);
}

void nm_put_func_name(ConvCtx *cx, StrBuf *b, const Ident *id)
{
    if (!id->text)
        return;
    if (id->quote == 0 && is_plain(id->text, id->len) && !has_script_var(id->text, id->len)) {
        for (uint32_t i = 0; i < id->len; i++) {
            char c = id->text[i];
            sb_putc(b, c >= 'a' && c <= 'z' ? (char)(c - 32) : c);
        }
        return;
    }
    nm_put_ident(cx, b, id);
}
