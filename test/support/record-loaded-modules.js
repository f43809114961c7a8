'use strict';
/**
 * Preloaded with `node --require` (NODE_OPTIONS) by a test: at exit, writes the files the process
 * loaded, one a line, to the file LEDGER_TEST_LOADED_MODULES names.
 */
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.LEDGER_TEST_LOADED_MODULES, Object.keys(require.cache).join('\n'));
});
