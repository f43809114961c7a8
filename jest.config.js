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
  },
  testTimeout: 30000,
};
