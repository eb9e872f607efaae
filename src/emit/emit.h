/* emit: printers for the targets. One generic printer walks the tree; the
 * target-specific parts (quoting, type spelling, clause forms) come from a
 * small per-target table. Output never depends on hash or pointer order. */
#ifndef SQLSHIFT_EMIT_H
#define SQLSHIFT_EMIT_H
#include "rewrite/rewrite.h"

/* Prints a rewritten statement; calls cx->sink once per output unit (a CREATE
 * TABLE may give a table unit, foreign-key units and index units). */
void em_statement(ConvCtx *cx, Node *stmt, const char *kind, const char *schema,
                  const char *name);
/* Pieces, for tests and for other printers. */
void em_expr(ConvCtx *cx, StrBuf *b, const Node *e);
void em_ident(ConvCtx *cx, StrBuf *b, const Ident *id);
void em_qname(ConvCtx *cx, StrBuf *b, const QName *q);
void em_type(ConvCtx *cx, StrBuf *b, const TypeName *t);
void em_query(ConvCtx *cx, StrBuf *b, const Node *q);
/* Writes text as "-- | " comment lines (for statements kept verbatim). */
void em_verbatim(StrBuf *b, const char *text, size_t len);

#endif
