#!/bin/sh
# A git pre-commit hook that lints the staged *.sql files with the installed ddlint.
# make install puts it in PREFIX/share/ddlint/hooks/pre-commit; in a repository:
#   ln -s PREFIX/share/ddlint/hooks/pre-commit .git/hooks/pre-commit
# It lints the files as they are in the work tree (stage what you lint), with the
# repository's .ddlint.yml; a finding at or above fail_on stops the commit.
# DDLINT names another ddlint binary. (The pre-commit framework's hook is
# .pre-commit-hooks.yaml, which builds ddlint from its own clone instead.)
set -eu
ddlint=${DDLINT:-@BINDIR@/ddlint}
[ -x "$ddlint" ] || ddlint=ddlint
git diff --cached --name-only -z --diff-filter=ACMR -- '*.sql' | xargs -0 -r "$ddlint" --
