#!/usr/bin/env node
// The `sla-clock` command: runs the TypeScript sources through tsx (a dependency of this repository),
// so `npx sla-clock backtest …` works from a fresh clone after `npm install`, with no build step.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');

const io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env, now: Date.now };
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
