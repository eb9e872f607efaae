/* input: reading a script and decoding it to UTF-8 (BOM detection, UTF-16LE/BE,
 * invalid byte sequences reported with their offset and replaced by '?'). */
#ifndef SQLSHIFT_DECODE_H
#define SQLSHIFT_DECODE_H
#include "diag/diag.h"

/* Reads path ("-" = stdin) into *f (id set by the caller). Returns 0, or -1
 * with *err set (malloc'd message naming the file and the cause). */
int input_read(const char *path, SourceFile *f, DiagList *d, char **err);
/* Decodes raw bytes into f->text and builds the line map. */
void input_decode(SourceFile *f, const unsigned char *raw, size_t n, DiagList *d);
const char *input_encoding_name(SrcEncoding e);

#endif
