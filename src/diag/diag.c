/* diag: recording findings (see diag.h). */
#include "diag/diag.h"
#include <string.h>
#include <strings.h>

void diag_init(DiagList *d, Arena *a)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
}

/* Most messages are built by the caller and passed as "%s", or have no
 * conversion at all: those are copied, not run through vsnprintf. */
static const char *message(Arena *a, const char *fmt, va_list ap)
{
    if (fmt[0] == '%' && fmt[1] == 's' && !fmt[2]) {
        const char *s = va_arg(ap, const char *);
        return arena_strdup(a, s ? s : "(null)"); /* as glibc prints it */
    }
    if (!strchr(fmt, '%'))
        return arena_strdup(a, fmt);
    return arena_vprintf(a, fmt, ap);
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
