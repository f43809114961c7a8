#!/usr/bin/env node
'use strict';
/**
 * The API, `npm start`: the compiled API in dist/ (as `npm run start:prod` and the image run it),
 * compiled first when missing or older than its sources (see compiled.js), and the web app it
 * serves, built first when missing or older than its sources. The API runs in this very process,
 * so stopping this process stops the API.
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const web = spawnSync(
  process.execPath,
  [join(__dirname, '..', 'apps', 'ledger-web', 'scripts', 'build-if-stale.mjs')],
  { stdio: ['ignore', 2, 2] },
);
if (web.status !== 0) {
  process.stderr.write('ledger-web: the web app did not build (see above)\n');
  process.exit(web.status ?? 1);
}
require(require('./compiled').compiledMain('ledger-api'));
