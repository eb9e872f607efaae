/* util: mapguard (see mapguard.h). */
#include "util/mapguard.h"
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct Guarded {
    uintptr_t base, end;
    char *name;
} Guarded;

/* Written only outside the handler; the handler only reads. */
static Guarded *guards;
static size_t n_guards, cap_guards;
static int installed;

int mapguard_add(const void *base, size_t len, const char *name)
{
    if (n_guards == cap_guards) {
        size_t cap = cap_guards ? cap_guards * 2 : 16;
        Guarded *g = realloc(guards, cap * sizeof *g);
        if (!g)
            return -1;
        guards = g;
        cap_guards = cap;
    }
    char *copy = strdup(name);
    if (!copy)
        return -1;
    guards[n_guards].base = (uintptr_t)base;
    guards[n_guards].end = (uintptr_t)base + len;
    guards[n_guards].name = copy;
    n_guards++;
    return 0;
}

void mapguard_remove(const void *base)
{
    for (size_t i = 0; i < n_guards; i++)
        if (guards[i].base == (uintptr_t)base) {
            free(guards[i].name);
            guards[i] = guards[--n_guards];
            return;
        }
}

static void put(const char *s)
{
    size_t n = strlen(s);
    while (n) {
        ssize_t w = write(STDERR_FILENO, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

static void on_sigbus(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    uintptr_t a = (uintptr_t)si->si_addr;
    for (size_t i = 0; i < n_guards; i++)
        if (a >= guards[i].base && a < guards[i].end) {
            put("sqlshift: ");
            put(guards[i].name);
            put(": the file shrank while it was being read (truncated or rewritten by another "
                "program); stopping: convert it again\n");
            _exit(3); /* EXIT_INPUT */
        }
    /* not an input: the default action (a crash with a core) */
    signal(sig, SIG_DFL);
    raise(sig);
}

int mapguard_install(void)
{
    if (installed)
        return 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGBUS, &sa, NULL) != 0)
        return -1;
    installed = 1;
    return 0;
}
