import { validateLedgerConfig } from './ledger-config';

describe('ledger configuration', () => {
  it('defaults to port 3000, ./data, SQLite and info logs', () => {
    expect(validateLedgerConfig({})).toMatchObject({
      PORT: 3000,
      LEDGER_DATA_DIR: './data',
      EVENTSTORE_CONNECTION_STRING: undefined,
      LOG_LEVEL: 'info',
      LEDGER_COMMANDS_AWAIT_READ_MODELS: true,
      LEDGER_READ_MODEL_WAIT_MS: 5000,
      LEDGER_DEV_PRINCIPAL_HEADERS: false,
      LEDGER_RATE_LIMIT_PER_MINUTE: 600,
      LEDGER_BODY_LIMIT_KB: 256,
    });
  });

  it('reads the values it is given', () => {
    const config = validateLedgerConfig({
      PORT: '8080',
      LEDGER_DATA_DIR: '/var/lib/ledger',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      LOG_LEVEL: 'debug',
      LEDGER_COMMANDS_AWAIT_READ_MODELS: 'false',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      LEDGER_DATA_DIR: '/var/lib/ledger',
      LOG_LEVEL: 'debug',
      LEDGER_COMMANDS_AWAIT_READ_MODELS: false,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number.*\(got "eighty"\)/],
    [{ PORT: '70000' }, /PORT must be between 1 and 65535 \(got "70000"\)/],
    [
      { EVENTSTORE_CONNECTION_STRING: 'http://x' },
      /EVENTSTORE_CONNECTION_STRING must look like esdb:\/\//,
    ],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of fatal, error/],
    [{ LEDGER_COMMANDS_AWAIT_READ_MODELS: 'yes' }, /must be true or false \(got "yes"\)/],
    [{ LEDGER_READ_MODEL_WAIT_MS: '-1' }, /LEDGER_READ_MODEL_WAIT_MS must be between 0 and 60000/],
    [{ LEDGER_DEV_PRINCIPAL_HEADERS: '1' }, /LEDGER_DEV_PRINCIPAL_HEADERS must be true or false/],
    [{ LEDGER_OIDC_JWKS_URL: 'idp.example/jwks' }, /LEDGER_OIDC_JWKS_URL must be an http\(s\) URL/],
    [{ LEDGER_RATE_LIMIT_PER_MINUTE: '0' }, /LEDGER_RATE_LIMIT_PER_MINUTE must be between/],
    [{ LEDGER_BODY_LIMIT_KB: 'big' }, /LEDGER_BODY_LIMIT_KB must be a whole number/],
    [{ LEDGER_CORS_ORIGINS: '*' }, /LEDGER_CORS_ORIGINS must be comma-separated/],
    [{ LEDGER_TRUST_PROXY: 'true' }, /LEDGER_TRUST_PROXY must be a number of hops/],
    [{ LEDGER_TRUST_PROXY: '0' }, /LEDGER_TRUST_PROXY must be a number of hops/],
    [{ LEDGER_TRUST_PROXY: 'nginx' }, /LEDGER_TRUST_PROXY must be a number of hops/],
  ])('refuses %j with a message naming the setting', (environment, message) => {
    expect(() => validateLedgerConfig(environment)).toThrow(message);
  });

  it.each(['1', 'loopback', '10.0.0.0/8, uniquelocal', '::1', 'fd00::/8,127.0.0.1'])(
    'takes trusted proxies %p',
    (LEDGER_TRUST_PROXY) => {
      expect(validateLedgerConfig({ LEDGER_TRUST_PROXY }).LEDGER_TRUST_PROXY).toBe(
        LEDGER_TRUST_PROXY,
      );
    },
  );

  it('never prints the value of a secret it refuses', () => {
    expect(() => validateLedgerConfig({ LEDGER_JWT_PRIVATE_KEY: 'hunter2-secret' })).toThrow(
      /PEM private key .* \(got a value that is not shown\)/,
    );
    expect(() => validateLedgerConfig({ LEDGER_JWT_PRIVATE_KEY: 'hunter2-secret' })).not.toThrow(
      /hunter2/,
    );
  });

  it('takes an optional tree-head signing key, and never prints a bad one', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----\n';
    expect(validateLedgerConfig({}).LEDGER_TREE_HEAD_PRIVATE_KEY).toBeUndefined();
    expect(validateLedgerConfig({ LEDGER_TREE_HEAD_PRIVATE_KEY: pem })).toMatchObject({
      LEDGER_TREE_HEAD_PRIVATE_KEY: pem,
    });
    const refuse = () => validateLedgerConfig({ LEDGER_TREE_HEAD_PRIVATE_KEY: 'tree-secret' });
    expect(refuse).toThrow(/LEDGER_TREE_HEAD_PRIVATE_KEY must be a PEM private key/);
    expect(refuse).toThrow(/\(got a value that is not shown\)/);
    expect(refuse).not.toThrow(/tree-secret/);
  });

  it('names every bad value at once', () => {
    expect(() => validateLedgerConfig({ PORT: '0', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*LOG_LEVEL/,
    );
  });
});
