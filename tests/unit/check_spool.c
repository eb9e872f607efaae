/* tests: util/spool.c, in memory and after spilling to a temporary file. */
#include "unit.h"
#include "util/spool.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Byte i of the test stream: a pattern that differs at every offset in a
 * window, so a read at the wrong offset cannot match. */
static char pat(size_t i)
{
    return (char)('a' + (i * 7 + i / 251) % 26);
}

static void put_pattern(Spool *s, size_t from, size_t n)
{
    char *b = malloc(n ? n : 1);
    ck_assert_ptr_nonnull(b);
    for (size_t i = 0; i < n; i++)
        b[i] = pat(from + i);
    ck_assert_int_eq(spool_put(s, b, n), (long)from);
    free(b);
}

static void check_range(Spool *s, size_t off, size_t len, size_t ahead)
{
    const char *p = spool_get(s, off, len, ahead);
    ck_assert_ptr_nonnull(p);
    for (size_t i = 0; i < len; i++)
        ck_assert_int_eq(p[i], pat(off + i));
}

START_TEST(spool_small_stays_in_memory)
{
    Spool s;
    spool_init(&s, 1 << 20);
    put_pattern(&s, 0, 100);
    put_pattern(&s, 100, 0);
    put_pattern(&s, 100, 5000);
    ck_assert(spool_in_memory(&s));
    ck_assert_uint_eq(s.len, 5100);
    check_range(&s, 0, 100, 100);
    check_range(&s, 100, 5000, 5000);
    check_range(&s, 4000, 50, 50);
    const char *all = spool_map(&s);
    ck_assert_ptr_nonnull(all);
    ck_assert_int_eq(all[5099], pat(5099));
    spool_free(&s);
}
END_TEST

START_TEST(spool_spills_past_its_limit)
{
    Spool s;
    spool_init(&s, 100000);
    put_pattern(&s, 0, 60000);
    ck_assert(spool_in_memory(&s));
    put_pattern(&s, 60000, 60000); /* 120000 > limit: moves to a file */
    ck_assert(!spool_in_memory(&s));
    /* a text longer than the read window, then more small ones */
    put_pattern(&s, 120000, SPOOL_WINDOW + 10);
    put_pattern(&s, 120000 + SPOOL_WINDOW + 10, 300);
    size_t total = 120000 + SPOOL_WINDOW + 310;
    ck_assert_uint_eq(s.len, total);
    /* before and after the spill, with and without read-ahead */
    check_range(&s, 0, 10, 10);
    check_range(&s, 59990, 20, 20000);
    check_range(&s, 60005, 100, 100); /* served by the window just read */
    check_range(&s, 120000, SPOOL_WINDOW + 10, SPOOL_WINDOW + 10);
    check_range(&s, total - 300, 300, SPOOL_WINDOW * 4);
    check_range(&s, 1, 1, 1);
    const char *all = spool_map(&s);
    ck_assert_ptr_nonnull(all);
    for (size_t i = 0; i < total; i += 4099)
        ck_assert_int_eq(all[i], pat(i));
    ck_assert_int_eq(all[total - 1], pat(total - 1));
    spool_drop_pages(&s);
    ck_assert_int_eq(all[total - 1], pat(total - 1)); /* still readable */
    spool_free(&s);
}
END_TEST

START_TEST(spool_empty)
{
    Spool s;
    spool_init(&s, 0);
    ck_assert_ptr_nonnull(spool_map(&s));
    ck_assert_ptr_nonnull(spool_get(&s, 0, 0, 0));
    spool_free(&s);
}
END_TEST

/* An expected size of a huge page or more: the store starts on a huge page
 * boundary (so the kernel can back it with huge pages) and behaves as
 * before, also across the end of the huge part and when it spills. */
START_TEST(spool_expecting_much_is_aligned)
{
    const size_t huge = (size_t)2 << 20;
    Spool s;
    spool_init(&s, 3 * huge);
    spool_expect(&s, 5 * huge); /* more than the limit: capped */
    put_pattern(&s, 0, huge - 3);
    ck_assert_uint_eq((uintptr_t)s.mem % huge, 0);
    ck_assert(s.mem >= s.mapped && s.mem + s.mem_max <= s.mapped + s.mapped_len);
    put_pattern(&s, huge - 3, huge + 10);
    ck_assert(spool_in_memory(&s));
    check_range(&s, huge - 100, 200, 200);
    put_pattern(&s, 2 * huge + 7, huge); /* past the limit: a file */
    ck_assert(!spool_in_memory(&s));
    ck_assert_ptr_null(s.mapped);
    check_range(&s, 0, 100, 100);
    check_range(&s, huge - 100, 200, 200);
    check_range(&s, 3 * huge - 10, 17, 17);
    spool_free(&s);

    /* expected to fill less than half a huge page: small pages, no room
     * taken for aligning */
    spool_init(&s, huge);
    spool_expect(&s, huge / 2 - 1);
    put_pattern(&s, 0, 10);
    ck_assert_uint_eq(s.mapped_len, huge);
    check_range(&s, 0, 10, 10);
    spool_free(&s);
}
END_TEST

Suite *spool_suite(void)
{
    Suite *s = suite_create("spool");
    TCase *tc = tcase_create("spool");
    tcase_add_test(tc, spool_small_stays_in_memory);
    tcase_add_test(tc, spool_spills_past_its_limit);
    tcase_add_test(tc, spool_empty);
    tcase_add_test(tc, spool_expecting_much_is_aligned);
    suite_add_tcase(s, tc);
    return s;
}
