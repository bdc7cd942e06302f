// `npm test`: type check, lint, build, Vitest, Playwright; ends with one summary line of counts.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';

interface Counts { passed: number; failed: number; skipped: number }
const total: Counts = { passed: 0, failed: 0, skipped: 0 };

function run(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function step(label: string, cmd: string, args: string[]): void {
  const ok = run(label, cmd, args);
  if (ok) total.passed += 1; else total.failed += 1;
}

mkdirSync('test-results', { recursive: true });
const only = process.argv[2];

if (!only || only === 'static') {
  step('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
  step('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
}
if (!only || only === 'build' || only === 'browser') step('build', 'node', ['scripts/build.ts']);

if (!only || only === 'unit') {
  const out = 'test-results/vitest.json';
  rmSync(out, { force: true });
  run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number };
    total.passed += r.numPassedTests;
    total.failed += r.numFailedTests + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
    total.skipped += r.numPendingTests + r.numTodoTests;
  } else total.failed += 1;
}

if (!only || only === 'browser') {
  const out = 'test-results/playwright.json';
  rmSync(out, { force: true });
  run('playwright', 'npx', ['playwright', 'test']);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    total.passed += r.stats.expected + r.stats.flaky;
    total.failed += r.stats.unexpected;
    total.skipped += r.stats.skipped;
  } else total.failed += 1;
}

console.log(`\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
