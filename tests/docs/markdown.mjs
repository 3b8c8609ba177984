// Render the Markdown pages of a ddlint docs site with marked (a CommonMark and GitHub-flavoured
// Markdown renderer, which passes raw HTML through, as GitHub's does before its sanitizer) and
// check the result in a DOM (jsdom): no element from SQL text (script, img, iframe, any on*
// attribute), every table row with the columns of its header, and the given texts shown as text.
//   node markdown.mjs DIR [--text T]...
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const tools = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/tools/node_modules');
const require = createRequire(path.join(tools, 'x.js'));
const { marked } = require('marked');
const { JSDOM } = require('jsdom');

const [dir, ...rest] = process.argv.slice(2);
const texts = [];
for (let i = 0; i < rest.length; i++) if (rest[i] === '--text') texts.push(rest[++i]);
const files = [];
(function walk(d) {
	for (const e of readdirSync(d)) {
		const p = path.join(d, e);
		if (statSync(p).isDirectory()) walk(p);
		else if (e.endsWith('.md')) files.push(p);
	}
})(dir);
const problems = [];
let all = '';
for (const f of files) {
	const html = marked.parse(readFileSync(f, 'utf8'), { gfm: true });
	const doc = new JSDOM(html).window.document;
	for (const sel of ['script', 'img', 'iframe', 'object', 'style', 'svg'])
		if (doc.querySelector(sel)) problems.push(`${f}: a <${sel}> element`);
	if ([...doc.querySelectorAll('*')].some(e => [...e.attributes].some(a => /^on/i.test(a.name))))
		problems.push(`${f}: an on* attribute`);
	for (const t of doc.querySelectorAll('table')) {
		const n = t.querySelectorAll('thead th').length;
		for (const r of t.querySelectorAll('tbody tr'))
			if (r.querySelectorAll('td').length !== n) problems.push(`${f}: a row of ${r.querySelectorAll('td').length} cells under ${n} columns`);
	}
	all += doc.body.textContent + '\n';
}
for (const t of texts)
	if (!all.includes(t)) problems.push(`no page shows ${JSON.stringify(t)}`);
if (problems.length) {
	for (const p of problems.slice(0, 30)) console.log(p);
	process.exit(1);
}
console.log(`ok ${files.length} pages`);
