/* input: reading and decoding scripts (see decode.h). */
#include "input/decode.h"
#include "util/mapguard.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

const char *input_encoding_name(SrcEncoding e)
{
    switch (e) {
    case ENC_UTF8_BOM: return "UTF-8 with BOM";
    case ENC_UTF16LE: return "UTF-16LE";
    case ENC_UTF16BE: return "UTF-16BE";
    default: return "UTF-8";
    }
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Length of a valid UTF-8 sequence at p (max n bytes), 0 if invalid. */
static size_t utf8_valid(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c < 0x80) return 1;
    size_t len; uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return 0;
    if (len > n) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* Length of the prefix of raw[0..n) that is valid UTF-8 without NUL bytes
 * (the text the lexers can take as it is). */
static size_t utf8_clean_len(const unsigned char *raw, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (raw[i] < 0x80 && raw[i] != 0) {
            /* a run of ASCII without NUL, 32 or 8 bytes at a time (every
             * input byte passes here once) */
            size_t j = i;
#ifdef __SSE2__
            const __m128i zero = _mm_setzero_si128();
            while (j + 32 <= n) {
                __m128i a = _mm_loadu_si128((const __m128i *)(raw + j));
                __m128i b = _mm_loadu_si128((const __m128i *)(raw + j + 16));
                /* high bits set, or a NUL byte */
                int bad = _mm_movemask_epi8(_mm_or_si128(a, b)) |
                          _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(a, b), zero));
                if (bad)
                    break;
                j += 32;
            }
#endif
            while (j + 8 <= n) {
                uint64_t w;
                memcpy(&w, raw + j, 8);
                if ((w & 0x8080808080808080ULL) || ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
                    break;
                j += 8;
            }
            while (j < n && raw[j] < 0x80 && raw[j] != 0)
                j++;
            i = j;
            continue;
        }
        size_t l = raw[i] ? utf8_valid(raw + i, n - i) : 0;
        if (l == 0)
            break;
        i += l;
    }
    return i;
}

static void bad(DiagList *d, SourceFile *f, size_t out_off, size_t raw_off, const char *what)
{
    if (!d) return;
    SrcSpan sp = {(uint32_t)f->id, (uint32_t)out_off, 1};
    diag_add(d, "SS0001", sp, -1, "invalid %s at byte offset %zu of the input; replaced by '?'",
             what, raw_off);
}

static void set_text(SourceFile *f, char *text, size_t len)
{
    f->text = text;
    f->len = len;
    char *nl = memchr(text, '\n', len);
    f->crlf = nl && nl > text && nl[-1] == '\r';
    src_build_lines(f);
}

void input_decode(SourceFile *f, const unsigned char *raw, size_t n, DiagList *d)
{
    size_t start = 0;
    f->encoding = ENC_UTF8;
    if (n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
        f->encoding = ENC_UTF8_BOM; start = 3;
    } else if (n >= 2 && raw[0] == 0xFF && raw[1] == 0xFE) {
        f->encoding = ENC_UTF16LE; start = 2;
    } else if (n >= 2 && raw[0] == 0xFE && raw[1] == 0xFF) {
        f->encoding = ENC_UTF16BE; start = 2;
    }
    f->raw_len = n;
    char *out;
    size_t o = 0;
    if (f->encoding == ENC_UTF16LE || f->encoding == ENC_UTF16BE) {
        int le = f->encoding == ENC_UTF16LE;
        out = malloc((n - start) / 2 * 3 + 8);
        if (!out) abort();
        size_t i = start;
        while (i + 1 < n) {
            uint32_t u = le ? (uint32_t)(raw[i] | raw[i + 1] << 8) : (uint32_t)(raw[i] << 8 | raw[i + 1]);
            size_t at = i;
            i += 2;
            if (u >= 0xD800 && u <= 0xDBFF) {
                uint32_t u2 = 0;
                if (i + 1 < n)
                    u2 = le ? (uint32_t)(raw[i] | raw[i + 1] << 8) : (uint32_t)(raw[i] << 8 | raw[i + 1]);
                if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                    i += 2;
                    o += put_utf8(out + o, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
                } else {
                    bad(d, f, o, at, "UTF-16 surrogate");
                    out[o++] = '?';
                }
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
                bad(d, f, o, at, "UTF-16 surrogate");
                out[o++] = '?';
            } else if (u == 0) {
                bad(d, f, o, at, "NUL character");
                out[o++] = '?';
            } else {
                o += put_utf8(out + o, u);
            }
        }
        if (i < n) {
            bad(d, f, o, i, "odd trailing byte in UTF-16 input");
        }
    } else {
        out = malloc(n - start + 1);
        if (!out) abort();
        size_t i = start;
        while (i < n) {
            size_t k = utf8_clean_len(raw + i, n - i);
            memcpy(out + o, raw + i, k);
            o += k;
            i += k;
            if (i < n) {
                bad(d, f, o, i, raw[i] ? "UTF-8 byte sequence" : "NUL byte");
                out[o++] = '?';
                i++;
            }
        }
    }
    out[o] = 0;
    set_text(f, out, o);
}

/* Inputs that are valid UTF-8 already are used where the file is mapped:
 * no copy, and the pages behind the conversion can be given back
 * (src_release_before), so a large script costs little more memory than
 * the part being converted. Mapping also costs fewer page faults than
 * reading into a buffer (the kernel maps 16 pages of a cached file per
 * fault; a buffer faults once per page, twice with the decoded copy), and
 * a page fault costs as much as ~10,000 instructions on a virtual machine.
 * Below this size, reading is as cheap. */
enum { MAP_MIN = 16 * 1024 };

/* 1 if the input was mapped and taken as it is, 0 to read it instead. */
static int map_input(int fd, const char *path, SourceFile *f)
{
    struct stat st;
    long page = sysconf(_SC_PAGESIZE);
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < MAP_MIN || page <= 0 ||
        (uint64_t)st.st_size >= UINT32_MAX || st.st_size % page == 0)
        return 0; /* (a whole last page would leave no NUL after the text) */
    size_t n = (size_t)st.st_size;
    unsigned char *raw = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
    if (raw == MAP_FAILED)
        return 0;
    size_t start = n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF ? 3 : 0;
    int utf16 = n >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF));
    if (utf16 || utf8_clean_len(raw + start, n - start) != n - start) {
        munmap(raw, n);
        return 0;
    }
    f->name = strdup(path);
    if (!f->name) abort();
    mapguard_add(raw, n, path); /* (without memory: unguarded) */
    f->encoding = start ? ENC_UTF8_BOM : ENC_UTF8;
    f->raw_len = n;
    f->map = raw;
    f->map_len = n;
    f->released = 0;
    /* the mapping is zero-filled past the end of the file: text[len] is NUL */
    set_text(f, (char *)raw + start, n - start);
    return 1;
}

int input_read(const char *path, SourceFile *f, DiagList *d, char **err)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!fp) {
        if (err && asprintf(err, "%s: cannot open: %s", path, strerror(errno)) < 0)
            *err = NULL;
        return -1;
    }
    if (fp != stdin && map_input(fileno(fp), path, f)) {
        fclose(fp);
        return 0;
    }
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    if (!buf) abort();
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            if (!buf) abort();
        }
        size_t r = fread(buf + n, 1, cap - n, fp);
        n += r;
        if (r == 0)
            break;
    }
    int failed = ferror(fp);
    int e = errno;
    if (fp != stdin)
        fclose(fp);
    if (failed) {
        free(buf);
        if (err && asprintf(err, "%s: read error: %s", path, strerror(e)) < 0)
            *err = NULL;
        return -1;
    }
    f->name = strdup(path);
    input_decode(f, buf, n, d);
    free(buf);
    return 0;
}
