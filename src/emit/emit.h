/* emit: printers for the targets. One generic printer walks the tree; the
 * target-specific parts (quoting, type spelling, clause forms) come from a
 * small per-target table. Output never depends on hash or pointer order. */
#ifndef SQLSHIFT_EMIT_H
#define SQLSHIFT_EMIT_H
#include "rewrite/rewrite.h"

/* Prints a rewritten statement; calls cx->sink once per output unit (a CREATE
 * TABLE may give a table unit, foreign-key units and index units). Returns 1
 * if the statement was converted, 0 if it was kept verbatim. */
int em_statement(ConvCtx *cx, Node *stmt, const char *kind, const char *schema,
                 const char *name);
/* Pieces, for tests and for other printers. */
void em_expr(ConvCtx *cx, StrBuf *b, const Node *e);
void em_ident(ConvCtx *cx, StrBuf *b, const Ident *id);
void em_qname(ConvCtx *cx, StrBuf *b, const QName *q);
void em_type(ConvCtx *cx, StrBuf *b, const TypeName *t);
void em_query(ConvCtx *cx, StrBuf *b, const Node *q);
/* One SQL statement (DML, query, CREATE/ALTER TABLE, index, DROP) with its
 * ";\n", all units into b (for statements inside stored code); 0 if the
 * kind is not one of these or cannot be printed. */
int em_sql_stmt(ConvCtx *cx, StrBuf *b, const Node *n);
/* A T-SQL routine converted by the rewrite (r->def) as PL/pgSQL
 * (emit_plpgsql.c); 0 if it must be kept verbatim. */
int em_plpgsql_routine(ConvCtx *cx, StrBuf *b, const RoutineStmt *r);
/* The same for MySQL 8 (emit_mysqlproc.c): DELIMITER // blocks. */
int em_mysql_routine(ConvCtx *cx, StrBuf *b, const RoutineStmt *r);
/* Writes text as "-- | " comment lines (for statements kept verbatim). */
void em_verbatim(StrBuf *b, const char *text, size_t len);
/* Layout shared by the stored-code printers (emit_code.c); ind counts
 * four-space steps. */
void emc_pad(StrBuf *b, int ind);
/* s indented, its later lines too */
void emc_indented(StrBuf *b, const char *s, size_t n, int ind);
/* one statement by the generic printer, indented */
void emc_sql(ConvCtx *cx, StrBuf *b, const Node *n, int ind);
/* an expression; continuation lines (subqueries) indented under ind */
void emc_expr(ConvCtx *cx, StrBuf *b, const Node *e, int ind);
/* the source text of a dropped statement as "-- | " lines, indented */
void emc_dropped(ConvCtx *cx, StrBuf *b, const Node *n, int ind);

/* ---- identifier policy (src/rewrite/xf_names.c) --------------------------
 * One place decides how a source identifier is spelled in the target:
 *  - unquoted names fold to lower case (ASCII letters only, as PostgreSQL
 *    folds); so do delimited names from case-insensitive sources (T-SQL
 *    [X] / "X", MySQL `X`), and Oracle/PostgreSQL quoted names that are all
 *    one case; Oracle "MixedCase" keeps its case and stays quoted;
 *  - with --keep-case (cx->keep_case) mixed-case names keep their case
 *    (quoted for PostgreSQL);
 *  - a name that is not a plain identifier (space, leading digit, other
 *    punctuation) keeps its exact text and is quoted;
 *  - reserved words of the target are quoted;
 *  - T-SQL #temp / ##temp names lose the leading '#' (the table is TEMPORARY);
 *  - names longer than the target limit are shortened deterministically
 *    (prefix + '_' + 8 hex digits of FNV-1a of the full name): item SS5001;
 *  - names holding script variables ($(x), &x) are printed as written: SS5004. */
void nm_put_ident(ConvCtx *cx, StrBuf *b, const Ident *id);
/* A synthetic name (made by sqlshift, e.g. "sub1"), folded and quoted by the same policy. */
void nm_put_name(ConvCtx *cx, StrBuf *b, const char *name, size_t len);
/* The names of l, ", " between them (column lists): nm_put_ident for each. */
void nm_put_ident_list(ConvCtx *cx, StrBuf *b, const IdentList *l);
/* The parts of a dotted name, '.' between them; parts without text are
 * left out (T-SQL db..t). */
void nm_put_ident_path(ConvCtx *cx, StrBuf *b, const Ident *parts, int n);
/* The target spelling without quotes (folded, shortened), in cx->arena. */
const char *nm_spell(ConvCtx *cx, const Ident *id);
/* Function name part: unqualified, unquoted names print upper case (built-in
 * functions and keywords such as COALESCE must never be quoted). */
void nm_put_func_name(ConvCtx *cx, StrBuf *b, const Ident *id);
/* 1 if word (any case) is reserved in cx->target: built-in list of the
 * target's reserved words plus the rule files' reserved words. */
int nm_is_reserved(const ConvCtx *cx, const char *word, size_t len);
/* Target identifier limit in bytes (rules, else 63 PostgreSQL / 64 MySQL). */
int nm_max_len(const ConvCtx *cx);
/* Shortens name (len bytes) to at most max bytes: prefix + '_' + 8 hex
 * digits of FNV-1a(name); never splits a UTF-8 sequence. Arena string. */
const char *nm_shorten(Arena *a, const char *name, size_t len, size_t max);
/* Records an action item unless the same code and message were recorded
 * for the current statement already (the last entries of cx->diags). */
void nm_item_once(ConvCtx *cx, const char *code, SrcSpan sp, const char *msg);
/* A cache of the spellings decided for one run (ConvCtx.names): the same
 * names recur in every statement, and deciding one costs more than
 * printing it. Valid for one source/target/rules/keep-case combination. */
NameCache *nm_cache_new(void);
void nm_cache_free(NameCache *c);

#endif
