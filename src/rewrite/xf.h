/* rewrite: internals shared by the files of the rewrite stage (no other stage
 * includes this). The walk state (Rw), the transform registry
 * (transforms.def), name scopes for type-directed decisions, and small
 * builders for the nodes transforms create. Every transform is a function
 * Node *xf_*(Rw *, Node *) returning the node that takes the old one's place. */
#ifndef SQLSHIFT_XF_H
#define SQLSHIFT_XF_H
#include "rewrite/rewrite.h"
#include "diag/diag.h"
#include "ast/ast_walk.h"

/* What an expression yields, as far as the rewrite can tell. */
typedef enum ExprClass {
    CLS_UNKNOWN, CLS_STRING, CLS_NUMERIC, CLS_DATETIME, CLS_BOOL, CLS_BINARY, CLS_OTHER
} ExprClass;

/* Where the expression being rewritten sits: some target constructs are not
 * allowed everywhere (PostgreSQL generated columns and index expressions take
 * immutable functions only). */
typedef enum RwPlace {
    RP_QUERY,     /* queries, DML, anything not below */
    RP_DEFAULT,   /* column DEFAULT */
    RP_CHECK,     /* CHECK constraint */
    RP_COMPUTED,  /* computed / generated column expression */
    RP_INDEX      /* index expression or filtered-index predicate */
} RwPlace;

/* One FROM item visible by name. */
typedef struct ScopeItem {
    Ident alias;            /* alias, else the table's last name part */
    const QName *name;      /* table name, NULL for a derived table */
    CatTable *table;        /* catalogue entry, NULL if unknown */
    Node *query;            /* derived table / CTE body, NULL for a table */
} ScopeItem;

typedef struct Scope {
    struct Scope *parent;   /* enclosing query (correlated references) */
    VEC(ScopeItem) items;
} Scope;

typedef struct CteScope {
    struct CteScope *parent;
    const NodeList *ctes;   /* CTE nodes of one WITH */
} CteScope;

#define RW_MAX_DEPTH 2000   /* deeper trees (long operator chains, which the parser
                               builds without recursion) keep the statement verbatim */

typedef struct Rw {
    ConvCtx *cx;
    Node *stmt;             /* the statement being rewritten */
    Scope *scope;           /* innermost name scope, NULL outside queries */
    CteScope *ctes;         /* CTEs in effect */
    CreateTable *table;     /* CREATE TABLE being rewritten, or NULL */
    const QName *table_name;/* table the statement is about (CREATE/ALTER TABLE, CREATE INDEX) */
    ColumnDef *column;      /* column definition being rewritten, or NULL */
    int place;              /* RwPlace of the current expression */
    int depth;              /* walk depth */
    int in_exists;          /* inside EXISTS (...) */
    NodeList prepend;       /* ALTER TABLE actions to run before the statement's own */
    int class_depth;        /* rw_expr_class recursion (bounded) */
    int target_depth;       /* derived-table column lookups (bounded) */
    int kept_calls;         /* calls kept that the target will not have (user code
                               kept verbatim, unknown functions, method calls) */
    VEC(const char *) once; /* "CODE" or "CODE|key" already recorded in this statement */
    const char *raw_code;   /* set: keep the whole statement verbatim (RAW) */
    const char *raw_reason; /* message for the RAW node */
    SrcSpan raw_span;       /* what the reason points at (may lie outside the
                               statement node's span, e.g. FOR XML) */
    struct PlCtx *pl;       /* T-SQL stored code being converted (xf_proc.c), or NULL */
    uint32_t pl_stmt;       /* source offset of the body statement being rewritten
                               (findings reported once per body statement) */
    VEC(const char *) dropped; /* storage options dropped, for one SS3001 item */
    SrcSpan dropped_span;   /* span of the first dropped option */
    const struct XfChains *chains; /* the transforms of the source/target pair (rewrite.c) */
    /* the INSERT whose table the walk looked up for its scope, the entry
     * found and the catalogue's gen then: xf_insert needs the same entry */
    const Node *insert_of;
    CatTable *insert_table;
    unsigned insert_gen;
} Rw;

/* ---- registry (transforms.def) ---- */
#define S_TSQL   (1u << DIALECT_TSQL)
#define S_ORACLE (1u << DIALECT_ORACLE)
#define S_MYSQL  (1u << DIALECT_MYSQL)
#define S_ANY    (S_TSQL | S_ORACLE | S_MYSQL)
#define T_PG     (1u << DIALECT_POSTGRES)
#define T_MYSQL  (1u << DIALECT_MYSQL)
#define T_ANY    (T_PG | T_MYSQL)
#define PRE  0
#define POST 1

typedef Node *(*XfFn)(Rw *w, Node *n);
#define XF(name, kind, when, src, tgt, fn) Node *fn(Rw *w, Node *n);
#include "rewrite/transforms.def"
#undef XF

/* The catalogue entry of an INSERT's table (rw_find_table), taken from
 * the walk's lookup for the statement's scope when the catalogue has not
 * changed since. */
CatTable *rw_insert_table(Rw *w, const Node *insert);

/* ---- walking (rewrite.c) ---- */
/* Child enumeration is the AST's own (ast/ast_walk.h): one enumeration
 * serves the walk, deep copies and template instantiation. */
typedef AstVisit RwVisit;
static inline void rw_children(Node *n, RwVisit *v) { ast_children(n, v); }
/* Rewrites the tree at *slot (transforms and children), replacing it in place. */
void rw_walk(Rw *w, Node **slot);
void rw_walk_list(Rw *w, NodeList *l);
/* Deep copy of an expression or query (strings shared) into the statement arena. */
Node *rw_copy(Rw *w, const Node *n);

/* ---- findings (rewrite.c) ---- */
void rw_item(Rw *w, const char *code, SrcSpan span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void rw_itemh(Rw *w, const char *code, SrcSpan span, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Records the item only the first time `key` (code when NULL) is seen in the
 * statement; returns 1 if recorded. */
int rw_item_once(Rw *w, const char *code, const char *key, SrcSpan span, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Marks the statement as kept verbatim (first reason wins) and records the item. */
void rw_keep_verbatim(Rw *w, const char *code, SrcSpan span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Notes a storage option dropped from the statement (one SS3001 lists them all). */
void rw_drop_option(Rw *w, const char *what, SrcSpan span);

/* ---- text helpers (rewrite.c) ---- */
const char *rw_upper(Rw *w, const char *s, size_t n);
const char *rw_lower(Rw *w, const char *s, size_t n);
const char *rw_ident_text(Rw *w, const Ident *id);     /* NUL-terminated copy */
const char *rw_qname_text(Rw *w, const QName *q);      /* "a.b.c" */
int rw_streq_ci(const char *a, const char *b);
/* The strings (at most 16) up to a NULL joined into one (arena): message pieces are
 * copied rather than run through printf. */
const char *rw_cat(Rw *w, ...) __attribute__((sentinel));
/* Text of a source span (the input as written). */
const char *rw_span_text(Rw *w, SrcSpan sp);
int rw_target_pg(const Rw *w);
int rw_source(const Rw *w, Dialect d);

/* ---- builders (rewrite.c): nodes made by rewrites carry NF_SYNTHETIC and
 * the span of what they replace ---- */
Node *mk_name(Rw *w, SrcSpan sp, const char *text);
Node *mk_qname(Rw *w, SrcSpan sp, const QName *q);
Literal *mk_lit(Rw *w, SrcSpan sp, int lk, const char *value);
Node *mk_str(Rw *w, SrcSpan sp, const char *s);
/* The same for a string already in the statement arena (s[len] == 0): not copied. */
Node *mk_str_arena(Rw *w, SrcSpan sp, const char *s, size_t len);
Node *mk_int(Rw *w, SrcSpan sp, long v);
Node *mk_null(Rw *w, SrcSpan sp);
Node *mk_bool(Rw *w, SrcSpan sp, int v);
Node *mk_bin(Rw *w, SrcSpan sp, int op, Node *l, Node *r);
Node *mk_unary(Rw *w, SrcSpan sp, int op, Node *a);
FuncCall *mk_call(Rw *w, SrcSpan sp, const char *name, int nargs, ...);
Node *mk_is_null(Rw *w, SrcSpan sp, Node *e, int negated);
CaseExpr *mk_case(Rw *w, SrcSpan sp, Node *operand);
void mk_when(Rw *w, CaseExpr *c, Node *cond, Node *result);
TypeName *mk_type(Rw *w, SrcSpan sp, const char *target_text);
Node *mk_cast(Rw *w, SrcSpan sp, Node *e, const char *target_type);
/* interval 'text' (a typed literal: prints as INTERVAL 'text' in both targets) */
Node *mk_interval(Rw *w, SrcSpan sp, const char *text);
/* Parenthesises an operand that is itself an operator expression. */
Node *mk_paren(Node *e);

/* ---- scopes and classes (rewrite.c) ---- */
/* Column lookup through the scopes: the catalogue column, or NULL. For a
 * derived table or CTE the class of its select-list expression is given in
 * *cls_out (CLS_UNKNOWN if not found). */
const CatColumn *rw_resolve_column(Rw *w, const NameRef *n, int *cls_out);
/* Best guess of what an expression yields (source constructs and target
 * functions made by earlier transforms alike). */
int rw_expr_class(Rw *w, const Node *e);
int rw_class_of_type(const char *type_upper);
/* Is the column's source type mapped to a boolean in the target? */
int rw_column_is_bool(Rw *w, const CatColumn *c);
/* Same for a type as written (user alias types look through to their base). */
int rw_type_is_bool(Rw *w, const TypeName *t);
/* Finds the catalogue table of the current statement (CREATE/ALTER TABLE, INSERT). */
CatTable *rw_find_table(Rw *w, const QName *q);
/* Pushes the FROM items of a query / DML statement as a new scope. */
void rw_scope_push(Rw *w, const NodeList *from, Node *single);
void rw_scope_pop(Rw *w);
/* The literal value if e is an integer literal (optionally negative): 1 + *out. */
int rw_int_literal(const Node *e, long *out);
int rw_is_string_literal(const Node *e);

/* ---- shared by transforms (xf_types.c) ---- */
/* The target spelling for a source type (rules, user types, limits);
 * records items naming `what` (e.g. "column dbo.T.c"). Sets t->target_text
 * (or leaves it NULL to print the type as written). */
void xf_map_type(Rw *w, TypeName *t, const char *what);
/* The target spelling the rules give a source type, without recording
 * anything (for comparing column types); NULL if none. */
const char *xf_quiet_type_text(Rw *w, const TypeName *t);
/* A user type named like a PostgreSQL built-in type (tid, name, point ...)
 * must be schema-qualified or pg_catalog's type wins: qualifies q. */
void xf_qualify_user_type(Rw *w, QName *q);
/* Bool-typed literal fix: 0/1 literals compared with or assigned to a column
 * mapped to boolean become FALSE/TRUE. Returns the new node. */
Node *xf_bool_literal(Rw *w, Node *lit);
/* A collation for the target: 1 if kept (possibly renamed in place, e.g. a
 * binary collation to "C"), 0 if it must be dropped; records SS2014. */
int xf_collation(Rw *w, Ident *coll, SrcSpan sp);

/* ---- shared by transforms (xf_functions.c) ---- */
/* Parses the templates of every function rule for the target (start-up
 * check); returns 0, or -1 with *err (malloc'd) naming the rule file:line. */
int rw_prepare_templates(RuleSet *rs, Dialect target, char **err);

/* ---- hierarchyid methods (xf_hierarchyid.c) ---- */
/* recv.Method(args) when recv is a hierarchyid held as its text path: the
 * converted expression, or NULL when it is not such a call or not converted. */
Node *xf_hierarchyid_method(Rw *w, FuncCall *f, const NameRef *recv);

/* ---- stored code (xf_proc.c) ---- */
/* Converts a T-SQL routine parsed into r->def for the target: 1 if it is
 * converted (r->def rewritten in place), 0 to keep it verbatim. */
int xf_routine(Rw *w, RoutineStmt *r);
/* Class of a @variable or @@function inside stored code. */
int xf_var_class(Rw *w, const VarRef *v);
/* For the MySQL target's own rewrites (xf_proc_mysql.c), inside xf_routine: */
const char *xf_pl_target_name(Rw *w, const char *src, int *kind); /* NULL if not declared */
PlRoutine *xf_pl_routine(Rw *w);
const TypeName *xf_pl_var_type(Rw *w, const char *name); /* source or target name */
Node **xf_pl_rowcount_limit(Rw *w);         /* SET ROWCOUNT n in effect: n */
int *xf_pl_depth(Rw *w, int catch_);        /* try (0) / catch (1) nesting counter */
void xf_pl_walk_stmt(Rw *w, Node **slot);   /* the shared statement walk */
void xf_pl_walk_sql(Rw *w, Node **slot);    /* table variables renamed, then rw_walk */

/* ---- stored code for MySQL (xf_proc_mysql.c) ---- */
/* Before the body is walked: parameters, table-valued functions, triggers;
 * 0 keeps the routine verbatim (an item says why). */
int xf_my_routine_pre(Rw *w, RoutineStmt *r);
/* After the walk: function characteristics, catalogue entry, trigger bodies. */
int xf_my_routine_post(Rw *w, RoutineStmt *r);
/* A statement of the body the MySQL target treats its own way: 1 if done. */
int xf_my_stmt(Rw *w, Node **slot);
/* @@functions (VAR with VK_GLOBAL) and ERROR_*(), SCOPE_IDENTITY() ... */
Node *xf_my_global(Rw *w, Node *n);
Node *xf_my_func(Rw *w, Node *n);
/* T-SQL int / int is integer division: DIV for MySQL (queries and code) */
Node *xf_my_int_div(Rw *w, Node *n);
/* Declared source type of a @variable or parameter (alias types resolved to
 * their base), by source or target name; NULL if unknown. */
const TypeName *xf_var_type(Rw *w, const VarRef *v);

/* ---- T-SQL typing rules (xf_tsql_typing.c) ---- */
/* A string operand's source type as T-SQL sees it. */
typedef struct XfStrType {
    int fixed;      /* char(n) / nchar(n): blank-padded */
    int national;   /* nchar / nvarchar / N'...' */
    int len;        /* declared length (a literal's own), -1 for MAX */
    int literal;    /* a string literal */
} XfStrType;
/* 1 and *out if e is a literal, variable, parameter, column or CAST of a
 * known string type; 0 otherwise. */
int xf_string_type(Rw *w, const Node *e, XfStrType *out);
/* Target type of a CASE / IIF / COALESCE whose results are all strings of
 * known types, by T-SQL's rules (varchar outranks char); NULL otherwise. */
const char *xf_conditional_type(Rw *w, const Node *e);
/* v as T-SQL converts it implicitly to t (SET, DECLARE = , RETURN when
 * is_return): truncated for an integer t, cut to a string t's length when it
 * can be longer, rounded to a RETURNS decimal's scale. */
Node *xf_implicit_convert(Rw *w, const TypeName *t, Node *v, int is_return);
/* A string-typed column, variable or parameter (not a literal). */
int xf_is_string_operand(Rw *w, const Node *e);
/* A string comparison of l and r that gives T-SQL's answer in PostgreSQL
 * too (char(n) against a literal without letters or trailing blanks). */
int xf_compare_is_exact(Rw *w, const Node *l, const Node *r);

#endif
