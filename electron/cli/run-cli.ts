// Parses arguments, runs one command and maps the outcome to an exit code:
// 0 ok, 1 operational error (one sentence and a hint on stderr), 2 usage error.
import { Command, CommanderError } from 'commander';
import { toIpcError } from '../ipc/app-error.ts';
import { createCliContext, type CliIo } from './cli-context.ts';
import { commands } from './commands/index.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export async function runCli(argv: string[], io: CliIo, version: string): Promise<number> {
  const ctx = createCliContext(io, version);
  const program = new Command('karpor-desktop')
    .description('Karpor Desktop from the command line: the same services as the tray app, without Electron.')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    // Subcommands made after this inherit both settings.
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  for (const register of commands) register(program, ctx);
  // Remembered so that an error without a hint of its own can point at the right --help.
  let running = 'karpor-desktop';
  program.hook('preAction', (_program, action) => {
    const names: string[] = [];
    for (let c: Command | null = action; c; c = c.parent) names.unshift(c.name());
    running = names.join(' ');
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT_OK;
      // commander has printed its own "error: ..." line (or the help, when no command was given).
      io.err(`hint: run "${commandPath(program, argv)} --help" for the commands and options.\n`);
      return EXIT_USAGE;
    }
    const error = toIpcError(err);
    io.err(`error: ${error.message}\n`);
    io.err(`hint: ${error.hint ?? `check the values given; "${running} --help" lists the options.`}\n`);
    return EXIT_FAILED;
  }
}

/** The deepest command `argv` names ("karpor-desktop account create"), for a usage hint that helps. */
function commandPath(program: Command, argv: string[]): string {
  const names = [program.name()];
  let current = program;
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    const sub = current.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!sub) break;
    names.push(sub.name());
    current = sub;
  }
  return names.join(' ');
}
