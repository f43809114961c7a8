import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch, cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Where a run happened and with what, written next to its figures. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly ramGiB: number;
  readonly os: string;
  readonly node: string;
  /** Package versions; `"not installed"` when a bench peer is missing. */
  readonly versions: Readonly<Record<string, string>>;
  readonly gitCommit: string;
  /** True when the working tree had uncommitted changes. */
  readonly gitDirty: boolean;
  readonly date: string;
}

const ROOT = join(__dirname, '..', '..');
const BENCH_MODULES = join(ROOT, 'bench', 'node_modules');

export async function machineInfo(): Promise<MachineInfo> {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${osName()} (${type()} ${release()}, ${arch()})`,
    node: process.version,
    versions: {
      'better-sqlite3': versionOf(join(ROOT, 'node_modules'), 'better-sqlite3'),
      'better-sqlite3 SQLite': betterSqliteSqliteVersion(),
      sqlite3: versionOf(BENCH_MODULES, 'sqlite3'),
      'sqlite3 SQLite': await sqlite3SqliteVersion(),
      '@event-driven-io/emmett-sqlite': versionOf(BENCH_MODULES, '@event-driven-io/emmett-sqlite'),
      '@event-driven-io/emmett': versionOf(BENCH_MODULES, '@event-driven-io/emmett'),
      autocannon: versionOf(BENCH_MODULES, 'autocannon'),
      fastify: versionOf(BENCH_MODULES, 'fastify'),
      express: versionOf(BENCH_MODULES, 'express'),
    },
    gitCommit: git('rev-parse', 'HEAD'),
    gitDirty: git('status', '--porcelain') !== '',
    date: new Date().toISOString(),
  };
}

function versionOf(modules: string, name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return manifest.version ?? 'unknown';
  } catch {
    return 'not installed';
  }
}

function betterSqliteSqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return db.prepare('SELECT sqlite_version()').pluck().get() as string;
  } finally {
    db.close();
  }
}

/** The SQLite compiled into the node sqlite3 driver (emmett's), loaded from bench/node_modules. */
async function sqlite3SqliteVersion(): Promise<string> {
  const driver = join(BENCH_MODULES, 'sqlite3');
  try {
    return ((await import(driver)) as { VERSION: string }).VERSION;
  } catch {
    return 'not installed';
  }
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    return pretty?.[1] ?? type();
  } catch {
    return type();
  }
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
