/* dialect: name <-> Dialect for the command line and rule files. */
#include "dialect/dialect.h"
#include <strings.h>

static const char *const names[DIALECT_COUNT] = {"tsql", "oracle", "mysql", "postgresql"};

const char *dialect_name(Dialect d)
{
    return (unsigned)d < DIALECT_COUNT ? names[d] : "?";
}

int dialect_parse(const char *s)
{
    static const struct { const char *alias; Dialect d; } aliases[] = {
        {"tsql", DIALECT_TSQL},       {"mssql", DIALECT_TSQL},      {"sqlserver", DIALECT_TSQL},
        {"oracle", DIALECT_ORACLE},   {"plsql", DIALECT_ORACLE},    {"mysql", DIALECT_MYSQL},
        {"mariadb", DIALECT_MYSQL},   {"postgresql", DIALECT_POSTGRES},
        {"postgres", DIALECT_POSTGRES}, {"pg", DIALECT_POSTGRES},
    };
    for (unsigned i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcasecmp(s, aliases[i].alias) == 0)
            return (int)aliases[i].d;
    return -1;
}
