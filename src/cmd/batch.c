/* The batch command: every product of many appraisals, each in its own process with CPU and memory limits, then their index. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>

#include "cmd/commands.h"
#include "cmd/index.h"
#include "cmd/products.h"
#include "doc/resultdoc.h"
#include "load/listing.h"
#include "load/xmlload.h"
#include "load/xmlnode.h"
#include "signals.h"

/* What one input may cost.  A hostile or broken file fails alone: its
 * worker is stopped by the kernel (CPU, memory) or by us (wall time). */
#define WORKER_CPU_SECONDS 60
#define WORKER_MEMORY_BYTES (1024UL * 1024 * 1024)
#define WORKER_WALL_SECONDS 180
#define MAX_JOBS 64
/* A worker's exit status for an input skipped, not failed: a target
 * profile or a result document found in a directory of appraisals. */
#define WORKER_SKIPPED 100

/* The files a worker writes for an input NAME: NAME, the product's suffix
 * and an extension (the renderings only in the formats asked for), the
 * result document last.  The index is written as the first two. */
static const struct {
	enum product_id id;
	const char *ext;
	int format;        /* PRODUCT_HTML or PRODUCT_PDF, 0 for always */
} files[] = {
	{PRODUCT_REPORT, ".html", PRODUCT_HTML},    {PRODUCT_REPORT, ".pdf", PRODUCT_PDF},
	{PRODUCT_STATEMENT, ".html", PRODUCT_HTML}, {PRODUCT_STATEMENT, ".pdf", PRODUCT_PDF},
	{PRODUCT_CHART, ".svg", 0},                 {PRODUCT_RESULT, ".xml", 0},
};

/* The name of files[k] for the input whose stem is stem, or of the index's
 * file of that format when stem is NULL.  g_free the result. */
static char *
file_name(const char *stem, size_t k)
{
	if (stem == NULL)
		return g_strconcat(pipeline_product(PRODUCT_INDEX)->file, files[k].ext, NULL);
	return g_strconcat(stem, pipeline_product(files[k].id)->suffix, files[k].ext, NULL);
}

/* The products a worker makes from a template, and those the batch
 * prepares before starting its workers (the index last, by the batch). */
static const enum product_id rendered[] = {PRODUCT_REPORT, PRODUCT_STATEMENT, PRODUCT_COUNT};
static const enum product_id prepared[] = {PRODUCT_REPORT, PRODUCT_STATEMENT, PRODUCT_INDEX,
                                           PRODUCT_COUNT};

/* One input and, while it runs, its worker. */
struct job {
	char *path;
	char *stem;
	pid_t pid;
	int fd;            /* read end of the worker's diagnostics */
	GString *log;      /* what the worker reported, printed when it ends */
	gint64 started;
	bool ok;
	char *reason;      /* why it failed, one line */
	bool in_dir;       /* found in a directory named, not named itself */
	bool skipped;
	int slot;          /* in the signal handler's table of workers */
};

struct batch {
	struct cli *c;
	struct pipeline *pl;
	struct product_dest dest;
	char *outdir;
	GPtrArray *jobs;   /* struct job *, in name order */
	unsigned done, failed, skipped;
	gint64 started;
	bool progress;
};

/* FNV-1a: a hash that is the same on every machine and in every version,
 * so a shard holds the same inputs wherever it runs. */
static guint32
fnv1a(const char *s)
{
	guint32 h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static bool
parse_count(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	if (s == NULL || !g_ascii_isdigit(*s))
		return false;
	errno = 0;
	*out = strtoul(s, &end, 10);
	return errno == 0 && *out >= 1 && *out <= max && (*end == '\0' || *end == '/');
}

/* The files an operand stands for: itself, or the *.xml files directly
 * inside a directory, in name order.  False after reporting. */
static bool
expand(const char *operand, GPtrArray *paths, GHashTable *in_dir, struct diag *d)
{
	guint first = paths->len, i;

	if (!g_file_test(operand, G_FILE_TEST_IS_DIR)) {
		g_ptr_array_add(paths, g_strdup(operand));
		return true;
	}
	if (!listing_read(operand, ".xml", paths, d))
		return false;
	for (i = first; i < paths->len; i++)
		g_hash_table_add(in_dir, paths->pdata[i]);
	return true;
}

static void
job_free(gpointer data)
{
	struct job *j = data;

	g_free(j->path);
	g_free(j->stem);
	g_free(j->reason);
	if (j->log != NULL)
		g_string_free(j->log, TRUE);
	g_free(j);
}

/* Whether path, found in a directory of inputs, is a result document (an
 * earlier batch's output), parsed with the hardened loader and no messages:
 * a file that does not parse is an input, and fails in its worker. */
static bool
is_result_document(const char *path)
{
	struct diag quiet;
	xmlDoc *doc;
	xmlNode *root;
	bool is;

	diag_init(&quiet, NULL, true, false);
	doc = xmlload_file(path, NULL, &quiet, NULL);
	root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	is = xn_is(root, "result") && root->ns != NULL &&
	     strcmp((const char *)root->ns->href, RESULT_NS) == 0;
	xmlFreeDoc(doc);
	return is;
}

/* path as the file it will be: its directory resolved, its own name kept
 * (a link there is refused by output_open anyway).  g_free the result. */
static char *
resolved(const char *path)
{
	char *dir = g_path_get_dirname(path), *base = g_path_get_basename(path);
	char *real = realpath(dir, NULL), *out;

	out = g_build_filename(real != NULL ? real : dir, base, NULL);
	free(real);
	g_free(dir);
	g_free(base);
	return out;
}

/* One file the run reads, by name and by identity. */
struct input_file {
	char *name;        /* resolved */
	const char *shown; /* as given */
	bool exists;
	dev_t dev;
	ino_t ino;
};

static void
add_input(GArray *inputs, const char *path)
{
	struct input_file f = {resolved(path), path, false, 0, 0};
	struct stat st;

	if (stat(path, &st) == 0) {
		f.exists = true;
		f.dev = st.st_dev;
		f.ino = st.st_ino;
	}
	g_array_append_val(inputs, f);
}

/* The input output would replace, by name or as the same file (a hard
 * link), or NULL. */
static const struct input_file *
input_at(GArray *inputs, const char *output)
{
	struct stat st;
	bool exists = stat(output, &st) == 0;
	guint i;

	for (i = 0; i < inputs->len; i++) {
		const struct input_file *f = &g_array_index(inputs, struct input_file, i);

		if (strcmp(f->name, output) == 0 ||
		    (exists && f->exists && f->dev == st.st_dev && f->ino == st.st_ino))
			return f;
	}
	return NULL;
}

/* Before any worker starts: every file the run will write, checked against
 * every file it reads and against each other.  A collision is a usage
 * error naming both files; nothing is written.  Inputs skipped as earlier
 * results are not inputs: the run replaces them. */
static bool
check_collisions(struct batch *b)
{
	struct cli *c = b->c;
	GArray *inputs = g_array_new(FALSE, FALSE, sizeof(struct input_file));
	GHashTable *writers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	char *outdir = resolved(b->outdir), *path;
	const struct input_file *f;
	bool ok = true;
	guint i, k;

	/* resolved() keeps the last component: the output directory's own. */
	path = realpath(b->outdir, NULL);
	if (path != NULL) {
		g_free(outdir);
		outdir = g_strdup(path);
		free(path);
	}
	for (i = 0; i < b->jobs->len; i++) {
		struct job *j = b->jobs->pdata[i];

		if (!j->skipped)
			add_input(inputs, j->path);
	}
	if (c->model_path != NULL)
		add_input(inputs, c->model_path);
	if (c->target_path != NULL)
		add_input(inputs, c->target_path);
	for (i = 0; i <= b->jobs->len; i++) {
		struct job *j = i < b->jobs->len ? b->jobs->pdata[i] : NULL;

		if (j != NULL && j->skipped)
			continue;
		for (k = 0; k < G_N_ELEMENTS(files); k++) {
			char *file;

			if (j == NULL && k > 1)
				break;
			if (files[k].format != 0 && !(b->dest.formats & files[k].format))
				continue;
			file = file_name(j != NULL ? j->stem : NULL, k);
			path = g_build_filename(outdir, file, NULL);
			g_free(file);
			if ((f = input_at(inputs, path)) != NULL) {
				diag_report(&c->diag, f->shown, 0, 0,
				            M_INPUT_WOULD_BE_OVERWRITTEN, path,
				            j != NULL ? ", a product of " : ", the index",
				            j != NULL ? j->path : "");
				ok = false;
			} else if (g_hash_table_contains(writers, path)) {
				const char *other = g_hash_table_lookup(writers, path);

				diag_report(&c->diag, path, 0, 0, M_OUTPUT_FOR_TWO_INPUTS,
				            other, j != NULL ? j->path : "the index");
				ok = false;
			}
			g_hash_table_insert(writers, path,
			                    j != NULL ? j->path : (char *)"the index");
		}
	}
	for (i = 0; i < inputs->len; i++)
		g_free(g_array_index(inputs, struct input_file, i).name);
	g_array_free(inputs, TRUE);
	g_hash_table_destroy(writers);
	g_free(outdir);
	return ok;
}

/* The inputs of this run: every operand expanded, the shard's share kept,
 * names that would overwrite each other's products refused. */
static bool
plan(struct batch *b, unsigned long shard_k, unsigned long shard_n)
{
	struct cli *c = b->c;
	GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
	GHashTable *stems = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *in_dir = g_hash_table_new(g_direct_hash, g_direct_equal);
	bool ok = true;
	guint i;
	int k;

	for (k = 0; k < c->n_operands; k++)
		ok = expand(c->operands[k], paths, in_dir, &c->diag) && ok;
	b->jobs = g_ptr_array_new_with_free_func(job_free);
	for (i = 0; ok && i < paths->len; i++) {
		char *stem = product_stem(paths->pdata[i]);
		struct job *j;

		if (fnv1a(stem) % shard_n != shard_k - 1) {
			g_free(stem);
			continue;
		}
		j = g_new0(struct job, 1);
		j->path = g_strdup(paths->pdata[i]);
		j->stem = stem;
		j->fd = -1;
		j->in_dir = g_hash_table_contains(in_dir, paths->pdata[i]);
		j->slot = -1;
		/* An earlier run's result in a directory of inputs is its product,
		 * replaced by this run, not an input. */
		j->skipped = j->in_dir && g_str_has_suffix(j->path, INDEX_RESULT_SUFFIX) &&
		             is_result_document(j->path);
		if (g_hash_table_contains(stems, stem)) {
			diag_report(&c->diag, j->path, 0, 0, M_INPUT_NAME_CLASH, stem);
			job_free(j);
			ok = false;
			continue;
		}
		g_hash_table_add(stems, j->stem);
		g_ptr_array_add(b->jobs, j);
	}
	g_hash_table_destroy(stems);
	g_hash_table_destroy(in_dir);
	g_ptr_array_free(paths, TRUE);
	return ok && check_collisions(b);
}

/* The process limits of a worker.  AddressSanitizer reserves terabytes of
 * address space, so a sanitizer build keeps only the CPU limit. */
static void
limit_worker(void)
{
	struct rlimit cpu = {WORKER_CPU_SECONDS, WORKER_CPU_SECONDS + 5};
#if !defined(__SANITIZE_ADDRESS__)
	struct rlimit mem = {WORKER_MEMORY_BYTES, WORKER_MEMORY_BYTES};

	setrlimit(RLIMIT_AS, &mem);
#endif
	setrlimit(RLIMIT_CPU, &cpu);
}

/* In the worker: the products of one input.  The result file goes last, so
 * that it exists only beside a complete set of products. */
static int
work(struct batch *b, struct job *j, FILE *err)
{
	struct cli *c = b->c;
	struct diag d;
	struct rated rated = {0};
	struct product_dest dest = b->dest;
	struct chart *chart = NULL;
	struct output *o;
	xmlDoc *result, *doc;
	char *path, *title = NULL, sha256[65];

	diag_init(&d, err, c->quiet, false);
	dest.inputs = (const char *const[]){j->path, c->target_path, c->model_path};
	dest.n_inputs = 3;
	pipeline_warm_fonts(b->pl, &dest);
	doc = xmlload_file(j->path, NULL, &d, sha256);
	if (doc != NULL && j->in_dir && (xn_is(xmlDocGetRootElement(doc), "target-profile") ||
	                                 xn_is(xmlDocGetRootElement(doc), "result"))) {
		xmlFreeDoc(doc);
		return WORKER_SKIPPED;
	}
	if (!pipeline_rate_doc(b->pl, doc, j->path, sha256, c->target_path, &rated, &d))
		goto done;
	product_check_glyphs(&dest, rated.results->a, &d);
	if (!pipeline_make_appraisal(b->pl, rated.results, rendered, j->stem, &dest, &d))
		goto done;
	chart = pipeline_product(PRODUCT_CHART)->charts(rated.results, "organization", &title);
	path = product_path(&dest, j->stem, "-chart.svg");
	o = output_open(path, NULL, dest.inputs, dest.n_inputs, &d);
	g_free(path);
	if (o == NULL || !product_write_svg(chart, title, o, &d))
		goto done;
	result = result_document(rated.results);
	path = product_path(&dest, j->stem, INDEX_RESULT_SUFFIX);
	o = output_open(path, NULL, dest.inputs, dest.n_inputs, &d);
	g_free(path);
	if (o != NULL)
		product_write_xml(result, o, &d);
	xmlFreeDoc(result);
done:
	g_free(title);
	chart_free(chart);
	rated_free(&rated);
	fflush(err);
	return d.status;
}

/* Start a worker for j, leading a process group of its own so that ending
 * the batch ends it (signals.c); fatal signals are held from the fork until
 * the worker is watched, so that none can slip between. */
static bool
start(struct batch *b, struct job *j)
{
	sigset_t all, old;
	int fds[2];
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) != 0) {
		diag_report(&b->c->diag, NULL, 0, 0, M_CANNOT_MAKE_PIPE, g_strerror(errno));
		return false;
	}
	fflush(NULL);
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	pid = fork();
	if (pid < 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		diag_report(&b->c->diag, NULL, 0, 0, M_CANNOT_START_WORKER, g_strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return false;
	}
	if (pid == 0) {
		FILE *err;

		setpgid(0, 0);
		signals_forget_all();
		sigprocmask(SIG_SETMASK, &old, NULL);
		close(fds[0]);
		limit_worker();
		err = fdopen(fds[1], "w");
		_exit(err != NULL ? work(b, j, err) : EXIT_INTERNAL);
	}
	/* Both sides set the group: whichever runs first, it exists before a
	 * signal could be sent to it. */
	setpgid(pid, pid);
	j->slot = signals_watch_worker(pid);
	sigprocmask(SIG_SETMASK, &old, NULL);
	close(fds[1]);
	j->pid = pid;
	j->fd = fds[0];
	j->log = g_string_new(NULL);
	j->started = g_get_monotonic_time();
	return true;
}

/* Keep why a job failed, a message of messages.h, for the diagnostic printed
 * when its worker is reaped and for the index; judge decides the status. */
static void give_reason(struct job *j, enum diag_severity sev, enum exit_status status,
                        const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
give_reason(struct job *j, enum diag_severity sev, enum exit_status status, const char *fmt, ...)
{
	va_list ap;

	(void)sev;
	(void)status;
	g_free(j->reason);
	va_start(ap, fmt);
	j->reason = g_strdup_vprintf(fmt, ap);
	va_end(ap);
}

/* Why a worker that did not exit with status 0 failed, and the exit status
 * the failure stands for. */
static enum exit_status
judge(struct job *j, int wstatus)
{
	int sig;

	if (WIFEXITED(wstatus)) {
		static const char *const words[] = {"", "invalid input", "usage error", "file error",
		                                    "resource limit exceeded", "internal error"};
		int st = WEXITSTATUS(wstatus);

		if (st == 0)
			return EXIT_OK;
		if (st == WORKER_SKIPPED) {
			j->skipped = true;
			return EXIT_OK;
		}
		j->reason = g_strdup(st < (int)G_N_ELEMENTS(words) ? words[st] : "internal error");
		return st <= EXIT_INTERNAL ? (enum exit_status)st : EXIT_INTERNAL;
	}
	sig = WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
	if (sig == SIGXCPU || (sig == SIGKILL && j->reason == NULL))
		give_reason(j, M_WORKER_CPU_LIMIT, WORKER_CPU_SECONDS);
	else if (j->reason == NULL)
		/* Out of memory under the address-space limit shows as an abort
		 * (glib) or a crash (a library that ignores NULL from malloc). */
		give_reason(j, M_WORKER_SIGNALLED, sig, g_strsignal(sig), WORKER_MEMORY_BYTES >> 20);
	return sig == SIGXCPU || sig == SIGKILL ? EXIT_LIMIT : EXIT_INTERNAL;
}

static void
clear_progress(struct batch *b)
{
	if (b->progress)
		fputs("\r\033[K", b->c->err);
}

static void
show_progress(struct batch *b, const struct job *current)
{
	double secs = (double)(g_get_monotonic_time() - b->started) / 1e6;
	char name[44];

	if (!b->progress)
		return;
	diag_escape(name, sizeof name, current != NULL ? current->stem : "");
	fprintf(b->c->err, "\r\033[K[%u/%u] %.1f s, %.1f/s%s%s", b->done, b->jobs->len,
	        secs, secs > 0 ? b->done / secs : 0.0, current != NULL ? ", " : "", name);
	fflush(b->c->err);
}

/* Remove the temporary files of a worker that was killed before it could
 * (SIGKILL at the wall-time limit, a crash): .NAME-SUFFIX.XXXXXX in the
 * output directory, for each file it writes. */
static void
remove_leftovers(struct batch *b, const struct job *j)
{
	GDir *dir = g_dir_open(b->outdir, 0, NULL);
	const char *entry;
	size_t k;

	if (dir == NULL)
		return;
	while ((entry = g_dir_read_name(dir)) != NULL) {
		for (k = 0; k < G_N_ELEMENTS(files); k++) {
			char *file = file_name(j->stem, k);
			char *prefix = g_strconcat(".", file, ".", NULL);
			bool match = g_str_has_prefix(entry, prefix) &&
			             strlen(entry) == strlen(prefix) + 6;

			g_free(prefix);
			g_free(file);
			if (match) {
				char *path = g_build_filename(b->outdir, entry, NULL);

				unlink(path);
				g_free(path);
				break;
			}
		}
	}
	g_dir_close(dir);
}

static void
finish(struct batch *b, struct job *j)
{
	struct cli *c = b->c;
	int wstatus = 0;
	enum exit_status st;

	close(j->fd);
	j->fd = -1;
	while (waitpid(j->pid, &wstatus, 0) < 0 && errno == EINTR)
		;
	signals_forget_worker(j->slot);
	j->slot = -1;
	if (!WIFEXITED(wstatus))
		remove_leftovers(b, j);
	st = judge(j, wstatus);
	j->ok = st == EXIT_OK && !j->skipped;
	b->skipped += j->skipped;
	clear_progress(b);
	fputs(j->log->str, c->err);
	if (!j->ok && !j->skipped) {
		b->failed++;
		if (!WIFEXITED(wstatus))
			diag_report(&c->diag, j->path, 0, 0, M_RELAYED(DIAG_ERROR, st),
			            j->reason);
		else if (c->diag.status < st)
			c->diag.status = st;
	}
	b->done++;
}

/* Stop a worker that has run past the wall-clock limit (one blocked
 * rather than computing, which the CPU limit does not catch). */
static void
watch(struct job *j)
{
	if (j->reason == NULL &&
	    g_get_monotonic_time() - j->started > (gint64)WORKER_WALL_SECONDS * G_USEC_PER_SEC) {
		give_reason(j, M_WORKER_WALL_LIMIT, WORKER_WALL_SECONDS);
		kill(j->pid, SIGKILL);
	}
}

/* Run every job, at most n_workers at a time, printing each worker's
 * diagnostics together when it ends. */
static void
run(struct batch *b, unsigned n_workers)
{
	struct job *running[MAX_JOBS] = {0};
	struct pollfd fds[MAX_JOBS];
	unsigned slot_of[MAX_JOBS];
	guint next = 0;
	unsigned n_running = 0, i, n;
	char buf[4096];

	while (next < b->jobs->len || n_running > 0) {
		while (n_running < n_workers && next < b->jobs->len) {
			struct job *j = b->jobs->pdata[next++];

			if (j->skipped) {
				b->skipped++;
				b->done++;
				continue;
			}
			if (!start(b, j)) {
				give_reason(j, M_WORKER_NOT_STARTED);
				b->failed++;
				b->done++;
				continue;
			}
			for (i = 0; running[i] != NULL; i++)
				;
			running[i] = j;
			n_running++;
		}
		if (n_running == 0)
			break;
		for (i = 0, n = 0; i < n_workers; i++)
			if (running[i] != NULL) {
				fds[n] = (struct pollfd){.fd = running[i]->fd, .events = POLLIN};
				slot_of[n++] = i;
			}
		if (poll(fds, n, 250) < 0 && errno != EINTR)
			break;
		for (i = 0; i < n; i++) {
			struct job *j = running[slot_of[i]];
			ssize_t got = 0;

			watch(j);
			if (fds[i].revents == 0)
				continue;
			if (fds[i].revents & POLLIN)
				got = read(j->fd, buf, sizeof buf);
			if (got > 0)
				g_string_append_len(j->log, buf, got);
			else if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
				finish(b, j);
				running[slot_of[i]] = NULL;
				n_running--;
			}
		}
		show_progress(b, next > 0 ? b->jobs->pdata[next - 1] : NULL);
	}
	clear_progress(b);
}

/* After the workers: the index over every input that succeeded, naming
 * those that failed. */
static void
write_index(struct batch *b)
{
	GPtrArray *results = g_ptr_array_new_with_free_func(g_free);
	GArray *failed = g_array_new(FALSE, FALSE, sizeof(struct index_failure));
	guint i;

	for (i = 0; i < b->jobs->len; i++) {
		struct job *j = b->jobs->pdata[i];

		if (j->ok)
			g_ptr_array_add(results, product_path(&b->dest, j->stem, INDEX_RESULT_SUFFIX));
		else if (!j->skipped) {
			struct index_failure f = {g_path_get_basename(j->path),
			                          g_strdup(j->reason != NULL ? j->reason : "failed")};

			g_array_append_val(failed, f);
		}
	}
	b->dest.inputs = (const char *const *)results->pdata;
	b->dest.n_inputs = results->len;
	index_write(b->pl, (char **)results->pdata, results->len,
	            (struct index_failure *)failed->data, failed->len, &b->dest, &b->c->diag);
	for (i = 0; i < failed->len; i++) {
		g_free(g_array_index(failed, struct index_failure, i).name);
		g_free(g_array_index(failed, struct index_failure, i).reason);
	}
	g_array_free(failed, TRUE);
	g_ptr_array_free(results, TRUE);
}

int
cmd_batch(struct cli *c)
{
	struct batch b = {.c = c};
	unsigned long n_workers = g_get_num_processors(), shard_k = 1, shard_n = 1;
	const char *slash;
	int status;

	b.dest.directory_only = true;
	/* A batch writes HTML and PDF: its index links to those. */
	b.dest.allowed = PRODUCT_HTML | PRODUCT_PDF;
	if ((status = product_dest_from_cli(c, &b.dest)) >= 0)
		return status;
	if (c->output == NULL || strcmp(c->output, "-") == 0) {
		diag_report(&c->diag, NULL, 0, 0, M_BATCH_NEEDS_OUTPUT);
		return EXIT_USAGE;
	}
	if (c->jobs != NULL && (!parse_count(c->jobs, MAX_JOBS, &n_workers) ||
	                        strchr(c->jobs, '/') != NULL)) {
		diag_report(&c->diag, NULL, 0, 0, M_JOBS_OUT_OF_RANGE, MAX_JOBS);
		return EXIT_USAGE;
	}
	if (c->shard != NULL &&
	    ((slash = strchr(c->shard, '/')) == NULL || !parse_count(c->shard, 100000, &shard_k) ||
	     !parse_count(slash + 1, 100000, &shard_n) || shard_k > shard_n)) {
		diag_report(&c->diag, NULL, 0, 0, M_SHARD_MALFORMED);
		return EXIT_USAGE;
	}
	if (n_workers > MAX_JOBS)
		n_workers = MAX_JOBS;
	b.outdir = g_strconcat(c->output, g_str_has_suffix(c->output, "/") ? "" : "/", NULL);
	b.dest.output = b.outdir;
	b.dest.log = NULL;
	if (g_mkdir_with_parents(c->output, 0777) != 0) {
		diag_report(&c->diag, c->output, 0, 0, M_CANNOT_MAKE_DIRECTORY,
		            g_strerror(errno));
		g_free(b.outdir);
		return c->diag.status;
	}
	if (!plan(&b, shard_k, shard_n) ||
	    (b.pl = pipeline_new(c->model_path, &c->diag)) == NULL ||
	    !pipeline_prepare(b.pl, prepared, b.dest.formats & PRODUCT_PDF, &c->diag))
		goto done;
	signals_install();
	b.progress = !c->quiet && isatty(fileno(c->err));
	b.started = g_get_monotonic_time();
	run(&b, (unsigned)n_workers);
	write_index(&b);
	if (!c->quiet)
		diag_say(c->err, "ssecmm: batch: %u written, %u skipped (target profiles, earlier "
		         "results), %u failed, %.1f s", b.jobs->len - b.failed - b.skipped,
		         b.skipped, b.failed, (double)(g_get_monotonic_time() - b.started) / 1e6);
done:
	pipeline_free(b.pl);
	if (b.jobs != NULL)
		g_ptr_array_free(b.jobs, TRUE);
	g_free(b.outdir);
	return c->diag.status;
}
