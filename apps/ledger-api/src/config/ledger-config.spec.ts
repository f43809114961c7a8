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
  ])('refuses %j with a message naming the setting', (environment, message) => {
    expect(() => validateLedgerConfig(environment)).toThrow(message);
  });

  it('names every bad value at once', () => {
    expect(() => validateLedgerConfig({ PORT: '0', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*LOG_LEVEL/,
    );
  });
});
