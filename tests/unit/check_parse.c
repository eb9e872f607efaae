/* tests: parse unit tests (placeholder until the parse area lands). */
#include "unit.h"

START_TEST(test_parse_placeholder) { ck_assert_int_eq(1, 1); }
END_TEST

Suite *parse_suite(void)
{
    Suite *s = suite_create("parse");
    TCase *tc = tcase_create("placeholder");
    tcase_add_test(tc, test_parse_placeholder);
    suite_add_tcase(s, tc);
    return s;
}
