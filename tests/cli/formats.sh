#!/bin/sh
# Output formats, each read back by its consumer's rules: SARIF by Microsoft's validator,
# JUnit by an XML parser, GitLab and JSON by a JSON parser (jq-free: node), GitHub by its escaping rules.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
root=$(pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
mkdir .git

mkdir -p 'db dir'
cat > 'db dir/a,b:c.sql' <<'SQL'
CREATE TABLE "Bad" (x int); -- 100% bad
CREATE TABLE Users (id uuid PRIMARY KEY, email text); -- ddlint-disable-line -- legacy <table> & "quotes"
SQL
in='db dir/a,b:c.sql'
sel="--no-config --select naming/snake-case --select schema/primary-key --select unused-suppression"

# github: properties escape % CR LF : and , ; data escapes % CR LF
check "github annotation" 1 "^::error file=db dir/a%2Cb%3Ac.sql,line=1,col=14,endLine=1,endColumn=19,title=naming/snake-case::table name 'Bad' is not snake_case \\(use 'bad'\\)$" -- $DDLINT $sel --format github "$in"
check "github: suppressed findings are not annotated" 0 "^2$" -- through 1 "grep -c ." -- $DDLINT $sel --format github "$in"
printf 'CREATE TABLE "pct%%" (id int PRIMARY KEY);\n' > pct.sql
check "github: percent in data" 1 "title=naming/snake-case::table name 'pct%25' is not snake_case" -- $DDLINT --no-config --select naming/snake-case --format github pct.sql

# node_json JS: run JS with the JSON document of standard input as d
node_json() { node -e "const d=JSON.parse(require('fs').readFileSync(0,'utf8')); $1"; }
# gitlab code quality: a JSON array of issues with the fields GitLab reads
gitlab_ok='const ok=Array.isArray(d) && d.every(i=>typeof i.description=="string" && typeof i.check_name=="string" &&
  /^[0-9a-f]{16}$/.test(i.fingerprint) && ["info","minor","major","critical","blocker"].includes(i.severity) &&
  i.location.path=="db%20dir/a%2Cb%3Ac.sql" && Number.isInteger(i.location.lines.begin) && i.location.lines.begin>=1);
console.log(ok?"ok "+d.length:"bad "+JSON.stringify(d));'
check "gitlab report" 0 "^ok 2$" -- through 1 'node_json "$gitlab_ok"' -- $DDLINT $sel --format gitlab "$in"
check "gitlab: fingerprints are unique" 0 "^unique$" -- through 1 'node_json "console.log(new Set(d.map(i=>i.fingerprint)).size==d.length?\"unique\":\"dup\")"' -- $DDLINT $sel --format gitlab "$in"
# fingerprints survive unrelated edits: a line added above does not change them
fingerprints='console.log(d.map(i=>i.fingerprint).join())'
cp "$in" edit.sql
check "fingerprints before an edit" 0 "" -- through 1 'node_json "$fingerprints" > before.txt' -- $DDLINT $sel --format gitlab edit.sql
{ printf -- '-- a new comment\n\nCREATE TABLE other_things (id uuid PRIMARY KEY);\n'; cat "$in"; } > edit.sql
check "fingerprints after it" 0 "" -- through 1 'node_json "$fingerprints" > after.txt' -- $DDLINT $sel --format gitlab edit.sql
check "fingerprints are stable across unrelated edits" 0 "^[0-9a-f]{16}," -- sh -c "cmp before.txt after.txt && cat after.txt"
# junit: well-formed XML, a test case per file and rule, a failure per finding
check "junit is well-formed" 0 "" -- through 1 "cat > j.xml; xmllint --noout j.xml" -- $DDLINT $sel --format junit "$in"
check "junit counts" 0 'tests="2" failures="2"' -- cat j.xml
check "junit escapes" 0 "classname=\"db dir/a,b:c.sql\" name=\"naming/snake-case\"" -- cat j.xml
printf 'CREATE TABLE users (id uuid PRIMARY KEY);\n' > clean.sql
check "junit with no findings" 0 'tests="1" failures="0"' -- through 0 "tee j2.xml; xmllint --noout j2.xml" -- $DDLINT --no-config --select schema/primary-key --format junit clean.sql

# json: suppressed findings kept with their reason
check "json keeps suppressions" 1 '"suppression_reason": "legacy <table> & \\"quotes\\""' -- $DDLINT $sel --format json "$in"

# sarif: validated by Microsoft's SARIF Multitool, no error-level result may remain
multitool=$root/build/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
check "sarif to a file, text to the terminal" 0 "^db dir/a,b:c.sql:1:14: error: table name 'Bad'.*errors?, 0 warnings, 0 infos in 1 file \\(1 suppressed\\)" -- through 1 "tr '\n' ' '" -- sh -c "$DDLINT $sel --format text --format sarif --output out.sarif '$in' 2>&1"
check "sarif: results, suppressions and fingerprints" 0 "^ok$" -- sh -c "node -e \"
const d=JSON.parse(require('fs').readFileSync('out.sarif','utf8')); const run=d.runs[0];
const ok=d.version=='2.1.0' && run.tool.driver.rules.length>30 && run.results.length==3 &&
  run.results.every(r=>r.partialFingerprints['ddlint/v1'] && r.locations[0].physicalLocation.artifactLocation.uri=='db%20dir/a%2Cb%3Ac.sql') &&
  run.results.filter(r=>r.suppressions && r.suppressions[0].justification=='legacy <table> & \\\"quotes\\\"').length==1 &&
  run.results.some(r=>r.locations[0].logicalLocations[0].fullyQualifiedName=='public.Bad');
console.log(ok?'ok':JSON.stringify(run.results));\""
check "sarif passes the SARIF Multitool" 0 "^valid$" -- sh -c "rm -f v.json; '$multitool' validate --level 'Error;Warning;Note' -o v.json out.sarif >/dev/null 2>&1; node -e \"
const v=JSON.parse(require('fs').readFileSync('v.json','utf8')); const res=v.runs[0].results||[];
const errors=res.filter(r=>r.level=='error'); console.log(errors.length?JSON.stringify(errors):'valid');\""
printf 'not sarif' > broken.sarif
check "the validator does find errors (so the check above can fail)" 0 "^found$" -- sh -c "rm -f vb.json; '$multitool' validate --level 'Error;Warning;Note' -o vb.json broken.sarif >/dev/null 2>&1; node -e \"
const v=JSON.parse(require('fs').readFileSync('vb.json','utf8')); console.log((v.runs[0].results||[]).some(r=>r.level=='error')?'found':'none');\""

# --output rules
check "two formats on stdout" 2 "only one --format can go to standard output" -- $DDLINT --format json --format sarif "$in"
check "--output alone takes the text report" 1 "^t.txt:db dir/a,b:c.sql:1:14: error" -- sh -c "$DDLINT $sel --output t.txt '$in' 2>/dev/null; exit_code=\$?; sed 's/^/t.txt:/' t.txt; exit \$exit_code"
check "--output to a directory fails" 2 "cannot write 'db dir'" -- $DDLINT $sel --format json --output 'db dir' "$in"

echo "cli-formats: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
