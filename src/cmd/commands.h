/* The subcommands, each a function of the parsed command line. */
#ifndef SSECMM_COMMANDS_H
#define SSECMM_COMMANDS_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

/* The parsed command line and the run's diagnostics; filled by cli.c. */
struct cli {
	FILE *out;
	FILE *err;
	struct diag diag;
	const char *command;
	bool quiet;
	const char *model_path;  /* never NULL when a command runs */
	const char *target_path;
	const char *format;
	const char *output;      /* -o: a file, a directory, or "-" */
	const char *scope;       /* --scope of chart */
	const char *paper;       /* --paper: a4 or letter */
	const char *lang;        /* --lang: the language of the appraisals' text */
	const char *jobs;        /* -j of batch */
	const char *shard;       /* --shard K/N of batch */
	const char *template_path; /* --template of import */
	bool stats;              /* --stats of validate */
	char **operands;
	int n_operands;
};

/* Each returns the exit status of the run. */
int cmd_validate(struct cli *c);
int cmd_rate(struct cli *c);
int cmd_handbook(struct cli *c);
int cmd_report(struct cli *c);
int cmd_statement(struct cli *c);
int cmd_chart(struct cli *c);
int cmd_batch(struct cli *c);
int cmd_index(struct cli *c);
int cmd_compare(struct cli *c);
int cmd_import(struct cli *c);
int cmd_workbook(struct cli *c);

#endif
