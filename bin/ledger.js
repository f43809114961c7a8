#!/usr/bin/env node
'use strict';
/**
 * The operator CLI, `npx ledger <command>` (also `npm run -s ledger -- <command>`): the compiled
 * CLI in dist-cli/, compiled first when missing or older than its sources (see compiled.js).
 */
require(require('./compiled').compiledMain('ledger-cli'));
