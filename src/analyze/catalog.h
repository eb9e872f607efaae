/* analyze: the catalogue of the input's own objects, built as statements go
 * by: tables and their columns with source types, views, sequences, user
 * types. Rewrites use it for type-directed decisions (T-SQL '+' on strings,
 * identity columns, view dependencies). Lives for the whole run. */
#ifndef SQLSHIFT_CATALOG_H
#define SQLSHIFT_CATALOG_H
#include "ast/ast.h"
#include "util/intern.h"

typedef struct CatColumn {
    const char *name;       /* as written (compared case-insensitively) */
    const char *type_upper; /* source type name upper case ("NVARCHAR"), "" if unknown */
    const TypeName *type;   /* the source type (catalogue arena copy), NULL if none
                               (computed column); rewrites look its target up */
    Ident ident;            /* the name as written (quote kept), for names the rewrite adds */
    /* (flags are bytes, together: a large schema has hundreds of thousands of columns) */
    unsigned char is_string; /* character type (for '+' concatenation) */
    unsigned char is_numeric;
    unsigned char is_datetime;
    unsigned char identity;  /* IDENTITY / AUTO_INCREMENT / GENERATED AS IDENTITY */
    unsigned char generated; /* identity, computed or T-SQL rowversion: a T-SQL INSERT
                                without a column list leaves it out */
    unsigned char not_null;  /* NOT NULL, identity or in the PRIMARY KEY */
} CatColumn;

/* A parameter of converted stored code, for the calls that follow it. */
typedef struct CatParam {
    const char *name;       /* target name (p_...) */
    const char *type;       /* target type spelling */
    int output;             /* OUTPUT: INOUT in the target */
    int has_default;
    const char *def_sql;    /* MySQL target: the default printed, for calls that leave it out */
} CatParam;

typedef struct CatTable {
    const char *schema;     /* upper case, "" if none */
    const char *name;       /* upper case */
    int kind;               /* ObjKind: OK_TABLE, OK_VIEW, OK_SEQUENCE, OK_TYPE, OK_SYNONYM,
                               and for stored code OK_PROCEDURE, OK_FUNCTION, OK_PACKAGE,
                               OK_TRIGGER (names only) */
    int object;             /* object index in the run */
    VEC(CatColumn) cols;
    int dup_cols;           /* two columns share a name (a view's SELECT a, a): a lookup
                               must find the first (see cat_column_near) */
    int value_fix;          /* rewrite's memo (xf_insert): 0 not asked, 1 no column needs
                               its values fixed, 2 some may */
    unsigned value_fix_gen; /* the Catalog.gen value_fix was found for */
    VEC(const char *) deps; /* views: upper-case names of the views (or not yet known objects)
                               ("SCHEMA.NAME" or "NAME", as written); synonyms: the target */
    const TypeName *alias_of; /* user alias type: base (copied into the catalogue arena) */
    int code_form;          /* stored code as converted (CodeForm), set by the rewrite */
    VEC(struct CatParam) params; /* converted stored code: its parameters (catalogue arena) */
} CatTable;

/* How a converted routine is called in the target (CatTable.code_form). */
typedef enum CodeForm { CF_UNKNOWN, CF_PROCEDURE, CF_SET_FUNCTION, CF_CURSOR_FUNCTION, CF_FUNCTION } CodeForm;

typedef struct Catalog {
    Arena arena;
    VEC(CatTable *) tables;
    void *index;            /* private hash: "SCHEMA.NAME" and "NAME" -> table */
    void *types;            /* private hash: interned column types */
    Interner strings;       /* schema and column names (upper-case schemas, columns as written) */
    unsigned gen;           /* bumped by every statement that may define or change something:
                               a memo of an answer about the catalogue is valid for one gen */
    void *memo;             /* private: the last lookups (catalog.c), written behind a const Catalog */
    struct CatListMemo *list_memo; /* private: the last column list resolved (cat_list_columns) */
} Catalog;

void cat_init(Catalog *c);
void cat_free(Catalog *c);
/* Records what a statement defines (CREATE TABLE/VIEW/SEQUENCE/TYPE/SYNONYM,
 * ALTER TABLE ADD COLUMN). Call before rewriting the statement. */
void cat_add_statement(Catalog *c, const Node *stmt, int object);
/* Finds by schema-qualified or bare name (case-insensitive); NULL if unknown. */
CatTable *cat_find(const Catalog *c, const QName *name);
CatTable *cat_find_text(const Catalog *c, const char *schema, const char *name);
/* Same, in one namespace: OK_TYPE finds user types, OK_PROCEDURE/OK_FUNCTION/
 * OK_PACKAGE/OK_TRIGGER any stored code by name, others tables/views/
 * sequences/synonyms (a type may share its name with a table). cat_find
 * looks at relations, then types, then stored code. */
CatTable *cat_find_kind(const Catalog *c, const QName *name, int kind);
const CatColumn *cat_column(const CatTable *t, const char *name, size_t len);
/* The same, trying position hint first: an INSERT's column list mostly
 * follows the table's order, and scanning every column for each name costs
 * columns^2 per statement of a data script. */
const CatColumn *cat_column_near(const CatTable *t, const char *name, size_t len, int hint);
/* The columns of t that the names of l name (INSERT column lists): cols[i]
 * is cat_column_near(t, name i, 1 + the index of the column found before),
 * NULL if none. aux is the caller's, one byte per name, all -1 when the
 * answer is made anew. The answer is kept for the next call: a data
 * script names the same columns of the same table in every INSERT. Valid
 * until the next call or the catalogue changes (Catalog.gen). */
typedef struct CatListColumns {
    const CatColumn **cols;
    signed char *aux;
} CatListColumns;
CatListColumns cat_list_columns(Catalog *c, CatTable *t, const IdentList *l);
/* Classifies a source type name: sets is_string/is_numeric/is_datetime. */
void cat_classify_type(const char *type_upper, CatColumn *out);

/* A type written as text ("varchar(11)", "decimal(10, 2)", "nvarchar(max)"),
 * as T-SQL's sp_addtype takes it: a TypeName in arena a, or NULL. */
TypeName *cat_type_from_text(Arena *a, const char *text, SrcSpan span);
/* The T-SQL call EXEC sp_addtype name, 'base' [, 'NOT NULL']: 1 and the parts
 * (name as written, base type text, not-null flag) if stmt is one. */
int cat_sp_addtype(const Node *stmt, const char **name, size_t *name_len, const char **base,
                   int *not_null);

/* ---- dependency order (deps.c) ---- */
/* Views and synonyms in dependency order: each after the views/synonyms it
 * references (tables come earlier anyway). Ties keep input order; a cycle is
 * broken at the object that comes first in the input. Fills objects_out
 * (room for c->tables.n entries) with CatTable.object values and returns how
 * many. An object defined twice (CREATE OR REPLACE) appears once per definition. */
int deps_view_order(const Catalog *c, int *objects_out);

#endif
