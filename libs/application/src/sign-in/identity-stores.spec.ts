import { openIdentityDatabase } from './identity-database';
import { OneTimeLinks } from './one-time-links';
import { passwordProblem } from './password-policy';
import { Sessions } from './sessions';
import { SignInThrottle } from './sign-in-throttle';

const MINUTE = 60_000;

describe('sessions', () => {
  let now = Date.parse('2026-03-02T09:00:00Z');
  const clock = () => now;
  const sessions = new Sessions(
    openIdentityDatabase(':memory:'),
    { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE },
    clock,
  );

  it('keeps only the hash of the id, and finds the session by the id', () => {
    const started = sessions.start('ana', 'password');
    expect(started.id).toMatch(/^[\w-]{43}$/);
    expect(sessions.find(started.id)).toMatchObject({ personId: 'ana', method: 'password' });
    expect(sessions.find(`${started.id.slice(0, -1)}x`)).toBeUndefined();
  });

  it('ends after 30 minutes unused, and stays alive while used', () => {
    const started = sessions.start('ana', 'password');
    for (let step = 0; step < 10; step++) {
      now += 20 * MINUTE;
      expect(sessions.find(started.id)).toBeDefined();
    }
    now += 31 * MINUTE;
    expect(sessions.find(started.id)).toBeUndefined();
  });

  it('ends 12 hours after sign-in however much it is used', () => {
    const started = sessions.start('ana', 'password');
    for (let step = 0; step < 37; step++) {
      now += 20 * MINUTE;
      sessions.find(started.id);
    }
    expect(sessions.find(started.id)).toBeUndefined();
  });

  it('ends the session a sign-in replaces, and every session of a person at once', () => {
    const first = sessions.start('sam', 'password');
    const second = sessions.start('sam', 'passkey', first.id);
    expect(sessions.find(first.id)).toBeUndefined();
    sessions.start('sam', 'oidc');
    expect(sessions.endAllOf('sam')).toBe(2);
    expect(sessions.find(second.id)).toBeUndefined();
  });
});

describe('one-time links', () => {
  let now = new Date('2026-03-02T09:00:00Z');
  const links = new OneTimeLinks(openIdentityDatabase(':memory:'), () => now);

  it('work once, for their purpose only', () => {
    const { token } = links.issue('invitation', 'ana', 72);
    expect(links.peek('password-reset', token)).toBeUndefined();
    expect(links.peek('invitation', token)).toMatchObject({ personId: 'ana' });
    expect(links.consume('invitation', token)).toBe('ana');
    expect(links.consume('invitation', token)).toBeUndefined();
  });

  it('expire, and only the latest link of a person works', () => {
    const first = links.issue('invitation', 'sam', 72);
    const second = links.issue('invitation', 'sam', 72);
    expect(links.peek('invitation', first.token)).toBeUndefined();
    now = new Date(now.getTime() + 73 * 60 * MINUTE);
    expect(links.consume('invitation', second.token)).toBeUndefined();
  });
});

describe('sign-in throttle', () => {
  let now = 0;
  const throttle = new SignInThrottle(openIdentityDatabase(':memory:'), 5, () => now);

  it('lets 5 failures go, then makes each attempt wait a doubling delay', () => {
    for (let failure = 0; failure < 5; failure++) {
      expect(throttle.waitBefore('ana@acme.example', '10.0.0.1')).toBe(0);
      throttle.failed('ana@acme.example', '10.0.0.1');
    }
    const waits = [];
    for (let failure = 0; failure < 4; failure++) {
      const wait = throttle.waitBefore('ana@acme.example', '10.0.0.2');
      waits.push(wait);
      now += wait;
      throttle.failed('ana@acme.example', '10.0.0.2');
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    throttle.succeeded('ana@acme.example');
    expect(throttle.waitBefore('ana@acme.example', '10.0.0.3')).toBe(0);
  });

  it('slows an address that fails across many accounts', () => {
    for (let failure = 0; failure < 50; failure++)
      throttle.failed(`user${failure}@x.example`, '10.9.9.9');
    expect(throttle.waitBefore('someone-new@x.example', '10.9.9.9')).toBeGreaterThan(0);
    expect(throttle.waitBefore('someone-new@x.example', '10.9.9.10')).toBe(0);
  });
});

describe('password policy', () => {
  it('asks for 12 characters and refuses common passwords, without composition rules', () => {
    expect(passwordProblem('short one')).toMatch(/at least 12/);
    for (const common of [
      'password1234',
      'Password2024!',
      'qwertyuiop1234',
      'abcabcabcabc',
      'iloveyouiloveyou',
    ]) {
      expect({ common, problem: passwordProblem(common) }).toEqual({
        common,
        problem: expect.stringMatching(/most common/) as string,
      });
    }
    expect(passwordProblem('violet lanterns drift over the canal')).toBeUndefined();
    expect(passwordProblem('alllowercaseletters')).toBeUndefined();
  });

  it("refuses a password holding the person's name or e-mail", () => {
    expect(passwordProblem('camille martin 1984', ['Camille Martin', 'cm@x.example'])).toMatch(
      /name/,
    );
  });
});
