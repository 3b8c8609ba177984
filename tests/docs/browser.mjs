// Open pages of a ddlint docs site in Debian's Chromium (headless, through puppeteer-core, which
// downloads no browser): each page must load with no console message of level error or warning,
// no uncaught exception, no request that leaves the file system, and no <script> element; a
// screenshot of each is written. With --text T, the page must show T as text.
//   node browser.mjs SHOT_DIR PAGE.html [--text T] ...
// Prints "ok N pages" or the problems (exit 1).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const tools = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/tools/node_modules');
const require = createRequire(path.join(tools, 'x.js'));
const puppeteer = require('puppeteer-core');

const [shots, ...rest] = process.argv.slice(2);
const pages = [];
for (let i = 0; i < rest.length; i++) {
	if (rest[i] === '--text') pages[pages.length - 1].texts.push(rest[++i]);
	else pages.push({ file: rest[i], texts: [] });
}
const problems = [];
const browser = await puppeteer.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
	for (const [i, p] of pages.entries()) {
		const page = await browser.newPage();
		await page.setViewport({ width: 1200, height: 900 });
		const where = path.basename(p.file);
		page.on('console', m => { if (['error', 'warn', 'warning', 'assert'].includes(m.type())) problems.push(`${where}: console ${m.type()}: ${m.text()}`); });
		page.on('pageerror', e => problems.push(`${where}: uncaught ${e.message}`));
		page.on('request', r => { if (!r.url().startsWith('file:')) problems.push(`${where}: request to ${r.url()}`); });
		page.on('requestfailed', r => problems.push(`${where}: failed request ${r.url()}`));
		const res = await page.goto(pathToFileURL(path.resolve(p.file)).href, { waitUntil: 'load' });
		if (!res) problems.push(`${where}: no response`);
		const info = await page.evaluate(() => ({ scripts: document.querySelectorAll('script').length, text: document.body.innerText,
			handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).length }));
		if (info.scripts) problems.push(`${where}: ${info.scripts} script element(s)`);
		if (info.handlers) problems.push(`${where}: ${info.handlers} element(s) with an on* attribute`);
		for (const t of p.texts)
			if (!info.text.includes(t)) problems.push(`${where}: does not show ${JSON.stringify(t)}`);
		await page.screenshot({ path: path.join(shots, `page-${i + 1}.png`), fullPage: false });
		await page.close();
	}
} finally {
	await browser.close();
}
if (problems.length) {
	for (const p of problems) console.log(p);
	process.exit(1);
}
console.log(`ok ${pages.length} pages`);
