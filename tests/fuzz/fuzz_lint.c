/* libFuzzer target: bytes in, diagnostics out, through the whole pipeline (all rules on). */
#include <stddef.h>
#include <stdint.h>
#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dd_run *run = dd_run_new();
	for (size_t i = 0; i < dd_rules_count; i++)
		if (dd_rules[i]->severity == DD_SEV_OFF)
			dd_run_set_severity(run, dd_rules[i]->id, DD_SEV_WARNING);
	dd_run_add_buffer(run, "fuzz.sql", (const char *)data, size, true);
	dd_run_lint(run);
	size_t n;
	const dd_diag *d = dd_run_diagnostics(run, &n);
	for (size_t i = 0; i < n; i++)   /* every diagnostic has a position inside the input */
		if (d[i].line < 1 || d[i].column < 1 || d[i].offset < 0 || (size_t)d[i].offset > size)
			__builtin_trap();
	dd_result r = { 0 };
	dd_result_add_run(&r, run);
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		dd_report_opts ro = { false, false, false };
		for (size_t k = 0; dd_reporters[k]; k++)
			dd_reporters[k]->write(null, &r, &ro);
		fclose(null);
	}
	dd_result_free(&r);
	dd_run_free(run);
	return 0;
}
