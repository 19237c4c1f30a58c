/* Fatal signals end a run cleanly: temporary files are removed and worker processes are ended first. */
#include "signals.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* A product holds a few files at once; a batch parent writes its index
 * alone.  Fixed storage, read by the handler. */
#define MAX_FILES 16
#define MAX_WORKERS 64

static char files[MAX_FILES][PATH_MAX];
static volatile sig_atomic_t files_used[MAX_FILES];
static volatile pid_t workers[MAX_WORKERS];

static const int fatal_signals[] = {SIGHUP,  SIGINT,  SIGQUIT, SIGILL,  SIGABRT,   SIGFPE,
                                    SIGSEGV, SIGBUS,  SIGPIPE, SIGALRM, SIGTERM,   SIGUSR1,
                                    SIGUSR2, SIGXCPU, SIGVTALRM, SIGPROF};

static void
clean_up_and_die(int sig)
{
	int saved = errno, i, status;

	for (i = 0; i < MAX_FILES; i++)
		if (files_used[i])
			unlink(files[i]);
	/* The worker's group, or the worker alone if it has none yet. */
	for (i = 0; i < MAX_WORKERS; i++)
		if (workers[i] > 0 && kill(-workers[i], SIGTERM) != 0)
			kill(workers[i], SIGTERM);
	for (i = 0; i < MAX_WORKERS; i++)
		if (workers[i] > 0)
			while (waitpid(workers[i], &status, 0) < 0 && errno == EINTR)
				;
	errno = saved;
	signal(sig, SIG_DFL);
	raise(sig);
}

#define N_FATAL (sizeof fatal_signals / sizeof fatal_signals[0])

static bool installed;
static bool replaced[N_FATAL];
static struct sigaction previous[N_FATAL];

void
signals_install(void)
{
	struct sigaction sa;
	size_t i;

	if (installed)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = clean_up_and_die;
	sigfillset(&sa.sa_mask);
	for (i = 0; i < N_FATAL; i++) {
		struct sigaction old;

		int sig = fatal_signals[i];

		if (sigaction(sig, NULL, &old) != 0)
			continue;
		/* A handler of someone else's stays (a program embedding us, a
		 * fuzzer's timer on SIGALRM).  So does a signal ignored when we
		 * started (nohup, a caller that wants EPIPE), except INT and
		 * QUIT: a shell ignores those for its background commands,
		 * which must still be stoppable. */
		if ((old.sa_flags & SA_SIGINFO) ||
		    (old.sa_handler != SIG_DFL && old.sa_handler != SIG_IGN) ||
		    (old.sa_handler == SIG_IGN && sig != SIGINT && sig != SIGQUIT))
			continue;
		replaced[i] = sigaction(sig, &sa, &previous[i]) == 0;
	}
	sa.sa_handler = SIG_IGN;
	sigaction(SIGXFSZ, &sa, NULL);
	installed = true;
}

void
signals_uninstall(void)
{
	size_t i;

	for (i = 0; i < N_FATAL; i++)
		if (replaced[i])
			sigaction(fatal_signals[i], &previous[i], NULL);
	memset(replaced, 0, sizeof replaced);
	installed = false;
}

int
signals_watch_file(const char *path)
{
	int i;

	if (strlen(path) >= PATH_MAX)
		return -1;
	for (i = 0; i < MAX_FILES; i++) {
		if (!files_used[i]) {
			strcpy(files[i], path);
			files_used[i] = 1;
			return i;
		}
	}
	return -1;
}

void
signals_forget_file(int slot)
{
	if (slot >= 0 && slot < MAX_FILES)
		files_used[slot] = 0;
}

int
signals_watch_worker(pid_t pid)
{
	int i;

	for (i = 0; i < MAX_WORKERS; i++) {
		if (workers[i] <= 0) {
			workers[i] = pid;
			return i;
		}
	}
	return -1;
}

void
signals_forget_worker(int slot)
{
	if (slot >= 0 && slot < MAX_WORKERS)
		workers[slot] = 0;
}

void
signals_forget_all(void)
{
	int i;

	for (i = 0; i < MAX_FILES; i++)
		files_used[i] = 0;
	for (i = 0; i < MAX_WORKERS; i++)
		workers[i] = 0;
}
