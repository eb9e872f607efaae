/* emit: what differs between the target printers. The generic printer in
 * emit.c asks this table; emit_postgres.c and emit_mysql.c fill it. */
#ifndef SQLSHIFT_EMIT_TARGET_H
#define SQLSHIFT_EMIT_TARGET_H
#include "emit/emit.h"

typedef struct EmitTarget {
    /* precedence of a binary operator in the target (higher binds tighter) */
    int (*binop_prec)(int op);
    /* spelling of a binary operator; NULL when printed as a function */
    const char *(*binop_text)(int op);
    /* a literal of a kind that differs per target (strings, hex, bits) */
    void (*literal)(ConvCtx *cx, StrBuf *b, const Literal *l);
    /* a type inside CAST(): MySQL accepts only a few */
    void (*cast_type)(ConvCtx *cx, StrBuf *b, const TypeName *t);
} EmitTarget;

extern const EmitTarget em_target_postgres;
extern const EmitTarget em_target_mysql;

/* shared helpers used by the target files */
void em_string_literal(StrBuf *b, const char *s, size_t n, int backslash_escapes);

#endif
