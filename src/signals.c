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
	for (i = 0; i < MAX_WORKERS; i++)
		if (workers[i] > 0)
			kill(-workers[i], SIGTERM);
	for (i = 0; i < MAX_WORKERS; i++)
		if (workers[i] > 0)
			while (waitpid(workers[i], &status, 0) < 0 && errno == EINTR)
				;
	errno = saved;
	signal(sig, SIG_DFL);
	raise(sig);
}

void
signals_install(void)
{
	static bool installed;
	struct sigaction sa;
	size_t i;

	if (installed)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = clean_up_and_die;
	sigfillset(&sa.sa_mask);
	for (i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
		struct sigaction old;

		/* Hangups and broken pipes ignored when we started (nohup, a
		 * caller that wants EPIPE) stay ignored.  INT and QUIT are caught
		 * even then: a shell ignores them for its background commands. */
		if ((fatal_signals[i] == SIGHUP || fatal_signals[i] == SIGPIPE) &&
		    sigaction(fatal_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(fatal_signals[i], &sa, NULL);
	}
	sa.sa_handler = SIG_IGN;
	sigaction(SIGXFSZ, &sa, NULL);
	installed = true;
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
