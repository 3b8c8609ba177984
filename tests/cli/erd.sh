#!/bin/sh
# ddlint erd: every format read back by its real consumer and compared with the model
# (tests/erd/consumers.mjs): DBML by @dbml/core, Mermaid by Mermaid's own parser, DOT by
# Graphviz `dot -Tsvg` (no warning), PlantUML by Debian's plantuml; hostile names and comments
# in each; the table filters and the cardinalities; the corpus schemas and migration directories.
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
root=$(pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
consumers=$root/tests/erd/consumers.mjs
enter_work

cat > hostile.sql <<'SQL'
CREATE SCHEMA "we ird";
CREATE TYPE mood AS ENUM ('ok', 's"ad', '<b>x</b>', 'a\b');
CREATE TABLE "order" (
    id bigint PRIMARY KEY,
    "first name" text NOT NULL UNIQUE,
    "pk" integer,
    "end" timestamp with time zone,
    "style" mood,
    price numeric(10,2)[]
);
COMMENT ON TABLE "order" IS 'Orders <script>alert(1)</script> "quoted" {braces} \ back $1 %% #x;
second line ]] -->';
COMMENT ON COLUMN "order"."first name" IS 'it''s <img src=x onerror=alert(1)> "q" %% #quot; `tick` \n } ~~ **b** //i//';
CREATE TABLE "we ird"."li""ne{x}" (
    order_id bigint NOT NULL REFERENCES "order" (id) ON DELETE CASCADE,
    n int,
    "a;b" text,
    PRIMARY KEY (order_id, n)
);
CREATE TABLE profile (
    order_id bigint UNIQUE REFERENCES "order",
    note text
);
SQL
$DDLINT model --no-config hostile.sql > model.json

for f in mermaid dbml dot plantuml; do
	check "erd --format $f" 0 "" -- $DDLINT erd --no-config --format $f --output hostile.$f hostile.sql
done
check "DBML: @dbml/core reads it, as the model says (names, notes, refs, enums)" 0 "^ok tables=3 refs=2 enums=1$" -- node "$consumers" dbml hostile.dbml model.json
check "Mermaid: its parser reads it, as the model says (names, comments, relationships)" 0 "^ok entities=4 relationships=2$" -- node "$consumers" mermaid hostile.mermaid model.json
check "DOT: dot -Tsvg without a warning" 0 "^clean$" -- sh -c 'dot -Tsvg hostile.dot -o hostile.svg 2> dot.err && [ ! -s dot.err ] && echo clean || cat dot.err'
check_not "DOT: no markup from SQL in the SVG" 0 "<script|<img|<b>" -- cat hostile.svg
check "DOT: the comment is drawn as text" 0 "Orders &lt;script&gt;alert\\(1\\)&lt;/script&gt; &quot;quoted&quot; \\{braces\\} \\\\ back" -- cat hostile.svg
check "DOT: the tables and relationships, as the model says" 0 "^tables 3 edges 2$" -- sh -c "dot -Tjson hostile.dot | node -e 'const g=JSON.parse(require(\"fs\").readFileSync(0,\"utf8\")); console.log(\"tables\", g.objects.filter(o=>/^t[0-9]+\$/.test(o.name)).length, \"edges\", (g.edges||[]).length)'"
if command -v plantuml >/dev/null 2>&1; then
	check "PlantUML: plantuml draws it" 0 "^clean$" -- sh -c 'plantuml -tsvg -pipe < hostile.plantuml > hostile-p.svg 2> p.err && ! grep -qi "syntax error\|exception" hostile-p.svg p.err && echo clean || cat p.err'
	check_not "PlantUML: no markup from SQL in the SVG" 0 "<script|<img|<b>" -- cat hostile-p.svg
	check "PlantUML: names and comments drawn as written" 0 "it's &lt;img src=x onerror=alert\\(1\\)&gt; \"q\" %% #quot; \`tick\` \\\\n \\} ~~ \\*\\*b\\*\\* //i//" -- cat hostile-p.svg
else
	echo "cli-erd: plantuml not installed; its checks are skipped (scripts/install-deps.sh --test installs it)"
fi
check "Mermaid: drawn by Mermaid in Chromium, the entity codes shown as the characters, no element made of them" 0 "^ok drawn$" -- \
	node "$root/tests/erd/mermaid-render.mjs" hostile.mermaid --text 'we ird.li"ne{x}' --text '<b>x</b>' --text 's"ad' --text 'a\b' \
	--text "it's <img src=x onerror=alert(1)> \"q\" %% #quot; \`tick\` \\n } ~~ **b** //i//"
printf 'erDiagram\n  t1["a <b>bold</b>"] {\n    int id\n  }\n' > raw.mermaid
check "the drawing check does fail on markup written raw" 1 "elements made from the text: B|does not show" -- node "$root/tests/erd/mermaid-render.mjs" raw.mermaid --text '<b>bold</b>'
# the checks can fail: text written without escaping is refused or read wrong
sed 's/\\"/"/' hostile.dbml > broken.dbml
check "the DBML check does fail on an unescaped quote" 1 "rejects|got" -- node "$consumers" dbml broken.dbml model.json
sed 's/#quot;/"/' hostile.mermaid > broken.mermaid
check "the Mermaid check does fail on an unescaped quote" 1 "rejects|got" -- node "$consumers" mermaid broken.mermaid model.json
sed 's/"public.order"/"public.orders"/' hostile.mermaid > renamed.mermaid
check "the Mermaid check does fail on a wrong name" 1 "not a table of the model" -- node "$consumers" mermaid renamed.mermaid model.json

# ---- what the diagram says ----
cat > shop.sql <<'SQL'
CREATE SCHEMA billing;
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);
COMMENT ON COLUMN users.email IS 'login';
CREATE TABLE profiles (user_id bigint PRIMARY KEY REFERENCES users, bio text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users, coupon_id bigint);
CREATE TABLE coupons (id bigint PRIMARY KEY);
ALTER TABLE orders ADD FOREIGN KEY (coupon_id) REFERENCES coupons;
CREATE TABLE order_items (order_id bigint NOT NULL REFERENCES orders, n int NOT NULL, PRIMARY KEY (order_id, n));
CREATE TABLE billing.invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL UNIQUE REFERENCES orders);
CREATE TABLE audit_log (id bigint);
CREATE TEMP TABLE scratch (id int);
CREATE TABLE schema_migrations (version text PRIMARY KEY);
CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
SQL
names='sed -n "s/^Table \"\([^\"]*\)\"\.\"\([^\"]*\)\".*/\1.\2/p" | tr "\n" " "'
check "every table but temporary ones, partitions and the migration tool's" 0 "^billing.invoices public.audit_log public.coupons public.events public.order_items public.orders public.profiles public.users $" -- through 0 "$names" -- $DDLINT erd --no-config --format dbml shop.sql
check "--schema" 0 "^billing.invoices $" -- through 0 "$names" -- $DDLINT erd --no-config --format dbml --schema billing shop.sql
check "--table GLOB on the name" 0 "^public.order_items public.orders $" -- through 0 "$names" -- $DDLINT erd --no-config --format dbml --table 'order*' shop.sql
check "--table GLOB on schema.name" 0 "^billing.invoices $" -- through 0 "$names" -- $DDLINT erd --no-config --format dbml --table 'billing.*' shop.sql
check "--exclude" 0 "^billing.invoices public.coupons public.events public.order_items public.orders public.profiles public.users $" -- through 0 "$names" -- $DDLINT erd --no-config --format dbml --exclude audit_log shop.sql
check "--around (depth 1: both directions)" 0 "^billing.invoices public.coupons public.order_items public.orders public.users $" -- through 0 "$names" -- $DDLINT erd --no-config --format dbml --around orders shop.sql
check "--around --depth 0" 0 "^public.orders $" -- through 0 "$names" -- $DDLINT erd --no-config --format dbml --around public.orders --depth 0 shop.sql
check "--around --depth 2" 0 "^billing.invoices public.coupons public.order_items public.orders public.profiles public.users $" -- through 0 "$names" -- $DDLINT erd --no-config --format dbml --around orders --depth 2 shop.sql
check "--around with --exclude: the walk stays among the tables left" 0 "^public.order_items public.orders $" -- through 0 "$names" -- $DDLINT erd --no-config --format dbml --around orders --depth 5 --exclude users --exclude coupons --exclude 'billing.*' shop.sql
check "one table, one schema: names unqualified in Mermaid" 0 't1\["orders"\]' -- $DDLINT erd --no-config --table orders shop.sql
check "an FK whose columns are unique is one-to-one (DBML -)" 0 '^Ref: "billing"."invoices".\("order_id"\) - "public"."orders".\("id"\)$' -- $DDLINT erd --no-config --format dbml shop.sql
check "a primary key that is the FK is one-to-one too" 0 '^Ref: "public"."profiles".\("user_id"\) - "public"."users".\("id"\)$' -- $DDLINT erd --no-config --format dbml shop.sql
check "a composite primary key within which the FK lies is not" 0 '^Ref: "public"."order_items".\("order_id"\) > "public"."orders".\("id"\)$' -- $DDLINT erd --no-config --format dbml shop.sql
check "Mermaid: exactly one parent for a NOT NULL FK, zero or more children" 0 '^    t6 \|\|--o\{ t5 : "order_items_order_id_fkey"$' -- $DDLINT erd --no-config shop.sql
check "Mermaid: zero or one parent for a nullable FK" 0 '^    t3 \|o--o\{ t6 : "orders_coupon_id_fkey"$' -- $DDLINT erd --no-config shop.sql
check "Mermaid: one-to-one" 0 '^    t6 \|\|--o\| t1 : "invoices_order_id_fkey"$' -- $DDLINT erd --no-config shop.sql
check "Mermaid: PK, FK, UK and the comment" 0 '^        text email UK "not null: login"$' -- $DDLINT erd --no-config shop.sql
check "Mermaid: a column named like a key is written in backticks" 0 "^        integer \`pk\`$" -- $DDLINT erd --no-config hostile.sql
check "DOT: crow's foot at the child, tee at the parent" 0 'arrowtail=crowodot, arrowhead=teetee' -- $DDLINT erd --no-config --format dot shop.sql
check "DOT: schemas as clusters" 0 'subgraph cluster_1 \{' -- $DDLINT erd --no-config --format dot shop.sql
check "DBML: schemas as table groups" 0 '^TableGroup "billing" \{' -- $DDLINT erd --no-config --format dbml shop.sql
check "an unknown format" 2 "erd: unknown format 'svg'; use mermaid, dbml, dot or plantuml" -- $DDLINT erd --no-config --format svg shop.sql
check "a report format is not a diagram's" 2 "erd: unknown format 'json'" -- $DDLINT erd --no-config --format json shop.sql
check "lint still refuses a diagram format" 2 "unknown format 'mermaid'" -- $DDLINT --no-config --format mermaid shop.sql
check "--format before the command" 0 "^erDiagram$" -- $DDLINT --format mermaid --no-config erd shop.sql
check "--around a table that is not there" 2 "no table 'nope' among the tables shown" -- $DDLINT erd --no-config --around nope shop.sql
check "--depth without --around" 2 "depth goes with --around" -- $DDLINT erd --no-config --depth 2 shop.sql
check "--depth takes a number" 2 "depth takes a number" -- $DDLINT erd --no-config --around orders --depth x shop.sql
check "no table to draw" 0 "no table to draw" -- $DDLINT erd --no-config --schema nope shop.sql

# ---- the corpus: every format of each schema and migration directory, read by its consumer ----
corpus=${CORPUS:-$root/../shared/corpus}
if [ -d "$corpus/schemas" ]; then
	set --
	for d in "$corpus"/schemas/pagila "$corpus"/schemas/sakila "$corpus"/schemas/danbooru "$corpus"/schemas/lago \
		"$corpus"/schemas/adventureworks "$corpus"/migrations/*; do
		[ -d "$d" ] || continue
		n=$(basename "$d")
		$DDLINT model --no-config "$d" > "$n.json" 2>/dev/null
		for f in mermaid dbml dot; do
			$DDLINT erd --no-config --format $f --output "$n.$f" "$d" 2> "$n.$f.err"
		done
		set -- "$@" "dbml:$n.dbml:$n.json" "mermaid:$n.mermaid:$n.json"
		check "corpus $n: DOT" 0 "^clean$" -- sh -c "dot -Tsvg '$n.dot' -o '$n.svg' 2> '$n.dot.err' && [ ! -s '$n.dot.err' ] && echo clean || cat '$n.dot.err'"
	done
	# one node for all (Mermaid and jsdom load once): a line a file
	node "$consumers" each "$@" > each.out
	while read -r line; do
		check "corpus ${line%%:*}" 0 "^[^:]*: ok " -- echo "$line"
	done < each.out
	check "corpus: every DBML and Mermaid file was checked" 0 "^$#$" -- sh -c 'grep -c ": ok " each.out'
	if command -v plantuml >/dev/null 2>&1; then
		$DDLINT erd --no-config --format plantuml --output pagila.plantuml "$corpus/schemas/pagila"
		check "corpus pagila: PlantUML" 0 "^clean$" -- sh -c 'plantuml -tsvg -pipe < pagila.plantuml > pagila-p.svg 2> p.err && ! grep -qi "syntax error\|exception" pagila-p.svg p.err && echo clean || cat p.err'
	fi
else
	echo "cli-erd: $corpus not found; the corpus part is skipped"
fi

echo "cli-erd: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
