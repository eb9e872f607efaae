/* rewrite + emit: the conversion context shared by the rewrite stage and the
 * emitters. A statement is rewritten in place (structural transforms, type and
 * function mappings, names), then printed by the target's emitter into output
 * units. Every decision that loses or changes meaning records a finding. */
#ifndef SQLSHIFT_REWRITE_H
#define SQLSHIFT_REWRITE_H
#include "ast/ast.h"
#include "analyze/catalog.h"
#include "diag/diag.h"
#include "rewrite/rules.h"
#include "util/strbuf.h"

/* Output phases: the order in which units are written (dependency order). */
typedef enum Phase {
    PH_PRE,          /* schemas, user types, sequences */
    PH_TABLE,        /* tables */
    PH_DATA,         /* INSERT/UPDATE/DELETE at script level */
    PH_CONSTRAINT,   /* foreign keys and other ALTER TABLE ADD CONSTRAINT */
    PH_INDEX,        /* indexes */
    PH_VIEW,         /* views and synonyms (as views), in dependency order */
    PH_CODE,         /* routines (kept verbatim for now), triggers */
    PH_POST,         /* comments, grants, anything else */
    PH__COUNT
} Phase;

typedef struct ConvCtx ConvCtx;
typedef struct NameCache NameCache;
/* Receives one unit of converted output: sql holds complete statements, each
 * ending in ";\n", or only "-- " comment lines for something kept verbatim. */
typedef void (*UnitSink)(ConvCtx *cx, int phase, const char *kind, const char *schema,
                         const char *name, const char *sql, size_t len);

struct ConvCtx {
    Dialect source, target;
    const RuleSet *rules;
    Catalog *catalog;
    const SourceFile *src;
    Arena *arena;          /* statement arena (reset after each statement) */
    DiagList *diags;
    int object;            /* current object index (for findings) */
    int keep_case;         /* --keep-case: keep mixed-case names (quoted) */
    const char *default_schema; /* schema that maps to the target's default (T-SQL dbo,
                                   MySQL: the database of the last USE): not printed */
    UnitSink sink;
    void *sink_data;
    NameCache *names;      /* target spellings already decided (xf_names.c); NULL: none */
    StrBuf *scratch;       /* 3 output buffers em_statement reuses from statement to
                              statement (owned by the caller), or NULL */
};

/* Rewrites one statement in place for cx->target; returns the node to emit
 * (may differ from stmt). */
Node *rw_statement(ConvCtx *cx, Node *stmt);
/* Parses every function template of the rule set once (target dialect);
 * 0, or -1 with *err naming the rule file and line. */
int rw_prepare_templates(RuleSet *rs, Dialect target, char **err);
/* The same for the rules of --rules files only (layer >= 1): the built-in
 * templates are checked by the unit tests and parsed on first use, which
 * saves parsing some 300 templates on every run. */
int rw_prepare_user_templates(RuleSet *rs, Dialect target, char **err);

#endif
