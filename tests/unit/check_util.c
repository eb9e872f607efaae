/* tests: util unit tests (placeholder until the util area lands). */
#include "unit.h"

START_TEST(test_util_placeholder) { ck_assert_int_eq(1, 1); }
END_TEST

Suite *util_suite(void)
{
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("placeholder");
    tcase_add_test(tc, test_util_placeholder);
    suite_add_tcase(s, tc);
    return s;
}
