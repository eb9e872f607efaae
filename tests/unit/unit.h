/* tests: Check suites, one per area; check_main.c runs them all with TAP output. */
#ifndef SQLSHIFT_UNIT_H
#define SQLSHIFT_UNIT_H
#include <check.h>

Suite *util_suite(void);
Suite *lex_suite(void);
Suite *parse_suite(void);
Suite *parse_ddl_suite(void);
Suite *rewrite_suite(void);
Suite *rules_suite(void);
Suite *report_suite(void);
Suite *db_suite(void);
Suite *mssql_suite(void);
Suite *extract_suite(void);
Suite *spool_suite(void);
Suite *input_suite(void);

#endif
