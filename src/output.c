/* Output files written atomically: temporary files beside their targets, renamed over them together when all are complete. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>

#include "signals.h"

/* Bytes gathered before a write(2): cairo hands its PDF over a few bytes
 * at a time, 128,000 writes for a 76-page report unbuffered. */
#define OUTPUT_BUFFER (64 * 1024)

struct output {
	char *path;        /* the target */
	char *tmp;         /* the temporary file, NULL for a stream */
	FILE *stream;      /* standard output, when path is "-" */
	struct output_set *set;   /* NULL, or the set that renames it */
	int fd;
	int error;         /* first errno seen while writing, 0 if none */
	int slot;          /* slot of tmp in the signal handler's table */
	bool done;         /* a member of a set committed without error */
	size_t used;       /* bytes waiting in buf */
	char *buf;         /* OUTPUT_BUFFER bytes, for a file */
};

struct output_set {
	GPtrArray *members;   /* struct output *, in the order opened */
};

/* The bytes mkstemp's name adds to the target's: "." before, ".XXXXXX" after. */
#define TMP_EXTRA 8

static bool
same_file(const struct stat *a, const char *other)
{
	struct stat b;

	return stat(other, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* Whether the target and its temporary name fit the file system's limits,
 * checked before anything is written; false after reporting. */
static bool
name_fits(const char *path, const char *dir, const char *base, struct diag *d)
{
	long name_max = pathconf(dir, _PC_NAME_MAX);

	if (name_max <= 0)
		name_max = NAME_MAX;
	if (strlen(base) + TMP_EXTRA > (size_t)name_max) {
		diag_report(d, path, 0, 0, M_FILE_NAME_TOO_LONG, strlen(base), name_max,
		            TMP_EXTRA);
		return false;
	}
	if (strlen(path) + TMP_EXTRA + 2 >= PATH_MAX) {
		diag_report(d, path, 0, 0, M_PATH_TOO_LONG, strlen(path),
		            PATH_MAX - TMP_EXTRA - 3, TMP_EXTRA);
		return false;
	}
	return true;
}

struct output *
output_open_in(struct output_set *set, const char *path, FILE *out,
               const char *const *inputs, size_t n_inputs, struct diag *d)
{
	struct output *o;
	struct stat st;
	char *dir, *base;
	mode_t mask, mode;
	bool fits;
	size_t i;

	signals_install();
	if (strcmp(path, "-") == 0) {
		o = g_new0(struct output, 1);
		o->path = g_strdup("<stdout>");
		o->stream = out;
		o->fd = -1;
		o->slot = -1;
		o->set = set;
		if (set != NULL)
			g_ptr_array_add(set->members, o);
		return o;
	}
	mask = umask(0);
	umask(mask);
	mode = 0666 & ~mask;
	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			diag_report(d, path, 0, 0, M_OUTPUT_IS_SYMLINK);
			return NULL;
		}
		if (!S_ISREG(st.st_mode)) {
			diag_report(d, path, 0, 0, M_OUTPUT_NOT_REGULAR);
			return NULL;
		}
		for (i = 0; i < n_inputs; i++) {
			if (inputs[i] != NULL && same_file(&st, inputs[i])) {
				diag_report(d, path, 0, 0, M_WOULD_OVERWRITE_INPUT);
				return NULL;
			}
		}
		/* A file someone made private stays private. */
		mode = st.st_mode & 0777;
	}
	dir = g_path_get_dirname(path);
	base = g_path_get_basename(path);
	fits = name_fits(path, dir, base, d);
	o = g_new0(struct output, 1);
	o->path = g_strdup(path);
	o->slot = -1;
	o->fd = -1;
	o->tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
	g_free(dir);
	g_free(base);
	if (!fits) {
		g_free(o->tmp);
		o->tmp = NULL;
		output_abort(o);
		return NULL;
	}
	o->fd = mkstemp(o->tmp);
	if (o->fd < 0) {
		diag_report(d, path, 0, 0, M_CANNOT_CREATE, strerror(errno));
		g_free(o->tmp);
		o->tmp = NULL;
		output_abort(o);
		return NULL;
	}
	o->slot = signals_watch_file(o->tmp);
	o->buf = g_malloc(OUTPUT_BUFFER);
	/* mkstemp makes the file 0600; a published document is not private
	 * unless the file it replaces was. */
	fchmod(o->fd, mode);
	o->set = set;
	if (set != NULL)
		g_ptr_array_add(set->members, o);
	return o;
}

struct output *
output_open(const char *path, FILE *out, const char *const *inputs, size_t n_inputs,
            struct diag *d)
{
	return output_open_in(NULL, path, out, inputs, n_inputs, d);
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

/* Free o's memory, nothing else. */
static void
release(struct output *o)
{
	g_free(o->buf);
	g_free(o->tmp);
	g_free(o->path);
	g_free(o);
}

/* Remove o's temporary file (closing it first), if it still has one. */
static void
discard(struct output *o)
{
	if (o->fd >= 0)
		close(o->fd);
	o->fd = -1;
	if (o->tmp != NULL)
		unlink(o->tmp);
	signals_forget_file(o->slot);
	o->slot = -1;
	g_free(o->tmp);
	o->tmp = NULL;
}

/* Everything but the rename: flush, sync, close.  False after reporting. */
static bool
complete(struct output *o, struct diag *d)
{
	if (o->stream != NULL) {
		if (o->error == 0 && (fflush(o->stream) != 0 || ferror(o->stream)))
			o->error = errno != 0 ? errno : EIO;
		if (o->error != 0)
			diag_report(d, NULL, 0, 0, M_CANNOT_WRITE_STANDARD_OUTPUT,
			            strerror(o->error));
		return o->error == 0;
	}
	flush_buffer(o);
	if (o->error == 0 && fsync(o->fd) != 0)
		o->error = errno;
	if (close(o->fd) != 0 && o->error == 0)
		o->error = errno;
	o->fd = -1;
	if (o->error != 0) {
		diag_report(d, o->path, 0, 0, M_CANNOT_WRITE, strerror(o->error));
		discard(o);
	}
	return o->error == 0;
}

/* Rename a completed file into place.  False after reporting. */
static bool
publish(struct output *o, struct diag *d)
{
	if (o->tmp == NULL)
		return true;
	if (rename(o->tmp, o->path) != 0) {
		diag_report(d, o->path, 0, 0, M_CANNOT_WRITE, strerror(errno));
		discard(o);
		return false;
	}
	signals_forget_file(o->slot);
	o->slot = -1;
	g_free(o->tmp);
	o->tmp = NULL;
	sync_directory(o->path);
	return true;
}

bool
output_commit(struct output *o, struct diag *d)
{
	bool ok = complete(o, d);

	if (o->set != NULL) {
		o->done = ok;
		return ok;
	}
	ok = ok && publish(o, d);
	discard(o);
	release(o);
	return ok;
}

void
output_abort(struct output *o)
{
	if (o == NULL)
		return;
	discard(o);
	if (o->set != NULL) {
		o->done = false;
		o->error = o->error != 0 ? o->error : ECANCELED;
		return;
	}
	release(o);
}

struct output_set *
output_set_new(void)
{
	struct output_set *set = g_new0(struct output_set, 1);

	set->members = g_ptr_array_new();
	return set;
}

bool
output_set_commit(struct output_set *set, struct diag *d)
{
	bool ok = true;
	guint i;

	for (i = 0; i < set->members->len; i++)
		ok = ok && ((struct output *)set->members->pdata[i])->done;
	/* Renames do not fail for lack of space; one that fails all the same
	 * (the directory was removed meanwhile) stops the others. */
	for (i = 0; ok && i < set->members->len; i++)
		ok = publish(set->members->pdata[i], d);
	output_set_free(set);
	return ok;
}

void
output_set_free(struct output_set *set)
{
	guint i;

	if (set == NULL)
		return;
	for (i = 0; i < set->members->len; i++) {
		struct output *o = set->members->pdata[i];

		discard(o);
		release(o);
	}
	g_ptr_array_free(set->members, TRUE);
	g_free(set);
}

const char *
output_path(const struct output *o)
{
	return o->path;
}
