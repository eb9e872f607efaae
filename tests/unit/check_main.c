/* tests: runs every Check suite and prints TAP (for automake's tap-driver). */
#include "unit.h"
#include <stdlib.h>

int main(void)
{
    SRunner *sr = srunner_create(util_suite());
    srunner_add_suite(sr, lex_suite());
    srunner_add_suite(sr, parse_suite());
    srunner_add_suite(sr, parse_ddl_suite());
    srunner_add_suite(sr, rewrite_suite());
    srunner_add_suite(sr, rules_suite());
    srunner_add_suite(sr, report_suite());
    srunner_add_suite(sr, db_suite());
    srunner_add_suite(sr, mssql_suite());
    srunner_add_suite(sr, extract_suite());
    srunner_add_suite(sr, spool_suite());
    srunner_add_suite(sr, input_suite());
    srunner_set_tap(sr, "/dev/stdout");
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_SILENT);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
