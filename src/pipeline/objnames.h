/* pipeline: run-wide bookkeeping of object names that outlives statements:
 * which objects were kept verbatim (so statements that depend on them are
 * kept too, instead of failing on the target), and which index names are
 * taken in each schema (PostgreSQL index names are schema-wide, SQL Server
 * and MySQL ones are per table). */
#ifndef SQLSHIFT_OBJNAMES_H
#define SQLSHIFT_OBJNAMES_H
#include "rewrite/rewrite.h"

typedef struct NameSet {
    Arena arena;
    char **slots;           /* open addressing; key "kind\x1fname" upper case */
    const char **values;    /* parallel: value per key */
    int cap, n;
} NameSet;

/* The last name looked up among the unconverted objects and the answer,
 * good while the set has as many names (names are only ever added): a
 * data script asks about one table statement after statement. */
typedef struct NameMemo {
    char text[256];         /* the name's bytes as written (up to 255) */
    uint32_t len;
    int set_n;              /* NameSet.n when asked; -1: nothing kept */
    const char *hit;
} NameMemo;

typedef struct ObjNames {
    NameSet unconverted;    /* last name part of objects kept verbatim */
    NameSet indexes;        /* "SCHEMA.INDEX" -> owning table */
    NameMemo last;          /* of check() on unconverted */
} ObjNames;

void on_init(ObjNames *o);
void on_free(ObjNames *o);
/* If the statement reads, alters or indexes an object kept verbatim,
 * returns that object's name (else NULL). */
const char *on_unconverted_dependency(ObjNames *o, const Node *stmt);
/* Records the object a statement defines as kept verbatim. */
void on_mark_unconverted(ObjNames *o, const Node *stmt);
/* The same for a statement the parser could not read (a RAW node): by the
 * object kind and name the statement header gave. */
void on_mark_unconverted_named(ObjNames *o, const char *kind, const char *name);
/* Renames index and key-constraint names that another table already uses
 * in the same schema (target PostgreSQL), recording SS3028. */
void on_unique_index_names(ObjNames *o, ConvCtx *cx, Node *stmt);

#endif
