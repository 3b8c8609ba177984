#!/bin/sh
# The CI templates: action.yml (GitHub, composite) and ci/gitlab/ddlint.gitlab-ci.yml, parsed as
# YAML and their shell steps run here (install, build, lint) against a copy of this repository and
# a temporary project in git; the steps that need GitHub or GitLab (the upload, the clone) are
# checked for what they are given. The Dockerfile's RUN steps are these tested steps.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
root=$(pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
if ! python3 -c 'import yaml' 2>/dev/null; then
	echo "FAIL templates: needs python3 and python3-yaml (sh scripts/install-deps.sh --test installs them)"
	exit 1
fi
build=$(dirname "$(echo "$DDLINT" | awk '{ print $NF }')")

# steps.py FILE KIND [NAME=VALUE...]: each shell step of a template as a script step-N.sh (its
# env first, ${{ inputs.X }} resolved from the arguments, else the input's default) and a line
# "N<TAB>name<TAB>uses-or-run" per step on stdout. Any other expression in a run step fails.
cat > steps.py <<'PY'
import re, sys, yaml
path, kind = sys.argv[1], sys.argv[2]
given = dict(a.split("=", 1) for a in sys.argv[3:])
doc = yaml.safe_load(open(path))
def q(s): return "'" + str(s).replace("'", "'\\''") + "'"
def resolve(text, inputs):
    def sub(m):
        name = m.group(1)
        if name not in inputs:
            sys.exit("unresolved expression ${{ inputs.%s }}" % name)
        return str(inputs[name])
    out = re.sub(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}", sub, str(text))
    if "${{" in out:
        sys.exit("an expression in a shell step: " + out)
    return out
if kind == "action":
    inputs = {k: v.get("default", "") for k, v in (doc.get("inputs") or {}).items()}
    inputs.update(given)
    for i, st in enumerate(doc["runs"]["steps"]):
        if "run" in st:
            if "shell" not in st:
                sys.exit("step %d runs a script without shell:, which composite actions require" % i)
            with open("step-%d.sh" % i, "w") as f:
                for k, v in (st.get("env") or {}).items():
                    f.write("export %s=%s\n" % (k, q(resolve(v, inputs))))
                f.write(st["run"])
            print("%d\t%s\trun" % (i, st.get("name", "")))
        else:
            print("%d\t%s\t%s" % (i, st.get("name", ""), st["uses"]))
else:   # a GitLab job: before_script and script, each line a step
    job = doc[kind]
    i = 0
    for part in ("before_script", "script"):
        for line in job.get(part, []):
            with open("step-%d.sh" % i, "w") as f:
                for k, v in (job.get("variables") or {}).items():
                    f.write("export %s=${%s-%s}\n" % (k, k, q(v)))
                f.write(line)
            print("%d\t%s\trun" % (i, part))
            i += 1
PY

# a copy of this repository, as the action's checkout (built objects copied: the build is real but quick)
mkdir action
(cd "$root" && tar cf - Makefile action.yml ci include rules scripts src) | (cd action && tar xf -)
mkdir -p action/build && (cd "$build" && tar cf - --exclude=./tools --exclude=./asan --exclude=./tsan --exclude=./valgrind --exclude=./fuzz .) | (cd action/build && tar xf -)

# a project in git: main has an old table with findings, the branch adds a new one
mkdir proj && cd proj
git init -q -b main . && git config user.email t@example.com && git config user.name test
mkdir db
printf 'CREATE TABLE audit_log (id bigserial PRIMARY KEY, details json);\n' > db/001_old.sql
git add . && git commit -qm old && git checkout -qb feature
printf 'CREATE TABLE Things (x int);\n' > db/002_new.sql
git add . && git commit -qm new
cd "$work"

# --- GitHub: action.yml ---
check "action.yml is YAML, a composite action" 0 "^composite$" -- python3 -c "import yaml; print(yaml.safe_load(open('action/action.yml'))['runs']['using'])"
check "action.yml: its steps, each shell step with shell:" 0 "upload-sarif" -- python3 steps.py action/action.yml action paths=db changed-since=main fail-on= args=--no-config
python3 steps.py action/action.yml action paths=db changed-since=main fail-on= args=--no-config > action-steps.txt
check "the upload step is codeql-action's upload-sarif, given the lint step's file and the category" 0 "sarif_file=\\$\\{\\{ steps.lint.outputs.sarif \\}\\} category=\\$\\{\\{ inputs.category \\}\\} if=always\\(\\)" -- python3 -c "
import yaml; s=[x for x in yaml.safe_load(open('action/action.yml'))['runs']['steps'] if 'uses' in x][0]
assert s['uses'] == 'github/codeql-action/upload-sarif@v3', s['uses']
print('sarif_file=%s category=%s if=%s' % (s['with']['sarif_file'], s['with']['category'], s['if'].split(' ')[0]))"
check "no upload from a fork's pull request (its token is read-only)" 0 "^fork skipped$" -- python3 -c "
import yaml; s=[x for x in yaml.safe_load(open('action/action.yml'))['runs']['steps'] if 'uses' in x][0]
assert \"!(github.event_name == 'pull_request' && github.event.pull_request.head.repo.fork)\" in s['if'], s['if']
print('fork skipped')"
n_install=$(awk -F'\t' '$2 ~ /^install/ { print $1 }' action-steps.txt)
n_build=$(awk -F'\t' '$2 ~ /^build/ { print $1 }' action-steps.txt)
n_lint=$(awk -F'\t' '$2 == "lint" { print $1 }' action-steps.txt)
export GITHUB_ACTION_PATH="$work/action" RUNNER_TEMP="$work/runner-temp" GITHUB_OUTPUT="$work/github-output"
mkdir -p "$RUNNER_TEMP" && : > "$GITHUB_OUTPUT"
if [ "$(id -u)" = 0 ]; then
	check "action: the install step" 0 "" -- sh -e "step-$n_install.sh"
else
	echo "SKIP action install step: not root (it would call sudo apt-get)"
fi
check "action: the build step" 0 "" -- sh -e "step-$n_build.sh"
check "action: the build step made ddlint" 0 "^ddlint [0-9]" -- "$work/action/build/ddlint" --version
check "action: the lint step annotates the branch's new table" 1 "^::error file=db/002_new.sql,line=1,col=14" -- sh -c "cd proj && sh -e '$work/step-$n_lint.sh'"
check_not "action: and not the old one (changed-since)" 1 "001_old" -- sh -c "cd proj && sh -e '$work/step-$n_lint.sh'"
check "action: the step's outputs" 0 "^sarif=$RUNNER_TEMP/ddlint.sarif status=1 " -- sh -c "tr '\n' ' ' < '$GITHUB_OUTPUT'"
check "action: the SARIF report has the new table's results only" 0 "^2\\.1\\.0 \\['db/002_new.sql'\\]$" -- python3 -c "
import json; d=json.load(open('$RUNNER_TEMP/ddlint.sarif'))
print(d['version'], sorted({r['locations'][0]['physicalLocation']['artifactLocation']['uri'] for r in d['runs'][0]['results']}))"
n_summary=$(awk -F'\t' '$2 == "compliance summary" { print $1 }' action-steps.txt)
check "action: the summary step appends the compliance report to the job summary" 0 "^## ddlint compliance .*\| \*\*overall\*\* \|" -- sh -c "cd proj && GITHUB_STEP_SUMMARY='$work/summary.md' sh -e '$work/step-$n_summary.sh' && tr '\n' ' ' < '$work/summary.md'"
python3 steps.py action/action.yml action paths=db changed-since= fail-on=never args=--no-config > /dev/null
check "action: without changed-since and with fail-on never, everything and status 0" 0 "001_old.sql" -- sh -c "cd proj && sh -e '$work/step-$n_lint.sh'"

# --- GitLab: ci/gitlab/ddlint.gitlab-ci.yml ---
gl=action/ci/gitlab/ddlint.gitlab-ci.yml
check "GitLab template: YAML, the code quality report is the file ddlint writes" 0 "^gl-code-quality-report.json found$" -- python3 -c "
import yaml; j=yaml.safe_load(open('$gl'))['ddlint']; f=j['artifacts']['reports']['codequality']
print(f, 'found' if ('--output ' + f) in '\n'.join(j['script']) else 'missing'); assert j['artifacts']['when'] == 'always'"
python3 steps.py "$gl" ddlint > gl-steps.txt
: > gl-run.txt
for n in $(cut -f1 gl-steps.txt); do
	# apt-get and the clone need the network and a Debian image; the rest runs on the copy
	if grep -q "apt-get\|git clone" "step-$n.sh"; then
		echo "skipped: $(tail -1 "step-$n.sh")" >> gl-run.txt
		continue
	fi
	sed -i "s|/opt/ddlint|$work/action|g" "step-$n.sh"
	echo "step-$n.sh" >> gl-run.txt
done
check "GitLab template: the clone and apt-get are the only steps not run" 0 "^2$" -- sh -c "grep -c '^skipped' gl-run.txt"
for s in $(grep '^step' gl-run.txt); do
	if grep -q "install-deps" "$s" && [ "$(id -u)" != 0 ]; then continue; fi
	if grep -q "gl-code-quality-report" "$s"; then lint_step=$s; continue; fi
	check "GitLab template: $(tail -1 "$s" | cut -c1-60)" 0 "" -- sh -e "$s"
done
base=$(git -C proj merge-base main feature)
check "GitLab template: a merge request pipeline reports everything by default (the widget compares)" 1 "^db/001_old.sql" -- sh -c "cd proj && CI_MERGE_REQUEST_DIFF_BASE_SHA=$base DDLINT_ARGS=--no-config DDLINT_PATHS=db sh -e '$work/$lint_step'"
check "GitLab template: DDLINT_CHANGED_ONLY=true reports the change" 1 "^db/002_new.sql:1:14: error" -- sh -c "cd proj && DDLINT_CHANGED_ONLY=true CI_MERGE_REQUEST_DIFF_BASE_SHA=$base DDLINT_ARGS=--no-config DDLINT_PATHS=db sh -e '$work/$lint_step'"
check "GitLab template: ... only the change" 0 "^\\['db/002_new.sql'\\] major$" -- python3 -c "
import json; d=json.load(open('proj/gl-code-quality-report.json'))
print(sorted({x['location']['path'] for x in d}), max(x['severity'] for x in d))"
check "GitLab template: a branch pipeline reports everything" 1 "^db/001_old.sql" -- sh -c "cd proj && DDLINT_ARGS=--no-config DDLINT_PATHS=db sh -e '$work/$lint_step'"

# --- the Dockerfile: its build steps are the steps tested above ---
df="$root/Dockerfile"
check "Dockerfile: Debian 12 slim, two stages" 0 "^2$" -- sh -c "grep -c '^FROM debian:12-slim' '$df'"
check "Dockerfile: installs with scripts/install-deps.sh, the install step of action.yml" 0 "install-deps.sh" -- sh -c "grep -E '^RUN sh scripts/install-deps.sh$' '$df' && grep 'install-deps.sh' action/action.yml"
check "Dockerfile: builds with make, as action.yml does" 0 "^RUN make " -- grep -E "^RUN make -j" "$df"
check "Dockerfile: copies what the build needs" 0 "^ok$" -- sh -c "cd '$root' && for d in \$(sed -n 's/^COPY \\([^-][^ ]*\\) .*/\\1/p' '$df'); do [ -e \"\$d\" ] || { echo \"missing \$d\"; exit 1; }; done; echo ok"
check "Dockerfile: runs as a non-root user" 0 "^USER ddlint$" -- grep -E "^USER" "$df"
# (a sanitizer build, make asan or tsan, links the sanitizers' runtimes too: not ddlint's needs)
check "runtime-deps.sh names the libraries ddlint links" 0 "^libjansson4 libpg-query[0-9.]+ libpq5 libyaml-0-2 $" -- sh -c "sh '$root/scripts/runtime-deps.sh' '$build/ddlint' | grep -vE '^(libasan|libubsan|libtsan|liblsan|libgcc-s|libstdc\\+\\+)' | tr '\\n' ' '"
check "runtime-deps.sh: packages apt knows" 0 "" -- sh -c "apt-cache show \$(sh '$root/scripts/runtime-deps.sh' '$build/ddlint') > /dev/null"
engine=""
for e in docker podman; do
	if command -v "$e" >/dev/null 2>&1 && timeout 20 "$e" info >/dev/null 2>&1; then engine=$e; break; fi
done
if [ -n "$engine" ]; then
	check "Dockerfile: builds" 0 "" -- "$engine" build -q -t ddlint-test "$root"
	check "Dockerfile: the image lints, not as root" 1 "schema/primary-key" -- sh -c "cd proj && $engine run --rm -v \"\$PWD:/src\" ddlint-test --no-config db"
	check "Dockerfile: the image's user" 0 "^10001$" -- "$engine" run --rm --entrypoint id ddlint-test -u
else
	echo "SKIP Dockerfile build: no working docker or podman here; its steps are checked against the tested ones"
fi

echo "cli-templates: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
