/* libFuzzer target: the config loader, from YAML bytes to a checked config or an error. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dd_arena *a = dd_arena_new();
	dd_config *c = NULL;
	char err[1024];
	if (dd_config_parse(a, "fuzz.yml", (const char *)data, size, &c, err, sizeof err) == 0) {
		dd_run *run = dd_run_new();
		dd_config_apply(c, run);
		dd_run_free(run);
	} else if (strncmp(err, "fuzz.yml:", 9) != 0) {
		__builtin_trap();   /* every config error names the file, line and column */
	}
	dd_arena_free(a);
	return 0;
}
