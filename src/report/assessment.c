/* report: what the three writers share. The per-kind summary and the
 * complexity rating (so CSV, HTML and JSON can never disagree), UTF-8
 * clean-up of untrusted text, and writing a set of report files through
 * temporary names that are renamed only when every file is complete. */
#include "report/assessment.h"
#include "diag/diag.h"
#include "util/fsutil.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/report_int.h"

/* Summary rows follow the order a reader meets objects in a migration
 * (containers and types, tables, their satellites, views, stored code, then
 * script-level statements); kinds not listed follow in byte order, so a new
 * kind in the pipeline still gets a stable place. */
static const char *const kind_order[] = {
    "schema", "type", "sequence", "table", "alter table", "constraint", "index",
    "view", "materialized view", "synonym", "procedure", "function", "trigger",
    "package", "package body", "type body", "data", "query", "comment",
    "session", "script", "drop", "statement", "unparsed",
};
#define NKIND_ORDER ((int)(sizeof kind_order / sizeof kind_order[0]))

const char *rpt_str(const char *s)
{
    return s ? s : "";
}

static int kind_rank(const char *k)
{
    for (int i = 0; i < NKIND_ORDER; i++)
        if (strcmp(kind_order[i], k) == 0)
            return i;
    return NKIND_ORDER;
}

static int kind_cmp(const void *pa, const void *pb)
{
    const RptKind *x = pa, *y = pb;
    int rx = kind_rank(x->kind), ry = kind_rank(y->kind);
    if (rx != ry)
        return rx < ry ? -1 : 1;
    return strcmp(x->kind, y->kind);
}

static int find_kind(RptKind *rows, int n, const char *kind)
{
    for (int i = 0; i < n; i++)
        if (strcmp(rows[i].kind, kind) == 0)
            return i;
    return -1;
}

int rpt_kinds(const Assessment *a, RptKind **out)
{
    /* at most one row per object, one for file-level items, and TOTAL */
    size_t cap = (size_t)(a->nobjects > 0 ? a->nobjects : 0) + 2;
    RptKind *rows = calloc(cap, sizeof *rows);
    int *row_of = calloc((size_t)(a->nobjects > 0 ? a->nobjects : 1), sizeof *row_of);
    if (!rows || !row_of) {
        free(rows);
        free(row_of);
        return -1;
    }
    /* A linear search per object is quadratic only in the number of
     * distinct kinds, which is a few dozen at most. */
    int n = 0;
    for (int i = 0; i < a->nobjects; i++) {
        const ObjectRec *o = &a->objects[i];
        const char *k = rpt_str(o->kind);
        int r = find_kind(rows, n, k);
        if (r < 0) {
            r = n++;
            rows[r].kind = k;
        }
        rows[r].total++;
        if (o->status >= OBJ_CONVERTED && o->status <= OBJ_EXCLUDED)
            rows[r].st[o->status]++;
    }
    qsort(rows, (size_t)n, sizeof *rows, kind_cmp);
    for (int i = 0; i < a->nobjects; i++)
        row_of[i] = find_kind(rows, n, rpt_str(a->objects[i].kind));
    /* Items are counted from the item list, not from ObjectRec.n_items, so
     * that the TOTAL row equals the number of rows of action_items.csv. */
    int loose = -1;
    for (int i = 0; i < a->nitems; i++) {
        const ItemRec *it = &a->items[i];
        int r;
        if (it->object >= 0 && it->object < a->nobjects) {
            r = row_of[it->object];
        } else {
            if (loose < 0) {
                loose = n++;
                rows[loose].kind = RPT_NO_OBJECT;
            }
            r = loose;
        }
        rows[r].items++;
        rows[r].effort_min += it->effort_min;
    }
    free(row_of);
    RptKind *t = &rows[n++];
    t->kind = "TOTAL";
    for (int i = 0; i < n - 1; i++) {
        t->total += rows[i].total;
        for (int s = 0; s < 4; s++)
            t->st[s] += rows[i].st[s];
        t->items += rows[i].items;
        t->effort_min += rows[i].effort_min;
    }
    *out = rows;
    return n;
}

/* The items of each object, in item order: those of object o are
 * list[first[o]] .. list[first[o+1]-1]. 0, or -1 when out of memory. */
int rpt_object_items(const Assessment *a, int **first_out, int **list_out)
{
    int no = a->nobjects > 0 ? a->nobjects : 0;
    int *first = calloc((size_t)no + 2, sizeof *first);
    int *list = malloc(sizeof *list * (size_t)(a->nitems > 0 ? a->nitems : 1));
    if (!first || !list) {
        free(first);
        free(list);
        return -1;
    }
    for (int i = 0; i < a->nitems; i++)
        if (a->items[i].object >= 0 && a->items[i].object < no)
            first[a->items[i].object + 2]++;
    /* prefix sums shifted by one, so that the fill below can use
     * first[o + 1] as the running insert position of object o */
    for (int o = 0; o < no; o++)
        first[o + 2] += first[o + 1];
    for (int i = 0; i < a->nitems; i++)
        if (a->items[i].object >= 0 && a->items[i].object < no)
            list[first[a->items[i].object + 1]++] = i;
    *first_out = first;
    *list_out = list;
    return 0;
}

int assess_total_effort(const Assessment *a)
{
    long sum = 0;
    for (int i = 0; i < a->nitems; i++)
        sum += a->items[i].effort_min;
    return sum > 0x7fffffffL ? 0x7fffffff : (int)sum;
}

/* Complexity: the higher of two levels (0 low .. 3 very high).
 *   effort level, from the total effort of all action items:
 *     under 8 hours low, under 40 medium, under 160 high, else very high;
 *   manual level, from the share of objects needing manual work among the
 *   objects not excluded, counted only with 10 or more such objects (one
 *   procedure out of three says little about an input):
 *     under 10 % low, under 25 % medium, under 50 % high, else very high.
 * Integer arithmetic only, so the rating never depends on rounding.
 * The same thresholds are documented in reports/columns.md. */
const char *assess_complexity(const Assessment *a)
{
    static const char *const names[] = {"low", "medium", "high", "very high"};
    long effort = 0;
    for (int i = 0; i < a->nitems; i++)
        effort += a->items[i].effort_min;
    int lv = effort < 8 * 60 ? 0 : effort < 40 * 60 ? 1 : effort < 160 * 60 ? 2 : 3;
    long considered = 0, manual = 0;
    for (int i = 0; i < a->nobjects; i++) {
        if (a->objects[i].status == OBJ_EXCLUDED)
            continue;
        considered++;
        if (a->objects[i].status == OBJ_MANUAL)
            manual++;
    }
    if (considered >= 10) {
        int ms = manual * 10 < considered ? 0        /* < 10 % */
                 : manual * 4 < considered ? 1       /* < 25 % */
                 : manual * 2 < considered ? 2       /* < 50 % */
                 : 3;
        if (ms > lv)
            lv = ms;
    }
    return names[lv];
}

const char *rpt_status_name(int st)
{
    switch (st) {
    case OBJ_CONVERTED: return "converted";
    case OBJ_WARNINGS: return "warnings";
    case OBJ_MANUAL: return "manual";
    case OBJ_EXCLUDED: return "excluded";
    default: return "unknown";
    }
}

const char *rpt_file_name(const Assessment *a, int file)
{
    if (file < 0 || file >= a->nfiles || !a->files[file])
        return "";
    return rpt_str(a->files[file]->name);
}

const char *rpt_encoding_name(int enc)
{
    switch (enc) {
    case ENC_UTF8: return "utf-8";
    case ENC_UTF8_BOM: return "utf-8-bom";
    case ENC_UTF16LE: return "utf-16le";
    case ENC_UTF16BE: return "utf-16be";
    default: return "unknown";
    }
}

/* Minutes as hours with one decimal, rounded half up, in integers: "%.1f"
 * would round halves to even and follow LC_NUMERIC's decimal comma. */
void rpt_hours(char buf[32], long minutes)
{
    int neg = minutes < 0;
    long m = neg ? -minutes : minutes;
    long tenths = (m * 10 + 30) / 60;
    snprintf(buf, 32, "%s%ld.%ld", neg && tenths ? "-" : "", tenths / 10, tenths % 10);
}

/* One step of a strict UTF-8 decoder (no overlongs, no surrogates, nothing
 * above U+10FFFF). Returns the bytes consumed (>= 1 when n >= 1); an invalid
 * sequence yields U+FFFD and consumes its maximal valid prefix, as the
 * Unicode standard recommends, so one bad byte gives one replacement. */
size_t rpt_utf8_next(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t need;
    unsigned lo = 0x80, hi = 0xBF, v;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;      /* overlong */
        else if (c == 0xED)
            hi = 0x9F;      /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;      /* overlong */
        else if (c == 0xF4)
            hi = 0x8F;      /* above U+10FFFF */
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    size_t i = 1;
    for (; i <= need; i++) {
        if (i >= n) {
            *cp = 0xFFFD;
            return i;
        }
        unsigned b = s[i];
        if (b < lo || b > hi) {
            *cp = 0xFFFD;
            return i;
        }
        lo = 0x80;
        hi = 0xBF;
        v = (v << 6) | (b & 0x3F);
    }
    *cp = v;
    return i;
}

/* s as valid UTF-8 for CSV and HTML: invalid sequences and control
 * characters other than tab, line feed and carriage return become U+FFFD
 * (input text is untrusted and both formats are read by tools that choke on
 * them). malloc'd; NULL when out of memory. */
char *rpt_clean(const char *s)
{
    s = rpt_str(s);
    size_t n = strlen(s);
    /* U+FFFD is 3 bytes and replaces at least 1 */
    char *o = malloc(n * 3 + 1);
    if (!o)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, j = 0;
    while (i < n) {
        unsigned cp;
        size_t k = rpt_utf8_next(p + i, n - i, &cp);
        if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F)
            cp = 0xFFFD;
        if (cp == 0xFFFD) {
            o[j++] = (char)0xEF;
            o[j++] = (char)0xBF;
            o[j++] = (char)0xBD;
        } else {
            memcpy(o + j, p + i, k);
            j += k;
        }
        i += k;
    }
    o[j] = 0;
    return o;
}

char *rpt_errf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0)
        s = NULL;
    va_end(ap);
    return s;
}

/* Opens a new temporary file next to path: "path.tmp.PID". O_EXCL so that
 * a planted symlink is never followed; a leftover of an earlier process
 * that had our pid is ours to remove. Mode 0666 lets the umask decide, as
 * for any other file the user creates. */
static FILE *open_temp(const char *path, char **tmp_out)
{
    char *tmp;
    if (asprintf(&tmp, "%s.tmp.%ld", path, (long)getpid()) < 0) {
        errno = ENOMEM;
        return NULL;
    }
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno == EEXIST && unlink(tmp) == 0)
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        errno = e;
        return NULL;
    }
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        int e = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        errno = e;
        return NULL;
    }
    *tmp_out = tmp;
    return f;
}

/* Writes every file of outs to its temporary name first and renames them
 * only when all are complete: a run that fails or is interrupted while
 * writing leaves the previous files, never a half-written one (only an
 * interruption between the renames can mix old and new complete files). */
int rpt_write_set(const Assessment *a, const RptOut *outs, int n, char **err)
{
    char *tmps[8] = {0};
    int rc = 0;
    if (n > 8) {
        *err = rpt_errf("internal: too many report files");
        return -1;
    }
    *err = NULL;
    for (int i = 0; i < n && rc == 0; i++) {
        /* a directory in the way would make its rename fail after others
         * were renamed: refuse before anything is replaced */
        struct stat st;
        if (lstat(outs[i].path, &st) == 0 && S_ISDIR(st.st_mode)) {
            *err = rpt_errf("cannot write %s: %s", outs[i].path, strerror(EISDIR));
            rc = -1;
            break;
        }
        FILE *f = open_temp(outs[i].path, &tmps[i]);
        if (!f) {
            *err = rpt_errf("cannot write %s: %s", outs[i].path, strerror(errno));
            rc = -1;
            break;
        }
        char *berr = NULL;
        int brc = outs[i].body(a, f, &berr);
        /* stdio reports a failed write (a full disk) only here */
        int e = 0;
        errno = 0;
        if (brc == 0 && (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0))
            e = errno ? errno : EIO;
        errno = 0;
        if (fclose(f) != 0 && brc == 0 && !e)
            e = errno ? errno : EIO;
        if (brc != 0) {
            *err = rpt_errf("cannot write %s: %s", outs[i].path, berr ? berr : "failed");
            rc = -1;
        } else if (e) {
            *err = rpt_errf("cannot write %s: %s", outs[i].path, strerror(e));
            rc = -1;
        }
        free(berr);
    }
    for (int i = 0; i < n && rc == 0; i++) {
        if (rename(tmps[i], outs[i].path) != 0) {
            *err = rpt_errf("cannot write %s: %s", outs[i].path, strerror(errno));
            rc = -1;
            break;
        }
        free(tmps[i]);
        tmps[i] = NULL;
    }
    for (int i = 0; i < n; i++) {
        if (tmps[i]) {
            unlink(tmps[i]);
            free(tmps[i]);
        }
    }
    if (rc != 0 && !*err)
        *err = rpt_errf("cannot write the report: out of memory");
    return rc;
}

void rpt_row_done(const Assessment *a, long i)
{
    if (a->drop_texts && (i & 4095) == 4095)
        a->drop_texts(a->drop_ctx);
}

int report_write_all(const Assessment *a, const char *dir, char **err)
{
    static const struct { const char *name; RptBody body; } files[] = {
        {"summary.csv", rpt_csv_summary},
        {"action_items.csv", rpt_csv_items},
        {"objects.csv", rpt_csv_objects},
        {"report.html", rpt_html_body},
        {"report.json", rpt_json_body},
    };
    enum { NFILES = (int)(sizeof files / sizeof files[0]) };
    *err = NULL;
    if (!dir || !*dir) {
        *err = rpt_errf("no report directory given");
        return -1;
    }
    if (fs_mkdirs(dir) != 0) {
        *err = rpt_errf("cannot create directory %s: %s", dir, strerror(errno));
        return -1;
    }
    RptOut outs[NFILES];
    char *paths[NFILES] = {0};
    int rc = 0;
    size_t dl = strlen(dir);
    const char *sep = dir[dl - 1] == '/' ? "" : "/";
    for (int i = 0; i < NFILES; i++) {
        if (asprintf(&paths[i], "%s%s%s", dir, sep, files[i].name) < 0) {
            paths[i] = NULL;
            rc = -1;
        }
        outs[i].path = paths[i];
        outs[i].body = files[i].body;
    }
    if (rc == 0)
        rc = rpt_write_set(a, outs, NFILES, err);
    else
        *err = rpt_errf("cannot write the report: out of memory");
    for (int i = 0; i < NFILES; i++)
        free(paths[i]);
    return rc;
}
