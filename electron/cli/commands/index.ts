// Every CLI command, in the order `--help` lists them. A new command is one module and one line here.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { registerContexts } from './contexts.ts';
import { registerHubKubeconfig } from './hub-kubeconfig.ts';
import { registerAccount } from './account.ts';
import { registerToken } from './token.ts';
import { registerOpen } from './open.ts';
import { registerForward } from './forward.ts';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export const commands: RegisterCommand[] = [
  registerContexts,
  registerHubKubeconfig,
  registerAccount,
  registerToken,
  registerOpen,
  registerForward,
];
