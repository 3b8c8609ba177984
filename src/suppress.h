/* suppress: ddlint-disable comments. Depends on run. */
#ifndef DDLINT_SUPPRESS_H
#define DDLINT_SUPPRESS_H

#include "run.h"

/* Mark diagnostics silenced by ddlint-disable comments; report unused and reasonless suppressions. */
void dd_apply_suppressions(struct dd_run *run);

#endif
