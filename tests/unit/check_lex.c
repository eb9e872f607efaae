/* tests: lex unit tests (placeholder until the lex area lands). */
#include "unit.h"

START_TEST(test_lex_placeholder) { ck_assert_int_eq(1, 1); }
END_TEST

Suite *lex_suite(void)
{
    Suite *s = suite_create("lex");
    TCase *tc = tcase_create("placeholder");
    tcase_add_test(tc, test_lex_placeholder);
    suite_add_tcase(s, tc);
    return s;
}
