/* tests: input/decode.c's validation of UTF-8 at every position of the
 * block-wise ASCII scan (32 and 8 bytes at a time). */
#include "unit.h"
#include "diag/diag.h"
#include "input/decode.h"
#include "util/arena.h"
#include "util/mapguard.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* A mapped input cut short by another program while it is read: the
 * process stops with status 3 and a message naming the file (in a child:
 * the guard ends the process). */
START_TEST(input_truncated_while_mapped)
{
    char dir[] = "/tmp/sqlshift-unit-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256], errpath[256];
    snprintf(path, sizeof path, "%s/shrinks.sql", dir);
    snprintf(errpath, sizeof errpath, "%s/stderr", dir);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    for (int i = 0; i < 2000; i++)
        fputs("SELECT 1 AS a, 2 AS b, 3 AS c;\n", fp); /* 62 KB: mapped */
    fclose(fp);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int efd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (efd < 0 || dup2(efd, 2) < 0)
            _exit(10);
        SourceFile f;
        memset(&f, 0, sizeof f);
        char *err = NULL;
        if (input_read(path, &f, NULL, &err) != 0 || !f.map)
            _exit(11); /* not mapped: the test would not test the guard */
        if (mapguard_install() != 0 || truncate(path, 0) != 0)
            _exit(12);
        volatile char c = f.text[f.len - 10]; /* SIGBUS: past the new end */
        (void)c;
        _exit(13);
    }
    int st = 0;
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    ck_assert(WIFEXITED(st));
    ck_assert_int_eq(WEXITSTATUS(st), 3);
    char msg[512] = "";
    fp = fopen(errpath, "r");
    ck_assert_ptr_nonnull(fp);
    size_t n = fread(msg, 1, sizeof msg - 1, fp);
    msg[n] = 0;
    fclose(fp);
    ck_assert_ptr_nonnull(strstr(msg, path));
    ck_assert_ptr_nonnull(strstr(msg, "shrank while it was being read"));
    unlink(path);
    unlink(errpath);
    rmdir(dir);
}
END_TEST

Suite *input_suite(void)
{
    Suite *s = suite_create("input");
    TCase *tc = tcase_create("input");
    tcase_add_test(tc, decode_every_position);
    tcase_add_test(tc, input_truncated_while_mapped);
    suite_add_tcase(s, tc);
    return s;
}
