/* The bare cost ddlint is compared with: read a file, blank its psql lines, parse it with
 * libpg_query into the protobuf tree and unpack it. Prints the seconds taken (best of N runs) and statements. */
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ddlint's own step before parsing: psql lines and COPY data blanked (src/source.c) */
void dd_blank_psql(char *text, size_t len);

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static size_t parse_one(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		exit(2);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		exit(2);
	buf[n] = '\0';
	fclose(f);
	dd_blank_psql(buf, (size_t)n);
	PgQueryProtobufParseResult pr = pg_query_parse_protobuf(buf);
	PgQuery__ParseResult *tree = pg_query__parse_result__unpack(NULL, pr.parse_tree.len, (const uint8_t *)pr.parse_tree.data);
	size_t stmts = tree ? tree->n_stmts : 0;
	if (tree)
		pg_query__parse_result__free_unpacked(tree, NULL);
	pg_query_free_protobuf_parse_result(pr);
	free(buf);
	return stmts;
}

/* parse_only FILE [RUNS]: one file; parse_only -r RUNS FILE...: each file parsed on its own,
 * as a linter must (the files of a migration directory), the times summed. */
int main(int argc, char **argv)
{
	int runs = 3, first = 1, last = argc;
	if (argc > 3 && strcmp(argv[1], "-r") == 0) {
		runs = atoi(argv[2]);
		first = 3;
	} else if (argc == 3) {
		runs = atoi(argv[2]);
		last = 2;
	}
	if (first >= last) {
		fprintf(stderr, "usage: parse_only FILE [RUNS] | parse_only -r RUNS FILE...\n");
		return 2;
	}
	double best = 1e9;
	size_t stmts = 0;
	for (int r = 0; r < runs; r++) {
		double t0 = now();
		stmts = 0;
		for (int i = first; i < last; i++)
			stmts += parse_one(argv[i]);
		double t = now() - t0;
		if (t < best)
			best = t;
	}
	printf("%.4f %zu\n", best, stmts);
	return 0;
}
