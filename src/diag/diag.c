/* diag: recording findings (see diag.h). */
#include "diag/diag.h"
#include <string.h>
#include <strings.h>

void diag_init(DiagList *d, Arena *a)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
}

/* Most messages use only %s conversions (or none): their pieces are
 * copied, not run through vsnprintf. Anything else goes to printf. */
enum { MSG_MAX_ARGS = 8 };

static const char *message(Arena *a, const char *fmt, va_list ap)
{
    int n = 0;
    for (const char *p = fmt; (p = strchr(p, '%')); p += 2)
        if (p[1] != 's' || ++n > MSG_MAX_ARGS)
            return arena_vprintf(a, fmt, ap);
    const char *arg[MSG_MAX_ARGS];
    size_t alen[MSG_MAX_ARGS];
    size_t len = strlen(fmt) - 2 * (size_t)n;
    for (int i = 0; i < n; i++) {
        arg[i] = va_arg(ap, const char *);
        if (!arg[i])
            arg[i] = "(null)"; /* as glibc prints it */
        alen[i] = strlen(arg[i]);
        len += alen[i];
    }
    char *r = arena_alloc_raw(a, len + 1), *o = r;
    const char *p = fmt;
    for (int i = 0; i < n; i++) { /* the text up to each %s, then its argument */
        const char *pc = strchr(p, '%');
        memcpy(o, p, (size_t)(pc - p));
        o += pc - p;
        memcpy(o, arg[i], alen[i]);
        o += alen[i];
        p = pc + 2;
    }
    size_t rest = strlen(p);
    memcpy(o, p, rest + 1);
    return r;
}

static int add(DiagList *d, const char *code, SrcSpan span, int object, const char *hint,
               const char *fmt, va_list ap)
{
    Diag x;
    x.code = code;
    x.sev = -1;
    x.span = span;
    x.object = object;
    x.message = fmt ? message(d->arena, fmt, ap) : NULL;
    x.hint = hint ? arena_strdup(d->arena, hint) : NULL;
    VEC_PUSH(d->arena, d->v, x);
    return d->v.n - 1;
}

int diag_addv(DiagList *d, const char *code, SrcSpan span, int object, const char *hint,
              const char *fmt, va_list ap)
{
    return add(d, code, span, object, hint, fmt, ap);
}

int diag_add(DiagList *d, const char *code, SrcSpan span, int object, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = add(d, code, span, object, NULL, fmt, ap);
    va_end(ap);
    return r;
}

int diag_addh(DiagList *d, const char *code, SrcSpan span, int object, const char *hint,
              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = add(d, code, span, object, hint, fmt, ap);
    va_end(ap);
    return r;
}

static const char *const sev_names[] = {"info", "low", "medium", "high", "critical"};

const char *sev_name(int sev)
{
    return sev >= 0 && sev <= SEV_CRITICAL ? sev_names[sev] : "unknown";
}

int sev_parse(const char *s)
{
    for (int i = 0; i <= SEV_CRITICAL; i++)
        if (strcasecmp(s, sev_names[i]) == 0)
            return i;
    return -1;
}
