/* The bare cost ddlint is compared with: read a file, blank its psql lines, parse it with
 * libpg_query into the protobuf tree and unpack it. Prints the seconds taken (best of N runs) and statements. */
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* ddlint's own step before parsing: psql lines and COPY data blanked (src/source.c) */
void dd_blank_psql(char *text, size_t len);

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: parse_only FILE [RUNS]\n");
		return 2;
	}
	int runs = argc > 2 ? atoi(argv[2]) : 3;
	double best = 1e9;
	size_t stmts = 0;
	for (int r = 0; r < runs; r++) {
		double t0 = now();
		FILE *f = fopen(argv[1], "rb");
		if (!f)
			return 2;
		fseek(f, 0, SEEK_END);
		long n = ftell(f);
		rewind(f);
		char *buf = malloc((size_t)n + 1);
		if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
			return 2;
		buf[n] = '\0';
		fclose(f);
		dd_blank_psql(buf, (size_t)n);
		PgQueryProtobufParseResult pr = pg_query_parse_protobuf(buf);
		PgQuery__ParseResult *tree = pg_query__parse_result__unpack(NULL, pr.parse_tree.len, (const uint8_t *)pr.parse_tree.data);
		stmts = tree ? tree->n_stmts : 0;
		if (tree)
			pg_query__parse_result__free_unpacked(tree, NULL);
		pg_query_free_protobuf_parse_result(pr);
		free(buf);
		double t = now() - t0;
		if (t < best)
			best = t;
	}
	printf("%.4f %zu\n", best, stmts);
	return 0;
}
