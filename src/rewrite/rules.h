/* rewrite: rule sets. What is data rather than logic (type and function
 * mappings, reserved words, the action-item catalogue, user renames and
 * selections) lives in the XML files in rules/, validated against rules/rules.rng with
 * libxml2. The built-in files are embedded at build time; --rules FILE adds
 * layers on top, and a later layer wins over an earlier one. */
#ifndef SQLSHIFT_RULES_H
#define SQLSHIFT_RULES_H
#include "util/arena.h"
#include "util/vec.h"
#include "dialect/dialect.h"
#include <stdint.h>

/* An entry of the action-item catalogue (rules/actions.xml). */
typedef struct ActionDef {
    const char *code;            /* stable code, e.g. "SS0101" */
    int sev;                     /* Severity (diag.h) */
    const char *category;        /* e.g. "syntax", "datatype", "function" ... */
    int effort_min;              /* estimated minutes of manual work per occurrence */
    const char *title;           /* one line: what kind of problem */
    const char *recommendation;  /* what to do about it */
} ActionDef;

/* <type>: a source data type to a target type template. Matched in file order
 * within a layer; the first match of the highest layer wins. */
typedef struct TypeRule {
    const char *name;      /* source type name, upper case, single spaces ("DOUBLE PRECISION") */
    int nargs;             /* -1: any; else exact number of arguments */
    int max;               /* 1: first argument must be MAX (NVARCHAR(MAX)); 0: must not be */
    int pmin, pmax;        /* precision (first argument) bounds, -1 if none */
    int scale;             /* -1: any; else required scale (second argument, missing = 0) */
    int is_unsigned;       /* -1: any; 0/1: MySQL UNSIGNED must be absent/present */
    const char *to;        /* target template: $1 $2 are the source arguments */
    const char *item;      /* action code recorded when this rule applies, or NULL */
    const char *note;      /* specific message for that item, or NULL */
    const char *file;      /* rule file, for messages */
    int line;              /* line in that file */
    int layer;             /* 0 built-in, 1.. per --rules file in order */
} TypeRule;

/* <function>: a source function call to a target expression template.
 * Template slots: $1..$9 the arguments, $* all arguments comma-separated,
 * $$ a literal '$'. to == NULL with item set means "no equivalent". */
typedef struct FuncRule {
    const char *name;      /* source function name, upper case */
    int min_args, max_args;/* accepted argument counts (max -1: unbounded) */
    const char *to;        /* target template text, or NULL */
    void *tmpl;            /* parsed template (set by the rewrite stage at load time) */
    const char *item;      /* action code to record when applied, or NULL */
    const char *note;      /* specific message for that item, or NULL */
    const char *file;
    int line;
    int layer;
} FuncRule;

typedef enum NameRuleKind {
    NR_RENAME,     /* pattern -> replacement (PCRE2 substitution, $1 groups) */
    NR_PREFIX,     /* add value in front */
    NR_SUFFIX,     /* add value at the end */
    NR_LOWER,      /* lower-case */
    NR_UPPER,      /* upper-case */
    NR_INCLUDE,    /* only objects matching are converted */
    NR_EXCLUDE     /* objects matching are skipped (reported as excluded) */
} NameRuleKind;

typedef struct NameRule {
    NameRuleKind kind;
    const char *object;    /* "schema","table","column","view","index","sequence",
                              "procedure","function","trigger","*" */
    const char *pattern;   /* PCRE2 pattern on the (unquoted) name; NULL = all */
    void *re;              /* compiled pcre2_code* */
    const char *value;     /* replacement / prefix / suffix */
    const char *file;
    int line;
    int layer;
} NameRule;

typedef struct RuleSet {
    Arena arena;                 /* everything below lives here */
    Dialect source, target;
    VEC(ActionDef) actions;
    VEC(TypeRule) types;
    VEC(FuncRule) funcs;
    VEC(NameRule) names;
    VEC(const char *) reserved;  /* target reserved words, upper case, sorted */
    int max_ident_len;           /* target identifier limit in bytes (63 PG, 64 MySQL) */
    int nlayers;                 /* layers loaded so far */
    void *index;                 /* private lookup tables */
} RuleSet;

/* Loads the embedded built-in rules for a pair (actions + target + pair
 * files). Returns 0, or -1 with *err set (malloc'd, "file:line: message"). */
int rules_init(RuleSet *rs, Dialect source, Dialect target, char **err);
/* Adds a user rule file as a new layer; validated against the schema. */
int rules_load_file(RuleSet *rs, const char *path, char **err);
/* Validates a rule file without loading it (sqlshift rules check). */
int rules_check_file(const char *path, char **err);
void rules_free(RuleSet *rs);
/* rules_init looks the built-in rules up in tables made at build time and
 * leaves actions, types, funcs and reserved empty until a --rules file is
 * loaded; this fills them (for what lists every rule). */
void rules_expand(RuleSet *rs);

/* Lookups. Names are matched case-insensitively. */
const ActionDef *rules_action(const RuleSet *rs, const char *code);
const TypeRule *rules_find_type(const RuleSet *rs, const char *name, int nargs, int is_max,
                                int precision, int scale, int is_unsigned);
const FuncRule *rules_find_func(const RuleSet *rs, const char *name, int nargs);
int rules_is_reserved(const RuleSet *rs, const char *word, size_t len);
/* The same for a word already in upper case (ASCII), NUL-terminated at len. */
int rules_is_reserved_upper(const RuleSet *rs, const char *up, size_t len);
/* The same with the word's FNV-1a hash (32 bits, the built-in index's),
 * computed by a caller that folded the word anyway. */
int rules_is_reserved_upper_h(const RuleSet *rs, const char *up, size_t len, uint32_t hash);

/* Applies rename/prefix/suffix/lower/upper rules for an object kind to a
 * name; returns name itself when nothing applies, else a string in out_arena. */
const char *rules_rename(const RuleSet *rs, const char *object, const char *name,
                         Arena *out_arena);
/* 1 if the object is selected by include/exclude rules (default: selected). */
int rules_selected(const RuleSet *rs, const char *object, const char *schema,
                   const char *name);

/* The embedded built-in rule files (generated: src/rewrite/rules_builtin.c). */
typedef struct BuiltinFile { const char *name; const char *text; unsigned len; } BuiltinFile;
extern const BuiltinFile builtin_rule_files[];
extern const int builtin_rule_files_count;

#endif
