import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startTestLedger } from '../support/ledger-app';
import { ledgerCli } from '../support/ledger-cli';
import { SESSION_COOKIE, signInClient } from '../support/sign-in-client';

describe('ledger people invite (operator CLI): the first administrator', () => {
  jest.setTimeout(180_000);
  let dataDir: string;

  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-people-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('records the invitation on a fresh ledger and prints only the link, which lets the admin in', async () => {
    const invited = await ledgerCli(
      [
        'people',
        'invite',
        '--role',
        'admin',
        '--name',
        'Camille Martin',
        '--email',
        'camille@montclair.example',
        '--id',
        'camille',
      ],
      { LEDGER_DATA_DIR: dataDir, LEDGER_PUBLIC_ORIGIN: 'https://ledger.montclair.example' },
    );
    expect(invited).toMatchObject({ code: 0 });
    expect(invited.stdout).toMatch(
      /^https:\/\/ledger\.montclair\.example\/invitation#token=[\w-]{43}\n$/,
    );
    expect(invited.stderr).toMatch(/invited person camille/);

    const ledger = await startTestLedger({}, dataDir);
    try {
      const client = signInClient(ledger);
      const token = new URL(invited.stdout.trim()).hash.replace('#token=', '');
      const session = client.opened(await client.accept(token).expect(200));
      expect(session.personId).toBe('camille');
      // An administrator at once: the directory is hers to fill.
      const people = await request(ledger.app.getHttpServer() as App)
        .get('/people')
        .set('cookie', `${SESSION_COOKIE}=${session.cookie}`)
        .expect(200);
      expect(people.body).toMatchObject({
        items: [
          { personId: 'camille', roles: ['admin'], status: 'active', invitedBy: 'ledger-cli' },
        ],
      });
    } finally {
      await ledger.close();
    }
  });

  it('refuses an unknown role, on stderr with exit code 1, recording nothing', async () => {
    const refused = await ledgerCli(
      ['people', 'invite', '--role', 'janitor', '--name', 'X', '--email', 'x@example.org'],
      { LEDGER_DATA_DIR: dataDir },
    );
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/unknown role "janitor"/);
  });
});
