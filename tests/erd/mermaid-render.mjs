// Render a Mermaid diagram with Mermaid itself (mermaid.min.js from build/tools) in Debian's
// Chromium (headless, puppeteer-core), as a page would: the drawing must succeed, no console
// error, and its text must be what was meant: the entity codes ddlint writes (#quot;, #lt;,
// #35; ...) shown as the characters, and no element made from them (no <b>, <img>, <script>).
//   node mermaid-render.mjs FILE.mmd [--text T]... [--shot PNG]
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const tools = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/tools/node_modules');
const require = createRequire(path.join(tools, 'x.js'));
const puppeteer = require('puppeteer-core');

const [file, ...rest] = process.argv.slice(2);
const texts = [];
let shot = null;
for (let i = 0; i < rest.length; i++) {
	if (rest[i] === '--text') texts.push(rest[++i]);
	else if (rest[i] === '--shot') shot = rest[++i];
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'ddlint-mermaid-'));
const html = path.join(dir, 'render.html');
writeFileSync(html, `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="${pathToFileURL(path.join(tools, 'mermaid/dist/mermaid.min.js')).href}"></script></head><body><div id="out"></div></body></html>`);
const problems = [];
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
try {
	const page = await browser.newPage();
	await page.setViewport({ width: 1400, height: 1000 });
	page.on('console', m => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
	page.on('pageerror', e => problems.push(`uncaught ${e.message}`));
	page.on('request', r => { if (!r.url().startsWith('file:')) problems.push(`request to ${r.url()}`); });
	await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
	const res = await page.evaluate(async src => {
		try {
			window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
			const { svg } = await window.mermaid.render('d', src);
			const out = document.getElementById('out');
			out.innerHTML = svg;
			const el = out.querySelector('svg');
			return { ok: true, text: el.textContent, bad: [...el.querySelectorAll('b, strong, em, del, s, a, img, script, iframe, i')].map(e => e.tagName),
				handlers: [...el.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).length,
				entities: el.querySelectorAll('g.entityLabel, .label, text').length };
		} catch (e) {
			return { ok: false, error: String(e && e.message || e) };
		}
	}, readFileSync(file, 'utf8'));
	if (!res.ok) problems.push(`Mermaid cannot draw it: ${res.error}`);
	else {
		if (res.bad.length) problems.push(`elements made from the text: ${res.bad.join(' ')}`);
		if (res.handlers) problems.push(`${res.handlers} elements with an on* attribute`);
		const shown = res.text.replace(/\s+/g, ' ');
		for (const t of texts) if (!shown.includes(t)) problems.push(`does not show ${JSON.stringify(t)}`);
		if (shot) await page.screenshot({ path: shot });
	}
} finally {
	await browser.close();
}
if (problems.length) {
	for (const p of problems) console.log(p);
	process.exit(1);
}
console.log('ok drawn');
