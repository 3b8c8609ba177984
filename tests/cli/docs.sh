#!/bin/sh
# ddlint docs: the HTML site opened in Debian's Chromium (no console error, no request leaving
# the file system, no script; screenshots), its links all resolving, the Markdown rendered by
# marked with no HTML from SQL; hostile names and comments in both; --check; the diagram with and
# without Graphviz; the corpus schemas and migration directories.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
root=$(pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
t=$root/tests/docs
shots=${DOCS_SHOTS:-$work/shots}
mkdir -p "$shots"

cat > hostile.sql <<'SQL'
CREATE SCHEMA "we ird";
CREATE TABLE "order" (
    id bigint PRIMARY KEY,
    "first name" text NOT NULL UNIQUE DEFAULT '<b>x</b>',
    total double precision CHECK (total > 0)
);
COMMENT ON TABLE "order" IS 'Orders <script>alert(1)</script> "quoted" {braces} | pipe
# not a heading';
COMMENT ON COLUMN "order"."first name" IS 'it''s <img src=x onerror=alert(1)> [link](http://127.0.0.1:9/) `tick` **b**';
CREATE TABLE "we ird"."li""ne<i>" (
    order_id bigint NOT NULL REFERENCES "order" (id) ON DELETE CASCADE,
    n int,
    PRIMARY KEY (order_id, n)
);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER trg_order_touch BEFORE UPDATE ON "order" FOR EACH ROW EXECUTE FUNCTION touch();
SQL

# ---- HTML ----
check "docs writes the site" 0 "pages in site \\(2 tables\\)" -- $DDLINT docs --no-config --output site hostile.sql
check "an index, a page per table, a page per rule" 0 "^site/index.html site/rules/index.html site/rules/naming.snake-case.html site/tables/public.order.html site/tables/we-20ird.li-22ne-3ci-3e.html $" -- sh -c "ls site/index.html site/rules/index.html site/rules/naming.snake-case.html site/tables/*.html | tr '\n' ' '"
# the site's pages: the index, the two tables', the rules' index and one a rule
pages=$(( $($DDLINT rules | wc -l) + 4 ))
check "links: every link resolves, none leaves the site" 0 "^ok [0-9]+ links in $pages pages$" -- node "$t/links.mjs" site
check "Chromium: no console error, no request out, no script; the hostile text shown as text" 0 "^ok 3 pages$" -- \
	node "$t/browser.mjs" "$shots" site/index.html --text "Orders <script>alert(1)</script>" \
	site/tables/public.order.html --text "it's <img src=x onerror=alert(1)> [link](http://127.0.0.1:9/)" --text "<b>x</b>" --text "total > 0" \
	site/rules/types.money.html
check "screenshots of the index and a table page" 0 "PNG image data, 1200 x 900" -- sh -c "file '$shots/page-1.png' '$shots/page-2.png'"
check_not "no markup from SQL in the pages" 0 "<script|<img|<i>" -- cat site/index.html site/tables/public.order.html site/tables/we-20ird.li-22ne-3ci-3e.html
check "the table page: columns, constraints, indexes, foreign keys in, triggers, findings" 0 "Columns.*Constraints.*Indexes.*Referenced by.*Triggers.*trg_order_touch.*Findings.*rules/types.money.html" -- sh -c "tr '\n' ' ' < site/tables/public.order.html"
check "the child's page: the foreign key out links to its parent" 0 '<a href="../tables/public.order.html">public.order \(id\)</a>' -- cat site/tables/we-20ird.li-22ne-3ci-3e.html
check "the diagram: Graphviz's SVG, its tables linking to their pages" 0 'xlink:href="tables/public.order.html"' -- cat site/index.html
# the checks can fail: a page with a script, a request out, a broken link
mkdir -p bad && cp -r site/. bad/
sed -i 's|<h1>|<img src="http://127.0.0.1:9/x.png"><script>console.error("x")</script><h1>|' bad/index.html
check "the browser check does fail on a request out and a script" 1 "request to http://127.0.0.1:9/x.png|script element" -- node "$t/browser.mjs" "$work" bad/index.html
sed -i 's|tables/public.order.html|tables/nope.html|' bad/index.html
check "the link check does fail on a broken link and one out" 1 "broken link tables/nope.html" -- node "$t/links.mjs" bad

# ---- --check ----
check "--check: up to date" 0 "site is up to date \\($pages pages\\)" -- $DDLINT docs --no-config --output site --check hostile.sql
printf 'CREATE TABLE extra (id bigint PRIMARY KEY);\n' > extra.sql
check "--check: a new table" 0 "site/index.html is out of date.*site/tables/public.extra.html is missing" -- sh -c "$DDLINT docs --no-config --output site --check hostile.sql extra.sql 2>&1 | tr '\n' ' '"
check "--check: exit 1 and how to update" 1 "pages of site differ from the SQL; run ddlint docs --output site$" -- $DDLINT docs --no-config --output site --check hostile.sql extra.sql
$DDLINT docs --no-config --output site hostile.sql extra.sql 2>/dev/null
check "--check: a table dropped leaves a page that is no page any more" 1 "site/tables/public.extra.html is no page of the schema any more" -- $DDLINT docs --no-config --output site --check hostile.sql
check "writing removes the page of a table that is gone" 0 "^gone$" -- sh -c "$DDLINT docs --no-config --output site hostile.sql 2>/dev/null; [ ! -e site/tables/public.extra.html ] && echo gone"
check "--check: and it is up to date again" 0 "up to date" -- $DDLINT docs --no-config --output site --check hostile.sql
echo "-- a comment" >> hostile.sql
check "--check: the same schema from a changed file is still up to date" 0 "up to date" -- $DDLINT docs --no-config --output site --check hostile.sql

# ---- without Graphviz ----
mkdir nobin
check "without dot: the Mermaid source and how to get the picture" 0 "Graphviz is not installed.*apt-get install graphviz.*erDiagram" -- sh -c "PATH='$work/nobin' $DDLINT docs --no-config --output nodot hostile.sql 2>/dev/null; tr '\n' ' ' < nodot/index.html"
check "without dot: the page still passes the browser" 0 "^ok 1 pages$" -- node "$t/browser.mjs" "$work" nodot/index.html --text 'erDiagram'

# ---- Markdown ----
check "--format markdown" 0 "pages in md" -- $DDLINT docs --no-config --format markdown --output md hostile.sql
check "markdown: README.md, tables/*.md, rules/*.md" 0 "^md/README.md md/rules/README.md md/tables/public.order.md $" -- sh -c "ls md/README.md md/rules/README.md md/tables/public.order.md | tr '\n' ' '"
check "markdown: marked renders no HTML from SQL, tables keep their columns, the text is shown" 0 "^ok $pages pages$" -- \
	node "$t/markdown.mjs" md --text "Orders <script>alert(1)</script> \"quoted\" {braces} | pipe # not a heading" --text "[link](http://127.0.0.1:9/) \`tick\` **b**"
check "markdown: links resolve" 0 "^ok [0-9]+ links in $pages pages$" -- node "$t/links.mjs" md
check "markdown: the diagram as a mermaid block" 0 '^```mermaid$' -- cat md/README.md
check "markdown --check: up to date" 0 "up to date" -- $DDLINT docs --no-config --format markdown --output md --check hostile.sql
printf 'raw <img src=x>\n' > not-escaped.md && mkdir -p md2 && cp not-escaped.md md2/
check "the markdown check does fail on raw HTML" 1 "<img> element" -- node "$t/markdown.mjs" md2

# ---- which tables ----
check "--schema: only its tables get pages" 0 "^tables/we-20ird.li-22ne-3ci-3e.html $" -- sh -c "$DDLINT docs --no-config --schema 'we ird' --output part hostile.sql 2>/dev/null; cd part && ls tables/* | tr '\n' ' '"
check "--schema: the index lists only them" 0 "^1 table in 1 schema\.$" -- sh -c "sed -n 's|<p>\\(1 table.*\\)</p>|\\1|p' part/index.html"
check "--exclude: and the page of the table left out is no page of the site" 1 "part/tables/we-20ird.li-22ne-3ci-3e.html is no page" -- $DDLINT docs --no-config --exclude 'we ird.*' --output part --check hostile.sql

# ---- usage ----
check "docs needs --output" 2 "docs: --output DIR names the directory" -- $DDLINT docs --no-config hostile.sql
check "an unknown format" 2 "docs: unknown format 'pdf'; use html or markdown" -- $DDLINT docs --no-config --format pdf --output x hostile.sql

# ---- the corpus ----
corpus=${CORPUS:-$root/../shared/corpus}
if [ -d "$corpus/schemas" ]; then
	for d in "$corpus"/schemas/pagila "$corpus"/schemas/sakila "$corpus"/schemas/danbooru "$corpus"/schemas/lago \
		"$corpus"/schemas/adventureworks "$corpus"/migrations/*; do
		[ -d "$d" ] || continue
		n=$(basename "$d")
		$DDLINT docs --no-config --output "c-$n" "$d" 2>/dev/null
		$DDLINT docs --no-config --format markdown --output "m-$n" "$d" 2>/dev/null
		check "corpus $n: HTML links" 0 "^ok " -- node "$t/links.mjs" "c-$n"
		check "corpus $n: Markdown links" 0 "^ok " -- node "$t/links.mjs" "m-$n"
		check "corpus $n: --check right after" 0 "up to date" -- $DDLINT docs --no-config --output "c-$n" --check "$d"
	done
	first=$(ls c-pagila/tables/*.html | head -1)
	check "corpus pagila: the browser, index and a table page" 0 "^ok 2 pages$" -- node "$t/browser.mjs" "$shots" c-pagila/index.html "$first"
	check "corpus pagila: Markdown renders clean" 0 "^ok " -- node "$t/markdown.mjs" m-pagila
	check "corpus lago: Markdown renders clean" 0 "^ok " -- node "$t/markdown.mjs" m-lago
else
	echo "cli-docs: $corpus not found; the corpus part is skipped"
fi

echo "cli-docs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
