/* report: report.html, one self-contained page (no network: the
 * stylesheet reports/report.css is inlined, charts are inline SVG, no
 * script). The page is built as a libxml2 HTML tree, so every piece of
 * text from the input (names, messages, snippets) is escaped by the
 * serializer, never by hand; text is cleaned to valid UTF-8 first.
 * The long lists (objects, routines, items, source blocks) are not kept
 * in the tree: the page's skeleton holds a placeholder for each, and their
 * rows are built, written and freed one at a time (see "streamed rows"),
 * so memory does not grow with the number of objects and items.
 * This file is built into the XML module (src/xml/xml_module.h) with the
 * stylesheet; report_html_entry.c calls it from the program. */
#include "report/assessment.h"
#include "diag/diag.h"
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_int.h"

/* tools/embed output (src/report/report_assets.c); same layout as the
 * rule files' table in src/rewrite/rules.h. */
typedef struct BuiltinFile { const char *name; const char *text; unsigned len; } BuiltinFile;
extern const BuiltinFile report_assets[];
extern const int report_assets_count;

/* Build state: the document and whether an allocation failed (libxml2
 * returns NULL then; every helper accepts a NULL parent, so the build runs
 * to its end and fails once). */
typedef struct Html {
    htmlDocPtr doc;
    int oom;
    const Assessment *a;
    RptKind *kinds;         /* rpt_kinds() rows, the last is TOTAL */
    int nkinds;
    int *first, *list;      /* rpt_object_items() */
    char *has_src;          /* per object: its source lines are embedded (#src-N-L) */
    struct Rows *rows;      /* streamed runs of rows, in page order */
    int nrows;
} Html;

static const xmlChar *X(const char *s)
{
    return (const xmlChar *)s;
}

static xmlNodePtr el(Html *h, xmlNodePtr parent, const char *name, const char *cls)
{
    if (!parent)
        return NULL;
    xmlNodePtr n = xmlNewChild(parent, NULL, X(name), NULL);
    if (!n) {
        h->oom = 1;
        return NULL;
    }
    if (cls && *cls && !xmlNewProp(n, X("class"), X(cls)))
        h->oom = 1;
    return n;
}

static void attr(Html *h, xmlNodePtr n, const char *name, const char *value)
{
    if (!n)
        return;
    char *c = rpt_clean(value);
    if (!c || !xmlNewProp(n, X(name), X(c)))
        h->oom = 1;
    free(c);
}

static void attrf(Html *h, xmlNodePtr n, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void attrf(Html *h, xmlNodePtr n, const char *name, const char *fmt, ...)
{
    char *buf = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&buf, fmt, ap) < 0)
        buf = NULL;
    va_end(ap);
    if (buf)
        attr(h, n, name, buf);
    else
        h->oom = 1;
    free(buf);
}

/* Text from anywhere, untrusted: cleaned, then a text node, which the
 * serializer escapes. */
static void text(Html *h, xmlNodePtr parent, const char *s)
{
    if (!parent)
        return;
    char *c = rpt_clean(s);
    xmlNodePtr t = c ? xmlNewText(X(c)) : NULL;
    free(c);
    if (!t || !xmlAddChild(parent, t)) {
        xmlFreeNode(t);
        h->oom = 1;
    }
}

static void textf(Html *h, xmlNodePtr parent, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void textf(Html *h, xmlNodePtr parent, const char *fmt, ...)
{
    char *buf = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&buf, fmt, ap) < 0)
        buf = NULL;
    va_end(ap);
    if (buf)
        text(h, parent, buf);
    else
        h->oom = 1;
    free(buf);
}

static xmlNodePtr el_text(Html *h, xmlNodePtr parent, const char *name, const char *cls, const char *s)
{
    xmlNodePtr n = el(h, parent, name, cls);
    text(h, n, s);
    return n;
}

static xmlNodePtr td_num(Html *h, xmlNodePtr tr, long v)
{
    xmlNodePtr td = el(h, tr, "td", "num");
    textf(h, td, "%ld", v);
    return td;
}

/* Tenths of a unit as "12.3": SVG coordinates without floating point, so
 * the page is byte-identical everywhere and never has a decimal comma. */
static void fmt10(char buf[32], long tenths)
{
    snprintf(buf, 32, "%s%ld.%ld", tenths < 0 ? "-" : "", labs(tenths) / 10, labs(tenths) % 10);
}

static void attr10(Html *h, xmlNodePtr n, const char *name, long tenths)
{
    char b[32];
    fmt10(b, tenths);
    attr(h, n, name, b);
}

static const char *const sev_class[] = {"sev-info", "sev-low", "sev-medium", "sev-high", "sev-critical"};

static const char *sevcls(int sev)
{
    return sev >= SEV_INFO && sev <= SEV_CRITICAL ? sev_class[sev] : "sev-info";
}

static const char *const st_class[] = {"st-converted", "st-warnings", "st-manual", "st-excluded"};
static const char *const st_label[] = {"converted", "with warnings", "manual work", "excluded"};

static const char *stcls(int st)
{
    return st >= OBJ_CONVERTED && st <= OBJ_EXCLUDED ? st_class[st] : "st-excluded";
}

/* "schema.name", or "name", or "(unnamed)" for statements without one. */
static void object_name(Html *h, xmlNodePtr parent, const ObjectRec *o)
{
    const char *sc = rpt_str(o->schema), *nm = rpt_str(o->name);
    if (*sc) {
        el_text(h, parent, "span", "muted", sc);
        text(h, parent, ".");
    }
    if (*nm)
        text(h, parent, nm);
    else if (!*sc)
        el_text(h, parent, "span", "muted", "(unnamed)");
}

static void object_label(char *buf, size_t n, const ObjectRec *o)
{
    const char *sc = rpt_str(o->schema), *nm = rpt_str(o->name);
    snprintf(buf, n, "%s %s%s%s", rpt_str(o->kind), sc, *sc ? "." : "", *nm ? nm : (*sc ? "" : "(unnamed)"));
}

/* ---- streamed rows ------------------------------------------------------- */

/* Builds the row for index i of a run as the last child of parent (one
 * element); 0 when index i gives no row. */
typedef int (*RowFn)(Html *h, xmlNodePtr parent, int i, int arg);

/* A run of sibling elements that ends its parent's children. */
typedef struct Rows {
    const char *parent;     /* the parent's element name: the serializer's
                               line break after a row depends on it */
    RowFn fn;
    int n;                  /* indexes 0..n-1 are offered to fn */
    int arg;
    int count;              /* rows fn makes (known beforehand) */
} Rows;

/* In the skeleton a run stands as a placeholder comment, two when it has
 * several rows: the serializer breaks lines around a comment as around an
 * element and only asks whether a parent has one child or more, so the
 * text the skeleton gives around the placeholders is the page's. */
static void rows(Html *h, xmlNodePtr parent, RowFn fn, int n, int arg, int count)
{
    if (!parent || count <= 0)
        return;
    Rows *r = realloc(h->rows, sizeof *r * (size_t)(h->nrows + 1));
    if (!r) {
        h->oom = 1;
        return;
    }
    h->rows = r;
    r[h->nrows] = (Rows){(const char *)parent->name, fn, n, arg, count};
    char mark[48];
    snprintf(mark, sizeof mark, "sqlshift-rows-%d", h->nrows);
    h->nrows++;
    for (int k = 0; k < (count > 1 ? 2 : 1); k++) {
        xmlNodePtr c = xmlNewDocComment(h->doc, X(mark));
        if (!c || !xmlAddChild(parent, c)) {
            xmlFreeNode(c);
            h->oom = 1;
        }
    }
}

/* Writes a run: each row is serialized as soon as the next one exists
 * (the line break after a row depends on whether one follows), then
 * freed; at most two rows are in memory. Returns -1 if fn made another
 * number of rows than announced (the skeleton's line breaks would lie). */
static int write_rows(Html *h, xmlOutputBufferPtr out, const Rows *r)
{
    xmlNodePtr scratch = xmlNewDocNode(h->doc, NULL, X(r->parent), NULL);
    if (!scratch) {
        h->oom = 1;
        return 0;
    }
    int made = 0;
    for (int i = 0; i < r->n && !h->oom; i++) {
        if (!r->fn(h, scratch, i, r->arg))
            continue;
        made++;
        rpt_row_done(h->a, made);
        if (scratch->children && scratch->children != scratch->last) {
            xmlNodePtr prev = scratch->children;
            htmlNodeDumpFormatOutput(out, h->doc, prev, "UTF-8", 1);
            xmlUnlinkNode(prev);
            xmlFreeNode(prev);
        }
    }
    if (scratch->children)
        htmlNodeDumpFormatOutput(out, h->doc, scratch->children, "UTF-8", 1);
    xmlFreeNode(scratch);
    return h->oom || made == r->count ? 0 : -1;
}

/* Writes the skeleton (serialized into memory: a few kilobytes and the
 * stylesheet) with each placeholder replaced by its run. */
static int write_page(Html *h, xmlOutputBufferPtr out, char **err)
{
    xmlBufferPtr sk = xmlBufferCreate();
    xmlOutputBufferPtr so = sk ? xmlOutputBufferCreateBuffer(sk, NULL) : NULL;
    if (!so) {
        xmlBufferFree(sk);
        *err = rpt_errf("out of memory");
        return -1;
    }
    htmlDocContentDumpFormatOutput(so, h->doc, "UTF-8", 1);
    xmlOutputBufferClose(so);
    static const char mark[] = "<!--sqlshift-rows-";
    const char *p = (const char *)xmlBufferContent(sk);
    const char *end = p + xmlBufferLength(sk);
    int rc = 0;
    while (p < end && rc == 0) {
        const char *m = strstr(p, mark);
        if (!m || m >= end)
            m = end;
        xmlOutputBufferWrite(out, (int)(m - p), p);
        if (m == end)
            break;
        char *q;
        long k = strtol(m + sizeof mark - 1, &q, 10);
        if (k < 0 || k >= h->nrows || strncmp(q, "-->", 3) != 0) {
            *err = rpt_errf("internal: bad placeholder in the page skeleton");
            rc = -1;
            break;
        }
        p = q + 3;
        size_t mlen = (size_t)(p - m);
        if ((size_t)(end - p) >= mlen && memcmp(p, m, mlen) == 0)
            p += mlen; /* the second placeholder of a run */
        if (write_rows(h, out, &h->rows[k]) != 0) {
            *err = rpt_errf("internal: a run of rows changed length");
            rc = -1;
        }
        if (h->oom && rc == 0) {
            *err = rpt_errf("out of memory");
            rc = -1;
        }
    }
    xmlBufferFree(sk);
    return rc;
}

/* ---- head and totals ---------------------------------------------------- */

static xmlNodePtr build_head(Html *h, xmlNodePtr html, const char *title)
{
    xmlNodePtr head = el(h, html, "head", NULL);
    xmlNodePtr m = el(h, head, "meta", NULL);
    attr(h, m, "charset", "utf-8");
    m = el(h, head, "meta", NULL);
    attr(h, m, "name", "viewport");
    attr(h, m, "content", "width=device-width, initial-scale=1");
    m = el(h, head, "meta", NULL);
    attr(h, m, "name", "generator");
    attrf(h, m, "content", "sqlshift %s", rpt_str(h->a->tool_version));
    el_text(h, head, "title", NULL, title);
    xmlNodePtr st = el(h, head, "style", NULL);
    /* The stylesheet is ours, built in; it goes in as raw text of <style>
     * (the serializer writes style content unescaped, as HTML wants). */
    for (int i = 0; i < report_assets_count; i++)
        if (report_assets[i].name && strcmp(report_assets[i].name, "report.css") == 0 && st) {
            xmlNodePtr t = xmlNewTextLen(X(report_assets[i].text), (int)report_assets[i].len);
            if (!t || !xmlAddChild(st, t)) {
                xmlFreeNode(t);
                h->oom = 1;
            }
        }
    return head;
}

static xmlNodePtr card(Html *h, xmlNodePtr parent, const char *cls, const char *label, const char *value)
{
    xmlNodePtr c = el(h, parent, "div", cls);
    el_text(h, c, "span", "label", label);
    el_text(h, c, "span", "value", value);
    return el(h, c, "span", "sub");
}

static void build_totals(Html *h, xmlNodePtr main)
{
    const Assessment *a = h->a;
    const RptKind *t = &h->kinds[h->nkinds - 1];
    xmlNodePtr sec = el(h, main, "section", "cards");
    attr(h, sec, "id", "totals");
    char v[64], hb[32];

    snprintf(v, sizeof v, "%d", a->nobjects);
    xmlNodePtr sub = card(h, sec, "card", "Objects", v);
    textf(h, sub, "%d converted, %d with warnings, %d manual, %d excluded", t->st[OBJ_CONVERTED],
          t->st[OBJ_WARNINGS], t->st[OBJ_MANUAL], t->st[OBJ_EXCLUDED]);

    snprintf(v, sizeof v, "%d", a->nitems);
    sub = card(h, sec, "card", "Action items", v);
    int per[SEV_CRITICAL + 1] = {0};
    for (int i = 0; i < a->nitems; i++)
        if (a->items[i].sev >= SEV_INFO && a->items[i].sev <= SEV_CRITICAL)
            per[a->items[i].sev]++;
    xmlNodePtr chips = el(h, sub, "span", "chips");
    int any = 0;
    for (int s = SEV_CRITICAL; s >= SEV_INFO; s--) {
        if (!per[s])
            continue;
        char cls[40];
        snprintf(cls, sizeof cls, "badge %s", sevcls(s));
        xmlNodePtr b = el(h, chips, "span", cls);
        textf(h, b, "%d %s", per[s], sev_name(s));
        any = 1;
    }
    if (!any)
        text(h, chips, "none");

    long effort = assess_total_effort(a);
    rpt_hours(hb, effort);
    snprintf(v, sizeof v, "%s h", hb);
    sub = card(h, sec, "card", "Estimated effort", v);
    textf(h, sub, "%ld minutes, the sum of the action items' estimates", effort);

    const char *cx = assess_complexity(a);
    char cls[40];
    snprintf(cls, sizeof cls, "card cx-%s", strcmp(cx, "very high") == 0 ? "very-high" : cx);
    sub = card(h, sec, cls, "Complexity", cx);
    int considered = t->total - t->st[OBJ_EXCLUDED];
    if (considered > 0)
        textf(h, sub, "%d of %d objects (%d%%) need manual work", t->st[OBJ_MANUAL], considered,
              (int)((t->st[OBJ_MANUAL] * 100L + considered / 2) / considered));
    else
        text(h, sub, "no objects");
}

/* ---- charts --------------------------------------------------------------- */

static xmlNodePtr svg_root(Html *h, xmlNodePtr parent, int w, int hgt, const char *title, const char *id)
{
    xmlNodePtr s = el(h, parent, "svg", NULL);
    attr(h, s, "xmlns", "http://www.w3.org/2000/svg");
    attrf(h, s, "viewBox", "0 0 %d %d", w, hgt);
    attrf(h, s, "width", "%d", w);
    attrf(h, s, "height", "%d", hgt);
    attr(h, s, "role", "img");
    attr(h, s, "aria-labelledby", id);
    xmlNodePtr t = el_text(h, s, "title", NULL, title);
    attr(h, t, "id", id);
    return s;
}

static void svg_text(Html *h, xmlNodePtr svg, long x10, long y10, const char *anchor, const char *cls,
                     const char *s)
{
    xmlNodePtr t = el(h, svg, "text", cls);
    attr10(h, t, "x", x10);
    attr10(h, t, "y", y10);
    if (anchor)
        attr(h, t, "text-anchor", anchor);
    attr(h, t, "dominant-baseline", "central");
    text(h, t, s);
}

static xmlNodePtr svg_rect(Html *h, xmlNodePtr svg, long x10, long y10, long w10, long h10, const char *cls)
{
    xmlNodePtr r = el(h, svg, "rect", cls);
    attr10(h, r, "x", x10);
    attr10(h, r, "y", y10);
    attr10(h, r, "width", w10);
    attr10(h, r, "height", h10);
    return r;
}

/* A chart label: at most max characters (code points), else cut with an
 * ellipsis, so a long name from a rule file cannot run off the chart. */
static void short_label(char *out, size_t size, const char *s, int max)
{
    const unsigned char *p = (const unsigned char *)rpt_str(s);
    size_t n = strlen((const char *)p), i = 0, cut = 0;
    int cps = 0;
    while (i < n && cps <= max) {
        if (cps == max - 1)
            cut = i; /* room for max - 1 characters and the ellipsis */
        unsigned cp;
        i += rpt_utf8_next(p + i, n - i, &cp);
        cps++;
    }
    int more = cps > max;
    if (!more)
        cut = n;
    if (cut > size - 4)
        cut = size - 4;
    memcpy(out, p, cut);
    if (more) {
        memcpy(out + cut, "\xE2\x80\xA6", 3);
        cut += 3;
    }
    out[cut] = 0;
}

/* Chart 1: one stacked bar per object kind, converted / warnings / manual /
 * excluded as shares of the kind (every bar is full width: a few thousand
 * INSERTs must not hide the ten procedures that need the work), the count
 * inside a segment when it fits, and the number of objects after the bar. */
static void chart_status(Html *h, xmlNodePtr parent)
{
    enum { W = 680, X0 = 120, BW = 480, Y0 = 40, ROW = 28, BAR = 18 };
    const RptKind *t = &h->kinds[h->nkinds - 1];
    xmlNodePtr fig = el(h, parent, "figure", NULL);
    el_text(h, fig, "h2", NULL, "Status by object kind");
    int nrows = 0;
    for (int i = 0; i < h->nkinds - 1; i++)
        if (h->kinds[i].total > 0)
            nrows++;
    if (nrows == 0) {
        el_text(h, fig, "p", "empty", "No objects.");
        return;
    }
    int H = Y0 + nrows * ROW + 4;
    xmlNodePtr svg = svg_root(h, fig, W, H, "Objects per kind by conversion status", "chart-status-title");
    attr(h, svg, "id", "chart-status");
    /* legend: swatch, label, total */
    for (int s = 0; s < 4; s++) {
        long x = s * 150L;
        char b[64];
        xmlNodePtr r = svg_rect(h, svg, x * 10, 40, 120, 120, st_class[s]);
        attr(h, r, "rx", "2");
        snprintf(b, sizeof b, "%s (%d)", st_label[s], t->st[s]);
        svg_text(h, svg, (x + 18) * 10, 100, NULL, NULL, b);
    }
    svg_text(h, svg, (X0 + BW + 8) * 10L, 100, NULL, "num", "objects");
    int row = 0;
    for (int i = 0; i < h->nkinds - 1; i++) {
        const RptKind *k = &h->kinds[i];
        if (k->total <= 0)
            continue;
        long y = Y0 + (long)row * ROW;
        row++;
        char lab[80];
        short_label(lab, sizeof lab, k->kind, 18);
        svg_text(h, svg, (X0 - 10) * 10L, y * 10 + BAR * 5, "end", NULL, lab);
        /* widths in tenths of a pixel; a non-empty segment is at least 2 px
         * wide, and the widest one absorbs that and the rounding, so the
         * bar always ends exactly at the full width */
        long w[4], sum = 0;
        int big = -1;
        for (int s = 0; s < 4; s++) {
            w[s] = k->st[s] > 0 ? (long)k->st[s] * BW * 10L / k->total : 0;
            if (k->st[s] > 0 && w[s] < 20)
                w[s] = 20;
            if (big < 0 || w[s] > w[big])
                big = s;
            sum += w[s];
        }
        w[big] += BW * 10L - sum;
        long xa = X0 * 10L;
        for (int s = 0; s < 4; s++) {
            int c = k->st[s];
            if (c <= 0)
                continue;
            xmlNodePtr r = svg_rect(h, svg, xa, y * 10, w[s], BAR * 10L, st_class[s]);
            xmlNodePtr tt = el(h, r, "title", NULL);
            textf(h, tt, "%s: %d of %d %s", k->kind, c, k->total, st_label[s]);
            char num[16];
            snprintf(num, sizeof num, "%d", c);
            if (w[s] >= (long)(strlen(num) * 7 + 8) * 10)
                svg_text(h, svg, xa + w[s] / 2, y * 10 + BAR * 5, "middle",
                         s == OBJ_WARNINGS ? "in dark" : "in", num);
            xa += w[s];
        }
        char tot[16];
        snprintf(tot, sizeof tot, "%d", k->total);
        svg_text(h, svg, (X0 + BW + 8) * 10L, y * 10 + BAR * 5, NULL, "num", tot);
    }
}

typedef struct Cat {
    const char *name;
    int items;
    long effort;
} Cat;

static int cat_cmp(const void *pa, const void *pb)
{
    const Cat *x = pa, *y = pb;
    if (x->effort != y->effort)
        return x->effort > y->effort ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Chart 2: estimated effort per action-item category, largest first. */
static void chart_effort(Html *h, xmlNodePtr parent)
{
    enum { W = 460, X0 = 90, BW = 240, Y0 = 40, ROW = 28, BAR = 18 };
    const Assessment *a = h->a;
    xmlNodePtr fig = el(h, parent, "figure", NULL);
    el_text(h, fig, "h2", NULL, "Estimated effort by category");
    if (a->nitems == 0) {
        el_text(h, fig, "p", "empty", "No action items: nothing to estimate.");
        return;
    }
    Cat *cats = calloc((size_t)a->nitems, sizeof *cats);
    if (!cats) {
        h->oom = 1;
        return;
    }
    int n = 0;
    for (int i = 0; i < a->nitems; i++) {
        const char *c = rpt_str(a->items[i].category);
        if (!*c)
            c = "other";
        int j = 0;
        while (j < n && strcmp(cats[j].name, c) != 0)
            j++;
        if (j == n)
            cats[n++].name = c;
        cats[j].items++;
        cats[j].effort += a->items[i].effort_min;
    }
    qsort(cats, (size_t)n, sizeof *cats, cat_cmp);
    long max = cats[0].effort > 0 ? cats[0].effort : 1;
    int H = Y0 + n * ROW + 4;
    xmlNodePtr svg = svg_root(h, fig, W, H, "Estimated effort in hours per category", "chart-effort-title");
    attr(h, svg, "id", "chart-effort");
    /* a legend line like chart 1's, which also lines the rows up with it */
    xmlNodePtr sw = svg_rect(h, svg, 0, 40, 120, 120, "bar");
    attr(h, sw, "rx", "2");
    svg_text(h, svg, 180, 100, NULL, NULL, "estimated hours, number of action items");
    for (int i = 0; i < n; i++) {
        long y = Y0 + (long)i * ROW;
        char name[80];
        short_label(name, sizeof name, cats[i].name, 14);
        svg_text(h, svg, (X0 - 10) * 10L, y * 10 + BAR * 5, "end", NULL, name);
        long w = cats[i].effort * BW * 10L / max;
        if (w < 10 && cats[i].effort > 0)
            w = 10; /* a sliver stays visible */
        xmlNodePtr r = svg_rect(h, svg, X0 * 10L, y * 10, w, BAR * 10L, "bar");
        char hb[32], lab[96];
        rpt_hours(hb, cats[i].effort);
        snprintf(lab, sizeof lab, "%s h, %d item%s", hb, cats[i].items, cats[i].items == 1 ? "" : "s");
        xmlNodePtr tt = el(h, r, "title", NULL);
        textf(h, tt, "%s: %s (%ld minutes)", cats[i].name, lab, cats[i].effort);
        svg_text(h, svg, X0 * 10L + w + 60, y * 10 + BAR * 5, NULL, "num", lab);
    }
    free(cats);
}

/* ---- tables --------------------------------------------------------------- */

static xmlNodePtr table(Html *h, xmlNodePtr parent, const char *const *cols, const char *numcols)
{
    xmlNodePtr wrap = el(h, parent, "div", "scroll");
    xmlNodePtr tb = el(h, wrap, "table", NULL);
    xmlNodePtr tr = el(h, el(h, tb, "thead", NULL), "tr", NULL);
    for (int i = 0; cols[i]; i++) {
        xmlNodePtr th = el_text(h, tr, "th", numcols[i] == 'n' ? "num" : NULL, cols[i]);
        attr(h, th, "scope", "col");
    }
    return tb;
}

static xmlNodePtr section(Html *h, xmlNodePtr main, const char *id, const char *title, long count)
{
    xmlNodePtr sec = el(h, main, "section", NULL);
    attr(h, sec, "id", id);
    xmlNodePtr h2 = el_text(h, sec, "h2", NULL, title);
    if (count >= 0) {
        xmlNodePtr c = el(h, h2, "span", "count");
        textf(h, c, "%ld", count);
    }
    return sec;
}

static void build_summary(Html *h, xmlNodePtr main)
{
    static const char *const cols[] = {"Kind", "Objects", "Converted", "With warnings", "Manual",
                                       "Excluded", "Action items", "Effort (h)", NULL};
    xmlNodePtr sec = section(h, main, "summary", "Summary by kind", -1);
    xmlNodePtr tb = table(h, sec, cols, "-nnnnnnn");
    xmlNodePtr body = el(h, tb, "tbody", NULL);
    for (int i = 0; i < h->nkinds; i++) {
        const RptKind *k = &h->kinds[i];
        int last = i == h->nkinds - 1;
        xmlNodePtr tr = el(h, body, "tr", last ? "total" : NULL);
        el_text(h, tr, "td", NULL, last ? "Total" : k->kind);
        td_num(h, tr, k->total);
        for (int s = 0; s < 4; s++)
            td_num(h, tr, k->st[s]);
        td_num(h, tr, k->items);
        char hb[32];
        rpt_hours(hb, k->effort_min);
        el_text(h, tr, "td", "num", hb);
    }
}

static void build_files(Html *h, xmlNodePtr main)
{
    static const char *const cols[] = {"#", "File", "Bytes", "Encoding", "Objects", "Action items", NULL};
    const Assessment *a = h->a;
    xmlNodePtr sec = section(h, main, "files", "Input files", a->nfiles);
    if (a->nfiles == 0) {
        el_text(h, sec, "p", "empty", "No input files.");
        return;
    }
    int *nobj = calloc((size_t)a->nfiles * 2, sizeof *nobj);
    if (!nobj) {
        h->oom = 1;
        return;
    }
    for (int i = 0; i < a->nobjects; i++)
        if (a->objects[i].file >= 0 && a->objects[i].file < a->nfiles)
            nobj[a->objects[i].file]++;
    for (int i = 0; i < a->nitems; i++)
        if (a->items[i].file >= 0 && a->items[i].file < a->nfiles)
            nobj[a->nfiles + a->items[i].file]++;
    xmlNodePtr tb = table(h, sec, cols, "n-n-nn");
    xmlNodePtr body = el(h, tb, "tbody", NULL);
    for (int i = 0; i < a->nfiles; i++) {
        const SourceFile *f = a->files[i];
        xmlNodePtr tr = el(h, body, "tr", NULL);
        td_num(h, tr, i + 1);
        el_text(h, tr, "td", "name mono", f ? f->name : "");
        td_num(h, tr, f ? (long)f->raw_len : 0);
        el_text(h, tr, "td", NULL, f ? rpt_encoding_name(f->encoding) : "unknown");
        td_num(h, tr, nobj[i]);
        td_num(h, tr, nobj[a->nfiles + i]);
    }
    free(nobj);
}

static int object_row(Html *h, xmlNodePtr body, int i, int arg)
{
    const Assessment *a = h->a;
    (void)arg;
    const ObjectRec *o = &a->objects[i];
    xmlNodePtr tr = el(h, body, "tr", NULL);
    attrf(h, tr, "id", "obj-%d", i + 1);
    td_num(h, tr, i + 1);
    el_text(h, tr, "td", NULL, o->kind);
    object_name(h, el(h, tr, "td", "name"), o);
    xmlNodePtr loc = el(h, tr, "td", "loc mono");
    text(h, loc, rpt_file_name(h->a, o->file));
    textf(h, loc, ":%d", o->start.line);
    xmlNodePtr st = el(h, tr, "td", NULL);
    char cls[40];
    snprintf(cls, sizeof cls, "badge %s", stcls((int)o->status));
    el_text(h, st, "span", cls, rpt_status_name((int)o->status));
    /* convert --validate / validate -o: the target's verdict */
    if (o->validated && o->validated[0])
        el_text(h, st, "div", "muted", o->validated);
    xmlNodePtr links = el(h, tr, "td", "links");
    if (h->first[i] == h->first[i + 1])
        el_text(h, links, "span", "muted", "none");
    for (int j = h->first[i]; j < h->first[i + 1]; j++) {
        int k = h->list[j];
        const ItemRec *it = &a->items[k];
        xmlNodePtr lk = el_text(h, links, "a", "mono", it->code);
        attrf(h, lk, "href", "#item-%d", k + 1);
        attrf(h, lk, "title", "%s: %s", sev_name(it->sev), rpt_str(it->message));
    }
    td_num(h, tr, o->effort_min);
    return 1;
}

static void build_objects(Html *h, xmlNodePtr main)
{
    static const char *const cols[] = {"#", "Kind", "Name", "Location", "Status", "Action items",
                                       "Effort (min)", NULL};
    const Assessment *a = h->a;
    xmlNodePtr sec = section(h, main, "objects", "Objects", a->nobjects);
    if (a->nobjects == 0) {
        el_text(h, sec, "p", "empty", "No objects.");
        return;
    }
    xmlNodePtr tb = table(h, sec, cols, "n-----n");
    xmlNodePtr body = el(h, tb, "tbody", NULL);
    rows(h, body, object_row, a->nobjects, 0, a->nobjects);
}



/* ---- embedded source lines ---------------------------------------------- */

/* The source lines of every object that has action items are embedded in
 * the page (#sources), each line with an anchor "src-N-L" (N object id, L
 * line number), so that an item's location links to the very line. Items
 * attached to no object get a block of their own lines ("isrc-K-L"). Size
 * stays bounded: an object longer than SRC_FULL lines shows its first
 * SRC_FULL lines and SRC_CTX lines around each item's first line. */
enum { SRC_FULL = 400, SRC_CTX = 3 };

static const SourceFile *src_file(const Assessment *a, int file)
{
    if (file < 0 || file >= a->nfiles || !a->files[file])
        return NULL;
    const SourceFile *f = a->files[file];
    return f->text && f->lines && f->nlines > 0 ? f : NULL;
}

/* Whether line l of a block [l1, l2] is shown: all of a short block, else
 * the head and the context of each item's first line. */
static int src_line_shown(Html *h, int obj, int item, int l1, int l2, int l)
{
    if (l2 - l1 < SRC_FULL || l < l1 + SRC_FULL)
        return 1;
    if (obj < 0) {
        const ItemRec *it = &h->a->items[item];
        return l >= it->start.line - SRC_CTX && l <= it->start.line + SRC_CTX;
    }
    for (int j = h->first[obj]; j < h->first[obj + 1]; j++) {
        const ItemRec *it = &h->a->items[h->list[j]];
        if (l >= it->start.line - SRC_CTX && l <= it->start.line + SRC_CTX)
            return 1;
    }
    return 0;
}

/* The block of lines an item's location links to: its object's, or its own
 * when it has no object; 0 if the page embeds no source for it. */
static int item_src_block(Html *h, int k, int *obj, int *l1, int *l2)
{
    const Assessment *a = h->a;
    const ItemRec *it = &a->items[k];
    if (it->object >= 0 && it->object < a->nobjects) {
        if (!h->has_src[it->object])
            return 0;
        const ObjectRec *o = &a->objects[it->object];
        if (it->start.line < o->start.line || it->start.line > o->end.line)
            return 0; /* not within the lines embedded for its object */
        *obj = it->object;
        *l1 = o->start.line;
        *l2 = o->end.line;
    } else {
        const SourceFile *f = src_file(a, it->file);
        if (!f || it->start.line < 1 || it->start.line > f->nlines)
            return 0;
        *obj = -1;
        *l1 = it->start.line;
        *l2 = it->end.line >= it->start.line ? it->end.line : it->start.line;
    }
    return 1;
}

/* "src-N-L" for object N (1-based), "isrc-K-L" for item K without object. */
static void src_anchor(char *buf, size_t n, int obj, int item, int line)
{
    if (obj >= 0)
        snprintf(buf, n, "src-%d-%d", obj + 1, line);
    else
        snprintf(buf, n, "isrc-%d-%d", item + 1, line);
}

/* Row of item i when it is in severity group s (SEV_INFO - 1: unknown). */
static int item_row(Html *h, xmlNodePtr body, int i, int s)
{
    const Assessment *a = h->a;
    const ItemRec *it = &a->items[i];
    int grp = it->sev >= SEV_INFO && it->sev <= SEV_CRITICAL ? it->sev : SEV_INFO - 1;
    if (grp != s)
        return 0;
    char cls[40];
    snprintf(cls, sizeof cls, "item %s", sevcls(it->sev));
    xmlNodePtr tr = el(h, body, "tr", cls);
    attrf(h, tr, "id", "item-%d", i + 1);
    td_num(h, tr, i + 1);
    snprintf(cls, sizeof cls, "badge %s", sevcls(it->sev));
    el_text(h, el(h, tr, "td", NULL), "span", cls, sev_name(it->sev));
    xmlNodePtr code = el(h, tr, "td", NULL);
    el_text(h, code, "code", NULL, it->code);
    el_text(h, code, "div", "cat", it->category);
    /* object and location share a cell, so the finding and its
     * snippet get the width */
    xmlNodePtr ob = el(h, tr, "td", "name");
    if (it->object >= 0 && it->object < a->nobjects) {
        const ObjectRec *o = &a->objects[it->object];
        xmlNodePtr lk = el(h, ob, "a", NULL);
        attrf(h, lk, "href", "#obj-%d", it->object + 1);
        char lab[512];
        object_label(lab, sizeof lab, o);
        attr(h, lk, "title", lab);
        el_text(h, lk, "span", "muted", o->kind);
        text(h, lk, " ");
        object_name(h, lk, o);
    } else {
        el_text(h, ob, "span", "muted", "(file)");
    }
    xmlNodePtr loc = el(h, ob, "div", "loc mono");
    text(h, loc, rpt_file_name(a, it->file));
    /* the range in one piece: a long path wraps before it; a link
     * to the embedded source line when there is one */
    int so, s1, s2;
    xmlNodePtr rg;
    if (item_src_block(h, i, &so, &s1, &s2)) {
        char an[64];
        src_anchor(an, sizeof an, so, i, it->start.line);
        rg = el(h, loc, "a", "range");
        attrf(h, rg, "href", "#%s", an);
        attr(h, rg, "title", "show the source lines");
    } else {
        rg = el(h, loc, "span", "range");
    }
    textf(h, rg, ":%d:%d\u2013%d:%d", it->start.line, it->start.col, it->end.line, it->end.col);
    xmlNodePtr d = el(h, tr, "td", "detail");
    el_text(h, d, "div", "msg", it->message);
    if (it->recommendation && *it->recommendation)
        el_text(h, d, "div", "rec", it->recommendation);
    if (it->snippet && *it->snippet) {
        xmlNodePtr pre = el(h, d, "pre", "snippet");
        /* an HTML parser drops one newline right after <pre> */
        if (it->snippet[0] == '\n')
            text(h, pre, "\n");
        text(h, pre, it->snippet);
    }
    td_num(h, tr, it->effort_min);
    return 1;
}

static void build_items(Html *h, xmlNodePtr main)
{
    static const char *const cols[] = {"#", "Severity", "Code", "Object and location", "Finding",
                                       "Effort (min)", NULL};
    const Assessment *a = h->a;
    xmlNodePtr sec = section(h, main, "items", "Action items", a->nitems);
    if (a->nitems == 0) {
        el_text(h, sec, "p", "empty", "No action items.");
        return;
    }
    xmlNodePtr tb = table(h, sec, cols, "n----n");
    /* Grouped by severity, most severe first; within a group the order the
     * pipeline gave (file, line, column), so numbers match action_items.csv. */
    for (int s = SEV_CRITICAL; s >= SEV_INFO - 1; s--) {
        int cnt = 0;
        long eff = 0;
        for (int i = 0; i < a->nitems; i++) {
            int sv = a->items[i].sev;
            int grp = sv >= SEV_INFO && sv <= SEV_CRITICAL ? sv : SEV_INFO - 1;
            if (grp == s) {
                cnt++;
                eff += a->items[i].effort_min;
            }
        }
        if (!cnt)
            continue;
        xmlNodePtr body = el(h, tb, "tbody", NULL);
        xmlNodePtr gr = el(h, body, "tr", "group");
        xmlNodePtr th = el(h, gr, "th", NULL);
        attr(h, th, "colspan", "6");
        char cls[40], hb[32];
        snprintf(cls, sizeof cls, "badge %s", sevcls(s));
        el_text(h, th, "span", cls, s >= SEV_INFO ? sev_name(s) : "unknown");
        rpt_hours(hb, eff);
        textf(h, th, " %d item%s, %s h", cnt, cnt == 1 ? "" : "s", hb);
        rows(h, body, item_row, a->nitems, s, cnt);
    }
}


/* One block of source lines: a heading naming the object (or the item),
 * links to its items, then the lines in a <pre>, one span per line with
 * its anchor; the first line of an item is marked and its number links
 * back to the item. */
static void source_block(Html *h, xmlNodePtr sec, int obj, int item, const SourceFile *f, int l1, int l2)
{
    const Assessment *a = h->a;
    xmlNodePtr box = el(h, sec, "div", "source");
    char an[64];
    if (obj >= 0) {
        const ObjectRec *o = &a->objects[obj];
        attrf(h, box, "id", "src-%d", obj + 1);
        xmlNodePtr hd = el(h, box, "h3", NULL);
        xmlNodePtr lk = el(h, hd, "a", NULL);
        attrf(h, lk, "href", "#obj-%d", obj + 1);
        el_text(h, lk, "span", "muted", o->kind);
        text(h, lk, " ");
        object_name(h, lk, o);
    } else {
        attrf(h, box, "id", "isrc-%d", item + 1);
        el_text(h, box, "h3", NULL, "(no object)");
    }
    xmlNodePtr meta = el(h, box, "div", "loc mono");
    textf(h, meta, "%s:%d\u2013%d ", f->name ? f->name : "", l1, l2);
    xmlNodePtr links = el(h, meta, "span", "links");
    int j0 = obj >= 0 ? h->first[obj] : 0, j1 = obj >= 0 ? h->first[obj + 1] : 1;
    for (int j = j0; j < j1; j++) {
        int k = obj >= 0 ? h->list[j] : item;
        xmlNodePtr ik = el_text(h, links, "a", "mono", a->items[k].code);
        attrf(h, ik, "href", "#item-%d", k + 1);
        attrf(h, ik, "title", "%s: %s", sev_name(a->items[k].sev), rpt_str(a->items[k].message));
    }
    xmlNodePtr pre = el(h, box, "pre", "lines");
    int width = snprintf(NULL, 0, "%d", l2);
    int gap = 0;
    for (int l = l1; l <= l2 && l <= f->nlines; l++) {
        if (!src_line_shown(h, obj, item, l1, l2, l)) {
            if (!gap)
                el_text(h, pre, "span", "gap", "\u2026\n");
            gap = 1;
            continue;
        }
        gap = 0;
        /* the first item that starts on this line, if any */
        int hit = -1;
        for (int j = j0; j < j1 && hit < 0; j++) {
            int k = obj >= 0 ? h->list[j] : item;
            if (a->items[k].start.line == l)
                hit = k;
        }
        xmlNodePtr ln = el(h, pre, "span", hit >= 0 ? "line hit" : "line");
        src_anchor(an, sizeof an, obj, item, l);
        attr(h, ln, "id", an);
        xmlNodePtr no;
        if (hit >= 0) {
            no = el(h, ln, "a", "no");
            attrf(h, no, "href", "#item-%d", hit + 1);
            attrf(h, no, "title", "%s %s", a->items[hit].code, rpt_str(a->items[hit].message));
        } else {
            no = el(h, ln, "span", "no");
        }
        textf(h, no, "%*d", width, l);
        size_t b = f->lines[l - 1];
        size_t e = l < f->nlines ? f->lines[l] : f->len;
        if (e > f->len)
            e = f->len;
        while (e > b && (f->text[e - 1] == '\n' || f->text[e - 1] == '\r'))
            e--;
        char *t = b < e ? strndup(f->text + b, e - b) : strdup("");
        if (!t) {
            h->oom = 1;
            return;
        }
        textf(h, ln, " %s\n", t);
        free(t);
    }
}

/* Block i of the sources section: i < nitems, the lines of item i when it
 * has no object; then the lines of object i - nitems. */
static int source_row(Html *h, xmlNodePtr sec, int i, int arg)
{
    const Assessment *a = h->a;
    int so, s1, s2;
    (void)arg;
    if (i < a->nitems) {
        if (a->items[i].object >= 0 || !item_src_block(h, i, &so, &s1, &s2))
            return 0;
        source_block(h, sec, -1, i, src_file(a, a->items[i].file), s1, s2);
        return 1;
    }
    i -= a->nitems;
    if (!h->has_src[i])
        return 0;
    source_block(h, sec, i, -1, src_file(a, a->objects[i].file), a->objects[i].start.line,
                 a->objects[i].end.line);
    return 1;
}

static void build_sources(Html *h, xmlNodePtr main)
{
    const Assessment *a = h->a;
    int n = 0;
    for (int i = 0; i < a->nobjects; i++)
        n += h->has_src[i];
    for (int k = 0; k < a->nitems; k++) {
        int so, s1, s2;
        if (a->items[k].object < 0 && item_src_block(h, k, &so, &s1, &s2))
            n++;
    }
    xmlNodePtr sec = section(h, main, "sources", "Source of the objects with action items", n);
    if (n == 0) {
        el_text(h, sec, "p", "empty", "No source lines to show.");
        return;
    }
    /* in input order: items without object, then objects, file by file */
    rows(h, sec, source_row, a->nitems + a->nobjects, 0, n);
}

/* Per routine (procedure, function, trigger): status, items, effort, and
 * a link to its source. */
static int is_routine(const ObjectRec *o)
{
    const char *k = rpt_str(o->kind);
    return !strcmp(k, "procedure") || !strcmp(k, "function") || !strcmp(k, "trigger");
}

static int routine_row(Html *h, xmlNodePtr body, int i, int arg)
{
    const Assessment *a = h->a;
    const ObjectRec *o = &a->objects[i];
    (void)arg;
    if (!is_routine(o))
        return 0;
    xmlNodePtr tr = el(h, body, "tr", NULL);
    td_num(h, tr, i + 1);
    el_text(h, tr, "td", NULL, o->kind);
    xmlNodePtr lk = el(h, el(h, tr, "td", "name"), "a", NULL);
    attrf(h, lk, "href", "#obj-%d", i + 1);
    object_name(h, lk, o);
    char cls[40];
    snprintf(cls, sizeof cls, "badge %s", stcls((int)o->status));
    el_text(h, el(h, tr, "td", NULL), "span", cls, rpt_status_name((int)o->status));
    xmlNodePtr links = el(h, tr, "td", "links");
    if (h->first[i] == h->first[i + 1])
        el_text(h, links, "span", "muted", "none");
    for (int j = h->first[i]; j < h->first[i + 1]; j++) {
        int k = h->list[j];
        snprintf(cls, sizeof cls, "mono %s", sevcls(a->items[k].sev));
        xmlNodePtr ik = el_text(h, links, "a", cls, a->items[k].code);
        attrf(h, ik, "href", "#item-%d", k + 1);
        attrf(h, ik, "title", "%s: %s", sev_name(a->items[k].sev), rpt_str(a->items[k].message));
    }
    td_num(h, tr, o->effort_min);
    xmlNodePtr sc = el(h, tr, "td", "loc mono");
    if (h->has_src[i]) {
        xmlNodePtr sl = el(h, sc, "a", NULL);
        attrf(h, sl, "href", "#src-%d-%d", i + 1, o->start.line);
        textf(h, sl, "%s:%d", rpt_file_name(a, o->file), o->start.line);
    } else {
        textf(h, sc, "%s:%d", rpt_file_name(a, o->file), o->start.line);
    }
    return 1;
}

static void build_routines(Html *h, xmlNodePtr main)
{
    static const char *const cols[] = {"#", "Kind", "Routine", "Status", "Action items", "Effort (min)",
                                       "Source", NULL};
    const Assessment *a = h->a;
    int n = 0, st[4] = {0};
    long eff = 0;
    for (int i = 0; i < a->nobjects; i++)
        if (is_routine(&a->objects[i])) {
            n++;
            eff += a->objects[i].effort_min;
            if (a->objects[i].status >= OBJ_CONVERTED && a->objects[i].status <= OBJ_EXCLUDED)
                st[a->objects[i].status]++;
        }
    xmlNodePtr sec = section(h, main, "routines", "Routines", n);
    if (n == 0) {
        el_text(h, sec, "p", "empty", "No procedures, functions or triggers.");
        return;
    }
    char hb[32];
    rpt_hours(hb, eff);
    textf(h, el(h, sec, "p", "meta"), "%d converted, %d with warnings, %d manual, %d excluded; %s h estimated",
          st[OBJ_CONVERTED], st[OBJ_WARNINGS], st[OBJ_MANUAL], st[OBJ_EXCLUDED], hb);
    xmlNodePtr tb = table(h, sec, cols, "n----n-");
    xmlNodePtr body = el(h, tb, "tbody", NULL);
    rows(h, body, routine_row, a->nobjects, 0, n);
}

static void build_page(Html *h)
{
    const Assessment *a = h->a;
    char title[256];
    snprintf(title, sizeof title, "sqlshift assessment: %s -> %s", rpt_str(a->source), rpt_str(a->target));
    if (!xmlCreateIntSubset(h->doc, X("html"), NULL, NULL)) /* <!DOCTYPE html> */
        h->oom = 1;
    xmlNodePtr html = xmlNewNode(NULL, X("html"));
    if (!html) {
        h->oom = 1;
        return;
    }
    xmlDocSetRootElement(h->doc, html);
    attr(h, html, "lang", "en");
    build_head(h, html, title);
    xmlNodePtr body = el(h, html, "body", NULL);

    xmlNodePtr hdr = el(h, body, "header", "page");
    el_text(h, hdr, "h1", NULL, title);
    xmlNodePtr meta = el(h, hdr, "p", "meta");
    textf(h, el(h, meta, "span", NULL), "sqlshift %s", rpt_str(a->tool_version));
    textf(h, el(h, meta, "span", NULL), "source: %s", rpt_str(a->source));
    textf(h, el(h, meta, "span", NULL), "target: %s", rpt_str(a->target));
    long bytes = 0;
    for (int i = 0; i < a->nfiles; i++)
        bytes += a->files[i] ? (long)a->files[i]->raw_len : 0;
    textf(h, el(h, meta, "span", NULL), "%d input file%s, %ld bytes", a->nfiles, a->nfiles == 1 ? "" : "s",
          bytes);

    xmlNodePtr main = el(h, body, "main", NULL);
    build_totals(h, main);
    xmlNodePtr charts = el(h, main, "section", "charts");
    attr(h, charts, "id", "charts");
    chart_status(h, charts);
    chart_effort(h, charts);
    build_summary(h, main);
    build_objects(h, main);
    build_routines(h, main);
    build_items(h, main);
    build_sources(h, main);
    build_files(h, main);

    xmlNodePtr ft = el(h, body, "footer", "page");
    el_text(h, ft, "p", NULL,
            "The same data for spreadsheets and programs: summary.csv, objects.csv, action_items.csv and "
            "report.json next to this page (columns v1). Object and item numbers are their row "
            "numbers in objects.csv and action_items.csv. Effort is an estimate from the action-item "
            "catalogue (sqlshift-actions(7)).");
}

int rpt_html_write(const Assessment *a, FILE *f, char **err)
{
    Html h;
    memset(&h, 0, sizeof h);
    h.a = a;
    h.doc = htmlNewDocNoDtD(NULL, NULL);
    h.nkinds = rpt_kinds(a, &h.kinds);
    int rc = -1;
    if (!h.doc || h.nkinds < 0 || rpt_object_items(a, &h.first, &h.list) != 0) {
        *err = rpt_errf("out of memory");
        goto done;
    }
    h.has_src = calloc((size_t)(a->nobjects > 0 ? a->nobjects : 1), 1);
    if (!h.has_src) {
        *err = rpt_errf("out of memory");
        goto done;
    }
    for (int i = 0; i < a->nobjects; i++) {
        const ObjectRec *o = &a->objects[i];
        const SourceFile *sf = src_file(a, o->file);
        h.has_src[i] = h.first[i] < h.first[i + 1] && sf && o->start.line >= 1 &&
                       o->start.line <= sf->nlines && o->end.line >= o->start.line;
    }
    build_page(&h);
    if (h.oom) {
        *err = rpt_errf("out of memory");
        goto done;
    }
    xmlCharEncodingHandlerPtr enc = xmlFindCharEncodingHandler("UTF-8");
    xmlOutputBufferPtr out = xmlOutputBufferCreateFile(f, enc);
    if (!out) {
        *err = rpt_errf("out of memory");
        goto done;
    }
    int wrc = write_page(&h, out, err);
    /* write errors surface through ferror(f) in rpt_write_set */
    if (xmlOutputBufferClose(out) < 0 && wrc == 0) {
        *err = rpt_errf("HTML output failed");
        goto done;
    }
    if (wrc != 0)
        goto done;
    rc = 0;
done:
    if (h.doc)
        xmlFreeDoc(h.doc);
    if (h.nkinds >= 0)
        free(h.kinds);
    free(h.first);
    free(h.list);
    free(h.has_src);
    free(h.rows);
    return rc;
}
