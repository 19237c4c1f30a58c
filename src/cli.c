/* The command line: options, subcommands, usage and exit statuses. */
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "commands.h"
#include "datadir.h"
#include "diag.h"
#include "xmlload.h"

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
	OPT_LANG = 1 << 10,
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
	{"validate", cmd_validate, OPT_MODEL, 1, -1, "validate FILE...",
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
	 "import SHEET.csv --template APPRAISAL.xml -o FILE|-",
	 "an appraisal from the team's rating sheet, the rest from the template"},
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
	 "how an organisation's capability changed between appraisals"},
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
	      "                       html,pdf (both unless -o names one file)\n"
	      "      --paper SIZE     a4 (default) or letter\n"
	      "      --lang TAG       the language of the appraisals' text (en, zh-CN, ja):\n"
	      "                       overrides their xml:lang\n"
	      "  -j, --jobs N         batch: parallel workers (default: the number of cores)\n"
	      "      --shard K/N      batch: only the K-th of N shares of the inputs\n"
	      "  -o, --output PATH    where products go: a directory, a file, or - for\n"
	      "                       standard output (default: beside the input)\n"
	      "      --scope SCOPE    the chart's scope: organization (default) or a project id\n"
	      "      --template FILE  import: the appraisal whose ratings the sheet replaces\n"
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

static int usage_error(struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int
usage_error(struct cli *c, const char *fmt, ...)
{
	char msg[512], escaped[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_escape(escaped, sizeof escaped, msg);
	fprintf(c->err, "ssecmm: %s\nTry 'ssecmm --help'.\n", escaped);
	return EXIT_USAGE;
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
	{NULL, 0, NULL, 0},
};

/* Parse options of argv into c, recording option bits in *given.  Returns -1
 * to go on, or the exit status when the run ends here (help, version, usage
 * error).  Leaves optind at the first operand. */
static int
parse_options(struct cli *c, int argc, char **argv, const char *optstring, unsigned *given)
{
	int ch;

	/* getopt keeps state between calls; 0 makes glibc start afresh. */
	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, optstring, longopts, NULL)) != -1) {
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
		default:
			return usage_error(c, "unknown option or missing argument: %s",
			                   argv[optind - 1]);
		}
	}
	return -1;
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
		return usage_error(&c, "unknown command '%s'", argv[optind]);
	c.command = cmd->name;
	argc -= optind;
	argv += optind;
	status = parse_options(&c, argc, argv, "hVqm:t:f:o:j:", &given);
	if (status >= 0)
		return status;
	for (i = 0; i < 8 * sizeof given; i++) {
		unsigned bit = 1u << i;

		if ((given & bit) && !(cmd->options & bit))
			return usage_error(&c, "%s does not apply to this command", option_name(bit));
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
	if (c.model_path == NULL) {
		default_model = datadir_path("model-xml/sse-cmm.xml");
		c.model_path = default_model;
	}
	status = cmd->run(&c);
	g_free(default_model);
	return status;
}
