/* rewrite: the built-in rule files compiled to C. tools/rules_compile loads
 * each file of rules/ with the loader of rules.c (schema, template and code
 * checks included) and writes what it read as static tables
 * (src/rewrite/rules_tables.c), so that rules_init parses no XML: a
 * conversion's start-up only commits these tables into its RuleSet. */
#ifndef SQLSHIFT_RULES_TABLE_H
#define SQLSHIFT_RULES_TABLE_H
#include "rewrite/rules.h"

/* What one rule file adds, in file order (as its loader read it). */
typedef struct RulesTable {
    const char *name;               /* base name, e.g. "tsql-postgresql.xml" */
    const ActionDef *actions;
    int nactions;
    const TypeRule *types;
    int ntypes;
    const FuncRule *funcs;          /* tmpl is NULL: the rewrite stage parses it */
    int nfuncs;
    const char *const *reserved;    /* upper case, file order */
    int nreserved;
    int max_ident_len;              /* 0: not set by this file */
} RulesTable;

/* Generated: one table per built-in rule file except rules.rng. */
extern const RulesTable rules_tables[];
extern const int rules_tables_count;

/* For the generator: an empty RuleSet (no catalogue) for a pair, and the
 * built-in file `name` read from its XML text (validated against the
 * schema) as a layer-0 layer; *out then describes what the file added
 * (in rs's arena). Built-in files cannot hold name rules. */
void rules_begin(RuleSet *rs, Dialect source, Dialect target);
int rules_read_builtin(RuleSet *rs, const char *name, RulesTable *out, char **err);

#endif
