/* rewrite: the built-in rule files compiled to C. tools/rules_compile loads
 * each file of rules/ with the loader of rules.c (schema, template and code
 * checks included) and writes what it read as static tables
 * (src/rewrite/rules_tables.c), so that rules_init parses no XML: a
 * conversion's start-up only commits these tables into its RuleSet. */
#ifndef SQLSHIFT_RULES_TABLE_H
#define SQLSHIFT_RULES_TABLE_H
#include "rewrite/rules.h"
#include <stdint.h>

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

/* The generated form of the built-in files (src/rewrite/rules_tables.c).
 * Strings are offsets into one pool and each file's rules are index ranges
 * into shared arrays: no pointers, so the tables are read-only data that
 * the dynamic loader neither relocates nor copies at start-up (with
 * pointers they were about 10,500 relocations on every run). rules_init
 * turns a file's entries into a RulesTable when it commits it. */
typedef uint32_t RulesStr;      /* offset in rules_pool; 0 stands for NULL */

typedef struct PackedAction {
    RulesStr code, category, title, recommendation;
    int32_t sev, effort_min;
} PackedAction;

typedef struct PackedType {
    RulesStr name, to, item, note, file;
    int32_t nargs, max, pmin, pmax, scale, is_unsigned, line;
} PackedType;

typedef struct PackedFunc {
    RulesStr name, to, item, note, file;
    int32_t min_args, max_args, line;
} PackedFunc;

typedef struct PackedFile {
    RulesStr name;                       /* e.g. "tsql-postgresql.xml" */
    uint32_t action0, nactions;          /* rules_packed_actions[action0 ..] */
    uint32_t type0, ntypes;              /* rules_packed_types[type0 ..] */
    uint32_t func0, nfuncs;              /* rules_packed_funcs[func0 ..] */
    uint32_t reserved0, nreserved;       /* rules_packed_reserved[reserved0 ..] */
    int32_t max_ident_len;               /* 0: not set by this file */
} PackedFile;

extern const char rules_pool[];
extern const PackedAction rules_packed_actions[];
extern const PackedType rules_packed_types[];
extern const PackedFunc rules_packed_funcs[];
extern const RulesStr rules_packed_reserved[];
extern const PackedFile rules_packed_files[];  /* every file of rules/ but rules.rng */
extern const int rules_packed_file_count;

/* One kind of rule of a built-in pair as rules_init would have committed
 * it (the pair's files in order, an action overriding in place), with its
 * hash index made at build time: a conversion that loads no --rules file
 * looks its rules up here and builds no table at start-up. */
typedef struct PackedKind {
    const uint32_t *items;  /* rules_packed_* index (reserved: RulesStr of the word), lookup order */
    const uint16_t *next;   /* position + 1 of the next rule of the same name, 0 = last */
    const uint16_t *slots;  /* rules_hash(name) & (cap - 1), linear probing: first position + 1 */
    uint32_t n, cap;        /* cap: power of two, above 2n */
} PackedKind;

typedef struct PackedPair {
    int32_t source, target;              /* Dialect */
    uint32_t files[3];                   /* rules_packed_files, in commit order */
    PackedKind actions, types, funcs, reserved;
    int32_t max_ident_len;               /* 0: none of the files sets it */
} PackedPair;

extern const PackedPair rules_packed_pairs[];
extern const int rules_packed_pair_count;

/* The hash of the built-in indexes (FNV-1a), the same at build and run time. */
static inline uint32_t rules_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* For the generator: an empty RuleSet (no catalogue) for a pair, and the
 * built-in file `name` read from its XML text (validated against the
 * schema) as a layer-0 layer; *out then describes what the file added
 * (in rs's arena). Built-in files cannot hold name rules. */
void rules_begin(RuleSet *rs, Dialect source, Dialect target);
int rules_read_builtin(RuleSet *rs, const char *name, RulesTable *out, char **err);

#endif
