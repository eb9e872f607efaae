/* tests: a minimal TDS 7.4 server for the driver tests (see fake_tds.c). */
#ifndef SQLSHIFT_FAKE_TDS_H
#define SQLSHIFT_FAKE_TDS_H

/* Serves connections accepted on listen_fd until the listener is closed
 * or the process is killed. mode: "ok", "badlogin", "nodb", "oldversion",
 * "hang" (no answer to the first catalogue query), "drop" (closes the
 * connection at the first catalogue query). */
void fake_tds_serve(int listen_fd, const char *mode);

#endif
