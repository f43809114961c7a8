#!/usr/bin/env node
/**
 * `npm start` builds the web app only when its build is missing or older than a source file, so a
 * restart costs nothing when the app did not change.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const repository = join(app, '..', '..');
const built = join(app, 'dist', 'index.html');
const sources = [
  join(app, 'src'),
  join(app, 'public'),
  join(app, 'index.html'),
  join(app, 'vite.config.mts'),
  join(repository, 'libs', 'merkle', 'src', 'verifier'),
  join(repository, 'package-lock.json'),
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) {
  console.log('web app: build is up to date');
} else {
  console.log('web app: building (apps/ledger-web)…');
  execFileSync('npm', ['run', '-s', 'build:web'], { cwd: repository, stdio: 'inherit' });
}
