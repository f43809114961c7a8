#!/usr/bin/env node
/**
 * The web app's initial JavaScript, gzipped: the scripts index.html loads (and their static
 * imports, which Vite lists as modulepreload links), not the chunks loaded later (charts).
 * Prints the figure; `--budget-kb N` makes it fail above N kB (the budget is 250 kB).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(/<script[^>]+src="\/app\/([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/app\/([^"]+\.js)"/g),
].map((match) => match[1]);
let total = 0;
for (const file of new Set(initial)) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`  ${file}: ${(size / 1024).toFixed(1)} kB gzipped`);
}
console.log(`web app initial JS: ${(total / 1024).toFixed(1)} kB gzipped (budget 250 kB)`);
const budget = process.argv.indexOf('--budget-kb');
if (budget > 0 && total / 1024 > Number(process.argv[budget + 1])) process.exit(1);
