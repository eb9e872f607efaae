/* tests: a minimal TDS 7.4 server, enough for FreeTDS db-lib to log in and
 * run batches: PRELOGIN answered "encryption not supported", LOGIN7
 * answered with LOGINACK (or the login errors SQL Server sends), every SQL
 * batch answered by what its text asks for: the version query, the
 * catalogue's schema list (one row), other catalogue queries (no rows),
 * anything else (DONE). It lets the tests reach the driver's login, error
 * mapping, sp_executesql batches and row conversion without SQL Server. It
 * speaks only what the driver needs, one packet per message. */
#include "fake_tds.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct Out {
    unsigned char b[8192];
    size_t n;
} Out;

static void u8(Out *o, unsigned v)
{
    o->b[o->n++] = (unsigned char)v;
}
static void u16(Out *o, unsigned v) /* little endian */
{
    u8(o, v & 0xff);
    u8(o, (v >> 8) & 0xff);
}
static void u32(Out *o, uint32_t v)
{
    u16(o, v & 0xffff);
    u16(o, v >> 16);
}
static void ucs2(Out *o, const char *s)
{
    for (; *s; s++)
        u16(o, (unsigned char)*s);
}
static void b_varchar(Out *o, const char *s)
{
    u8(o, (unsigned)strlen(s));
    ucs2(o, s);
}

static int send_packet(int fd, unsigned type, const Out *o)
{
    unsigned char h[8] = {(unsigned char)type, 1, (unsigned char)((o->n + 8) >> 8), (unsigned char)((o->n + 8) & 0xff),
                          0, 0, 1, 0};
    return write(fd, h, 8) == 8 && write(fd, o->b, o->n) == (ssize_t)o->n ? 0 : -1;
}

/* One whole message (all packets up to EOM); returns its type or -1. */
static int read_message(int fd, unsigned char *buf, size_t cap, size_t *len)
{
    *len = 0;
    for (;;) {
        unsigned char h[8];
        size_t got = 0;
        while (got < 8) {
            ssize_t r = read(fd, h + got, 8 - got);
            if (r <= 0)
                return -1;
            got += (size_t)r;
        }
        size_t plen = ((size_t)h[2] << 8 | h[3]) - 8;
        for (size_t k = 0; k < plen;) {
            unsigned char tmp[4096];
            size_t want = plen - k < sizeof tmp ? plen - k : sizeof tmp;
            ssize_t r = read(fd, tmp, want);
            if (r <= 0)
                return -1;
            if (*len + (size_t)r <= cap) {
                memcpy(buf + *len, tmp, (size_t)r);
                *len += (size_t)r;
            }
            k += (size_t)r;
        }
        if (h[1] & 1)
            return h[0];
    }
}

static void done(Out *o, unsigned status, uint32_t rows)
{
    u8(o, 0xFD);
    u16(o, status);
    u16(o, 0xC1);
    u32(o, rows);
    u32(o, 0);
}

static void error_token(Out *o, uint32_t number, unsigned cls, const char *msg)
{
    Out t = {.n = 0};
    u32(&t, number);
    u8(&t, 1);
    u8(&t, cls);
    u16(&t, (unsigned)strlen(msg));
    ucs2(&t, msg);
    b_varchar(&t, "fake");
    b_varchar(&t, "");
    u32(&t, 1);
    u8(o, 0xAA);
    u16(o, (unsigned)t.n);
    memcpy(o->b + o->n, t.b, t.n);
    o->n += t.n;
}

/* COLMETADATA with n nvarchar(4000) columns, the last one an int when
 * last_int. */
static void columns(Out *o, int n, int last_int)
{
    u8(o, 0x81);
    u16(o, (unsigned)n);
    for (int i = 0; i < n; i++) {
        u32(o, 0);
        u16(o, 1); /* nullable */
        if (last_int && i == n - 1) {
            u8(o, 0x26); /* INTN */
            u8(o, 4);
        } else {
            u8(o, 0xE7); /* NVARCHAR */
            u16(o, 8000);
            u32(o, 0x00D00409); /* collation: LCID 1033 ... */
            u8(o, 0x34);
        }
        char name[8];
        snprintf(name, sizeof name, "c%d", i + 1);
        b_varchar(o, name);
    }
}

static void nvarchar_value(Out *o, const char *s)
{
    if (!s) {
        u16(o, 0xFFFF);
        return;
    }
    u16(o, (unsigned)(2 * strlen(s)));
    ucs2(o, s);
}

static void answer_prelogin(int fd)
{
    Out o = {.n = 0};
    /* options: VERSION, ENCRYPTION, INSTOPT, MARS, terminator: 4*5+1 = 21 */
    const unsigned data = 21;
    u8(&o, 0x00), u8(&o, 0), u8(&o, data), u8(&o, 0), u8(&o, 6);
    u8(&o, 0x01), u8(&o, 0), u8(&o, data + 6), u8(&o, 0), u8(&o, 1);
    u8(&o, 0x02), u8(&o, 0), u8(&o, data + 7), u8(&o, 0), u8(&o, 1);
    u8(&o, 0x04), u8(&o, 0), u8(&o, data + 8), u8(&o, 0), u8(&o, 1);
    u8(&o, 0xFF);
    u8(&o, 16), u8(&o, 0), u8(&o, 0x0F), u8(&o, 0xA3), u8(&o, 0), u8(&o, 0); /* 16.0.4003 */
    u8(&o, 2);                                                                   /* ENCRYPT_NOT_SUP */
    u8(&o, 0);
    u8(&o, 0);
    send_packet(fd, 0x04, &o);
}

static void answer_login(int fd, const char *mode)
{
    Out o = {.n = 0};
    if (!strcmp(mode, "badlogin")) {
        error_token(&o, 18456, 14, "Login failed for user 'sa'.");
        done(&o, 0x0002, 0);
    } else if (!strcmp(mode, "nodb")) {
        error_token(&o, 4060, 11, "Cannot open database \"nosuch\" requested by the login. The login failed.");
        error_token(&o, 18456, 14, "Login failed for user 'sa'.");
        done(&o, 0x0002, 0);
    } else {
        Out t = {.n = 0};
        u8(&t, 1);
        u8(&t, 0x74), u8(&t, 0), u8(&t, 0), u8(&t, 4); /* TDS 7.4 */
        b_varchar(&t, "Microsoft SQL Server");
        u8(&t, 16), u8(&t, 0), u8(&t, 0x0F), u8(&t, 0xA3);
        u8(&o, 0xAD);
        u16(&o, (unsigned)t.n);
        memcpy(o.b + o.n, t.b, t.n);
        o.n += t.n;
        done(&o, 0, 0);
    }
    send_packet(fd, 0x04, &o);
}

/* The batch text as ASCII (UCS-2 low bytes), after the ALL_HEADERS block. */
static void batch_text(const unsigned char *b, size_t n, char *out, size_t cap)
{
    size_t skip = n >= 4 ? (size_t)(b[0] | b[1] << 8 | b[2] << 16 | (size_t)b[3] << 24) : 0;
    if (skip > n)
        skip = 0;
    size_t k = 0;
    for (size_t i = skip; i + 1 < n && k + 1 < cap; i += 2)
        out[k++] = b[i + 1] ? '?' : (char)b[i];
    out[k] = 0;
}

/* 1 when the connection must end */
static int answer_batch(int fd, const char *sql, const char *mode, int *catalogue_seen)
{
    Out o = {.n = 0};
    if (strstr(sql, "SERVERPROPERTY('ProductVersion')")) {
        columns(&o, 2, 1);
        u8(&o, 0xD1);
        nvarchar_value(&o, !strcmp(mode, "oldversion") ? "10.50.6000.34" : "16.0.4003.1");
        u8(&o, 4), u32(&o, 3);
        done(&o, 0x10, 1);
    } else if (strstr(sql, "sp_executesql") && strstr(sql, "FROM sys.")) {
        if (!(*catalogue_seen)++) {
            if (!strcmp(mode, "hang")) {
                sleep(30);
                return 1;
            }
            if (!strcmp(mode, "drop"))
                return 1;
        }
        if (strstr(sql, "SELECT s.name FROM sys.schemas")) {
            columns(&o, 1, 0);
            u8(&o, 0xD1);
            nvarchar_value(&o, "sales]'; x");
            done(&o, 0x10, 1);
        } else if (strstr(sql, "AS total")) {
            columns(&o, 1, 1);
            u8(&o, 0xD1);
            u8(&o, 4), u32(&o, 1);
            done(&o, 0x10, 1);
        } else {
            done(&o, 0x10, 0);
        }
    } else {
        done(&o, 0, 0);
    }
    send_packet(fd, 0x04, &o);
    return 0;
}

void fake_tds_serve(int lfd, const char *mode)
{
    static unsigned char buf[1 << 20];
    static char sql[1 << 19];
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            return;
        int catalogue_seen = 0;
        for (;;) {
            size_t n;
            int type = read_message(fd, buf, sizeof buf, &n);
            if (type < 0)
                break;
            if (type == 0x12)
                answer_prelogin(fd);
            else if (type == 0x10)
                answer_login(fd, mode);
            else if (type == 0x01) {
                batch_text(buf, n, sql, sizeof sql);
                if (answer_batch(fd, sql, mode, &catalogue_seen))
                    break;
            } else if (type == 0x06) { /* attention: acknowledge */
                Out o = {.n = 0};
                done(&o, 0x0020, 0);
                send_packet(fd, 0x04, &o);
            } else {
                break;
            }
        }
        close(fd);
    }
}
