#!/bin/sh
# make install into a scratch DESTDIR, then what was installed works from there: the binary
# (--version), the man pages (mandoc -T lint, man -l, every option and command of the usage and
# every rule present), the bash completion (loaded in bash with bash-completion, asked for
# completions), zsh (syntax, and typed into an interactive zsh) and fish completions, the git
# pre-commit hook; then make uninstall.
set -u
repo=$(pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/cli/lib.sh"
BUILD=${BUILD:-build}
enter_work
stage=$work/stage
prefix=/usr
make -s -C "$repo" BUILD="$BUILD" install PREFIX=$prefix DESTDIR="$stage" >/dev/null || { echo "FAIL make install"; exit 1; }
root=$stage$prefix
bin=$root/bin/ddlint

for f in bin/ddlint share/man/man1/ddlint.1 share/man/man7/ddlint-rules.7 share/bash-completion/completions/ddlint \
	share/zsh/site-functions/_ddlint share/fish/vendor_completions.d/ddlint.fish share/ddlint/hooks/pre-commit \
	share/doc/ddlint/README.md; do
	check "installed: $f" 0 "" -- test -f "$root/$f"
done
check "binary executable" 0 "" -- test -x "$bin"
check "hook executable" 0 "" -- test -x "$root/share/ddlint/hooks/pre-commit"
check "nothing outside DESTDIR/PREFIX" 0 "^$" -- sh -c "cd '$stage' && find . -mindepth 1 -maxdepth 1 ! -name usr"

# the version: ddlint's and the grammar's, as libpg_query's header says
pgver=$(sed -n 's/^#define PG_VERSION "\(.*\)"/\1/p' /usr/include/pg_query.h)
pgnum=$(sed -n 's/^#define PG_VERSION_NUM \([0-9]*\)/\1/p' /usr/include/pg_query.h)
ver=$(sed -n 's/^#define DDLINT_VERSION "\(.*\)"/\1/p' "$repo/include/ddlint.h")
check "--version: ddlint's" 0 "^ddlint $ver\$" -- "$bin" --version
check "--version: the grammar's" 0 "libpg_query, PostgreSQL $pgver grammar \\(PG_VERSION_NUM $pgnum\\)" -- "$bin" --version
printf 'CREATE TABLE t (x int);\n' > bad.sql
check "installed binary lints" 1 "no primary key" -- "$bin" --no-config bad.sql

# the man pages: lint clean (warnings and worse), render, and say what the binary does
man1=$root/share/man/man1/ddlint.1 man7=$root/share/man/man7/ddlint-rules.7
check "mandoc -T lint ddlint.1" 0 "" -- mandoc -T lint -W warning "$man1"
check "mandoc -T lint ddlint-rules.7" 0 "" -- mandoc -T lint -W warning "$man7"
check "man -l ddlint.1" 0 "EXIT STATUS" -- env MANWIDTH=100 man -l "$man1"
check "man finds the pages in the tree" 0 "ddlint-rules" -- env MANPATH="$root/share/man" MANWIDTH=100 man ddlint-rules
mandoc -T ascii "$man1" | col -b > man1.txt
mandoc -T ascii "$man7" | col -b > man7.txt
"$bin" --help | sed -n 's/^  \(-. [^,]*, \)\{0,1\}\(--[a-z-]*\).*/\2/p' > options.txt
check "options in --help" 0 "" -- test "$(wc -l < options.txt)" -gt 10
for o in $(cat options.txt); do
	check "ddlint.1 documents $o" 0 "" -- grep -q -e "^ *$o" -e ", $o" man1.txt
done
"$bin" --help | sed -n 's/^\(usage:\)\{0,1\} *ddlint \([a-z]*\) .*/\2/p' > commands.txt
check "commands in --help" 0 "" -- test "$(wc -l < commands.txt)" -gt 5
for k in $(cat commands.txt); do
	check "ddlint.1 documents ddlint $k" 0 "" -- grep -q "^ *ddlint $k" man1.txt
done
for id in $("$bin" rules | awk '{ print $1 }'); do
	check "ddlint-rules.7 documents $id" 0 "" -- grep -q "^ *$id\$" man7.txt
done
check "ddlint-rules.7 has explain's text" 0 "" -- grep -qF "$("$bin" explain schema/primary-key | sed -n 3p)" man7.txt

# bash: load bash-completion and the installed file, ask for completions
cat > comp.bash <<'BASH'
. /usr/share/bash-completion/bash_completion
. "$1"
complete -p ddlint >/dev/null || { echo "no completion for ddlint"; exit 1; }
# comp LINE: complete at the end of LINE, words split as readline does (= is a word of its own)
comp() {
	COMP_LINE=$1 COMP_POINT=${#1}
	local s=${1//=/ = }
	read -r -a COMP_WORDS <<< "$s"
	[[ $1 == *" " || $1 == *= ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_ddlint ddlint "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
	printf '%s\n' "${COMPREPLY[@]}" | sort
}
comp "$2"
BASH
touch schema.sql
mkdir sub
bc() { PATH="$root/bin:$PATH" bash comp.bash "$root/share/bash-completion/completions/ddlint" "$1"; }
check "bash: options" 0 "^--format$" -- bc "ddlint --for"
check "bash: a command" 0 "^explain$" -- bc "ddlint ex"
check "bash: commands and files first" 0 "^schema.sql$" -- bc "ddlint sch"
check "bash: formats" 0 "^sarif$" -- bc "ddlint --format "
check_not "bash: only formats" 0 "schema.sql" -- bc "ddlint --format "
check "bash: --format=" 0 "^sarif$" -- bc "ddlint --format=sa"
check "bash: --fail-on" 0 "^never$" -- bc "ddlint --fail-on "
check "bash: rule ids from ddlint rules" 0 "^index/foreign-key$" -- bc "ddlint explain index/f"
check "bash: --select takes categories" 0 "^naming$" -- bc "ddlint --select nam"
check "bash: --select takes ids" 0 "^naming/snake-case$" -- bc "ddlint --select naming/sn"
check "bash: --rule ID=" 0 "^types/money=$" -- bc "ddlint --rule types/mo"
check "bash: --rule ID=SEVERITY" 0 "^off$" -- bc "ddlint --rule types/money=o"
check "bash: after an option's value, commands again" 0 "^explain$" -- bc "ddlint --format json ex"
check "bash: paths after a command" 0 "^schema.sql$" -- bc "ddlint model sch"
check "bash: --output is a file" 0 "^schema.sql$" -- bc "ddlint --output sch"
check "bash: -j takes a number" 0 "^$" -- bc "ddlint -j "
check "bash: init takes a directory" 0 "^sub$" -- bc "ddlint init s"
check_not "bash: init takes only directories" 0 "schema.sql" -- bc "ddlint init s"

# zsh and fish: the files parse
check "zsh -n _ddlint" 0 "" -- zsh -n "$root/share/zsh/site-functions/_ddlint"
# zsh: compinit with the installed directory in $fpath, a line typed and a tab (tests/complete.zsh)
zc() { PATH="$root/bin:$PATH" timeout 20 zsh -f "$here/complete.zsh" "$root/share/zsh/site-functions" "$1"; }
check "zsh: options" 0 "^--format$" -- zc "ddlint --for"
check "zsh: formats" 0 "^sarif$" -- zc "ddlint --format "
check "zsh: --format=" 0 "^sarif$" -- zc "ddlint --format=sa"
check "zsh: a command" 0 "^explain$" -- zc "ddlint ex"
check "zsh: rule ids from ddlint rules" 0 "^index/foreign-key$" -- zc "ddlint explain index/f"
check "zsh: --select takes categories" 0 "^naming$" -- zc "ddlint --select nam"
check "zsh: --rule ID=SEVERITY" 0 "^off$" -- zc "ddlint --rule types/money=o"
check "zsh: files" 0 "^schema.sql$" -- zc "ddlint sch"
check "fish -n ddlint.fish" 0 "" -- fish -n "$root/share/fish/vendor_completions.d/ddlint.fish"
check "fish: options" 0 "^--format" -- fish -c "source '$root/share/fish/vendor_completions.d/ddlint.fish'; complete -C 'ddlint --for'"
check "fish: formats" 0 "^sarif" -- fish -c "source '$root/share/fish/vendor_completions.d/ddlint.fish'; complete -C 'ddlint --format '"
check "fish: rule ids" 0 "^index/foreign-key" -- env PATH="$root/bin:$PATH" fish -c "source '$root/share/fish/vendor_completions.d/ddlint.fish'; complete -C 'ddlint explain index/f'"

# the git hook: a staged bad file stops the commit, a good one goes through
git init -q repo && cd repo
git config user.email t@example.com && git config user.name t
ln -s "$root/share/ddlint/hooks/pre-commit" .git/hooks/pre-commit
printf 'CREATE TABLE "my table" (x int);\n' > 'a b.sql'
git add 'a b.sql'
check "hook: a finding stops the commit" 1 "a b.sql:1:.*no primary key" -- env DDLINT="$bin" git commit -qm bad
printf 'CREATE TABLE widgets (id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY);\n' > 'a b.sql'
git add 'a b.sql'
check "hook: findings in the new version stop it" 1 "primary-key-type" -- env DDLINT="$bin" git commit -qm bad
printf 'rules:\n  schema/audit-columns: off\n  types/primary-key-type: off\n' > .ddlint.yml
check "hook: the repository's .ddlint.yml applies, a clean file commits" 0 "" -- env DDLINT="$bin" git commit -qm good
cd ..

make -s -C "$repo" BUILD="$BUILD" uninstall PREFIX=$prefix DESTDIR="$stage" >/dev/null
check "uninstall leaves no file" 0 "^$" -- find "$stage" -type f

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
