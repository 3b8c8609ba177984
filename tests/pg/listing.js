// ddlint's model (`ddlint dump` JSON on stdin) in the form tests/pg/catalog.sql lists PostgreSQL's catalog.
const d = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = [];
const kinds = { 'primary key': 'p', 'unique': 'u', 'check': 'c', 'foreign key': 'f', 'exclude': 'x' };
const tables = new Map();
for (const t of d.tables) {
  if (t.persistence === 'temporary') continue;
  const q = `${t.schema}.${t.name}`;
  tables.set(q, t);
  out.push(`table ${q}`);
  for (const c of t.columns)
    out.push(`column ${q}.${c.name} type=${c.type} notnull=${c.not_null} default=${c.default !== null || c.identity !== null}`);
  for (const c of t.constraints) {
    let line = `constraint ${q}.${c.name} kind=${kinds[c.kind]}`;
    if (c.kind !== 'check') line += ` cols=(${c.columns.join(',')})`;
    if (c.kind === 'foreign key') {
      const r = c.references;
      let cols = r.columns;
      if (!cols.length) {   // the referenced primary key
        const rt = tables.get(`${r.schema}.${r.table}`) || d.tables.find(x => x.schema === r.schema && x.name === r.table);
        const pk = rt && rt.constraints.find(x => x.kind === 'primary key');
        cols = pk ? pk.columns : [];
      }
      line += ` ref=${r.schema}.${r.table}(${cols.join(',')})`;
    }
    out.push(line);
  }
}
for (const i of d.indexes) {
  if (!tables.has(`${i.schema}.${i.table}`)) continue;
  const keys = i.keys.map(k => k.column !== undefined ? k.column : 'expr');
  out.push(`index ${i.schema}.${i.name} on=${i.schema}.${i.table} unique=${i.unique} method=${i.method} predicate=${i.predicate !== null} keys=(${keys.join(',')})`);
}
for (const t of d.types)
  if (t.kind === 'enum') out.push(`enum ${t.schema}.${t.name} labels=(${t.labels.join(',')})`);
const views = new Set();
for (const v of d.views) {
  views.add(`${v.schema}.${v.name}`);
  out.push(`${v.materialized ? 'materialized view' : 'view'} ${v.schema}.${v.name}`);
}
for (const t of d.triggers)
  if (tables.has(`${t.schema}.${t.table}`) || views.has(`${t.schema}.${t.table}`))
    out.push(`trigger ${t.schema}.${t.table}.${t.name}`);
out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
process.stdout.write(out.map(l => l + '\n').join(''));
