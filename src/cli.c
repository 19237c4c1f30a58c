/* The command line: options, subcommands, usage and exit statuses. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "cmd/commands.h"
#include "datadir.h"
#include "diag.h"
#include "doc/xform.h"
#include "load/xmlload.h"

#ifndef SSECMM_VERSION
#define SSECMM_VERSION "0.0"
#endif

/* Options each command accepts, as a bit set. */
enum {
	OPT_MODEL = 1 << 0,
	OPT_TARGET = 1 << 1,
	OPT_FORMAT = 1 << 2,
	OPT_OUTPUT = 1 << 3,
	OPT_SCOPE = 1 << 4,
	OPT_PAPER = 1 << 5,
	OPT_JOBS = 1 << 6,
	OPT_SHARD = 1 << 7,
	OPT_TEMPLATE = 1 << 9,
	OPT_STATS = 1 << 10,
	OPT_LANG = 1 << 11,
};

struct command {
	const char *name;
	int (*run)(struct cli *);
	unsigned options;
	int min_operands;
	int max_operands;   /* -1: any number */
	const char *synopsis;
	const char *summary;
};

static const struct command commands[] = {
	{"validate", cmd_validate, OPT_MODEL | OPT_STATS, 1, -1, "validate [--stats] FILE...",
	 "check model, appraisal and target-profile files"},
	{"rate", cmd_rate, OPT_MODEL | OPT_TARGET | OPT_FORMAT, 1, 1,
	 "rate APPRAISAL [--target FILE] [--format text|csv|xml|sheet]",
	 "capability levels with their reasons, and gaps to a target"},
	{"handbook", cmd_handbook, OPT_MODEL | OPT_OUTPUT | OPT_FORMAT | OPT_PAPER | OPT_LANG, 0, 0,
	 "handbook [-o DIR|FILE|-] [--format html,pdf] [--paper a4|letter]",
	 "the model reference handbook"},
	{"report", cmd_report,
	 OPT_MODEL | OPT_TARGET | OPT_OUTPUT | OPT_FORMAT | OPT_PAPER | OPT_LANG, 1, 1,
	 "report APPRAISAL [--target FILE] [-o ...] [--format ...] [--paper ...]",
	 "the formal appraisal report"},
	{"statement", cmd_statement,
	 OPT_MODEL | OPT_TARGET | OPT_OUTPUT | OPT_FORMAT | OPT_PAPER | OPT_LANG, 1, 1,
	 "statement APPRAISAL [--target FILE] [-o ...] [--format ...] [--paper ...]",
	 "the capability statement for a tender"},
	{"chart", cmd_chart, OPT_MODEL | OPT_TARGET | OPT_OUTPUT | OPT_SCOPE, 1, 1,
	 "chart APPRAISAL -o FILE.svg|.png|.pdf [--scope PROJECT]", "the capability profile chart"},
	{"import", cmd_import, OPT_MODEL | OPT_TEMPLATE | OPT_OUTPUT, 1, 1,
	 "import SHEET.csv|SHEET.xlsx --template APPRAISAL.xml -o FILE|-",
	 "an appraisal from the team's rating sheet, the rest from the template"},
	{"workbook", cmd_workbook, OPT_MODEL | OPT_OUTPUT, 1, 1,
	 "workbook APPRAISAL [-o FILE.xlsx|DIR/|-]",
	 "the rating workbook (XLSX) a team fills in on site, for import"},
	{"batch", cmd_batch,
	 OPT_MODEL | OPT_TARGET | OPT_OUTPUT | OPT_FORMAT | OPT_PAPER | OPT_JOBS | OPT_SHARD |
	 OPT_LANG, 1, -1,
	 "batch APPRAISAL...|DIR... -o OUTDIR [-j N] [--shard K/N] [--target FILE]",
	 "every product of many appraisals, each in its own process, and their index"},
	{"index", cmd_index, OPT_MODEL | OPT_OUTPUT | OPT_FORMAT | OPT_PAPER, 1, -1,
	 "index OUTDIR... [-o DIR|FILE]", "the index of batch outputs, of one or several shards"},
	{"compare", cmd_compare,
	 OPT_MODEL | OPT_TARGET | OPT_OUTPUT | OPT_FORMAT | OPT_PAPER | OPT_LANG, 2, -1,
	 "compare OLD NEW... [--target FILE] [-o ...] [--format ...] [--paper ...]",
	 "how an organization's capability changed between appraisals"},
};

static void
usage(FILE *f)
{
	size_t i;

	fputs("usage: ssecmm [-q] [--model FILE] COMMAND [OPTIONS] ARGS\n"
	      "       ssecmm --help | --version\n\ncommands:\n", f);
	for (i = 0; i < G_N_ELEMENTS(commands); i++)
		fprintf(f, "  %s\n      %s\n", commands[i].synopsis, commands[i].summary);
	fputs("\noptions:\n"
	      "  -q, --quiet          print errors only: no warnings, no summaries\n"
	      "      --model FILE     use this model file instead of the installed one\n"
	      "  -t, --target FILE    a target profile to compare against\n"
	      "  -f, --format FMT     rate: text, csv, xml or sheet; products: html, pdf or\n"
	      "                       html,pdf (both unless -o names one file); report\n"
	      "                       and statement also docx and odt (editable), alone\n"
	      "                       or joined by commas: html,pdf,docx,odt\n"
	      "      --paper SIZE     a4 (default) or letter\n"
	      "      --lang TAG       the language of the appraisals' text (en, zh-CN, ja):\n"
	      "                       overrides their xml:lang\n"
	      "  -j, --jobs N         batch: parallel workers (default: the number of cores)\n"
	      "      --shard K/N      batch: only the K-th of N shares of the inputs\n"
	      "  -o, --output PATH    where products go: a directory (DIR/), FILE.html,\n"
	      "                       .pdf, .docx or .odt (that format), FILE.xlsx\n"
	      "                       (workbook), or - for standard output (default:\n"
	      "                       beside the input)\n"
	      "      --scope SCOPE    the chart's scope: organization (default) or a project id\n"
	      "      --template FILE  import: the appraisal whose ratings the sheet replaces\n"
	      "      --stats          validate: the words of each process area of a model\n"
	      "  -h, --help           show this help\n"
	      "  -V, --version        show the version\n"
	      "\nexit status: 0 ok, 1 invalid input, 2 usage error, 3 file error,\n"
	      "4 resource limit exceeded, 5 internal error\n", f);
}

static bool
want_color(FILE *err)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	return isatty(fileno(err)) && (no_color == NULL || *no_color == '\0') &&
	       term != NULL && strcmp(term, "dumb") != 0;
}

/* Raise a usage message of messages.h before the command's own sink exists,
 * with a pointer to the help; returns the status it implies. */
static int usage_error(struct cli *c, enum diag_severity sev, enum exit_status status,
                       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int
usage_error(struct cli *c, enum diag_severity sev, enum exit_status status,
            const char *fmt, ...)
{
	struct diag d;
	va_list ap;

	diag_init(&d, c->err, false, false);
	va_start(ap, fmt);
	diag_vreport(&d, NULL, 0, 0, sev, status, fmt, ap);
	va_end(ap);
	fputs("Try 'ssecmm --help'.\n", c->err);
	return d.status;
}

static const char *
option_name(unsigned bit)
{
	switch (bit) {
	case OPT_MODEL: return "--model";
	case OPT_TARGET: return "--target";
	case OPT_FORMAT: return "--format";
	case OPT_OUTPUT: return "--output";
	case OPT_SCOPE: return "--scope";
	case OPT_PAPER: return "--paper";
	case OPT_LANG: return "--lang";
	case OPT_JOBS: return "--jobs";
	case OPT_SHARD: return "--shard";
	case OPT_TEMPLATE: return "--template";
	case OPT_STATS: return "--stats";
	default: return "option";
	}
}

static const struct option longopts[] = {
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{"quiet", no_argument, NULL, 'q'},
	{"model", required_argument, NULL, 'm'},
	{"target", required_argument, NULL, 't'},
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"scope", required_argument, NULL, 's'},
	{"paper", required_argument, NULL, 'p'},
	{"lang", required_argument, NULL, 'L'},
	{"jobs", required_argument, NULL, 'j'},
	{"shard", required_argument, NULL, 'S'},
	{"template", required_argument, NULL, 'T'},
	{"stats", no_argument, NULL, 'W'},
	{NULL, 0, NULL, 0},
};

/* Parse options of argv into c, recording option bits in *given.  Returns -1
 * to go on, or the exit status when the run ends here (help, version, usage
 * error).  Leaves optind at the first operand. */
static int
parse_options(struct cli *c, int argc, char **argv, const char *optstring, unsigned *given)
{
	int ch, k, before = 0;
	const char *arg;

	/* getopt keeps state between calls; 0 makes glibc start afresh. */
	optind = 0;
	opterr = 0;
	while ((before = optind > 0 ? optind : 1),
	       (ch = getopt_long(argc, argv, optstring, longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			usage(c->out);
			return EXIT_OK;
		case 'V':
			fprintf(c->out, "ssecmm %s\n", SSECMM_VERSION);
			return EXIT_OK;
		case 'q':
			c->quiet = true;
			break;
		case 'm':
			c->model_path = optarg;
			*given |= OPT_MODEL;
			break;
		case 't':
			c->target_path = optarg;
			*given |= OPT_TARGET;
			break;
		case 'f':
			c->format = optarg;
			*given |= OPT_FORMAT;
			break;
		case 'o':
			c->output = optarg;
			*given |= OPT_OUTPUT;
			break;
		case 's':
			c->scope = optarg;
			*given |= OPT_SCOPE;
			break;
		case 'p':
			c->paper = optarg;
			*given |= OPT_PAPER;
			break;
		case 'L':
			c->lang = optarg;
			*given |= OPT_LANG;
			break;
		case 'j':
			c->jobs = optarg;
			*given |= OPT_JOBS;
			break;
		case 'S':
			c->shard = optarg;
			*given |= OPT_SHARD;
			break;
		case 'T':
			c->template_path = optarg;
			*given |= OPT_TEMPLATE;
			break;
		case 'W':
			c->stats = true;
			*given |= OPT_STATS;
			break;
		default:
			/* A long option has been stepped over; a short one may still
			 * be inside its group ("-x.xml"), after operands getopt skips. */
			arg = argv[optind - 1];
			for (k = before; optopt != 0 && k < argc; k++)
				if (argv[k][0] == '-' && argv[k][1] != '-' &&
				    strchr(argv[k] + 1, optopt) != NULL) {
					arg = argv[k];
					break;
				}
			if (arg[0] == '-' && arg[1] != '-' &&
			    (g_file_test(arg, G_FILE_TEST_EXISTS) || strchr(arg, '.') != NULL))
				return usage_error(c, M_UNKNOWN_DASHED_OPERAND, arg, arg);
			return usage_error(c, M_UNKNOWN_OPTION, arg);
		}
	}
	return -1;
}

/* The latest time a PDF date (four-digit years) can hold: 9999-12-31T23:59:59Z. */
#define EPOCH_MAX 253402300799LL

/* SOURCE_DATE_EPOCH, when set and not empty, must be a decimal count of
 * seconds a PDF date can show: anything else is an error, as the
 * reproducible-builds specification asks, rather than a date made up. */
static bool
source_date_epoch_ok(struct diag *d)
{
	const char *v = getenv("SOURCE_DATE_EPOCH");
	const char *p;

	if (v == NULL || *v == '\0')
		return true;
	for (p = v; g_ascii_isdigit(*p); p++)
		;
	if (*p != '\0' || p - v > 12 || g_ascii_strtoll(v, NULL, 10) > EPOCH_MAX) {
		diag_report(d, NULL, 0, 0, M_SOURCE_DATE_EPOCH_INVALID, v, EPOCH_MAX);
		return false;
	}
	return true;
}

int
ssecmm_main(int argc, char **argv, FILE *out, FILE *err)
{
	static bool initialised;
	struct cli c = {0};
	const struct command *cmd = NULL;
	unsigned given = 0;
	int status, n_operands;
	size_t i;
	char *default_model = NULL;

	c.out = out;
	c.err = err;
	/* Options before the command, then the command's own, which may mix
	 * with its operands. */
	status = parse_options(&c, argc, argv, "+hVqm:t:f:o:", &given);
	if (status >= 0)
		return status;
	if (optind >= argc) {
		usage(err);
		return EXIT_USAGE;
	}
	for (i = 0; i < G_N_ELEMENTS(commands); i++)
		if (strcmp(argv[optind], commands[i].name) == 0)
			cmd = &commands[i];
	if (cmd == NULL)
		return usage_error(&c, M_UNKNOWN_COMMAND, argv[optind]);
	c.command = cmd->name;
	argc -= optind;
	argv += optind;
	status = parse_options(&c, argc, argv, "hVqm:t:f:o:j:", &given);
	if (status >= 0)
		return status;
	for (i = 0; i < 8 * sizeof given; i++) {
		unsigned bit = 1u << i;

		if ((given & bit) && !(cmd->options & bit))
			return usage_error(&c, M_OPTION_NOT_FOR_COMMAND, option_name(bit));
	}
	n_operands = argc - optind;
	if (n_operands < cmd->min_operands ||
	    (cmd->max_operands >= 0 && n_operands > cmd->max_operands)) {
		fprintf(err, "usage: ssecmm %s\n", cmd->synopsis);
		return EXIT_USAGE;
	}
	c.operands = argv + optind;
	c.n_operands = n_operands;

	if (!initialised) {
		xmlload_init();
		initialised = true;
	}
	diag_init(&c.diag, err, c.quiet, want_color(err));
	if (!source_date_epoch_ok(&c.diag))
		return c.diag.status;
	if (c.model_path == NULL) {
		default_model = datadir_path("model-xml/sse-cmm.xml");
		c.model_path = default_model;
	}
	status = cmd->run(&c);
	g_free(default_model);
	/* A full disk shows up only when the buffered output is flushed. */
	if (fflush(out) != 0 || ferror(out)) {
		diag_report(&c.diag, NULL, 0, 0, M_CANNOT_WRITE_STANDARD_OUTPUT,
		            g_strerror(errno));
		if (status == EXIT_OK)
			status = EXIT_IO;
	}
	return status;
}

void
ssecmm_cleanup(void)
{
	xform_cleanup();
	xmlload_cleanup();
}
