/* Fatal signals end a run cleanly: temporary files are removed and worker processes are ended first. */
#ifndef SSECMM_SIGNALS_H
#define SSECMM_SIGNALS_H

#include <sys/types.h>

/* Catch every catchable signal whose default action ends the process
 * (HUP, INT, QUIT, ILL, ABRT, FPE, SEGV, BUS, PIPE, ALRM, TERM, USR1, USR2,
 * XCPU, VTALRM, PROF; SEGV, BUS, ILL and FPE on a best-effort basis, since
 * memory may be damaged then) that still has its default action (or is
 * ignored, for INT and QUIT), and ignore SIGXFSZ so that a file size limit
 * is an ordinary write error.  The handler removes the files watched,
 * sends SIGTERM to the process group of every worker watched and waits for
 * them (so their temporary files are gone too), then dies of the same
 * signal.  Idempotent. */
void signals_install(void);

/* Put back the actions signals_install replaced, for a program that sets
 * its own afterwards only where none is set (libFuzzer); the next
 * signals_install looks again. */
void signals_uninstall(void);

/* Watch path (copied into fixed storage: the handler may only call
 * async-signal-safe functions).  Returns a slot for signals_forget_file, or
 * -1 when the table is full or path too long (then it is not watched). */
int signals_watch_file(const char *path);
void signals_forget_file(int slot);

/* Watch a worker, which leads its own process group. */
int signals_watch_worker(pid_t pid);
void signals_forget_worker(int slot);

/* In a child just forked: forget the parent's files and workers, which are
 * not the child's to remove or end. */
void signals_forget_all(void);

#endif
