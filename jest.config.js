/** Unit, component and golden tests. Browser tests live in jest.e2e.config.js. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // The public surfaces of the core and the contract (tsconfig.json "paths").
  moduleNameMapper: {
    '^@core$': '<rootDir>/src/core/index.ts',
    '^@core/browser$': '<rootDir>/src/core/browser.ts',
    '^@contract$': '<rootDir>/src/contract/index.ts',
  },
};
