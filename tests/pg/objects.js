// "rule object" lines from ddlint's JSON report on stdin, for the rules named in argv.
const d = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const rules = new Set(process.argv.slice(2));
const out = new Set();
for (const g of d.diagnostics)
  if ((rules.size === 0 || rules.has(g.rule)) && !g.suppressed && g.object) out.add(`${g.rule} ${g.object}`);
process.stdout.write([...out].sort().map(l => l + '\n').join(''));
