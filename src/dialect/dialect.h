/* dialect: the dialects sqlshift reads and writes, and the per-dialect table
 * of flags the shared lexer driver and parser core consult. */
#ifndef SQLSHIFT_DIALECT_H
#define SQLSHIFT_DIALECT_H

typedef enum Dialect {
    DIALECT_TSQL,      /* Microsoft SQL Server */
    DIALECT_ORACLE,    /* Oracle SQL and PL/SQL, SQL*Plus scripts */
    DIALECT_MYSQL,     /* MySQL / MariaDB */
    DIALECT_POSTGRES,  /* PostgreSQL (target; also used to parse rule templates) */
    DIALECT_COUNT
} Dialect;

/* Name as used on the command line and in rule files ("tsql", "oracle",
 * "mysql", "postgresql"); dialect_parse also accepts common aliases
 * (mssql, sqlserver, plsql, mariadb, postgres, pg). Returns -1 if unknown. */
const char *dialect_name(Dialect d);
int dialect_parse(const char *s);

#endif
