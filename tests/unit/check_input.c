/* tests: input/decode.c's validation of UTF-8 at every position of the
 * block-wise ASCII scan (32 and 8 bytes at a time). */
#include "unit.h"
#include "diag/diag.h"
#include "input/decode.h"
#include "util/arena.h"
#include <string.h>

/* A 100-byte ASCII buffer with `bad` (len bytes) at offset at: the decoded
 * text keeps everything around it, and an invalid sequence is one '?' and
 * one SS0001 finding at its offset. */
static void check_at(size_t at, const char *ins, size_t len, const char *want, int findings)
{
    unsigned char raw[100];
    for (size_t i = 0; i < sizeof raw; i++)
        raw[i] = (unsigned char)('A' + i % 26);
    memcpy(raw + at, ins, len);
    Arena a;
    arena_init(&a, 0);
    DiagList d;
    diag_init(&d, &a);
    SourceFile f;
    memset(&f, 0, sizeof f);
    input_decode(&f, raw, sizeof raw, &d);
    size_t wl = strlen(want);
    ck_assert_uint_eq(f.len, sizeof raw - len + wl);
    ck_assert_int_eq(memcmp(f.text, raw, at), 0);
    ck_assert_int_eq(memcmp(f.text + at, want, wl), 0);
    ck_assert_int_eq(memcmp(f.text + at + wl, raw + at + len, sizeof raw - at - len), 0);
    ck_assert_int_eq(d.v.n, findings);
    if (findings)
        ck_assert_uint_eq(d.v.items[0].span.off, at);
    src_free(&f);
    arena_free(&a);
}

START_TEST(decode_every_position)
{
    for (size_t at = 0; at + 2 <= 100; at++) {
        check_at(at, "\0", 1, "?", 1);           /* NUL */
        check_at(at, "\x80", 1, "?", 1);         /* lone continuation byte */
        check_at(at, "\xC3\xA9", 2, "\xC3\xA9", 0); /* valid: kept */
        check_at(at, "\x7F", 1, "\x7F", 0);      /* DEL is ASCII */
    }
}
END_TEST

Suite *input_suite(void)
{
    Suite *s = suite_create("input");
    TCase *tc = tcase_create("input");
    tcase_add_test(tc, decode_every_position);
    suite_add_tcase(s, tc);
    return s;
}
