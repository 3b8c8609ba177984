// Check the links of a ddlint docs site: every href, src and xlink:href of the HTML pages (and
// every ](link) of the Markdown ones) is relative and names a file of the site; none leaves it
// (no scheme: no http, no javascript:). Prints "ok N links in M pages" or the problems (exit 1).
//   node links.mjs DIR
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const files = [];
(function walk(d) {
	for (const e of readdirSync(d)) {
		const p = path.join(d, e);
		if (statSync(p).isDirectory()) walk(p);
		else if (/\.(html|md)$/.test(e)) files.push(p);
	}
})(dir);
const problems = [];
let links = 0;
const decode = s => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
for (const f of files) {
	// Markdown: not in fenced code (```...```), which is text, not links
	const text = f.endsWith('.md') ? readFileSync(f, 'utf8').replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '') : readFileSync(f, 'utf8');
	const targets = f.endsWith('.html')
		? [...text.matchAll(/\s(?:href|src|xlink:href)\s*=\s*"([^"]*)"/g)].map(m => decode(m[1]))
		: [...text.matchAll(/\]\(([^)\s]*)\)/g)].map(m => m[1]);
	for (const t of targets) {
		links++;
		if (/^[a-z][a-z0-9+.-]*:/i.test(t) || t.startsWith('//')) { problems.push(`${f}: link leaves the site: ${t}`); continue; }
		const target = t.split('#')[0];
		if (!target) continue;
		const resolved = path.resolve(path.dirname(f), decodeURI(target));
		if (!resolved.startsWith(path.resolve(dir) + path.sep) || !existsSync(resolved))
			problems.push(`${f}: broken link ${t}`);
	}
}
if (problems.length) {
	for (const p of problems.slice(0, 30)) console.log(p);
	process.exit(1);
}
console.log(`ok ${links} links in ${files.length} pages`);
