/* tests: util and input units: arena, strbuf, decoding (BOM, UTF-16,
 * invalid bytes), line map positions, directory walking. */
#include "unit.h"
#include "input/decode.h"
#include "util/arena.h"
#include "util/fsutil.h"
#include "util/intern.h"
#include "util/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

START_TEST(arena_alignment_and_zero)
{
    Arena a;
    arena_init(&a, 64);
    for (int i = 1; i < 200; i++) {
        unsigned char *p = arena_alloc(&a, (size_t)i);
        ck_assert_uint_eq((uintptr_t)p % 16, 0);
        for (int j = 0; j < i; j++)
            ck_assert_uint_eq(p[j], 0);
        memset(p, 0xAB, (size_t)i);
    }
    /* a block larger than the chunk size still works */
    char *big = arena_alloc(&a, 10000);
    big[9999] = 1;
    ck_assert_str_eq(arena_printf(&a, "%s-%d", "x", 42), "x-42");
    arena_free(&a);
}
END_TEST

START_TEST(arena_realloc_grows_in_place)
{
    Arena a;
    arena_init(&a, 4096);
    char *p = arena_alloc(&a, 16);
    strcpy(p, "hello");
    char *q = arena_realloc(&a, p, 16, 64);
    ck_assert_ptr_eq(p, q);
    ck_assert_str_eq(q, "hello");
    char *other = arena_alloc(&a, 8);
    (void)other;
    char *r = arena_realloc(&a, q, 64, 128);
    ck_assert_ptr_ne(r, q); /* not the last allocation: copied */
    ck_assert_str_eq(r, "hello");
    arena_free(&a);
}
END_TEST

START_TEST(arena_reset_keeps_one_chunk)
{
    Arena a;
    arena_init(&a, 1024);
    /* three default chunks and one big one-off chunk */
    for (int i = 0; i < 40; i++)
        memset(arena_alloc(&a, 80), 0xAB, 80);
    char *big = arena_alloc(&a, 5000);
    memset(big, 0xCD, 5000);
    ck_assert_uint_gt(a.total, 4 * 1024);
    arena_reset(&a);
#if !defined(__SANITIZE_ADDRESS__)
    /* one default chunk kept, empty again */
    ck_assert_ptr_nonnull(a.head);
    ck_assert_uint_lt(a.total, 2 * 1024);
    ck_assert_uint_ge(a.total, 1024);
    ck_assert_uint_eq((size_t)(a.end - a.cur), 1024);
#else
    ck_assert_ptr_null(a.head);
#endif
    /* usable as before: zeroed memory, a new chunk when it is full */
    for (int i = 0; i < 40; i++) {
        unsigned char *p = arena_alloc(&a, 80);
        for (int k = 0; k < 80; k++)
            ck_assert_uint_eq(p[k], 0);
        memset(p, 0x11, 80);
    }
    ck_assert_str_eq(arena_strdup(&a, "after reset"), "after reset");
    arena_reset(&a);
    arena_reset(&a); /* twice in a row: nothing to free */
    ck_assert_str_eq(arena_strndup(&a, "abcdef", 3), "abc");
    arena_free(&a);
    arena_reset(&a); /* after arena_free: empty, nothing kept */
    ck_assert_ptr_null(a.head);
    arena_free(&a);
}
END_TEST

/* arena_strndup copies short strings with overlapping fixed-size moves:
 * every length from 0 to 40 at every offset of a source that ends right
 * after the copied bytes (malloc'd to size, so ASan sees any read past it)
 * gives the bytes and a NUL, and leaves the next allocation alone. */
START_TEST(arena_strndup_every_short_length)
{
    Arena a;
    arena_init(&a, 256);
    for (size_t n = 0; n <= 40; n++) {
        for (size_t off = 0; off < 8; off++) {
            char *src = malloc(off + n ? off + n : 1);
            ck_assert_ptr_nonnull(src);
            for (size_t i = 0; i < off + n; i++)
                src[i] = (char)('A' + (i * 7 + n) % 26);
            char *d = arena_strndup(&a, src + off, n);
            char *next = arena_strndup(&a, "zz", 2);
            ck_assert_int_eq(memcmp(d, src + off, n), 0);
            ck_assert_int_eq(d[n], 0);
            ck_assert_str_eq(next, "zz");
            ck_assert_uint_eq(strlen(d), n);
            free(src);
        }
    }
    arena_free(&a);
}
END_TEST

START_TEST(strbuf_basics)
{
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, "CREATE TABLE t (");
    b.indent = 1;
    sb_newline(&b);
    sb_printf(&b, "a %s,   ", "int");
    sb_rtrim(&b);
    b.indent = 0;
    sb_newline(&b);
    sb_putc(&b, ')');
    ck_assert_str_eq(b.s, "CREATE TABLE t (\n    a int,\n)");
    char *s = sb_take(&b);
    ck_assert_str_eq(b.s, "");
    free(s);
    sb_free(&b);
}
END_TEST

static void decode(SourceFile *f, DiagList *d, const char *bytes, size_t n)
{
    memset(f, 0, sizeof *f);
    input_decode(f, (const unsigned char *)bytes, n, d);
}

START_TEST(decode_utf8_bom_and_crlf)
{
    Arena a;
    arena_init(&a, 0);
    DiagList d;
    diag_init(&d, &a);
    SourceFile f;
    decode(&f, &d, "\xEF\xBB\xBFSELECT 1\r\nGO\r\n", 17);
    ck_assert_int_eq(f.encoding, ENC_UTF8_BOM);
    ck_assert_str_eq(f.text, "SELECT 1\r\nGO\r\n");
    ck_assert_int_eq(f.crlf, 1);
    SrcPos p = src_pos(&f, 10); /* 'G' */
    ck_assert_int_eq(p.line, 2);
    ck_assert_int_eq(p.col, 1);
    ck_assert_int_eq(d.v.n, 0);
    src_free(&f);
    arena_free(&a);
}
END_TEST

START_TEST(decode_utf16le_with_surrogates)
{
    Arena a;
    arena_init(&a, 0);
    DiagList d;
    diag_init(&d, &a);
    SourceFile f;
    /* BOM, "a", U+00FC, U+1F600 (surrogate pair), "\n" */
    const char in[] = "\xFF\xFE" "a\0" "\xFC\0" "\x3D\xD8\x00\xDE" "\n\0";
    decode(&f, &d, in, sizeof in - 1);
    ck_assert_int_eq(f.encoding, ENC_UTF16LE);
    ck_assert_str_eq(f.text, "a\xC3\xBC\xF0\x9F\x98\x80\n");
    ck_assert_int_eq(d.v.n, 0);
    SrcPos p = src_pos(&f, 7); /* the newline: 4th character on line 1 */
    ck_assert_int_eq(p.col, 4);
    src_free(&f);
    arena_free(&a);
}
END_TEST

/* Columns count characters, not bytes, also past the 8-byte blocks that
 * src_pos counts at a time: every offset of a long line with multi-byte
 * characters at every alignment, against a byte-by-byte count. */
START_TEST(src_pos_columns_long_utf8_line)
{
    Arena a;
    arena_init(&a, 0);
    DiagList d;
    diag_init(&d, &a);
    SourceFile f;
    char in[400];
    size_t n = 0;
    memcpy(in, "x\n", 2);
    n = 2;
    /* "ab", U+00FC (2 bytes), "c", U+20AC (3 bytes), U+1F600 (4 bytes), ... */
    while (n + 12 < sizeof in) {
        memcpy(in + n, "ab\xC3\xBC" "c\xE2\x82\xAC\xF0\x9F\x98\x80", 12);
        n += 12;
    }
    decode(&f, &d, in, n);
    ck_assert_int_eq(d.v.n, 0);
    int chars = 0;
    for (size_t off = 2; off <= n; off++) {
        SrcPos p = src_pos(&f, (uint32_t)off);
        ck_assert_int_eq(p.line, 2);
        ck_assert_int_eq(p.col, chars + 1);
        if (off < n && ((unsigned char)in[off] & 0xC0) != 0x80)
            chars++;
    }
    ck_assert_int_eq(chars, (int)((n - 2) / 12 * 6));
    src_free(&f);
    arena_free(&a);
}
END_TEST

/* The line map holds exactly the offsets after each '\n', wherever the
 * breaks fall against the 64-byte steps src_build_lines takes: texts of
 * every length 0..300 with random breaks (dense and sparse, runs of them,
 * one as the last byte), other bytes including 0x0A's neighbours and 0x8A,
 * against a byte-by-byte count. */
START_TEST(src_build_lines_every_break)
{
    unsigned long seed = 99;
    char buf[301];
    for (int round = 0; round < 600; round++) {
        size_t len = (size_t)round % 301;
        int density = 1 + round % 7;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 6364136223846793005ul + 1442695040888963407ul;
            unsigned r = (unsigned)(seed >> 33);
            buf[i] = r % (unsigned)(density * 3) == 0 ? '\n' : "ab\t\x0B\x09\x8A\r "[r % 8];
        }
        buf[len] = 0;
        SourceFile f;
        memset(&f, 0, sizeof f);
        f.text = buf;
        f.len = len;
        src_build_lines(&f);
        int n = 0;
        ck_assert_uint_eq(f.lines[n++], 0);
        for (size_t i = 0; i < len; i++)
            if (buf[i] == '\n') {
                ck_assert_int_lt(n, f.nlines);
                ck_assert_uint_eq(f.lines[n++], (uint32_t)(i + 1));
            }
        ck_assert_int_eq(n, f.nlines);
        for (size_t off = 0; off <= len; off++) {
            int line = 1, col = 1;
            for (size_t i = 0; i < off; i++) {
                if (buf[i] == '\n') {
                    line++;
                    col = 1;
                } else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
                    col++;
                }
            }
            SrcPos p = src_pos(&f, (uint32_t)off);
            ck_assert_int_eq(p.line, line);
            ck_assert_int_eq(p.col, col);
        }
        free(f.lines);
    }
}
END_TEST

/* src_span_pos counts a one-line span's end on from its start: every span
 * of a text with multi-byte characters and line breaks gives the positions
 * src_pos gives for its first and last byte. */
START_TEST(src_span_pos_matches_src_pos)
{
    Arena a;
    arena_init(&a, 0);
    DiagList d;
    diag_init(&d, &a);
    SourceFile f;
    const char in[] = "ab\xC3\xBC" "c\n\xE2\x82\xAC" "defghijk\xF0\x9F\x98\x80lmnopqrstu\n\nxyz";
    decode(&f, &d, in, sizeof in - 1);
    ck_assert_int_eq(d.v.n, 0);
    for (uint32_t off = 0; off < f.len; off++) {
        for (uint32_t len = 0; off + len <= f.len; len++) {
            SrcSpan sp = {0, off, len};
            SrcPos s, e, ws = src_pos(&f, off), we = src_pos(&f, len ? off + len - 1 : off);
            src_span_pos(&f, sp, &s, &e);
            ck_assert_int_eq(s.line, ws.line);
            ck_assert_int_eq(s.col, ws.col);
            ck_assert_int_eq(e.line, we.line);
            ck_assert_int_eq(e.col, we.col);
        }
    }
    SrcPos s, e;
    SrcSpan word = {0, 9, 8}; /* "defghijk" after U+20AC on line 2 */
    src_span_pos(&f, word, &s, &e);
    ck_assert_int_eq(s.line, 2);
    ck_assert_int_eq(s.col, 2);
    ck_assert_int_eq(e.line, 2);
    ck_assert_int_eq(e.col, 9);
    src_free(&f);
    arena_free(&a);
}
END_TEST

/* Unquoting: a doubled quote stands for one, a lone one stays. */
START_TEST(arena_undouble_quotes)
{
    Arena a;
    arena_init(&a, 0);
    size_t n;
    ck_assert_str_eq(arena_undouble(&a, "it''s", 5, '\'', &n), "it's");
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(arena_undouble(&a, "a]]b]]]]", 8, ']', &n), "a]b]]");
    ck_assert_uint_eq(n, 5);
    ck_assert_str_eq(arena_undouble(&a, "x'", 2, '\'', &n), "x'");
    ck_assert_str_eq(arena_undouble(&a, "'''", 3, '\'', &n), "''");
    ck_assert_str_eq(arena_undouble(&a, "", 0, '\'', &n), "");
    ck_assert_uint_eq(n, 0);
    /* longer texts, quotes at both ends */
    ck_assert_str_eq(arena_undouble(&a, "it''s a long string, isn''t it? '", 33, '\'', &n),
                     "it's a long string, isn't it? '");
    ck_assert_uint_eq(n, 31);
    ck_assert_str_eq(arena_undouble(&a, "[[a]]]]bcdefghijklmnopqrstuvwxyz]]", 34, ']', &n),
                     "[[a]]bcdefghijklmnopqrstuvwxyz]");
    const char nul[] = "a\0''b";
    char *o = arena_undouble(&a, nul, 5, '\'', &n);
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(memcmp(o, "a\0'b", 5), 0);
    arena_free(&a);
}
END_TEST

/* The line index by 4 KB blocks: every offset of a text with short lines,
 * empty lines and lines longer than a block gives the line and column of a
 * plain count from the start. */
START_TEST(src_pos_across_blocks)
{
    Arena a;
    arena_init(&a, 0);
    DiagList d;
    diag_init(&d, &a);
    SourceFile f;
    size_t cap = 40000, n = 0;
    char *in = malloc(cap);
    ck_assert_ptr_nonnull(in);
    for (int k = 0; n + 9000 < cap; k++) {
        size_t len = k % 7 == 3 ? 9000 : (size_t)(k * 37 % 101);
        memset(in + n, 'a' + k % 26, len);
        n += len;
        in[n++] = '\n';
    }
    decode(&f, &d, in, n);
    ck_assert_int_eq(d.v.n, 0);
    int line = 1, col = 1;
    for (size_t off = 0; off <= n; off++) {
        SrcPos p = src_pos(&f, (uint32_t)off);
        ck_assert_int_eq(p.line, line);
        ck_assert_int_eq(p.col, col);
        if (off < n && in[off] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    free(in);
    src_free(&f);
    arena_free(&a);
}
END_TEST

START_TEST(decode_utf16be)
{
    Arena a;
    arena_init(&a, 0);
    DiagList d;
    diag_init(&d, &a);
    SourceFile f;
    const char in[] = "\xFE\xFF" "\0G\0O";
    decode(&f, &d, in, sizeof in - 1);
    ck_assert_int_eq(f.encoding, ENC_UTF16BE);
    ck_assert_str_eq(f.text, "GO");
    src_free(&f);
    arena_free(&a);
}
END_TEST

START_TEST(decode_invalid_bytes_reported_with_offset)
{
    Arena a;
    arena_init(&a, 0);
    DiagList d;
    diag_init(&d, &a);
    SourceFile f;
    decode(&f, &d, "ab\xFF" "cd\xC3", 6);
    ck_assert_str_eq(f.text, "ab?cd?");
    ck_assert_int_eq(d.v.n, 2);
    ck_assert_str_eq(d.v.items[0].code, "SS0001");
    ck_assert_uint_eq(d.v.items[0].span.off, 2);
    ck_assert_ptr_nonnull(strstr(d.v.items[0].message, "offset 2"));
    ck_assert_uint_eq(d.v.items[1].span.off, 5);
    src_free(&f);
    arena_free(&a);
}
END_TEST

START_TEST(fs_walk_sorted_and_filtered)
{
    char dir[] = "/tmp/sqlshift-unit-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[512];
    const char *files[] = {"b.sql", "a.SQL", "notes.txt", "sub/c.pkb"};
    const char *texts[] = {"select 1;", "x", "not an input", "-- c\n"};
    snprintf(path, sizeof path, "%s/sub", dir);
    ck_assert_int_eq(fs_mkdirs(path), 0);
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        ck_assert_int_eq(fs_write_atomic(path, texts[i], strlen(texts[i])), 0);
    }
    PathList l = {0, 0, NULL, 0};
    char *err = NULL;
    ck_assert_int_eq(fs_collect_inputs(dir, &l, &err), 0);
    ck_assert_int_eq(l.n, 3);
    ck_assert_uint_eq(l.bytes, 9 + 1 + 5); /* the inputs only, not notes.txt */
    /* a file named directly counts too; stdin has no size */
    snprintf(path, sizeof path, "%s/notes.txt", dir);
    ck_assert_int_eq(fs_collect_inputs(path, &l, &err), 0);
    ck_assert_int_eq(fs_collect_inputs("-", &l, &err), 0);
    ck_assert_int_eq(l.n, 5);
    ck_assert_uint_eq(l.bytes, 9 + 1 + 5 + 12);
    snprintf(path, sizeof path, "%s/a.SQL", dir);
    ck_assert_str_eq(l.items[0], path);
    snprintf(path, sizeof path, "%s/b.sql", dir);
    ck_assert_str_eq(l.items[1], path);
    snprintf(path, sizeof path, "%s/sub/c.pkb", dir);
    ck_assert_str_eq(l.items[2], path);
    for (int i = 0; i < l.n; i++)
        unlink(l.items[i]);
    fs_pathlist_free(&l);
    snprintf(path, sizeof path, "%s/notes.txt", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/sub", dir);
    rmdir(path);
    rmdir(dir);
}
END_TEST

START_TEST(intern_one_copy_per_string)
{
    Arena a;
    arena_init(&a, 0);
    Interner in;
    intern_init(&in, &a);
    const char *x = intern(&in, "CustomerID, Name", 10); /* not terminated at 10 */
    ck_assert_str_eq(x, "CustomerID");
    ck_assert_ptr_eq(intern(&in, "CustomerID", 10), x);
    ck_assert_ptr_ne(intern(&in, "customerid", 10), x); /* case is kept */
    ck_assert_ptr_ne(intern(&in, "Customer", 8), x);     /* a prefix is another string */
    ck_assert_str_eq(intern(&in, "", 0), "");
    /* longer than a hashed word: the tail and the head both tell strings apart */
    const char *l1 = intern(&in, "OrderDetails_1", 14), *l2 = intern(&in, "OrderDetails_2", 14);
    ck_assert_ptr_ne(l1, l2);
    ck_assert_ptr_ne(intern(&in, "XrderDetails_1", 14), l1);
    ck_assert_ptr_eq(intern(&in, "OrderDetails_1x", 14), l1);
    /* growing the table keeps every string where it was */
    char buf[32];
    const char *first[3000];
    for (int i = 0; i < 3000; i++) {
        snprintf(buf, sizeof buf, "col_%d", i);
        first[i] = intern(&in, buf, strlen(buf));
    }
    for (int i = 0; i < 3000; i++) {
        snprintf(buf, sizeof buf, "col_%d", i);
        ck_assert_ptr_eq(intern(&in, buf, strlen(buf)), first[i]);
        ck_assert_str_eq(first[i], buf);
    }
    ck_assert_uint_eq(in.n, 3000 + 7);
    /* short strings (hashed from at most two loads of their bytes): every
     * string of 1 to 6 letters of "ab" is its own, and found again */
    unsigned before = in.n, count = 0;
    for (int n = 1; n <= 6; n++)
        for (int bits = 0; bits < 1 << n; bits++, count++) {
            for (int i = 0; i < n; i++)
                buf[i] = bits >> i & 1 ? 'b' : 'a';
            buf[n] = 'z'; /* not terminated at n */
            const char *got = intern(&in, buf, (size_t)n);
            ck_assert_uint_eq(strlen(got), (size_t)n);
            ck_assert_int_eq(memcmp(got, buf, (size_t)n), 0);
            ck_assert_uint_eq(in.n, before + count + 1);
            ck_assert_ptr_eq(intern(&in, buf, (size_t)n), got);
        }
    intern_free(&in);
    arena_free(&a);
}
END_TEST

/* Writes n bytes of SQL lines (plus extra, if any) to a temporary file. */
static void big_file(char *path, size_t n, const char *extra)
{
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *fp = fdopen(fd, "wb");
    ck_assert_ptr_nonnull(fp);
    static const char line[] = "INSERT INTO t VALUES (1, N'\xC3\xA9t\xC3\xA9');\n";
    for (size_t k = 0; k + sizeof line - 1 <= n; k += sizeof line - 1)
        fputs(line, fp);
    if (extra)
        fputs(extra, fp);
    ck_assert_int_eq(fclose(fp), 0);
}

START_TEST(read_large_utf8_in_place)
{
    Arena a;
    arena_init(&a, 0);
    DiagList d;
    diag_init(&d, &a);
    char path[] = "/tmp/sqlshift-unit-XXXXXX";
    big_file(path, 6u << 20, "SELECT 1;\n");
    SourceFile f;
    memset(&f, 0, sizeof f);
    char *err = NULL;
    ck_assert_int_eq(input_read(path, &f, &d, &err), 0);
    /* valid UTF-8 of 1 MB or more: the mapped file is the text */
    ck_assert_ptr_nonnull(f.map);
    ck_assert_uint_eq(f.len, f.raw_len);
    ck_assert_int_eq(f.text[f.len], 0);
    ck_assert_int_eq(d.v.n, 0);
    ck_assert_int_eq(f.encoding, ENC_UTF8);
    ck_assert_int_eq(strncmp(f.text + f.len - 10, "SELECT 1;\n", 10), 0);
    SrcPos p = src_pos(&f, (uint32_t)(f.len - 10));
    ck_assert_int_eq(p.line, f.nlines - 1);
    ck_assert_int_eq(p.col, 1);
    /* the memory behind is given back, the text still reads the same */
    char head[64];
    memcpy(head, f.text, sizeof head);
    src_release_before(&f, f.len - 10);
    ck_assert_uint_ge(f.released, 4u << 20); /* (in 4 MB steps) */
    src_release_text(&f);
    ck_assert_int_eq(memcmp(head, f.text, sizeof head), 0);
    ck_assert_int_eq(strncmp(f.text + f.len - 10, "SELECT 1;\n", 10), 0);
    src_free(&f);
    ck_assert_ptr_null(f.map);
    unlink(path);
    arena_free(&a);
}
END_TEST

START_TEST(read_large_invalid_utf8_is_decoded)
{
    Arena a;
    arena_init(&a, 0);
    DiagList d;
    diag_init(&d, &a);
    char path[] = "/tmp/sqlshift-unit-XXXXXX";
    big_file(path, 2u << 20, "SELECT '\xFF';\n");
    SourceFile f;
    memset(&f, 0, sizeof f);
    char *err = NULL;
    ck_assert_int_eq(input_read(path, &f, &d, &err), 0);
    /* an invalid byte: decoded into a copy, reported, replaced by '?' */
    ck_assert_ptr_null(f.map);
    ck_assert_int_eq(d.v.n, 1);
    ck_assert_str_eq(d.v.items[0].code, "SS0001");
    ck_assert_int_eq(strcmp(f.text + f.len - 5, "'?';\n"), 0);
    src_free(&f);
    unlink(path);
    arena_free(&a);
}
END_TEST

Suite *util_suite(void)
{
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("util");
    tcase_add_test(tc, arena_alignment_and_zero);
    tcase_add_test(tc, arena_realloc_grows_in_place);
    tcase_add_test(tc, arena_reset_keeps_one_chunk);
    tcase_add_test(tc, arena_strndup_every_short_length);
    tcase_add_test(tc, strbuf_basics);
    tcase_add_test(tc, decode_utf8_bom_and_crlf);
    tcase_add_test(tc, decode_utf16le_with_surrogates);
    tcase_add_test(tc, decode_utf16be);
    tcase_add_test(tc, src_pos_columns_long_utf8_line);
    tcase_add_test(tc, src_span_pos_matches_src_pos);
    tcase_add_test(tc, src_build_lines_every_break);
    tcase_add_test(tc, src_pos_across_blocks);
    tcase_add_test(tc, arena_undouble_quotes);
    tcase_add_test(tc, decode_invalid_bytes_reported_with_offset);
    tcase_add_test(tc, fs_walk_sorted_and_filtered);
    tcase_add_test(tc, intern_one_copy_per_string);
    tcase_add_test(tc, read_large_utf8_in_place);
    tcase_add_test(tc, read_large_invalid_utf8_is_decoded);
    suite_add_tcase(s, tc);
    return s;
}
