/* tests: report unit tests (placeholder until the report area lands). */
#include "unit.h"

START_TEST(test_report_placeholder) { ck_assert_int_eq(1, 1); }
END_TEST

Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("placeholder");
    tcase_add_test(tc, test_report_placeholder);
    suite_add_tcase(s, tc);
    return s;
}
