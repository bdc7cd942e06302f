// The system browser and clipboard for the CLI, which has no Electron: the platform's own tools.
// The URL is one we built (https://127.0.0.1:<port>/...), passed as an argument, never through a shell.
import { spawn, spawnSync } from 'node:child_process';
import type { ClipboardPort } from '../accounts/clipboard-guard.ts';

export interface ToolCommand {
  cmd: string;
  args: string[];
}

export function openUrlCommand(platform: NodeJS.Platform, url: string): ToolCommand {
  if (platform === 'darwin') return { cmd: 'open', args: [url] };
  // rundll32 takes the URL as one argument; `cmd /c start` would re-parse it through cmd.exe.
  if (platform === 'win32') return { cmd: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { cmd: 'xdg-open', args: [url] };
}

export function clipboardCommands(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): { copy: ToolCommand; paste: ToolCommand } | null {
  if (platform === 'darwin') return { copy: { cmd: 'pbcopy', args: [] }, paste: { cmd: 'pbpaste', args: [] } };
  if (platform === 'win32') return { copy: { cmd: 'clip', args: [] }, paste: { cmd: 'powershell', args: ['-NoProfile', '-Command', 'Get-Clipboard'] } };
  if (env.WAYLAND_DISPLAY) return { copy: { cmd: 'wl-copy', args: [] }, paste: { cmd: 'wl-paste', args: ['--no-newline'] } };
  if (env.DISPLAY) return { copy: { cmd: 'xclip', args: ['-selection', 'clipboard'] }, paste: { cmd: 'xclip', args: ['-selection', 'clipboard', '-o'] } };
  return null;
}

export function openInSystemBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const { cmd, args } = openUrlCommand(platform, url);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.once('error', () => reject(new Error(`could not start "${cmd}" to open the browser`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** A clipboard over the platform's tools, or null when there is none (e.g. a headless session). */
export function systemClipboard(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): ClipboardPort | null {
  const tools = clipboardCommands(platform, env);
  if (!tools) return null;
  const probe = spawnSync(tools.copy.cmd, ['--version'], { stdio: 'ignore', timeout: 2_000 });
  if (probe.error) return null;
  return {
    async writeText(text) {
      const r = spawnSync(tools.copy.cmd, tools.copy.args, { input: text, stdio: ['pipe', 'ignore', 'ignore'], timeout: 5_000 });
      if (r.error || r.status !== 0) throw new Error(`"${tools.copy.cmd}" could not write the clipboard`);
    },
    async readText() {
      const r = spawnSync(tools.paste.cmd, tools.paste.args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 });
      return r.error || r.status !== 0 ? '' : r.stdout.replace(/\r?\n$/, '');
    },
  };
}
