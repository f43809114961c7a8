#!/usr/bin/env node
'use strict';
/**
 * The API, `npm start`: the compiled API in dist/ (as `npm run start:prod` and the image run it),
 * compiled first when missing or older than its sources (see compiled.js). It runs in this very
 * process, so stopping this process stops the API.
 */
require(require('./compiled').compiledMain('ledger-api'));
