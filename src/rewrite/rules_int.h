/* rewrite: what rules.c (the rule set: layers, indexes, lookups, built-in
 * tables) and rules_xml.c (reading rule files with libxml2; built into the
 * XML module, src/xml/xml_module.h, and into tools/rules_compile) share. */
#ifndef SQLSHIFT_RULES_INT_H
#define SQLSHIFT_RULES_INT_H
#include "rewrite/rules.h"
#include "rewrite/rules_table.h"
#include <stddef.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#define NAME_MAX_LEN 256 /* longest type/function name a lookup normalises */

/* One name and the rules that carry it, as indices into the RuleSet's
 * vector, in load order (so by layer, then file order). */
typedef struct Bucket {
    const char *key;     /* upper case, single spaces; NULL = empty slot */
    VEC(int) idx;        /* rule indices, ascending */
} Bucket;

typedef struct HTab {
    Bucket *slots;       /* open addressing, linear probing (arena) */
    int cap;             /* power of two, or 0 */
    int n;               /* used slots */
} HTab;

/* What a name rule has beyond the NameRule fields of rules.h: kept in a
 * table parallel to RuleSet.names so that NameRule stays as documented. */
typedef struct NameExtra {
    pcre2_code *schema_re;        /* include/exclude: schema pattern, or NULL */
    int global;                   /* rename: replace every match, not the first */
} NameExtra;

/* Private part of a RuleSet (RuleSet.index). */
typedef struct Index {
    HTab types, funcs, actions;   /* actions: code -> one index */
    HTab reserved;                /* the words of RuleSet.reserved (asked per identifier) */
    void *schema;                 /* compiled rules.rng (xmlRelaxNGPtr), or NULL */
    void (*schema_free)(void *);  /* frees it (in the XML module, like libxml2) */
    VEC(pcre2_code *) codes;      /* every compiled pattern (malloc'd vector) */
    VEC(NameExtra) name_extra;    /* parallel to RuleSet.names (arena) */
    int any_pair;                 /* 1: do not check <rules source/target> */
    /* The built-in pair, looked up in its build-time index (rules_table.h)
     * until a file is committed (rules_expand): the vectors and tables
     * above are empty meanwhile. The rules it returned, made on first
     * use, by position: */
    const PackedPair *base;
    ActionDef **base_actions;
    TypeRule **base_types;
    FuncRule **base_funcs;
} Index;

/* rules.c. Upper-cases s into buf with runs of white space made single
 * spaces and trimmed, as names are stored; 0, or -1 if it does not fit. */
int rules_norm_name(char *buf, size_t cap, const char *s, size_t len);
/* 1 if code is in the catalogue committed to rs so far. */
int rules_code_known(const RuleSet *rs, const char *code);
/* Adds what one file holds (t, and its name rules) to rs as read; the
 * strings are not copied (arena or static storage). */
void rules_commit(RuleSet *rs, const RulesTable *t, const NameRule *names, const NameExtra *extra,
                  int nnames);
/* The embedded text of a file of rules/ (rules_builtin.c), or NULL. */
const BuiltinFile *rules_builtin_file(const char *name);

/* rules_xml.c. Parses, validates against the schema, checks and (if all
 * is well) commits one rule file as layer `layer`. capture: set to what the
 * file added. Returns 0, or -1 with *err set (malloc'd, "file:line:
 * message" lines). */
int rules_xml_load(RuleSet *rs, const char *name, const char *text, size_t len, int layer,
                   RulesTable *capture, char **err);

#endif
