/** Another process holds the data directory (see lockDataDirectory). */
export class DataDirectoryInUseError extends Error {
  readonly reason: string;

  constructor(
    readonly dataDir: string,
    /** Undefined when the holder could not be named (it has not written its pid yet). */
    readonly holderPid: number | undefined,
  ) {
    const holder = holderPid === undefined ? 'another process' : `process ${holderPid}`;
    const reason = `it is in use by ${holder}`;
    super(
      `the data directory ${dataDir} is in use by ${holder}: stop that process first, or give ` +
        'this one another LEDGER_DATA_DIR',
    );
    this.name = 'DataDirectoryInUseError';
    this.reason = reason;
  }
}

/** The data directory cannot be created, opened or written. */
export class DataDirectoryUnusableError extends Error {
  readonly reason: string;

  constructor(
    readonly dataDir: string,
    cause: unknown,
  ) {
    const reason = reasonOf(cause);
    super(`the data directory ${dataDir} cannot be used: ${reason}`, { cause });
    this.name = 'DataDirectoryUnusableError';
    this.reason = reason;
  }
}

/** The system's words for the common cases, with its own message kept for the rest. */
function reasonOf(cause: unknown): string {
  const { code, message } = cause as { code?: unknown; message?: unknown };
  const detail = typeof message === 'string' ? message : String(cause);
  switch (code) {
    case 'EEXIST':
      return `it is a file, not a directory (${detail})`;
    case 'ENOTDIR':
      return `a part of its path is a file, not a directory (${detail})`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${detail})`;
    case 'EROFS':
    case 'SQLITE_READONLY':
      return `it is read-only (${detail})`;
    case 'SQLITE_CANTOPEN':
      return `no file can be created or opened in it (${detail})`;
    default:
      return detail;
  }
}
