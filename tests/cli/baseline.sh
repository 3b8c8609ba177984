#!/bin/sh
# Baselines: `ddlint baseline` records the findings of a project, later runs report only new
# ones; the identity of a finding survives moved and reformatted statements; --update only
# drops; json and sarif mark baselined findings with --show-baselined; broken files end in 2.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
root=$(pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
mkdir .git

# count the diagnostics of a json report on stdin (optionally only those with "baselined": true)
ndiags='node -e "let s=\"\";process.stdin.on(\"data\",c=>s+=c).on(\"end\",()=>console.log(JSON.parse(s).diagnostics.length))"'

# ---- the same finding twice: the count absorbs only that many ----
mkdir small
cd small
printf 'CREATE TABLE t (id bigint PRIMARY KEY);\nCREATE INDEX t_a ON t (nope);\nCREATE INDEX t_b ON t (nope);\n' > x.sql
check "no config: the baseline goes to the working directory" 0 "^ddlint: \\.ddlint-baseline\\.json: 7 findings recorded$" -- $DDLINT baseline x.sql
check "an identity found twice has count 2" 0 '^2$' -- sh -c "node -e \"
const d=JSON.parse(require('fs').readFileSync('.ddlint-baseline.json','utf8'));
console.log(d.entries.filter(e=>e.rule=='schema/unknown-reference' && e.object=='public.t.nope').map(e=>e.count).join())\""
check "no config: the baseline of the working directory is read" 0 "^0 errors, 0 warnings, 0 infos in 1 file \\(7 baselined\\)$" -- $DDLINT x.sql
printf 'CREATE INDEX t_c ON t (nope);\n' >> x.sql
check "a third occurrence is new" 1 "^x.sql:4:24: error: column 'nope' does not exist on table 'public.t' \\[schema/unknown-reference\\]" -- $DDLINT x.sql
check "only the third is new" 0 '^1$' -- through 1 "grep -c 'schema/unknown-reference'" -- $DDLINT x.sql
# the third index and its findings (a duplicate index, a name, the unknown column) are gone
printf 'CREATE TABLE t (id bigint PRIMARY KEY);\nCREATE INDEX t_a ON t (nope);\n' > x.sql
check "one of two gone" 0 "^0 errors, 0 warnings, 0 infos in 1 file \\(4 baselined; 3 in the baseline are gone: \`ddlint baseline --update\` to drop them\\)$" -- $DDLINT x.sql
check "--update lowers the count" 0 "^ddlint: \\.ddlint-baseline\\.json: 4 findings kept, 3 gone dropped$" -- $DDLINT baseline --update x.sql
check "the count is now 1" 0 '^1$' -- sh -c "node -e \"
const d=JSON.parse(require('fs').readFileSync('.ddlint-baseline.json','utf8'));
console.log(d.entries.filter(e=>e.rule=='schema/unknown-reference').map(e=>e.count).join())\""
check "after --update nothing is gone" 0 "^0 errors, 0 warnings, 0 infos in 1 file \\(4 baselined\\)$" -- $DDLINT x.sql
check "--update is for baseline" 2 "--update is for 'ddlint baseline'" -- $DDLINT --update x.sql
check "baseline writes no report" 2 "baseline writes no report" -- $DDLINT baseline --format json x.sql
check "--update needs a baseline" 2 "no baseline 'none.json'" -- $DDLINT baseline --update --output none.json x.sql
check "--baseline names a missing file" 2 "no baseline 'none.json'" -- $DDLINT --baseline none.json x.sql
check "--no-baseline reports everything" 1 "^2 errors, 2 warnings, 0 infos in 1 file$" -- $DDLINT --no-baseline x.sql
check_not "no temporary file is left" 0 "tmp" -- ls -a
cd ..

# ---- broken baselines end in a clear error, status 2 ----
cd small
printf 'not json' > b.json
check "not JSON" 2 "baseline 'b.json' is not valid JSON \\(line 1: " -- $DDLINT --baseline b.json x.sql
printf '[1,2]' > b.json
check "not an object" 2 "baseline 'b.json': the document is not a JSON object" -- $DDLINT --baseline b.json x.sql
printf '{"version": 7, "entries": []}' > b.json
check "another format version" 2 "baseline 'b.json' has format version 7; this ddlint reads version 1" -- $DDLINT --baseline b.json x.sql
printf '{"version": "1", "entries": []}' > b.json
check "version not a number" 2 "baseline 'b.json': no integer \"version\"" -- $DDLINT --baseline b.json x.sql
printf '{"version": 1, "entries": {}}' > b.json
check "entries not an array" 2 "baseline 'b.json': no \"entries\" array" -- $DDLINT --baseline b.json x.sql
printf '{"version": 1, "entries": [{"file": 1, "rule": "r", "message": "m", "count": 1}]}' > b.json
check "a file that is not a string" 2 "baseline 'b.json': \"file\" of entry 1 is not a string; write it again" -- $DDLINT --baseline b.json x.sql
printf '{"version": 1, "entries": [{"file": "x.sql", "rule": "r", "object": [], "message": "m", "count": 1}]}' > b.json
check "an object that is not a string" 2 "\"object\" of entry 1 is not a string" -- $DDLINT --baseline b.json x.sql
printf '{"version": 1, "entries": [{"file": "x.sql", "rule": "r", "message": "m", "count": -3}]}' > b.json
check "a negative count" 2 "\"count\" of entry 1 is not a whole number" -- $DDLINT --baseline b.json x.sql
printf '{"version": 1, "entries": [{"file": "x.sql", "rule": "r", "message": "m", "count": 1e300}]}' > b.json
check "a count that is not an integer" 2 "\"count\" of entry 1 is not a whole number" -- $DDLINT --baseline b.json x.sql
printf '{"version": 1, "version": 1, "entries": []}' > b.json
check "duplicate keys" 2 "is not valid JSON" -- $DDLINT --baseline b.json x.sql
printf '{"version": 1, "entries": [{"file": "x\\u0000y", "rule": "r", "message": "m", "count": 1}]}' > b.json
check "a NUL inside a string" 2 "baseline 'b.json': \"file\" of entry 1 is not a string|is not valid JSON" -- $DDLINT --baseline b.json x.sql
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; }' > b.json
check "deep nesting" 2 "baseline 'b.json' is not valid JSON" -- $DDLINT --baseline b.json x.sql
dd if=/dev/zero of=b.json bs=1048576 count=0 seek=65 2>/dev/null
check "huge" 2 "baseline 'b.json' is larger than 64 MiB" -- $DDLINT --baseline b.json x.sql
mkdir dir.json
check "a directory" 2 "baseline 'dir.json' is not a regular file" -- $DDLINT --baseline dir.json x.sql
printf 'broken' > .ddlint-baseline.json
check "a broken baseline found by itself" 2 "baseline '\\.ddlint-baseline\\.json' is not valid JSON" -- $DDLINT x.sql
check "--no-baseline does not read it" 1 "2 errors" -- $DDLINT --no-baseline x.sql
rm -r b.json dir.json
cd ..

# ---- a real schema from the corpus ----
corpus=${CORPUS:-$root/../shared/corpus}
schema=$corpus/schemas/northwind/northwind.sql
if [ ! -f "$schema" ]; then
	echo "cli-baseline: $schema not found; the corpus part is skipped"
else
	mkdir -p proj/db proj/.git
	cp "$schema" proj/db/northwind.sql
	chmod u+w proj/db/northwind.sql
	(cd proj && $DDLINT init . >/dev/null)
	n0=$($DDLINT --format json proj/db | eval "$ndiags")
	check "the schema has findings" 0 '^[1-9][0-9]+$' -- echo "$n0"
	check "baseline beside the .ddlint.yml" 0 "^ddlint: .*/proj/\\.ddlint-baseline\\.json: $n0 findings recorded$" -- $DDLINT baseline proj/db
	check "entries: sorted, relative paths, no positions" 0 '^ok$' -- sh -c "node -e \"
const d=JSON.parse(require('fs').readFileSync('proj/.ddlint-baseline.json','utf8'));
const k=e=>[e.file,e.rule,e.object||'',e.message];
let sorted=true; for(let i=1;i<d.entries.length;i++){const a=k(d.entries[i-1]),b=k(d.entries[i]);
  for(let j=0;j<4;j++){ if(a[j]<b[j]) break; if(a[j]>b[j]){sorted=false;break;} if(j==3) sorted=false; } }
const ok=d.version===1 && d.tool.startsWith('ddlint ') && sorted && d.entries.every(e=>e.file=='db/northwind.sql' && !('line' in e) && e.count>=1) &&
  d.entries.reduce((s,e)=>s+e.count,0)==$n0;
console.log(ok?'ok':JSON.stringify(d).slice(0,2000));\""
	check "re-run: nothing reported, all baselined" 0 "^0 errors, 0 warnings, 0 infos in 1 file \\($n0 baselined\\)$" -- $DDLINT proj/db
	check_not "re-run: no finding on stdout" 0 "." -- $DDLINT proj/db
	check "from inside the project, the same" 0 "^0 errors, 0 warnings, 0 infos in 1 file \\($n0 baselined\\)$" -- sh -c "cd proj && $DDLINT db/northwind.sql"
	check "--no-baseline: everything" 1 "in 1 file$" -- $DDLINT --no-baseline proj/db

	# a bad table: exactly its findings, the same as without the baseline on that line
	printf 'CREATE TABLE "BadTable" (id int, created timestamp);\n' >> proj/db/northwind.sql
	bad=$(wc -l < proj/db/northwind.sql)
	$DDLINT --no-baseline proj/db > all.txt 2>/dev/null
	grep "^proj/db/northwind.sql:$bad:" all.txt > want.txt
	check "the bad table has findings" 0 '^[2-9]$' -- grep -c . want.txt
	check "with the baseline: exactly the bad table's findings" 0 '^same$' -- sh -c "$DDLINT proj/db > got.txt 2>/dev/null; cmp -s got.txt want.txt && echo same || cat got.txt"
	check "summary with the new findings" 1 "^[0-9]+ errors?, [0-9]+ warnings?, 0 infos in 1 file \\($n0 baselined\\)$" -- $DDLINT proj/db

	# move and reformat: a header shifts every line, two CREATE TABLEs swap, indentation changes
	awk '
		/^CREATE TABLE categories \(/ { held = 1 }
		held { block = block $0 "\n"; if ($0 ~ /^\);/) held = 0; next }
		{ print }
		/^CREATE TABLE customer_customer_demo \(/ { inside = 1 }
		inside && /^\);/ { printf "\n%s", block; inside = 0 }
	' proj/db/northwind.sql | sed 's/^    /\t\t/' > moved.sql
	{ printf -- '-- reformatted\n\n\n'; cat moved.sql; } > proj/db/northwind.sql
	check "the statements did move" 0 '^moved$' -- sh -c "grep -n '^CREATE TABLE c' proj/db/northwind.sql | tr '\n' ' ' | grep -q 'customer_customer_demo.*categories' && grep -q '^		category_id smallint' proj/db/northwind.sql && echo moved"
	check "moved and reformatted: still only the bad table" 0 '^same$' -- sh -c "$DDLINT proj/db 2>/dev/null | sed 's/:[0-9]*:[0-9]*:/:/' > got.txt; sed 's/:[0-9]*:[0-9]*:/:/' want.txt | cmp -s got.txt - && echo same || cat got.txt"
	check "the findings did change lines" 0 '^changed$' -- sh -c "$DDLINT --no-baseline proj/db 2>/dev/null | grep -v BadTable > now.txt; grep -v BadTable all.txt | sed 's/^\\([^:]*\\):[0-9]*:[0-9]*:/\\1:/' > a.txt; sed 's/^\\([^:]*\\):[0-9]*:[0-9]*:/\\1:/' now.txt | sort | cmp -s - \$(sort a.txt > as.txt; echo as.txt) && ! cmp -s now.txt all.txt && echo changed"
	sed -i '/^CREATE TABLE "BadTable"/d' proj/db/northwind.sql
	check "without the bad table: 0" 0 "^0 errors, 0 warnings, 0 infos in 1 file \\($n0 baselined\\)$" -- $DDLINT proj/db

	# a finding fixed: gone from the code, reported as gone, dropped by --update only
	sed -i '/^ALTER TABLE ONLY employees$/{N;/fk_employees_employees /d;}' proj/db/northwind.sql
	n1=$($DDLINT --no-baseline --format json proj/db | eval "$ndiags")
	gone=$((n0 - n1))
	check "the fixed key had findings" 0 '^[1-9]$' -- echo "$gone"
	check "fixed findings are gone" 0 "^0 errors, 0 warnings, 0 infos in 1 file \\($n1 baselined; $gone in the baseline (is|are) gone: \`ddlint baseline --update\` to drop them\\)$" -- $DDLINT proj/db
	printf 'CREATE TABLE "BadTable" (id int, created timestamp);\n' >> proj/db/northwind.sql
	check "--update drops it" 0 "proj/\\.ddlint-baseline\\.json: $n1 findings kept, $gone gone dropped$" -- $DDLINT baseline --update proj/db
	check "--update adds nothing" 0 '^0$' -- sh -c "grep -c 'BadTable\\|fk_employees_employees' proj/.ddlint-baseline.json; true"
	check "after --update: nothing gone, the bad table new" 1 "^[0-9]+ errors?, [0-9]+ warnings?, 0 infos in 1 file \\($n1 baselined\\)$" -- $DDLINT proj/db

	# json and sarif: baselined findings dropped, or kept and marked with --show-baselined
	nbad=$(grep -c . want.txt)
	check "json drops the baselined" 0 "^$nbad\$" -- through 1 "$ndiags" -- $DDLINT --format json proj/db
	check "json --show-baselined marks them" 0 '^ok$' -- sh -c "$DDLINT --format json --show-baselined proj/db > out.json; node -e \"
const d=JSON.parse(require('fs').readFileSync('out.json','utf8')); const b=d.diagnostics.filter(x=>x.baselined===true);
const ok=d.diagnostics.length==$n1+$nbad && b.length==$n1 && d.diagnostics.filter(x=>!('baselined' in x)).every(x=>x.object.includes('BadTable')) &&
  d.summary.baselined==$n1 && d.summary.baseline_gone==0;
console.log(ok?'ok':JSON.stringify(d.summary));\""
	check "text never shows the baselined" 0 "^$nbad\$" -- through 1 "grep -c ." -- $DDLINT --show-baselined proj/db
	check "sarif --show-baselined: baselineState" 1 "" -- $DDLINT --format sarif --show-baselined --output out.sarif proj/db
	check "sarif: unchanged and new" 0 '^ok$' -- sh -c "node -e \"
const r=JSON.parse(require('fs').readFileSync('out.sarif','utf8')).runs[0].results;
const u=r.filter(x=>x.baselineState=='unchanged'), n=r.filter(x=>x.baselineState=='new');
const ok=u.length==$n1 && n.length==$nbad && n.every(x=>x.locations[0].logicalLocations[0].fullyQualifiedName.includes('BadTable'));
console.log(ok?'ok':JSON.stringify(r.map(x=>x.baselineState)));\""
	multitool=$root/build/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
	check "sarif with baselineState passes the SARIF Multitool" 0 "^valid$" -- sh -c "rm -f v.json; '$multitool' validate --level 'Error;Warning;Note' -o v.json out.sarif >/dev/null 2>&1; node -e \"
const v=JSON.parse(require('fs').readFileSync('v.json','utf8')); const res=v.runs[0].results||[];
const errors=res.filter(r=>r.level=='error'); console.log(errors.length?JSON.stringify(errors):'valid');\""
	check "sarif without --show-baselined: only the new, no baselineState" 0 '^ok$' -- sh -c "$DDLINT --format sarif proj/db > out2.sarif; node -e \"
const r=JSON.parse(require('fs').readFileSync('out2.sarif','utf8')).runs[0].results;
console.log(r.length==$nbad && r.every(x=>!('baselineState' in x))?'ok':r.length);\""
	check "--output names the baseline file" 0 "^ddlint: other\\.json: $((n1 + nbad)) findings recorded$" -- $DDLINT baseline --output other.json proj/db
	check "--baseline reads it; paths relative to it" 0 "\\($((n1 + nbad)) baselined\\)$" -- $DDLINT --baseline other.json proj/db
	check "paths relative to the baseline's directory" 0 '^1$' -- sh -c "grep -c '\"file\": \"proj/db/northwind.sql\"' other.json | grep -q . && node -e \"
console.log(new Set(JSON.parse(require('fs').readFileSync('other.json','utf8')).entries.map(e=>e.file)).size)\""
fi

# a baseline of two files: linting, or updating, one of them leaves the other's entries alone
mkdir two && cd two
printf 'CREATE TABLE Alpha (x int);\n' > a.sql
printf 'CREATE TABLE Beta (x int);\n' > b.sql
$DDLINT baseline a.sql b.sql >/dev/null 2>&1
check "one file of two: the other's entries are not gone" 0 "^0 errors, 0 warnings, 0 infos in 1 file \\([0-9]+ baselined\\)$" -- $DDLINT a.sql
check "--update on one file keeps the other's entries" 0 "0 gone dropped$" -- $DDLINT baseline --update a.sql
check "the other file is still baselined" 0 "^0 errors, 0 warnings, 0 infos in 1 file \\([0-9]+ baselined\\)$" -- $DDLINT b.sql
# one file however it is named: ./a.sql, an absolute path, a path through a symlink
ln -s . via
check "./a.sql is a.sql" 0 "^0 errors, 0 warnings, 0 infos in 1 file \\([0-9]+ baselined\\)$" -- $DDLINT ./a.sql
check "an absolute path through a symlink is a.sql" 0 "^0 errors, 0 warnings, 0 infos in 1 file \\([0-9]+ baselined\\)$" -- $DDLINT "$(pwd)/via/a.sql"
check "baseline and --changed-since do not go together" 2 "^ddlint: a baseline records every finding: --changed-since does not go with 'ddlint baseline'" -- $DDLINT baseline --changed-since HEAD a.sql
cd ..

# a baseline kept as a symbolic link (to a shared file) stays a link when it is rewritten
mkdir linked linked/shared && cd linked
printf 'CREATE TABLE Alpha (x int);\nCREATE TABLE Beta (x int);\n' > a.sql
$DDLINT baseline --output shared/base.json a.sql >/dev/null 2>&1
ln -s shared/base.json .ddlint-baseline.json
printf 'CREATE TABLE Alpha (x int);\n' > a.sql
check "a symlinked baseline is updated" 0 "[1-9][0-9]* gone dropped$" -- $DDLINT baseline --update a.sql
check "... and is still a symbolic link" 0 "^link$" -- sh -c 'test -L .ddlint-baseline.json && echo link'
check "... to the file it was, now updated" 0 "^0$" -- sh -c 'grep -ci "beta" shared/base.json; true'
cd ..

mkfifo fifo.json
check "a FIFO as the baseline is refused, not waited on" 2 "baseline 'fifo.json' is not a regular file" -- timeout 10 $DDLINT --baseline fifo.json two/a.sql
rm -f fifo.json

echo "cli-baseline: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
