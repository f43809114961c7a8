/** The data directory, taken by one process at a time: the API, and the CLI's commands that write. */
export * from './data-directory-errors';
export * from './data-directory-lock';
