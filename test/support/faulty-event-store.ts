/**
 * TEST FIXTURE: storage faults. A wrapper of the EventStore port that fails the calls it is told
 * to, a SQLite store whose disk can be filled for real, and a test ledger that runs on them.
 */
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogLevel } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import type { Observable } from 'rxjs';
import {
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  SqliteEventStore,
  StoreUnavailableError,
  type StructureCheck,
  type SubscribeToAllOptions,
} from '@cohesion/event-store';
import { AppModule } from '../../apps/ledger-api/src/app.module';
import { configureApp } from '../../apps/ledger-api/src/configure-app';
import { CONFIGURED_EVENT_STORE, type LedgerConfig } from '@cohesion/application';
import { signToken, TEST_SIGNING_KEY_PEM, type TestLedger } from './ledger-app';

/** The port's calls that serve requests; the projection runner's subscription is never faulted. */
export type StoreCall = 'append' | 'readStream' | 'readAll' | 'readAt' | 'headPosition' | 'ping';

/**
 * When an append fails: `before` it writes (nothing is stored), or `after` it committed (the
 * events are stored but the answer is lost, as when a connection drops during the reply).
 */
export type FaultMoment = 'before' | 'after';

type Plan =
  | { readonly kind: 'none' }
  | { readonly kind: 'forever' }
  | { readonly kind: 'nth'; readonly n: number; readonly moment: FaultMoment };

/** What the adapters raise for an I/O failure: the product's own error, as a real fault gives. */
const injectedFault = () =>
  new StoreUnavailableError('SQLite: disk I/O error', 'SQLITE_IOERR_WRITE');

/**
 * Delegates to a real store, and fails calls as planned: the Nth call from now once, or every
 * call until cleared. It counts the calls it sees, so a test can learn a command's sequence of
 * calls and then sweep a fault over each of them.
 */
export class FaultyEventStore implements EventStore {
  private plan: Plan = { kind: 'none' };
  /** The calls since the last `recordCalls()`/`fail…()`, in order. */
  calls: StoreCall[] = [];
  /** The streams read since the last `recordCalls()`, in order (a stream read twice is here twice). */
  streamsRead: string[] = [];
  faultsInjected = 0;
  /** The results of appends that committed but whose answer a fault swallowed. */
  readonly lostAnswers: AppendResult[] = [];

  constructor(readonly inner: EventStore) {}

  /** Starts counting calls afresh, without any fault. */
  recordCalls(): void {
    this.plan = { kind: 'none' };
    this.calls = [];
    this.streamsRead = [];
  }

  /** The `n`th call from now (1-based) fails, once. */
  failCall(n: number, moment: FaultMoment = 'before'): void {
    this.calls = [];
    this.plan = { kind: 'nth', n, moment };
  }

  /** Every call fails until `clear()`. */
  failForever(): void {
    this.calls = [];
    this.plan = { kind: 'forever' };
  }

  clear(): void {
    this.plan = { kind: 'none' };
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const moment = this.enter('append');
    if (moment === 'before') throw injectedFault();
    const result = await this.inner.append(stream, events, options);
    if (moment === 'after') {
      this.lostAnswers.push(result);
      throw injectedFault();
    }
    return result;
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    this.streamsRead.push(stream);
    return this.faulting(this.enter('readStream'), () => this.inner.readStream(stream, options));
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.faulting(this.enter('readAll'), () => this.inner.readAll(options));
  }

  async readAt(positions: readonly bigint[]): Promise<RecordedEvent[]> {
    if (this.enter('readAt')) throw injectedFault();
    return this.inner.readAt(positions);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Observable<RecordedEvent> {
    return this.inner.subscribeToAll(options);
  }

  async headPosition(): Promise<bigint> {
    if (this.enter('headPosition')) throw injectedFault();
    return this.inner.headPosition();
  }

  async ping(): Promise<void> {
    if (this.enter('ping')) throw injectedFault();
    return this.inner.ping();
  }

  structureCheck(): StructureCheck {
    return this.inner.structureCheck();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** Counts the call; says whether (and when) it fails. A read has no `after`: it just fails. */
  private enter(call: StoreCall): FaultMoment | undefined {
    this.calls.push(call);
    const plan = this.plan;
    let moment: FaultMoment | undefined;
    if (plan.kind === 'forever') moment = 'before';
    if (plan.kind === 'nth' && this.calls.length === plan.n) {
      this.plan = { kind: 'none' };
      moment = call === 'append' ? plan.moment : 'before';
    }
    if (moment) this.faultsInjected += 1;
    return moment;
  }

  private async *faulting(
    moment: FaultMoment | undefined,
    read: () => AsyncIterable<RecordedEvent>,
  ): AsyncIterable<RecordedEvent> {
    if (moment) throw injectedFault();
    yield* read();
  }
}

/**
 * The real SQLite store, whose disk can be made full: `max_page_count` at the file's current size
 * makes SQLite itself fail any write that needs a new page with SQLITE_FULL ("database or disk is
 * full"), exactly as a full disk does, while reads go on.
 */
export class FillableSqliteEventStore extends SqliteEventStore {
  fillDisk(): void {
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    this.db.pragma(`max_page_count = ${pages}`);
  }

  freeDisk(): void {
    this.db.pragma('max_page_count = 4294967294');
  }
}

export interface FaultyLedger extends TestLedger {
  /** The store the ledger runs on: it injects the faults. */
  readonly faulty: FaultyEventStore;
  /** The real store underneath, to inspect the log whatever the faults. */
  readonly store: FillableSqliteEventStore;
}

/**
 * The real API module (as `startTestLedger` builds it) on a fresh temp data directory, with its
 * EVENT_STORE replaced by a FaultyEventStore over a FillableSqliteEventStore on that directory.
 */
export async function startFaultyLedger(
  environment: Record<string, string> = {},
): Promise<FaultyLedger> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-faults-'));
  const store = new FillableSqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  const faulty = new FaultyEventStore(store);
  const settings = {
    LEDGER_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LEDGER_JWT_PRIVATE_KEY: TEST_SIGNING_KEY_PEM,
    ...environment,
  };
  const previous = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  // The configuration is read while the module compiles; the process's own settings come back after.
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot()] })
    .overrideProvider(CONFIGURED_EVENT_STORE)
    .useValue(faulty)
    .compile()
    .finally(() => restore(previous));
  // FAULTS_DEBUG=1 shows what the problem filter logs, e.g. the cause of an unexpected 500.
  const logger: LogLevel[] | false = process.env.FAULTS_DEBUG ? ['error'] : false;
  const app = configureApp(moduleRef.createNestApplication({ logger }));
  await app.init();
  const config = app.get(ConfigService<LedgerConfig, true>);
  const key = createPrivateKey(TEST_SIGNING_KEY_PEM);
  return {
    app,
    dataDir,
    faulty,
    store,
    token: (subject, claims = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return signToken(key, {
        iss: config.get('LEDGER_JWT_ISSUER', { infer: true }),
        aud: config.get('LEDGER_JWT_AUDIENCE', { infer: true }),
        sub: subject.sub,
        roles: subject.roles ?? [],
        ...(subject.partnerId !== undefined ? { partner_id: subject.partnerId } : {}),
        iat: now,
        exp: now + 3600,
        ...claims,
      });
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function restore(previous: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
