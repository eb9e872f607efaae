/* util: typed counted arrays grown inside an arena. */
#ifndef SQLSHIFT_VEC_H
#define SQLSHIFT_VEC_H
#include "util/arena.h"
#include <string.h>

/* VEC(T) declares an anonymous struct {n, cap, items}. */
#define VEC(T) struct { int n; int cap; T *items; }

#define VEC_PUSH(arena, v, x)                                                       \
    do {                                                                            \
        if ((v).n == (v).cap) {                                                     \
            int nc_ = (v).cap ? (v).cap * 2 : 4;                                    \
            (v).items = arena_realloc((arena), (v).items,                           \
                                      sizeof(*(v).items) * (size_t)(v).cap,        \
                                      sizeof(*(v).items) * (size_t)nc_);           \
            (v).cap = nc_;                                                          \
        }                                                                           \
        (v).items[(v).n++] = (x);                                                   \
    } while (0)

/* Same, for vectors owned by malloc (long-lived, e.g. across files). */
#define HVEC_PUSH(v, x)                                                             \
    do {                                                                            \
        if ((v).n == (v).cap) {                                                     \
            int nc_ = (v).cap ? (v).cap * 2 : 16;                                   \
            void *p_ = realloc((v).items, sizeof(*(v).items) * (size_t)nc_);        \
            if (!p_) abort();                                                       \
            (v).items = p_;                                                         \
            (v).cap = nc_;                                                          \
        }                                                                           \
        (v).items[(v).n++] = (x);                                                   \
    } while (0)

/* Gives a malloc-owned vector room for n items up front. A large block is
 * mapped by malloc and its pages are backed only when written, so an
 * unused reserve costs address space, not memory; growing by doubling
 * instead copies every item into fresh pages each time (page faults). */
#define HVEC_RESERVE(v, n_)                                                         \
    do {                                                                            \
        if ((v).cap < (n_)) {                                                       \
            void *p_ = realloc((v).items, sizeof(*(v).items) * (size_t)(n_));      \
            if (!p_) abort();                                                       \
            (v).items = p_;                                                         \
            (v).cap = (n_);                                                         \
        }                                                                           \
    } while (0)

#endif
