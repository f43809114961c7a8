import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { admin, ledgerClient } from '../support/ledger-client';
import { signInClient } from '../support/sign-in-client';

jest.setTimeout(180_000);

interface ReceivedMail {
  readonly to: string[];
  readonly text: string;
}

/** An SMTP server in this process that keeps what it receives (no TLS, any login). */
async function mailbox(): Promise<{ url: string; received: ReceivedMail[]; close(): void }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((to) => to.address), text });
        done();
      });
    },
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => server.close() };
}

/** The link in an e-mail's text (quoted-printable soft breaks undone). */
const linkIn = (text: string) =>
  /https?:\/\/\S+#token=[\w-]{43}/.exec(text.replace(/=\r?\n/g, '').replace(/=3D/g, '='))?.[0];

describe('links by e-mail, when an SMTP server is set', () => {
  let smtp: Awaited<ReturnType<typeof mailbox>>;
  let ledger: TestLedger;

  beforeAll(async () => {
    smtp = await mailbox();
    ledger = await startTestLedger({
      LEDGER_SMTP_URL: smtp.url,
      LEDGER_MAIL_FROM: 'Registre <registre@ville.example>',
    });
  });
  afterAll(async () => {
    await ledger.close();
    smtp.close();
  });

  it('e-mails the invitation link to the person, and still answers it to the administrator', async () => {
    const invited = await ledgerClient(ledger)
      .post(
        '/people',
        { displayName: 'Léa Martin', email: 'lea@asso.example', roles: ['mediator'] },
        admin,
      )
      .expect(201);
    const { invitation } = invited.body as { invitation: { url: string; emailedTo: string } };
    expect(invitation.emailedTo).toBe('lea@asso.example');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(['lea@asso.example']);
    expect(smtp.received[0].text).toMatch(/^From: Registre <registre@ville\.example>/m);
    expect(linkIn(smtp.received[0].text)).toBe(invitation.url);
    // The e-mailed link works as the answered one does.
    const token = new URL(invitation.url).hash.replace('#token=', '');
    await signInClient(ledger).accept(token).expect(200);
  });

  it('e-mails a password-reset link to an active person', async () => {
    const person = (await ledgerClient(ledger).get('/people?limit=50', admin).expect(200)).body as {
      items: { personId: string; email: string }[];
    };
    const lea = person.items.find(({ email }) => email === 'lea@asso.example');
    const reset = await ledgerClient(ledger)
      .post(`/people/${lea?.personId}/password-reset`, {}, admin)
      .expect(200);
    expect(reset.body).toMatchObject({ emailedTo: 'lea@asso.example' });
    expect(linkIn(smtp.received[1].text)).toBe((reset.body as { url: string }).url);
  });
});

describe('links by e-mail, when the SMTP server fails', () => {
  let ledger: TestLedger;

  beforeAll(async () => {
    const smtp = await mailbox();
    smtp.close();
    // Nothing listens there any more: the sending fails.
    ledger = await startTestLedger({ LEDGER_SMTP_URL: smtp.url });
  });
  afterAll(() => ledger.close());

  it('records the invitation and answers the link, saying why the e-mail was not sent', async () => {
    const invited = await ledgerClient(ledger)
      .post(
        '/people',
        { displayName: 'Sam', email: 'sam@asso.example', roles: ['mediator'] },
        admin,
      )
      .expect(201);
    expect(invited.body).toMatchObject({
      invitation: {
        url: expect.stringMatching(/#token=/) as string,
        emailError: expect.stringMatching(
          /^the e-mail was not sent \(.+\): pass the link on yourself$/,
        ) as string,
      },
    });
    expect(JSON.stringify(invited.body)).not.toMatch(/emailedTo/);
  });
});

describe('links without an SMTP server', () => {
  let ledger: TestLedger;

  beforeAll(async () => {
    ledger = await startTestLedger();
  });
  afterAll(() => ledger.close());

  it('answers the link only', async () => {
    const invited = await ledgerClient(ledger)
      .post('/people', { displayName: 'Noa', email: 'noa@asso.example', roles: ['auditor'] }, admin)
      .expect(201);
    expect(Object.keys((invited.body as { invitation: object }).invitation).sort()).toEqual([
      'expiresAt',
      'url',
    ]);
  });
});
