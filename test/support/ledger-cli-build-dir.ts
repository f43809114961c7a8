/** The setting that names the directory a Jest run compiles the CLI into (see ledger-cli.ts). */
export const CLI_BUILD_DIR_SETTING = 'LEDGER_TEST_CLI_BUILD_DIR';
