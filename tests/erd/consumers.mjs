// The diagrams of `ddlint erd` read back by the programs that consume them, and compared with
// the schema model (`ddlint model`):
//   node consumers.mjs dbml FILE MODEL.json      @dbml/core's current parser (dbmlv2)
//   node consumers.mjs mermaid FILE MODEL.json   Mermaid's own erDiagram parser (under jsdom)
//   node consumers.mjs expect MODEL.json         what the diagram should hold: "tables refs enums"
// Prints "ok ..." and exits 0, or prints each difference and exits 1. The tools come from
// build/tools (scripts/install-deps.sh --test).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const tools = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/tools/node_modules');
const require = createRequire(path.join(tools, 'x.js'));

// What the erd module draws (src/erd/graph.c, README "Diagrams"): tables that are not
// temporary, not partitions, not in a system schema and not a migration tool's bookkeeping
// table (the list of src/model/keys.c, dd_is_tool_table); the foreign keys between them whose
// referenced columns are known; the enums their columns use.
const TOOL_TABLES = new Set(['schema_migrations', 'ar_internal_metadata', 'goose_db_version', 'flyway_schema_history',
	'__diesel_schema_migrations', '_prisma_migrations', '_sqlx_migrations', 'schema_version', 'knex_migrations',
	'knex_migrations_lock', 'gorp_migrations', 'dbmate_migrations', 'alembic_version', 'SequelizeMeta',
	'typeorm_metadata', '__drizzle_migrations', 'pgmigrations', 'atlas_schema_revisions', 'databasechangelog',
	'databasechangeloglock', 'schema_migration', 'seed_files']);
const SYSTEM = new Set(['pg_catalog', 'information_schema', 'pg_temp']);

function expected(model) {
	const key = (s, n) => JSON.stringify([s, n]);
	const tables = model.tables.filter(t => t.persistence !== 'temporary' && !t.partition_of && !SYSTEM.has(t.schema) &&
		!TOOL_TABLES.has(t.name));
	const byKey = new Map(tables.map(t => [key(t.schema, t.name), t]));
	const refs = [];
	for (const t of tables)
		for (const c of t.constraints || []) {
			if (c.kind !== 'foreign key') continue;
			const p = byKey.get(key(c.references.schema, c.references.table));
			if (!p) continue;
			let cols = c.references.columns;
			if (!cols.length) {
				const pk = (p.constraints || []).find(k => k.kind === 'primary key');
				cols = pk ? pk.columns : [];
			}
			if (cols.length !== c.columns.length) continue;
			refs.push({ child: t, parent: p, columns: c.columns, parentColumns: cols, name: c.name });
		}
	// enums: the model's enums whose name a column's type gives (quotes, array brackets and a
	// schema taken off: which schema an unqualified name resolves to is the search path's)
	const typeNames = new Set();
	for (const t of tables)
		for (const col of t.columns)
			if (!/\(/.test(col.type)) typeNames.add(col.type.replace(/\[\]$/g, '').replace(/^.*\./, '').replace(/^"(.*)"$/, '$1'));
	const enums = (model.types || []).filter(ty => ty.kind === 'enum' && typeNames.has(ty.name));
	const schemas = new Set(tables.map(t => t.schema));
	const label = (s, n) => schemas.size === 1 && schemas.has(s) ? n : `${s}.${n}`;
	return { tables, refs, enums, label };
}

const problems = [];
const expect = (what, got, want) => { if (got !== want) problems.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`); };

// DBML has no table without columns, nor two refs between the same columns (src/erd/dbml.c)
function dbmlExpected(exp) {
	const tables = exp.tables.filter(t => t.columns.length);
	const seen = new Set();
	const refs = exp.refs.filter(r => {
		const k = JSON.stringify([r.child.schema, r.child.name, r.columns, r.parent.schema, r.parent.name, r.parentColumns]);
		if (!r.child.columns.length || !r.parent.columns.length || seen.has(k)) return false;
		seen.add(k);
		return true;
	});
	return { ...exp, tables, refs };
}

async function checkDbml(text, exp) {
	exp = dbmlExpected(exp);
	const { Parser } = require('@dbml/core');
	let db;
	try {
		db = new Parser().parse(text, 'dbmlv2');
	} catch (e) {
		const diags = e.diags ? e.diags.map(d => `${d.location?.start?.line}:${d.location?.start?.column} ${d.message}`) : [String(e)];
		problems.push(`@dbml/core rejects the DBML: ${diags.slice(0, 5).join('; ')}`);
		return;
	}
	const tables = db.schemas.flatMap(s => s.tables.map(t => ({ s: s.name, t })));
	expect('tables', tables.length, exp.tables.length);
	const want = new Map(exp.tables.map(t => [`${t.schema}\u0000${t.name}`, t]));
	for (const { s, t } of tables) {
		const m = want.get(`${s}\u0000${t.name}`);
		if (!m) { problems.push(`table ${s}.${t.name} is not in the model`); continue; }
		expect(`${s}.${t.name} columns`, JSON.stringify(t.fields.map(f => [f.name, f.type.type_name])),
			JSON.stringify(m.columns.map(c => [c.name, c.type])));
		expect(`${s}.${t.name} note`, t.note ?? null, m.comment ?? null);
		for (const f of t.fields)
			expect(`${s}.${t.name}.${f.name} note`, f.note ?? null, m.columns.find(c => c.name === f.name)?.comment ?? null);
	}
	const refs = db.schemas.flatMap(s => s.refs);
	expect('refs', refs.length, exp.refs.length);
	const enums = db.schemas.flatMap(s => s.enums);
	if (enums.length > exp.enums.length || (exp.enums.length && !enums.length))
		problems.push(`enums: ${enums.length}, of ${exp.enums.length} the columns may use`);
	for (const e of enums) {
		const m = exp.enums.find(x => x.name === e.name && x.schema === e.schema.name);
		if (!m) problems.push(`enum ${e.name} is not in the model`);
		else expect(`enum ${e.name} labels`, JSON.stringify(e.values.map(v => v.name)), JSON.stringify(m.labels));
	}
	return `tables=${tables.length} refs=${refs.length} enums=${enums.length}`;
}

// Mermaid keeps entity codes (#quot;, #35;) as placeholders until it renders; undo them as its
// decodeEntities does, to compare the text with the model's.
function decode(s) {
	return s.replace(/ﬂ°°(\d+)¶ß/g, (_, n) => String.fromCharCode(Number(n)))
		.replace(/ﬂ°(\w+)¶ß/g, (_, n) => ({ quot: '"', lt: '<', gt: '>', amp: '&' }[n] ?? `&${n};`))
		.replace(/ﬂ°(\d+)¶ß/g, (_, n) => String.fromCharCode(Number(n)));
}

async function checkMermaid(text, exp) {
	const { JSDOM } = require('jsdom');
	const dom = new JSDOM('<!doctype html><html><body></body></html>');
	globalThis.window = dom.window;
	globalThis.document = dom.window.document;
	const { default: mermaid } = await import(pathToFileURL(path.join(tools, 'mermaid/dist/mermaid.core.mjs')).href);
	mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
	let db;
	try {
		await mermaid.parse(text);
		db = (await mermaid.mermaidAPI.getDiagramFromText(text)).db;
	} catch (e) {
		problems.push(`Mermaid rejects the diagram: ${String(e.message || e).split('\n').slice(0, 4).join(' | ')}`);
		return;
	}
	const entities = [...db.getEntities().values()];
	const tables = entities.filter(e => !decode(e.alias).endsWith(' (enum)'));
	expect('tables', tables.length, exp.tables.length);
	const enums = entities.length - tables.length;
	if (enums > exp.enums.length || (exp.enums.length && !enums))
		problems.push(`enums: ${enums}, of ${exp.enums.length} the columns may use`);
	for (const e of entities.filter(e => decode(e.alias).endsWith(' (enum)'))) {
		const name = decode(e.alias).slice(0, -7);
		const m = exp.enums.find(x => exp.label(x.schema, x.name) === name);
		if (!m) problems.push(`enum entity ${JSON.stringify(name)} is not an enum of the model`);
		else expect(`enum ${name} labels`, JSON.stringify(e.attributes.map(a => decode(a.name))), JSON.stringify(m.labels));
	}
	const want = new Map(exp.tables.map(t => [exp.label(t.schema, t.name), t]));
	for (const e of tables) {
		const alias = decode(e.alias);
		const m = want.get(alias);
		if (!m) { problems.push(`entity ${JSON.stringify(alias)} is not a table of the model`); continue; }
		expect(`${alias} attributes`, JSON.stringify(e.attributes.map(a => decode(a.name))),
			JSON.stringify(m.columns.map(c => c.name)));
		for (const a of e.attributes) {
			const c = m.columns.find(x => x.name === decode(a.name));
			if (c && c.comment)
				expect(`${alias}.${c.name} comment`, decode(a.comment).replace(/^not null: /, ''), c.comment.replace(/[\n\r\t]/g, ' '));
		}
	}
	const rels = db.getRelationships();
	expect('relationships', rels.length, exp.refs.length);
	return `entities=${entities.length} relationships=${rels.length}`;
}

// One check: the problems found, or the summary. A run may hold many (`each`): Mermaid and
// jsdom load once.
async function run(mode, file, modelFile) {
	problems.length = 0;
	const exp = expected(JSON.parse(readFileSync(modelFile, 'utf8')));
	const text = readFileSync(file, 'utf8');
	const summary = mode === 'dbml' ? await checkDbml(text, exp) : mode === 'mermaid' ? await checkMermaid(text, exp) : null;
	if (summary === null && !problems.length) problems.push(`unknown mode ${mode}`);
	return problems.length ? problems.slice(0, 20).join('\n') : `ok ${summary}`;
}

const args = process.argv.slice(2);
if (args[0] === 'expect') {
	const exp = expected(JSON.parse(readFileSync(args[1], 'utf8')));
	console.log(`${exp.tables.length} ${exp.refs.length} ${exp.enums.length}`);
	process.exit(0);
}
if (args[0] === 'each') {
	// node consumers.mjs each MODE:FILE:MODEL...: a line "FILE: ok ..." or "FILE: problem" each; exit 1 if any failed
	let failed = false;
	for (const a of args.slice(1)) {
		const [mode, file, modelFile] = a.split(':');
		const out = await run(mode, file, modelFile);
		failed = failed || !out.startsWith('ok ');
		console.log(out.split('\n').map(l => `${file}: ${l}`).join('\n'));
	}
	process.exit(failed ? 1 : 0);
}
const out = await run(args[0], args[1], args[2]);
console.log(out);
process.exit(out.startsWith('ok ') ? 0 : 1);
