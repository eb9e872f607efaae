/* diag: findings recorded by every stage. A finding names a catalog code
 * (rules/actions.xml, sqlshift-actions(7)); severity, category, effort and the
 * standard recommendation come from the catalog when the report is built. */
#ifndef SQLSHIFT_DIAG_H
#define SQLSHIFT_DIAG_H
#include "diag/source.h"
#include "util/arena.h"
#include "util/vec.h"

typedef enum Severity {
    SEV_INFO, SEV_LOW, SEV_MEDIUM, SEV_HIGH, SEV_CRITICAL
} Severity;

typedef struct Diag {
    const char *code;     /* catalog code, e.g. "SS0101" (static string) */
    int sev;              /* -1: take the catalog's default; else a Severity */
    SrcSpan span;         /* where in the input */
    int object;           /* index into the run's object table, -1 if none */
    const char *message;  /* specific message (arena); NULL: catalog message */
    const char *hint;     /* specific recommendation (arena) or NULL */
} Diag;

typedef struct DiagList {
    VEC(Diag) v;          /* in the order recorded */
    Arena *arena;         /* where messages live */
} DiagList;

void diag_init(DiagList *d, Arena *a);
/* Records a finding; the message is printf-formatted into the arena.
 * Returns its index. */
int diag_add(DiagList *d, const char *code, SrcSpan span, int object,
             const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Same with a specific recommendation. */
int diag_addh(DiagList *d, const char *code, SrcSpan span, int object, const char *hint,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* The same with the arguments as a va_list (hint may be NULL). */
int diag_addv(DiagList *d, const char *code, SrcSpan span, int object, const char *hint,
              const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

const char *sev_name(int sev);          /* "info" .. "critical" */
int sev_parse(const char *s);           /* -1 if unknown */

#endif
