import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import request from 'supertest';
import type { App } from 'supertest/types';
import { signingKeyPath } from '@cohesion/access-tokens';
import { startTestLedger } from '../support/ledger-app';
import { ledgerCli } from '../support/ledger-cli';
import { ledgerClient } from '../support/ledger-client';

describe('ledger token issue (operator CLI)', () => {
  jest.setTimeout(60_000);
  let dataDir: string;
  let environment: Record<string, string>;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
    environment = { LEDGER_DATA_DIR: dataDir };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints only a token, signed with a key it creates in the data directory, that the API accepts', async () => {
    const issued = await ledgerCli(
      [
        'token',
        'issue',
        '--role',
        'partner',
        '--partner',
        'acme',
        '--sub',
        'ana-acme',
        '--ttl',
        '2h',
      ],
      environment,
    );
    expect(issued).toMatchObject({ code: 0 });
    expect(issued.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(issued.stderr).toMatch(/generated a token-signing key/);
    const claims = decodeJwt(issued.stdout.trim());
    expect(claims).toMatchObject({ sub: 'ana-acme', roles: ['partner'], partner_id: 'acme' });
    expect(claims.exp! - claims.iat!).toBe(2 * 3600);
    if (process.platform !== 'win32') {
      expect(statSync(signingKeyPath(dataDir)).mode & 0o777).toBe(0o600);
    }

    // The API started on the same data directory finds the same key.
    const admin = await ledgerCli(
      ['token', 'issue', '--role', 'admin', '--sub', 'ops-city'],
      environment,
    );
    expect(admin).toMatchObject({ code: 0, stderr: '' });
    const api = await startTestLedger({ LEDGER_JWT_PRIVATE_KEY: '' }, dataDir);
    try {
      const server = api.app.getHttpServer() as App;
      await request(server)
        .post('/partnerships')
        .set('authorization', `Bearer ${admin.stdout.trim()}`)
        .send({
          partnershipId: 'from-cli',
          name: 'Issued from the CLI',
          purpose: 'Prove the token',
          territory: 'Northside',
          neighbourhoods: [],
        })
        .expect(201);
      const events = await ledgerClient(api)
        .get('/streams/partnership-from-cli/events')
        .expect(200);
      expect(events.body).toMatchObject({
        events: [{ metadata: { actor: { sub: 'ops-city', roles: ['admin'] } } }],
      });
      const partner = await request(server)
        .get('/partnerships')
        .set('authorization', `Bearer ${issued.stdout.trim()}`);
      expect(partner.status).not.toBe(401);
    } finally {
      await api.close();
    }
  });

  it('refuses bad input with a message on stderr, nothing on stdout and exit code 1', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--role', 'janitor', '--sub', 'x'],
        /unknown role "janitor": use partner, mediator, admin, auditor/,
      ],
      [['--role', 'partner', '--sub', 'x'], /--role partner needs --partner <id>/],
      [['--role', 'admin', '--sub', 'x', '--ttl', '3y'], /"3y" is not a lifetime/],
      [['--role', 'admin', '--sub', 'x', '--ttl', '90d'], /at most 30 days/],
      [['--role', 'admin'], /required option '--sub <user>' not specified/],
      [['--sub', 'x'], /give at least one --role/],
      [
        ['--role', 'partner', '--partner', 'not an id', '--sub', 'x'],
        /partner_id must be a ledger id/,
      ],
    ];
    const runs = await Promise.all(
      cases.map(([args]) => ledgerCli(['token', 'issue', ...args], environment)),
    );
    runs.forEach((run, index) => {
      expect({ args: cases[index][0], code: run.code, stdout: run.stdout }).toEqual({
        args: cases[index][0],
        code: 1,
        stdout: '',
      });
      expect(run.stderr).toMatch(cases[index][1]);
    });
  });

  it('explains itself with --help', async () => {
    const [root, issue] = await Promise.all([
      ledgerCli(['--help'], environment),
      ledgerCli(['token', 'issue', '--help'], environment),
    ]);
    expect(root).toMatchObject({ code: 0 });
    expect(root.stdout).toMatch(/Usage: ledger/);
    expect(root.stdout).toMatch(/token/);
    expect(issue).toMatchObject({ code: 0 });
    expect(issue.stdout).toMatch(
      /--role <role>[\s\S]*--partner <id>[\s\S]*--sub <user>[\s\S]*--ttl/,
    );
  });

  it("loads what signing a token needs, not the ledger's use cases, stores or read models", async () => {
    // A data directory of its own: the first test checks that the key is generated there.
    const ownDataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-modules-'));
    const loaded = join(ownDataDir, 'loaded-modules.txt');
    const issued = await ledgerCli(['token', 'issue', '--role', 'admin', '--sub', 'me-city'], {
      LEDGER_DATA_DIR: ownDataDir,
      NODE_OPTIONS: `--require ${join(__dirname, '..', 'support', 'record-loaded-modules.js')}`,
      LEDGER_TEST_LOADED_MODULES: loaded,
    });
    expect(issued).toMatchObject({ code: 0 });
    const files = readFileSync(loaded, 'utf8').split('\n');
    rmSync(ownDataDir, { recursive: true, force: true });
    expect(files.some((file) => file.includes('access-tokens'))).toBe(true);
    expect(
      files.filter((file) =>
        /libs\/(domain|projections|event-store)\/|application\/src\/index|@eventstore|@nestjs\/cqrs/.test(
          file,
        ),
      ),
    ).toEqual([]);
  });
});
