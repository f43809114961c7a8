/** One Jest run covers the libs, the apps and the suites under test/. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^@cohesion/event-store(|/.*)$': '<rootDir>/libs/event-store/src$1',
    '^@cohesion/domain(|/.*)$': '<rootDir>/libs/domain/src$1',
    '^@cohesion/projections(|/.*)$': '<rootDir>/libs/projections/src$1',
    '^@cohesion/access-tokens(|/.*)$': '<rootDir>/libs/access-tokens/src$1',
    '^@cohesion/merkle(|/.*)$': '<rootDir>/libs/merkle/src$1',
    '^@cohesion/application(|/.*)$': '<rootDir>/libs/application/src$1',
    '^@cohesion/personal-data(|/.*)$': '<rootDir>/libs/personal-data/src$1',
  },
  // Generous: a test waits on conditions, and a loaded machine may take long to reach them.
  testTimeout: 300_000,
  // A directory for the run's compiled CLI, compiled once by the first suite that runs it.
  globalSetup: '<rootDir>/test/support/jest-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/jest-global-teardown.ts',
};
