/* analyze: the catalogue of the input's own objects, built as statements go
 * by: tables and their columns with source types, views, sequences, user
 * types. Rewrites use it for type-directed decisions (T-SQL '+' on strings,
 * identity columns, view dependencies). Lives for the whole run. */
#ifndef SQLSHIFT_CATALOG_H
#define SQLSHIFT_CATALOG_H
#include "ast/ast.h"

typedef struct CatColumn {
    const char *name;       /* upper-cased for lookup */
    const char *type_upper; /* source type name upper case ("NVARCHAR"), "" if unknown */
    int is_string;          /* character type (for '+' concatenation) */
    int is_numeric;
    int is_datetime;
} CatColumn;

typedef struct CatTable {
    const char *schema;     /* upper case, "" if none */
    const char *name;       /* upper case */
    int kind;               /* ObjKind: OK_TABLE, OK_VIEW, OK_SEQUENCE, OK_TYPE, OK_SYNONYM */
    int object;             /* object index in the run */
    VEC(CatColumn) cols;
    VEC(const char *) deps; /* views: upper-case names of tables/views referenced */
    const TypeName *alias_of; /* user alias type: base (copied into the catalogue arena) */
} CatTable;

typedef struct Catalog {
    Arena arena;
    VEC(CatTable *) tables;
    void *index;            /* private hash: "SCHEMA.NAME" and "NAME" -> table */
} Catalog;

void cat_init(Catalog *c);
void cat_free(Catalog *c);
/* Records what a statement defines (CREATE TABLE/VIEW/SEQUENCE/TYPE/SYNONYM,
 * ALTER TABLE ADD COLUMN). Call before rewriting the statement. */
void cat_add_statement(Catalog *c, const Node *stmt, int object);
/* Finds by schema-qualified or bare name (case-insensitive); NULL if unknown. */
CatTable *cat_find(const Catalog *c, const QName *name);
CatTable *cat_find_text(const Catalog *c, const char *schema, const char *name);
const CatColumn *cat_column(const CatTable *t, const char *name, size_t len);
/* Classifies a source type name: sets is_string/is_numeric/is_datetime. */
void cat_classify_type(const char *type_upper, CatColumn *out);

#endif
