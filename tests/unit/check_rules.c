/* tests: rules unit tests (placeholder until the rules area lands). */
#include "unit.h"

START_TEST(test_rules_placeholder) { ck_assert_int_eq(1, 1); }
END_TEST

Suite *rules_suite(void)
{
    Suite *s = suite_create("rules");
    TCase *tc = tcase_create("placeholder");
    tcase_add_test(tc, test_rules_placeholder);
    suite_add_tcase(s, tc);
    return s;
}
