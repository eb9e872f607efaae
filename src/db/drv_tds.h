/* db: FreeTDS driver internals the unit tests reach without a server. */
#ifndef SQLSHIFT_DRV_TDS_H
#define SQLSHIFT_DRV_TDS_H
#include "db/db.h"
#include "util/strbuf.h"

/* One column value as text, the way query_each hands it on: character
 * data as received (UTF-8), binary as 0x hex, date and time types in ISO
 * form (2024-05-01 13:45:00.1234567 +02:00), numbers and the rest through
 * dbconvert. `type` is a db-lib SYB* type code, data/len as dbdata/dbdatlen
 * give them (data non-NULL). Returns 0, or -1 when the type cannot be
 * converted (b then holds a short explanation). */
int tds_value_text(StrBuf *b, int type, const unsigned char *data, long len);

/* The FreeTDS encryption setting for a URL's tls= value: "off",
 * "request" or "require"; NULL when the value is not understood. */
const char *tds_encryption(const char *tls, const char *tls_ca);

/* The major version of a ProductVersion string ("11.0.7001.0" -> 11);
 * 0 when it is not a version. */
int tds_major_version(const char *product_version);

#endif
