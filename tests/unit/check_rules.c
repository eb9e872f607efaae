/* tests: rules area - the built-in rule files load and validate for every
 * pair, lookups pick the right rule (conditions, layers, file order), user
 * files add layers, names are renamed and selected with PCRE2, broken files
 * are reported with file:line, and the catalogue agrees with the rule files,
 * with the codes used in src/ and with sqlshift-actions(7). */
#include "unit.h"
#include "rewrite/rules.h"
#include "rewrite/rules_table.h"
#include "rewrite/rules_int.h" /* rules_code_known */
#include "diag/diag.h"
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const Dialect sources[] = {DIALECT_TSQL, DIALECT_ORACLE, DIALECT_MYSQL};
static const Dialect targets[] = {DIALECT_POSTGRES, DIALECT_MYSQL};

static const char *srcdir(void)
{
    const char *d = getenv("top_srcdir");
    return d && *d ? d : ".";
}

/* Loads the built-in rules of a pair or fails the test with the message. */
static void init_pair(RuleSet *rs, Dialect s, Dialect t)
{
    char *err = NULL;
    int rc = rules_init(rs, s, t, &err);
    ck_assert_msg(rc == 0, "%s -> %s: %s", dialect_name(s), dialect_name(t), err ? err : "?");
    free(err);
}

/* Writes text to a new temporary file; returns its malloc'd path. */
static char *temp_file(const char *text)
{
    const char *dir = getenv("TMPDIR");
    char *path = malloc(512);
    ck_assert_ptr_nonnull(path);
    snprintf(path, 512, "%s/sqlshift-rules-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void drop_file(char *path)
{
    unlink(path);
    free(path);
}

/* Loads text as a user rule file; returns rules_load_file's status and
 * leaves the message in *err (caller frees). */
static int load_text(RuleSet *rs, const char *text, char **err)
{
    char *path = temp_file(text);
    *err = NULL;
    int rc = rules_load_file(rs, path, err);
    drop_file(path);
    return rc;
}

#define HEAD "<?xml version=\"1.0\"?>\n<rules xmlns=\"urn:sqlshift:rules:1\">\n"

/* ---- loading ---------------------------------------------------------- */

/* FNV-1a, 32 bits: the hash rules_is_reserved_upper_h is given */
static uint32_t fnv1a32(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

START_TEST(every_pair_loads)
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++) {
            RuleSet rs;
            init_pair(&rs, sources[i], targets[j]);
            ck_assert_int_eq(rs.nlayers, 1);
            /* looked up in the build-time index: nothing committed yet */
            ck_assert_int_eq(rs.actions.n + rs.types.n + rs.funcs.n + rs.reserved.n, 0);
            ck_assert_ptr_nonnull(rules_action(&rs, "SS0010"));
            ck_assert(rules_is_reserved(&rs, "select", 6));
            rules_expand(&rs);
            rules_expand(&rs); /* twice is harmless */
            ck_assert_int_gt(rs.actions.n, 100);
            ck_assert_int_gt(rs.types.n, 50);
            ck_assert_int_gt(rs.funcs.n, 100);
            ck_assert_int_gt(rs.reserved.n, 90);
            ck_assert_int_eq(rs.max_ident_len, targets[j] == DIALECT_POSTGRES ? 63 : 64);
            for (int k = 0; k < rs.types.n; k++) {
                ck_assert_int_eq(rs.types.items[k].layer, 0);
                ck_assert_ptr_null(strstr(rs.types.items[k].file, "/"));
                ck_assert_int_gt(rs.types.items[k].line, 1);
            }
            rules_free(&rs);
            rules_free(&rs); /* freeing twice is harmless */
        }
}
END_TEST

START_TEST(every_builtin_file_validates)
{
    /* rules_init validates the files of a pair; check each embedded file
     * on its own as well, through a real file, as `rules check` does. */
    ck_assert_int_eq(builtin_rule_files_count, 10);
    for (int i = 0; i < builtin_rule_files_count; i++) {
        const BuiltinFile *bf = &builtin_rule_files[i];
        ck_assert_ptr_nonnull(bf->name);
        ck_assert_uint_gt(bf->len, 100);
        if (!strcmp(bf->name, "rules.rng"))
            continue;
        char *path = temp_file(bf->text);
        char *err = NULL;
        int rc = rules_check_file(path, &err);
        ck_assert_msg(rc == 0, "%s: %s", bf->name, err ? err : "?");
        free(err);
        drop_file(path);
    }
}
END_TEST

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* rules_init commits the tables tools/rules_compile wrote; reading the
 * embedded XML again with the loader must give the very same rule set
 * (a stale or wrongly generated src/rewrite/rules_tables.c fails here). */
START_TEST(compiled_tables_match_the_xml)
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++) {
            RuleSet c, x;
            init_pair(&c, sources[i], targets[j]);
            rules_expand(&c);
            rules_begin(&x, sources[i], targets[j]);
            char files[3][64];
            snprintf(files[0], sizeof files[0], "actions.xml");
            snprintf(files[1], sizeof files[1], "%s.xml", dialect_name(targets[j]));
            snprintf(files[2], sizeof files[2], "%s-%s.xml", dialect_name(sources[i]),
                     dialect_name(targets[j]));
            for (int f = 0; f < 3; f++) {
                RulesTable t;
                char *err = NULL;
                ck_assert_msg(rules_read_builtin(&x, files[f], &t, &err) == 0, "%s", err ? err : "");
                free(err);
            }
            ck_assert_int_eq(c.actions.n, x.actions.n);
            for (int k = 0; k < c.actions.n; k++) {
                const ActionDef *a = &c.actions.items[k], *b = &x.actions.items[k];
                ck_assert_msg(same_str(a->code, b->code) && a->sev == b->sev &&
                                  same_str(a->category, b->category) && a->effort_min == b->effort_min &&
                                  same_str(a->title, b->title) &&
                                  same_str(a->recommendation, b->recommendation),
                              "action %s differs", a->code);
            }
            ck_assert_int_eq(c.types.n, x.types.n);
            for (int k = 0; k < c.types.n; k++) {
                const TypeRule *a = &c.types.items[k], *b = &x.types.items[k];
                ck_assert_msg(same_str(a->name, b->name) && a->nargs == b->nargs && a->max == b->max &&
                                  a->pmin == b->pmin && a->pmax == b->pmax && a->scale == b->scale &&
                                  a->is_unsigned == b->is_unsigned && same_str(a->to, b->to) &&
                                  same_str(a->item, b->item) && same_str(a->note, b->note) &&
                                  same_str(a->file, b->file) && a->line == b->line && a->layer == b->layer,
                              "type rule %s:%d differs", b->file, b->line);
            }
            ck_assert_int_eq(c.funcs.n, x.funcs.n);
            for (int k = 0; k < c.funcs.n; k++) {
                const FuncRule *a = &c.funcs.items[k], *b = &x.funcs.items[k];
                ck_assert_msg(same_str(a->name, b->name) && a->min_args == b->min_args &&
                                  a->max_args == b->max_args && same_str(a->to, b->to) &&
                                  same_str(a->item, b->item) && same_str(a->note, b->note) &&
                                  same_str(a->file, b->file) && a->line == b->line && a->layer == b->layer,
                              "function rule %s:%d differs", b->file, b->line);
            }
            ck_assert_int_eq(c.reserved.n, x.reserved.n);
            for (int k = 0; k < c.reserved.n; k++)
                ck_assert_str_eq(c.reserved.items[k], x.reserved.items[k]);
            ck_assert_int_eq(c.max_ident_len, x.max_ident_len);
            ck_assert_ptr_nonnull(rules_action(&c, "SS0010"));
            ck_assert_ptr_nonnull(rules_find_func(&c, c.funcs.items[c.funcs.n - 1].name,
                                                  c.funcs.items[c.funcs.n - 1].min_args));
            rules_free(&c);
            rules_free(&x);
        }
}
END_TEST

START_TEST(bad_pairs_are_refused)
{
    RuleSet rs;
    char *err = NULL;
    ck_assert_int_eq(rules_init(&rs, DIALECT_POSTGRES, DIALECT_MYSQL, &err), -1);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_nonnull(strstr(err, "postgresql"));
    free(err);
    err = NULL;
    ck_assert_int_eq(rules_init(&rs, DIALECT_TSQL, DIALECT_ORACLE, &err), -1);
    ck_assert_ptr_nonnull(err);
    free(err);
    rules_free(&rs);
}
END_TEST

/* ---- types ------------------------------------------------------------- */

static const TypeRule *ty(const RuleSet *rs, const char *name, int nargs, int is_max, int prec,
                          int scale, int is_unsigned)
{
    return rules_find_type(rs, name, nargs, is_max, prec, scale, is_unsigned);
}

START_TEST(tsql_types)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_TSQL, DIALECT_POSTGRES);
    const TypeRule *r = ty(&rs, "nvarchar", 1, 1, -1, 0, 0);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(r->to, "text");
    r = ty(&rs, "NVARCHAR", 1, 0, 50, 0, 0);
    ck_assert_str_eq(r->to, "varchar($1)");
    r = ty(&rs, "DATETIME2", 1, 0, 7, 0, 0);
    ck_assert_str_eq(r->to, "timestamp(6)");
    ck_assert_str_eq(r->item, "SS1014");
    r = ty(&rs, "DATETIME2", 1, 0, 3, 0, 0);
    ck_assert_str_eq(r->to, "timestamp($1)");
    ck_assert_ptr_null(r->item);
    ck_assert_str_eq(ty(&rs, "DATETIME", 0, 0, -1, 0, 0)->to, "timestamp(3)");
    ck_assert_str_eq(ty(&rs, "FLOAT", 1, 0, 24, 0, 0)->to, "real");
    ck_assert_str_eq(ty(&rs, "FLOAT", 1, 0, 25, 0, 0)->to, "double precision");
    ck_assert_str_eq(ty(&rs, "FLOAT", 0, 0, -1, 0, 0)->to, "double precision");
    ck_assert_str_eq(ty(&rs, "MONEY", 0, 0, -1, 0, 0)->item, "SS1016");
    ck_assert_str_eq(ty(&rs, "uniqueidentifier", 0, 0, -1, 0, 0)->to, "uuid");
    ck_assert_str_eq(ty(&rs, "TIMESTAMP", 0, 0, -1, 0, 0)->item, "SS1010");
    ck_assert_str_eq(ty(&rs, "  national   character   varying ", 1, 0, 10, 0, 0)->to,
                     "varchar($1)");
    ck_assert_ptr_null(ty(&rs, "NO_SUCH_TYPE", 0, 0, -1, 0, 0));
    rules_free(&rs);

    init_pair(&rs, DIALECT_TSQL, DIALECT_MYSQL);
    ck_assert_str_eq(ty(&rs, "NVARCHAR", 1, 1, -1, 0, 0)->to, "longtext");
    ck_assert_str_eq(ty(&rs, "BIT", 0, 0, -1, 0, 0)->to, "tinyint(1)");
    ck_assert_str_eq(ty(&rs, "UNIQUEIDENTIFIER", 0, 0, -1, 0, 0)->to, "char(36)");
    ck_assert_str_eq(ty(&rs, "DATETIME2", 1, 0, 7, 0, 0)->to, "datetime(6)");
    ck_assert_str_eq(ty(&rs, "CHAR", 1, 0, 300, 0, 0)->to, "varchar($1)");
    rules_free(&rs);
}
END_TEST

START_TEST(oracle_types)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_ORACLE, DIALECT_POSTGRES);
    ck_assert_str_eq(ty(&rs, "NUMBER", 0, 0, -1, 0, 0)->to, "numeric");
    ck_assert_str_eq(ty(&rs, "NUMBER", 1, 0, 4, 0, 0)->to, "smallint");
    ck_assert_str_eq(ty(&rs, "NUMBER", 1, 0, 5, 0, 0)->to, "integer");
    ck_assert_str_eq(ty(&rs, "NUMBER", 2, 0, 5, 0, 0)->to, "integer"); /* NUMBER(5,0) */
    ck_assert_str_eq(ty(&rs, "NUMBER", 1, 0, 18, 0, 0)->to, "bigint");
    ck_assert_str_eq(ty(&rs, "NUMBER", 1, 0, 19, 0, 0)->to, "numeric($1)");
    ck_assert_str_eq(ty(&rs, "NUMBER", 2, 0, 10, 2, 0)->to, "numeric($1,$2)");
    ck_assert_str_eq(ty(&rs, "NUMBER", 2, 0, -1, 2, 0)->to, "numeric(38,$2)"); /* NUMBER(*,2) */
    ck_assert_str_eq(ty(&rs, "INTEGER", 0, 0, -1, 0, 0)->to, "numeric(38)");
    const TypeRule *r = ty(&rs, "DATE", 0, 0, -1, 0, 0);
    ck_assert_str_eq(r->to, "timestamp(0)");
    ck_assert_str_eq(r->item, "SS1012");
    ck_assert_str_eq(ty(&rs, "timestamp with local time zone", 0, 0, -1, 0, 0)->to, "timestamptz(6)");
    ck_assert_str_eq(ty(&rs, "TIMESTAMP", 1, 0, 9, 0, 0)->item, "SS1014");
    ck_assert_str_eq(ty(&rs, "LONG RAW", 0, 0, -1, 0, 0)->to, "bytea");
    ck_assert_str_eq(ty(&rs, "VARCHAR2", 1, 0, 4000, 0, 0)->to, "varchar($1)");
    ck_assert_str_eq(ty(&rs, "INTERVAL DAY TO SECOND", 2, 0, 2, 6, 0)->to, "interval day to second($2)");
    rules_free(&rs);

    init_pair(&rs, DIALECT_ORACLE, DIALECT_MYSQL);
    ck_assert_str_eq(ty(&rs, "NUMBER", 1, 0, 2, 0, 0)->to, "tinyint");
    ck_assert_str_eq(ty(&rs, "NUMBER", 1, 0, 6, 0, 0)->to, "mediumint");
    ck_assert_str_eq(ty(&rs, "NUMBER", 1, 0, 10, 0, 0)->to, "bigint");
    ck_assert_str_eq(ty(&rs, "NUMBER", 2, 0, 10, 2, 0)->to, "decimal($1,$2)");
    ck_assert_str_eq(ty(&rs, "CLOB", 0, 0, -1, 0, 0)->to, "longtext");
    ck_assert_str_eq(ty(&rs, "DATE", 0, 0, -1, 0, 0)->to, "datetime");
    rules_free(&rs);
}
END_TEST

START_TEST(mysql_types)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_MYSQL, DIALECT_POSTGRES);
    const TypeRule *r = ty(&rs, "TINYINT", 1, 0, 1, 0, 0);
    ck_assert_str_eq(r->to, "boolean");
    ck_assert_str_eq(r->item, "SS1020");
    r = ty(&rs, "TINYINT", 1, 0, 1, 0, 1); /* TINYINT(1) UNSIGNED: not a boolean */
    ck_assert_str_eq(r->to, "smallint");
    ck_assert_str_eq(r->item, "SS1005");
    ck_assert_str_eq(ty(&rs, "TINYINT", 1, 0, 4, 0, 0)->to, "smallint");
    r = ty(&rs, "INT", 1, 0, 10, 0, 1);
    ck_assert_str_eq(r->to, "bigint");
    ck_assert_str_eq(r->item, "SS1005");
    ck_assert_str_eq(ty(&rs, "INT", 1, 0, 11, 0, 0)->to, "integer");
    ck_assert_str_eq(ty(&rs, "BIGINT", 0, 0, -1, 0, 1)->to, "numeric(20)");
    ck_assert_str_eq(ty(&rs, "MEDIUMINT", 0, 0, -1, 0, 0)->to, "integer");
    ck_assert_str_eq(ty(&rs, "DECIMAL", 0, 0, -1, 0, 0)->to, "numeric(10,0)");
    ck_assert_str_eq(ty(&rs, "LONGTEXT", 0, 0, -1, 0, 0)->to, "text");
    ck_assert_str_eq(ty(&rs, "DATETIME", 1, 0, 3, 0, 0)->to, "timestamp($1)");
    ck_assert_str_eq(ty(&rs, "TIMESTAMP", 0, 0, -1, 0, 0)->to, "timestamptz(0)");
    ck_assert_str_eq(ty(&rs, "ENUM", 0, 0, -1, 0, 0)->item, "SS1006");
    ck_assert_str_eq(ty(&rs, "JSON", 0, 0, -1, 0, 0)->to, "jsonb");
    ck_assert_str_eq(ty(&rs, "YEAR", 0, 0, -1, 0, 0)->to, "smallint");
    rules_free(&rs);

    init_pair(&rs, DIALECT_MYSQL, DIALECT_MYSQL);
    ck_assert_str_eq(ty(&rs, "INT", 1, 0, 11, 0, 1)->to, "int unsigned");
    ck_assert_str_eq(ty(&rs, "TINYINT", 1, 0, 1, 0, 0)->to, "tinyint(1)");
    ck_assert_str_eq(ty(&rs, "VARCHAR", 1, 0, 255, 0, 0)->to, "varchar($1)");
    ck_assert_ptr_null(ty(&rs, "ENUM", 0, 0, -1, 0, 0)); /* kept as written by the C side */
    rules_free(&rs);
}
END_TEST

/* ---- functions ----------------------------------------------------------- */

START_TEST(function_lookups)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_TSQL, DIALECT_POSTGRES);
    const FuncRule *f = rules_find_func(&rs, "charindex", 2);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f->to, "strpos($2, $1)");
    ck_assert_ptr_null(f->tmpl);
    f = rules_find_func(&rs, "CHARINDEX", 3);
    ck_assert_ptr_nonnull(strstr(f->to, "greatest($3, 1)"));
    ck_assert_ptr_null(rules_find_func(&rs, "CHARINDEX", 4));
    ck_assert_str_eq(rules_find_func(&rs, "ISNULL", 2)->to, "COALESCE($1, $2)");
    ck_assert_str_eq(rules_find_func(&rs, "LEN", 1)->to, "length(rtrim($1))");
    ck_assert_str_eq(rules_find_func(&rs, "GETDATE", 0)->item, "SS2030");
    f = rules_find_func(&rs, "DATEADD", 3);
    ck_assert_str_eq(f->to, ""); /* a C transform */
    ck_assert_str_eq(f->item, "SS2016");
    f = rules_find_func(&rs, "SOUNDEX", 1);
    ck_assert_str_eq(f->item, "SS2029");
    f = rules_find_func(&rs, "PATINDEX", 2);
    ck_assert_ptr_null(f->to); /* no equivalent */
    ck_assert_str_eq(f->item, "SS2001");
    ck_assert_ptr_nonnull(f->note);
    f = rules_find_func(&rs, "CONCAT", 5); /* minargs only */
    ck_assert_str_eq(f->to, "concat($*)");
    ck_assert_ptr_null(rules_find_func(&rs, "NO_SUCH_FUNCTION", 1));
    rules_free(&rs);

    init_pair(&rs, DIALECT_ORACLE, DIALECT_POSTGRES);
    ck_assert_str_eq(rules_find_func(&rs, "NVL", 2)->to, "COALESCE($1, $2)");
    ck_assert_str_eq(rules_find_func(&rs, "dbms_lob.substr", 3)->to, "substr($1, $3, $2)");
    ck_assert_str_eq(rules_find_func(&rs, "INSTR", 2)->to, "strpos($1, $2)");
    ck_assert_str_eq(rules_find_func(&rs, "INSTR", 4)->item, "SS2001");
    rules_free(&rs);

    init_pair(&rs, DIALECT_MYSQL, DIALECT_POSTGRES);
    ck_assert_str_eq(rules_find_func(&rs, "IFNULL", 2)->to, "COALESCE($1, $2)");
    ck_assert_str_eq(rules_find_func(&rs, "LOCATE", 2)->to, "strpos($2, $1)");
    ck_assert_str_eq(rules_find_func(&rs, "CONCAT", 3)->to, "($1 || $2 || $3)");
    ck_assert_str_eq(rules_find_func(&rs, "LENGTH", 1)->to, "octet_length($1)");
    rules_free(&rs);

    init_pair(&rs, DIALECT_TSQL, DIALECT_MYSQL);
    ck_assert_str_eq(rules_find_func(&rs, "ISNULL", 2)->to, "IFNULL($1, $2)");
    ck_assert_str_eq(rules_find_func(&rs, "GETDATE", 0)->to, "NOW(3)");
    ck_assert_str_eq(rules_find_func(&rs, "LEN", 1)->to, "CHAR_LENGTH(RTRIM($1))");
    rules_free(&rs);
}
END_TEST

static int same_rule(const char *fa, int la, const char *fb, int lb)
{
    return same_str(fa, fb) && la == lb;
}

static void lower(char *buf, size_t cap, const char *s)
{
    size_t i = 0;
    for (; s[i] && i + 1 < cap; i++)
        buf[i] = (char)tolower((unsigned char)s[i]);
    buf[i] = 0;
}

/* The build-time index (rules_init) answers every lookup as the tables
 * built from the committed rules (rules_expand) do: each rule's own name in
 * both cases with arguments it accepts and some it does not, every code,
 * every reserved word and near misses. */
START_TEST(compiled_index_matches_the_tables)
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++) {
            RuleSet c, e;
            init_pair(&c, sources[i], targets[j]);
            init_pair(&e, sources[i], targets[j]);
            rules_expand(&e);
            ck_assert_int_eq(c.max_ident_len, e.max_ident_len);
            char low[256];
            for (int k = 0; k < e.types.n; k++) {
                const TypeRule *r = &e.types.items[k];
                int prec = r->pmin >= 0 ? r->pmin : r->pmax >= 0 ? r->pmax : -1;
                int scale = r->scale != -1 ? r->scale : 0;
                lower(low, sizeof low, r->name);
                for (int v = 0; v < 8; v++) {
                    int nargs = (r->nargs < 0 ? 0 : r->nargs) + (v & 1);
                    int is_max = (v & 2) ? !r->max : r->max;
                    const char *name = (v & 4) ? low : r->name;
                    const TypeRule *a = rules_find_type(&c, name, nargs, is_max, prec, scale, r->is_unsigned > 0);
                    const TypeRule *b = rules_find_type(&e, name, nargs, is_max, prec, scale, r->is_unsigned > 0);
                    ck_assert_msg((!a && !b) || (a && b && same_rule(a->file, a->line, b->file, b->line) &&
                                                 same_str(a->to, b->to)),
                                  "type %s (%d args) found differently", name, nargs);
                }
            }
            for (int k = 0; k < e.funcs.n; k++) {
                const FuncRule *r = &e.funcs.items[k];
                lower(low, sizeof low, r->name);
                int tries[] = {r->min_args, r->min_args - 1, r->max_args < 0 ? r->min_args + 3 : r->max_args,
                               r->max_args + 1};
                for (int v = 0; v < 8; v++) {
                    const char *name = v & 4 ? low : r->name;
                    const FuncRule *a = rules_find_func(&c, name, tries[v & 3]);
                    const FuncRule *b = rules_find_func(&e, name, tries[v & 3]);
                    ck_assert_msg((!a && !b) || (a && b && same_rule(a->file, a->line, b->file, b->line) &&
                                                 same_str(a->to, b->to)),
                                  "function %s (%d args) found differently", name, tries[v & 3]);
                    ck_assert_ptr_eq(rules_find_func(&c, name, tries[v & 3]), a); /* kept */
                }
            }
            ck_assert_ptr_null(rules_find_func(&c, "NO_SUCH_FUNCTION_X", 1));
            ck_assert_ptr_null(rules_find_type(&c, "NO SUCH TYPE", 0, 0, -1, 0, 0));
            for (int k = 0; k < e.actions.n; k++) {
                const ActionDef *b = &e.actions.items[k];
                lower(low, sizeof low, b->code);
                const ActionDef *a = rules_action(&c, low);
                ck_assert_msg(a && same_str(a->code, b->code) && a->sev == b->sev &&
                                  same_str(a->title, b->title) && a->effort_min == b->effort_min &&
                                  same_str(a->recommendation, b->recommendation),
                              "action %s differs", b->code);
                ck_assert(rules_code_known(&c, b->code));
            }
            ck_assert_ptr_null(rules_action(&c, "SS9999"));
            ck_assert(!rules_code_known(&c, "SS9999"));
            for (int k = 0; k < e.reserved.n; k++) {
                const char *w = e.reserved.items[k];
                size_t n = strlen(w);
                char more[80];
                lower(low, sizeof low, w);
                snprintf(more, sizeof more, "%sX", w);
                ck_assert_msg(rules_is_reserved(&c, low, n) && rules_is_reserved_upper(&c, w, n) &&
                                  rules_is_reserved_upper_h(&c, w, n, fnv1a32(w)),
                              "%s is not reserved", w);
                ck_assert(!rules_is_reserved_upper_h(&c, more, n + 1, fnv1a32(more)) ||
                          rules_is_reserved(&e, more, n + 1));
                ck_assert_int_eq(rules_is_reserved(&c, more, n + 1), rules_is_reserved(&e, more, n + 1));
                ck_assert_int_eq(rules_is_reserved(&c, w, n - 1), rules_is_reserved(&e, w, n - 1));
            }
            ck_assert(!rules_is_reserved(&c, "SELECT\0", 7));
            rules_free(&c);
            rules_free(&e);
        }
}
END_TEST

/* Enough function rules with a template per pair, counted by name. */
START_TEST(at_least_80_functions_per_pair)
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++) {
            RuleSet rs;
            init_pair(&rs, sources[i], targets[j]);
            rules_expand(&rs);
            int distinct = 0;
            for (int k = 0; k < rs.funcs.n; k++) {
                const FuncRule *r = &rs.funcs.items[k];
                if (!r->to || !r->to[0])
                    continue;
                int seen = 0;
                for (int m = 0; m < k && !seen; m++)
                    seen = rs.funcs.items[m].to && rs.funcs.items[m].to[0] &&
                           !strcmp(rs.funcs.items[m].name, r->name);
                distinct += !seen;
            }
            ck_assert_msg(distinct >= 80, "%s -> %s: %d functions with a template",
                          dialect_name(sources[i]), dialect_name(targets[j]), distinct);
            rules_free(&rs);
        }
}
END_TEST

/* Every code a type or function rule records is in the catalogue, and the
 * catalogue is well formed: codes unique, family digit 0-8, titles set. */
START_TEST(items_are_in_the_catalogue)
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++) {
            RuleSet rs;
            init_pair(&rs, sources[i], targets[j]);
            rules_expand(&rs);
            for (int k = 0; k < rs.types.n; k++)
                if (rs.types.items[k].item)
                    ck_assert_msg(rules_action(&rs, rs.types.items[k].item) != NULL, "%s:%d: %s",
                                  rs.types.items[k].file, rs.types.items[k].line,
                                  rs.types.items[k].item);
            for (int k = 0; k < rs.funcs.n; k++)
                if (rs.funcs.items[k].item)
                    ck_assert_msg(rules_action(&rs, rs.funcs.items[k].item) != NULL, "%s:%d: %s",
                                  rs.funcs.items[k].file, rs.funcs.items[k].line,
                                  rs.funcs.items[k].item);
            for (int k = 0; k < rs.actions.n; k++) {
                const ActionDef *a = &rs.actions.items[k];
                ck_assert_int_eq((int)strlen(a->code), 6);
                ck_assert(a->code[2] >= '0' && a->code[2] <= '8');
                ck_assert(a->sev >= SEV_INFO && a->sev <= SEV_CRITICAL);
                ck_assert_int_gt((int)strlen(a->title), 5);
                ck_assert_int_gt((int)strlen(a->recommendation), 20);
                ck_assert_ptr_eq(rules_action(&rs, a->code), a);
                if (k > 0)
                    ck_assert_msg(strcmp(rs.actions.items[k - 1].code, a->code) < 0,
                                  "actions.xml is not sorted at %s", a->code);
            }
            rules_free(&rs);
        }
}
END_TEST

START_TEST(catalogue_lookups)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_TSQL, DIALECT_POSTGRES);
    const ActionDef *a = rules_action(&rs, "ss4004");
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->sev, SEV_CRITICAL);
    ck_assert_str_eq(a->category, "code");
    ck_assert_int_eq(a->effort_min, 480);
    ck_assert_ptr_null(strstr(a->recommendation, "  ")); /* white space collapsed */
    ck_assert_ptr_null(rules_action(&rs, "SS9999"));
    ck_assert_ptr_null(rules_action(&rs, ""));
    rules_free(&rs);
}
END_TEST

START_TEST(reserved_words)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_ORACLE, DIALECT_POSTGRES);
    ck_assert(rules_is_reserved(&rs, "select", 6));
    ck_assert(rules_is_reserved(&rs, "User", 4));
    ck_assert(rules_is_reserved(&rs, "selection", 6)); /* only the first 6 bytes count */
    ck_assert(!rules_is_reserved(&rs, "customers", 9));
    ck_assert(!rules_is_reserved(&rs, "sel", 3));
    ck_assert(!rules_is_reserved(&rs, "int", 3)); /* a column-name keyword: fine unquoted */
    for (int i = 1; i < rs.reserved.n; i++)
        ck_assert(strcmp(rs.reserved.items[i - 1], rs.reserved.items[i]) < 0);
    /* the upper-case form answers the same for every word of the list */
    for (int i = 0; i < rs.reserved.n; i++)
        ck_assert(rules_is_reserved_upper(&rs, rs.reserved.items[i], strlen(rs.reserved.items[i])));
    ck_assert(rules_is_reserved_upper(&rs, "USER", 4));
    ck_assert(!rules_is_reserved_upper(&rs, "CUSTOMERS", 9));
    ck_assert(!rules_is_reserved_upper(&rs, "INT", 3));
    rules_free(&rs);
    init_pair(&rs, DIALECT_TSQL, DIALECT_MYSQL);
    ck_assert(rules_is_reserved(&rs, "KEY", 3));
    ck_assert(rules_is_reserved(&rs, "rank", 4));
    ck_assert(!rules_is_reserved(&rs, "user", 4));
    rules_free(&rs);
}
END_TEST

/* ---- layers ------------------------------------------------------------ */

START_TEST(user_layer_overrides)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_TSQL, DIALECT_POSTGRES);
    ck_assert_int_eq(rs.actions.n, 0); /* in the build-time index until a file comes */
    RuleSet e;
    init_pair(&e, DIALECT_TSQL, DIALECT_POSTGRES);
    rules_expand(&e);
    int nactions = e.actions.n;
    rules_free(&e);
    char *err;
    int rc = load_text(&rs,
        HEAD
        "  <action code=\"SS1001\" severity=\"high\" category=\"datatype\" effort=\"99\">\n"
        "    <title>Mapped approximately (ours)</title>\n"
        "    <recommendation>Ask the data team.</recommendation>\n"
        "  </action>\n"
        "  <action code=\"XY0001\" severity=\"low\" category=\"datatype\" effort=\"1\">\n"
        "    <title>House rule</title><recommendation>Do it our way.</recommendation>\n"
        "  </action>\n"
        "  <type name=\"NVARCHAR\" args=\"1\" pmax=\"100\" to=\"text\" item=\"XY0001\"/>\n"
        "  <type name=\"MONEY\" to=\"numeric(20,4)\"/>\n"
        "  <function name=\"LEN\" args=\"1\" to=\"char_length($1)\"/>\n"
        "  <reserved>ORDERS</reserved>\n"
        "  <identifier max-length=\"30\"/>\n"
        "</rules>\n", &err);
    ck_assert_msg(rc == 0, "%s", err ? err : "?");
    free(err);
    ck_assert_int_eq(rs.nlayers, 2);
    ck_assert_int_eq(rs.actions.n, nactions + 1); /* SS1001 replaced, XY0001 added */
    ck_assert_int_eq(rules_action(&rs, "SS1001")->sev, SEV_HIGH);
    ck_assert_int_eq(rules_action(&rs, "SS1001")->effort_min, 99);
    /* the higher layer wins where it has a matching rule ... */
    const TypeRule *r = rules_find_type(&rs, "NVARCHAR", 1, 0, 50, 0, 0);
    ck_assert_str_eq(r->to, "text");
    ck_assert_int_eq(r->layer, 1);
    ck_assert_str_eq(r->item, "XY0001");
    /* ... and the lower one where it has none */
    r = rules_find_type(&rs, "NVARCHAR", 1, 0, 200, 0, 0);
    ck_assert_str_eq(r->to, "varchar($1)");
    ck_assert_int_eq(r->layer, 0);
    ck_assert_str_eq(rules_find_type(&rs, "NVARCHAR", 1, 1, -1, 0, 0)->to, "text");
    ck_assert_str_eq(rules_find_type(&rs, "MONEY", 0, 0, -1, 0, 0)->to, "numeric(20,4)");
    ck_assert_str_eq(rules_find_func(&rs, "LEN", 1)->to, "char_length($1)");
    ck_assert(rules_is_reserved(&rs, "orders", 6));
    ck_assert(rules_is_reserved(&rs, "select", 6));
    ck_assert_int_eq(rs.max_ident_len, 30);

    /* a third layer beats the second */
    rc = load_text(&rs, HEAD "  <function name=\"LEN\" args=\"1\" to=\"length($1)\"/>\n</rules>\n", &err);
    ck_assert_int_eq(rc, 0);
    free(err);
    ck_assert_str_eq(rules_find_func(&rs, "LEN", 1)->to, "length($1)");
    ck_assert_int_eq(rules_find_func(&rs, "LEN", 1)->layer, 2);
    rules_free(&rs);
}
END_TEST

START_TEST(first_rule_in_file_order_wins)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_MYSQL, DIALECT_POSTGRES);
    char *err;
    int rc = load_text(&rs, HEAD
                       "  <type name=\"INT\" pmin=\"1\" pmax=\"5\" to=\"smallint\"/>\n"
                       "  <type name=\"INT\" to=\"bigint\"/>\n"
                       "  <type name=\"INT\" pmin=\"1\" pmax=\"3\" to=\"never\"/>\n"
                       "</rules>\n", &err);
    ck_assert_int_eq(rc, 0);
    free(err);
    ck_assert_str_eq(rules_find_type(&rs, "INT", 1, 0, 3, 0, 0)->to, "smallint");
    ck_assert_str_eq(rules_find_type(&rs, "INT", 1, 0, 11, 0, 0)->to, "bigint");
    ck_assert_str_eq(rules_find_type(&rs, "INT", 0, 0, -1, 0, 0)->to, "bigint");
    rules_free(&rs);
}
END_TEST

START_TEST(pair_of_a_user_file_must_fit)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_ORACLE, DIALECT_MYSQL);
    char *err;
    int rc = load_text(&rs,
                       "<rules xmlns=\"urn:sqlshift:rules:1\" source=\"tsql\" target=\"*\">\n"
                       "</rules>\n", &err);
    ck_assert_int_eq(rc, -1);
    ck_assert_ptr_nonnull(strstr(err, ":1: rules for source 'tsql'"));
    free(err);
    ck_assert_int_eq(rs.nlayers, 1);
    rc = load_text(&rs,
                   "<rules xmlns=\"urn:sqlshift:rules:1\" source=\"oracle\" target=\"mysql\"/>\n",
                   &err);
    ck_assert_int_eq(rc, 0);
    free(err);
    rules_free(&rs);
}
END_TEST

/* ---- names ------------------------------------------------------------- */

START_TEST(rename_rules)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_TSQL, DIALECT_POSTGRES);
    char *err;
    int rc = load_text(&rs, HEAD
                       "  <rename object=\"table\" pattern=\"^tbl_(\\w+)$\" replace=\"${1}_t\"/>\n"
                       "  <rename object=\"column\" pattern=\"(?i)^(.)(.*)id$\" replace=\"\\U$1\\E$2_id\"/>\n"
                       "  <rename object=\"view\" pattern=\" \" replace=\"_\" global=\"true\"/>\n"
                       "  <prefix object=\"sequence\" value=\"seq_\"/>\n"
                       "  <suffix object=\"index\" value=\"_idx\" pattern=\"^ix\"/>\n"
                       "  <lowercase object=\"*\" pattern=\"^[A-Z]+$\"/>\n"
                       "  <uppercase object=\"schema\"/>\n"
                       "</rules>\n", &err);
    ck_assert_msg(rc == 0, "%s", err ? err : "?");
    free(err);
    Arena a;
    arena_init(&a, 0);
    ck_assert_str_eq(rules_rename(&rs, "table", "tbl_orders", &a), "orders_t");
    ck_assert_str_eq(rules_rename(&rs, "TABLE", "tbl_orders", &a), "orders_t");
    ck_assert_str_eq(rules_rename(&rs, "column", "customerid", &a), "Customer_id");
    ck_assert_str_eq(rules_rename(&rs, "view", "order details by year", &a), "order_details_by_year");
    ck_assert_str_eq(rules_rename(&rs, "sequence", "orders", &a), "seq_orders");
    ck_assert_str_eq(rules_rename(&rs, "index", "ix_a", &a), "ix_a_idx");
    ck_assert_str_eq(rules_rename(&rs, "index", "pk_a", &a), "pk_a");
    ck_assert_str_eq(rules_rename(&rs, "trigger", "AUDIT", &a), "audit");
    ck_assert_str_eq(rules_rename(&rs, "schema", "dbo", &a), "DBO");
    /* nothing applies: the very same pointer comes back */
    const char *name = "tbl-orders";
    ck_assert_ptr_eq(rules_rename(&rs, "table", name, &a), name);
    ck_assert_ptr_eq(rules_rename(&rs, "procedure", name, &a), name);
    /* rules apply in order, each to the result of the one before */
    ck_assert_str_eq(rules_rename(&rs, "table", "tbl_X", &a), "X_t");
    arena_free(&a);
    rules_free(&rs);
}
END_TEST

START_TEST(include_exclude_rules)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_MYSQL, DIALECT_POSTGRES);
    ck_assert(rules_selected(&rs, "table", "app", "anything")); /* no rules: all selected */
    char *err;
    int rc = load_text(&rs, HEAD
                       "  <include object=\"table\" pattern=\"^(app|core)_\"/>\n"
                       "  <exclude object=\"table\" pattern=\"_tmp$\"/>\n"
                       "  <exclude object=\"*\" pattern=\"^old_\" schema=\"^legacy$\"/>\n"
                       "</rules>\n", &err);
    ck_assert_msg(rc == 0, "%s", err ? err : "?");
    free(err);
    ck_assert(rules_selected(&rs, "table", NULL, "app_users"));
    ck_assert(rules_selected(&rs, "table", "sales", "core_orders"));
    ck_assert(!rules_selected(&rs, "table", NULL, "misc_stuff"));     /* not included */
    ck_assert(!rules_selected(&rs, "table", NULL, "app_cache_tmp"));  /* excluded */
    ck_assert(rules_selected(&rs, "view", NULL, "misc_view"));        /* includes are per kind */
    ck_assert(!rules_selected(&rs, "view", "legacy", "old_report"));
    ck_assert(rules_selected(&rs, "view", "current", "old_report"));  /* schema must match */
    ck_assert(rules_selected(&rs, "view", NULL, "old_report"));
    rules_free(&rs);
}
END_TEST

/* ---- broken files ------------------------------------------------------ */

START_TEST(schema_error_has_file_and_line)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_TSQL, DIALECT_POSTGRES);
    int ntypes = rs.types.n;
    char *err;
    int rc = load_text(&rs, HEAD
                       "  <type name=\"INT\" to=\"integer\"/>\n"
                       "  <type name=\"BIGINT\"\n"
                       "        colour=\"red\" to=\"bigint\"/>\n"
                       "  <function name=\"F\" args=\"x\" to=\"f()\"/>\n"
                       "</rules>\n", &err);
    ck_assert_int_eq(rc, -1);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(strstr(err, ":4: <type> has no attribute 'colour'") != NULL, "%s", err);
    ck_assert_msg(strstr(err, ":6: <function args=\"x\">") != NULL, "%s", err);
    ck_assert_ptr_null(strstr(err, ":3:"));
    free(err);
    /* nothing of the broken file was taken */
    ck_assert_int_eq(rs.types.n, ntypes);
    ck_assert_int_eq(rs.nlayers, 1);

    rc = load_text(&rs, HEAD "  <type name=\"INT\" to=\"integer\">\n</rules>\n", &err);
    ck_assert_int_eq(rc, -1);
    ck_assert_msg(strstr(err, ":4: ") != NULL, "%s", err); /* not well-formed */
    free(err);

    rc = load_text(&rs, HEAD "  <function name=\"F\" args=\"1\" to=\"f($2)\"/>\n"
                            "  <type name=\"T\" to=\"t\" item=\"SS0000\"/>\n</rules>\n", &err);
    ck_assert_int_eq(rc, -1);
    ck_assert_msg(strstr(err, ":3: template 'f($2)' uses $2") != NULL, "%s", err);
    ck_assert_msg(strstr(err, ":4: unknown action code SS0000") != NULL, "%s", err);
    free(err);
    rules_free(&rs);
}
END_TEST

START_TEST(bad_pcre2_pattern)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_TSQL, DIALECT_MYSQL);
    char *err;
    int rc = load_text(&rs, HEAD "\n  <rename object=\"table\" pattern=\"^tbl_(\" replace=\"x\"/>\n"
                                 "</rules>\n", &err);
    ck_assert_int_eq(rc, -1);
    ck_assert_msg(strstr(err, ":4: bad name pattern '^tbl_(' at offset") != NULL, "%s", err);
    ck_assert_msg(strstr(err, "parenthesis") != NULL, "%s", err); /* PCRE2's own words */
    free(err);
    rc = load_text(&rs, HEAD "  <rename object=\"table\" pattern=\"^(a)\" replace=\"$2\"/>\n"
                             "</rules>\n", &err);
    ck_assert_int_eq(rc, -1);
    ck_assert_msg(strstr(err, ":3: replacement '$2' refers to group 2") != NULL, "%s", err);
    free(err);
    rc = load_text(&rs, HEAD "  <exclude object=\"table\" pattern=\"x\" schema=\"[\"/>\n</rules>\n", &err);
    ck_assert_int_eq(rc, -1);
    ck_assert_msg(strstr(err, ":3: bad schema pattern") != NULL, "%s", err);
    free(err);
    ck_assert_int_eq(rs.names.n, 0);
    rules_free(&rs);
}
END_TEST

START_TEST(check_file_statuses)
{
    char *err = NULL;
    ck_assert_int_eq(rules_check_file("/nonexistent/rules.xml", &err), -2);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent/rules.xml: cannot read"));
    free(err);
    char *path = temp_file(HEAD "  <type name=\"X\" to=\"y\"/>\n</rules>\n");
    err = NULL;
    ck_assert_int_eq(rules_check_file(path, &err), 0);
    ck_assert_ptr_null(err);
    drop_file(path);
    path = temp_file("<rules xmlns=\"urn:other\"/>\n");
    ck_assert_int_eq(rules_check_file(path, &err), -1);
    ck_assert_ptr_nonnull(strstr(err, ":1: the root element must be"));
    free(err);
    drop_file(path);
}
END_TEST

/* ---- the catalogue against the sources and the manual ---------------- */

/* Reads a whole file (NULL if it cannot be read). */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = 0;
    fclose(f);
    return s;
}

START_TEST(every_code_is_in_the_manual)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/man/sqlshift-actions.7", srcdir());
    char *man = slurp(path);
    ck_assert_msg(man != NULL, "cannot read %s", path);
    RuleSet rs;
    init_pair(&rs, DIALECT_TSQL, DIALECT_POSTGRES);
    for (int i = 0; i < rs.actions.n; i++) {
        const ActionDef *a = &rs.actions.items[i];
        char key[32];
        snprintf(key, sizeof key, "\n.It Sy %s", a->code);
        ck_assert_msg(strstr(man, key) != NULL, "%s is not in sqlshift-actions(7)", a->code);
    }
    /* and the manual lists no code the catalogue lacks */
    for (const char *p = man; (p = strstr(p, "\n.It Sy SS")) != NULL; p++) {
        char code[8];
        snprintf(code, sizeof code, "%.6s", p + 8);
        ck_assert_msg(rules_action(&rs, code) != NULL, "sqlshift-actions(7) lists unknown %s", code);
    }
    rules_free(&rs);
    free(man);
}
END_TEST

/* Finds "SSnnnn" string literals outside comments in one C file. */
static void scan_codes(const RuleSet *rs, const char *path, const char *text)
{
    for (const char *p = text; *p; p++) {
        if (p[0] == '/' && p[1] == '*') {
            const char *e = strstr(p + 2, "*/");
            if (!e)
                return;
            p = e + 1;
        } else if (p[0] == '/' && p[1] == '/') {
            while (*p && *p != '\n')
                p++;
            if (!*p)
                return;
        } else if (p[0] == '\'') { /* a character literal: skip it whole */
            p++;
            while (*p && *p != '\'') {
                if (*p == '\\' && p[1])
                    p++;
                p++;
            }
            if (!*p)
                return;
        } else if (p[0] == '"') {
            const char *s = p + 1;
            if (s[0] == 'S' && s[1] == 'S' && isdigit((unsigned char)s[2]) &&
                isdigit((unsigned char)s[3]) && isdigit((unsigned char)s[4]) &&
                isdigit((unsigned char)s[5]) && s[6] == '"') {
                char code[7];
                memcpy(code, s, 6);
                code[6] = 0;
                ck_assert_msg(rules_action(rs, code) != NULL, "%s uses %s, which is not in actions.xml",
                              path, code);
            }
            p++;
            while (*p && *p != '"') {
                if (*p == '\\' && p[1])
                    p++;
                p++;
            }
            if (!*p)
                return;
        }
    }
}

static int scan_dir(const RuleSet *rs, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int files = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            files += scan_dir(rs, path);
            continue;
        }
        size_t n = strlen(de->d_name);
        int is_src = n > 2 && (!strcmp(de->d_name + n - 2, ".c") || !strcmp(de->d_name + n - 2, ".h") ||
                               (n > 4 && !strcmp(de->d_name + n - 4, ".def")));
        /* generated files hold the rule files' text, not code */
        if (!is_src || !strcmp(de->d_name, "rules_builtin.c") || !strcmp(de->d_name, "report_assets.c"))
            continue;
        char *text = slurp(path);
        if (text) {
            scan_codes(rs, path, text);
            free(text);
            files++;
        }
    }
    closedir(d);
    return files;
}

START_TEST(every_code_in_src_is_in_the_catalogue)
{
    RuleSet rs;
    init_pair(&rs, DIALECT_TSQL, DIALECT_POSTGRES);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/src", srcdir());
    ck_assert_int_gt(scan_dir(&rs, dir), 10);
    rules_free(&rs);
}
END_TEST

Suite *rules_suite(void)
{
    Suite *s = suite_create("rules");
    TCase *tc = tcase_create("load");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, every_pair_loads);
    tcase_add_test(tc, every_builtin_file_validates);
    tcase_add_test(tc, compiled_tables_match_the_xml);
    tcase_add_test(tc, compiled_index_matches_the_tables);
    tcase_add_test(tc, bad_pairs_are_refused);
    suite_add_tcase(s, tc);

    tc = tcase_create("lookup");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, tsql_types);
    tcase_add_test(tc, oracle_types);
    tcase_add_test(tc, mysql_types);
    tcase_add_test(tc, function_lookups);
    tcase_add_test(tc, at_least_80_functions_per_pair);
    tcase_add_test(tc, items_are_in_the_catalogue);
    tcase_add_test(tc, catalogue_lookups);
    tcase_add_test(tc, reserved_words);
    suite_add_tcase(s, tc);

    tc = tcase_create("layers");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, user_layer_overrides);
    tcase_add_test(tc, first_rule_in_file_order_wins);
    tcase_add_test(tc, pair_of_a_user_file_must_fit);
    tcase_add_test(tc, rename_rules);
    tcase_add_test(tc, include_exclude_rules);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, schema_error_has_file_and_line);
    tcase_add_test(tc, bad_pcre2_pattern);
    tcase_add_test(tc, check_file_statuses);
    suite_add_tcase(s, tc);

    tc = tcase_create("consistency");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, every_code_is_in_the_manual);
    tcase_add_test(tc, every_code_in_src_is_in_the_catalogue);
    suite_add_tcase(s, tc);
    return s;
}
