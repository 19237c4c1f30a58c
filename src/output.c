/* Output files written atomically: a temporary file beside the target, renamed over it when complete. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>

/* Bytes gathered before a write(2): cairo hands its PDF over a few bytes
 * at a time, 128,000 writes for a 76-page report unbuffered. */
#define OUTPUT_BUFFER (64 * 1024)

struct output {
	char *path;        /* the target */
	char *tmp;         /* the temporary file, NULL for a stream */
	FILE *stream;      /* standard output, when path is "-" */
	int fd;
	int error;         /* first errno seen while writing, 0 if none */
	int slot;          /* index in pending[] */
	size_t used;       /* bytes waiting in buf */
	char *buf;         /* OUTPUT_BUFFER bytes, for a file */
};

/* Temporary files in progress, for the signal handler.  Fixed storage:
 * the handler may only call async-signal-safe functions. */
#define MAX_PENDING 16
static char pending[MAX_PENDING][PATH_MAX];
static volatile sig_atomic_t pending_used[MAX_PENDING];

static void
remove_pending_and_die(int sig)
{
	int i;

	for (i = 0; i < MAX_PENDING; i++)
		if (pending_used[i])
			unlink(pending[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
install_handlers(void)
{
	static bool installed;
	struct sigaction sa;

	if (installed)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = remove_pending_and_die;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* The CPU time limit of a batch worker (or of ulimit -t) ends the run
	 * the same way: no temporary file is left behind. */
	sigaction(SIGXCPU, &sa, NULL);
	/* Past a file size limit (ulimit -f) write() then fails with EFBIG and
	 * the ordinary error path reports it and removes the temporary file;
	 * SIGXFSZ's default action would kill us and leave the file behind. */
	sa.sa_handler = SIG_IGN;
	sigaction(SIGXFSZ, &sa, NULL);
	installed = true;
}

static int
track(const char *tmp)
{
	int i;

	for (i = 0; i < MAX_PENDING; i++) {
		if (!pending_used[i] && strlen(tmp) < PATH_MAX) {
			strcpy(pending[i], tmp);
			pending_used[i] = 1;
			return i;
		}
	}
	return -1;
}

static void
untrack(int slot)
{
	if (slot >= 0)
		pending_used[slot] = 0;
}

static bool
same_file(const struct stat *a, const char *other)
{
	struct stat b;

	return stat(other, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

struct output *
output_open(const char *path, FILE *out, const char *const *inputs, size_t n_inputs,
            struct diag *d)
{
	struct output *o;
	struct stat st;
	char *dir, *base;
	mode_t mask;
	size_t i;

	install_handlers();
	if (strcmp(path, "-") == 0) {
		o = g_new0(struct output, 1);
		o->path = g_strdup("<stdout>");
		o->stream = out;
		o->fd = -1;
		o->slot = -1;
		return o;
	}
	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			diag_report(d, DIAG_ERROR, EXIT_IO, path, 0, 0,
			            "refusing to write through a symbolic link");
			return NULL;
		}
		if (!S_ISREG(st.st_mode)) {
			diag_report(d, DIAG_ERROR, EXIT_IO, path, 0, 0,
			            "refusing to write: not a regular file");
			return NULL;
		}
		for (i = 0; i < n_inputs; i++) {
			if (inputs[i] != NULL && same_file(&st, inputs[i])) {
				diag_report(d, DIAG_ERROR, EXIT_IO, path, 0, 0,
				            "refusing to overwrite an input file");
				return NULL;
			}
		}
	}
	o = g_new0(struct output, 1);
	o->path = g_strdup(path);
	o->slot = -1;
	dir = g_path_get_dirname(path);
	base = g_path_get_basename(path);
	o->tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
	g_free(dir);
	g_free(base);
	o->fd = mkstemp(o->tmp);
	if (o->fd < 0) {
		diag_report(d, DIAG_ERROR, EXIT_IO, path, 0, 0, "cannot create: %s", strerror(errno));
		g_free(o->tmp);
		o->tmp = NULL;
		output_abort(o);
		return NULL;
	}
	o->slot = track(o->tmp);
	o->buf = g_malloc(OUTPUT_BUFFER);
	/* mkstemp makes the file private; published documents are not. */
	mask = umask(0);
	umask(mask);
	fchmod(o->fd, 0666 & ~mask);
	return o;
}

/* Write len bytes at p to the file; the first error is kept in o->error. */
static void
write_all(struct output *o, const char *p, size_t len)
{
	while (len > 0 && o->error == 0) {
		ssize_t n = write(o->fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			o->error = errno;
			return;
		}
		p += n;
		len -= (size_t)n;
	}
}

static void
flush_buffer(struct output *o)
{
	write_all(o, o->buf, o->used);
	o->used = 0;
}

void
output_write(struct output *o, const void *buf, size_t len)
{
	if (o->error != 0)
		return;
	if (o->stream != NULL) {
		if (fwrite(buf, 1, len, o->stream) != len)
			o->error = errno != 0 ? errno : EIO;
		return;
	}
	if (o->used + len > OUTPUT_BUFFER)
		flush_buffer(o);
	if (len >= OUTPUT_BUFFER) {
		write_all(o, buf, len);
		return;
	}
	memcpy(o->buf + o->used, buf, len);
	o->used += len;
}

bool
output_ok(const struct output *o)
{
	return o->error == 0;
}

static void
sync_directory(const char *path)
{
	char *dir = g_path_get_dirname(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	g_free(dir);
}

bool
output_commit(struct output *o, struct diag *d)
{
	bool ok = true;

	if (o->stream != NULL) {
		if (o->error == 0 && (fflush(o->stream) != 0 || ferror(o->stream)))
			o->error = errno != 0 ? errno : EIO;
		if (o->error != 0) {
			diag_report(d, DIAG_ERROR, EXIT_IO, NULL, 0, 0,
			            "cannot write standard output: %s", strerror(o->error));
			ok = false;
		}
		g_free(o->path);
		g_free(o);
		return ok;
	}
	flush_buffer(o);
	if (o->error == 0 && fsync(o->fd) != 0)
		o->error = errno;
	if (close(o->fd) != 0 && o->error == 0)
		o->error = errno;
	o->fd = -1;
	if (o->error == 0 && rename(o->tmp, o->path) != 0)
		o->error = errno;
	if (o->error != 0) {
		diag_report(d, DIAG_ERROR, EXIT_IO, o->path, 0, 0, "cannot write: %s",
		             strerror(o->error));
		output_abort(o);
		return false;
	}
	untrack(o->slot);
	sync_directory(o->path);
	g_free(o->buf);
	g_free(o->tmp);
	g_free(o->path);
	g_free(o);
	return true;
}

void
output_abort(struct output *o)
{
	if (o == NULL)
		return;
	if (o->fd >= 0)
		close(o->fd);
	if (o->tmp != NULL)
		unlink(o->tmp);
	untrack(o->slot);
	g_free(o->buf);
	g_free(o->tmp);
	g_free(o->path);
	g_free(o);
}

const char *
output_path(const struct output *o)
{
	return o->path;
}
