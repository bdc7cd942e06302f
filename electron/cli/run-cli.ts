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

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT_OK;
      // commander has printed its own "error: ..." line (or the help, when no command was given).
      io.err('hint: run "karpor-desktop --help" for the commands and options.\n');
      return EXIT_USAGE;
    }
    const error = toIpcError(err);
    io.err(`error: ${error.message}\n`);
    if (error.hint) io.err(`hint: ${error.hint}\n`);
    return EXIT_FAILED;
  }
}
