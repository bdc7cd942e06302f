// The `karpor-desktop` command (bundled to dist/cli/karpor-desktop.js; run from source with node).
import { readFileSync } from 'node:fs';
import { runCli } from './run-cli.ts';

// package.json is two folders up from both this file and its bundle in dist/cli/.
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
}, version);
