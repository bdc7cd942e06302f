// The desktop integration in one call for main.ts: login-shell PATH for exec plugins, whether a tray
// can be seen, how the window starts (hidden after a login launch), and launch-at-login kept in step
// with the setting. Each decision lives in its own pure module; this only gathers the inputs.
import type { SettingsView } from '../store/settings-service.ts';
import { APP_ID, DESKTOP_NAME } from './app-identity.ts';
import { applyLaunchAtLogin } from './launch-at-login.ts';
import { launchCommand, startedAtLogin, type LoginItemSettings } from './login-item.ts';
import { captureLoginShellPath, type ShellPathResult } from './shell-path.ts';
import { probeStatusNotifierWatcher } from './status-notifier-probe.ts';
import { traySupport, type TraySupport } from './tray-support.ts';
import { startupWindow, type StartupWindow } from './window-policy.ts';

export interface SetupDesktopDeps {
  app: {
    isPackaged: boolean;
    getAppPath(): string;
    setLoginItemSettings(settings: LoginItemSettings): void;
    getLoginItemSettings(): { wasOpenedAtLogin?: boolean };
    setAppUserModelId(id: string): void;
  };
  settings: { get(): SettingsView; onChange(listener: (view: SettingsView) => void): () => void };
  platform: NodeJS.Platform;
  /** process.env: PATH in it is replaced by the login shell's, which exec plugins then inherit. */
  env: NodeJS.ProcessEnv;
  argv: readonly string[];
  execPath: string;
  homeDir: string;
  /** Desktop entry texts (translated) for the Linux autostart file. */
  entry: { name: string; comment: string };
  /** Defaults to asking D-Bus; tests and the CLI pass an answer. */
  probeTray?: () => Promise<boolean | null>;
  log?: (line: string) => void;
}

export interface DesktopSetup {
  tray: TraySupport;
  startup: StartupWindow;
  shellPath: ShellPathResult;
  /** Stops following the launch-at-login setting. */
  dispose(): void;
  /** Settles once the launch-at-login changes asked for so far are written. */
  launchAtLoginApplied(): Promise<void>;
}

export async function setupDesktop(deps: SetupDesktopDeps): Promise<DesktopSetup> {
  const log = deps.log ?? (() => undefined);
  // Windows shows toasts only for an app with an AppUserModelID; the installer's shortcut carries the
  // same id, and setting it here also makes notifications work when run unpackaged.
  if (deps.platform === 'win32') deps.app.setAppUserModelId(APP_ID);
  const [shellPath, watcherPresent] = await Promise.all([
    captureLoginShellPath({ platform: deps.platform, env: deps.env }),
    deps.platform === 'linux' ? (deps.probeTray ?? probeStatusNotifierWatcher)() : Promise.resolve(true),
  ]);
  deps.env.PATH = shellPath.path;
  log(shellPath.source === 'login-shell' ? 'PATH: using the login shell\'s' : `PATH: keeping the app's own (${shellPath.reason ?? 'unknown'})`);

  const tray = traySupport({ platform: deps.platform, env: deps.env, watcherPresent });
  const atLogin = startedAtLogin({ argv: deps.argv, platform: deps.platform, wasOpenedAtLogin: deps.app.getLoginItemSettings().wasOpenedAtLogin });
  const startup = startupWindow({ startedAtLogin: atLogin, trayAvailable: tray.available });

  const command = launchCommand({ execPath: deps.execPath, appImage: deps.env.APPIMAGE, packaged: deps.app.isPackaged, appPath: deps.app.getAppPath() });
  // One change at a time, in order: a quick on-off-on must not end with the file removed.
  let queue: Promise<void> = Promise.resolve();
  const apply = (on: boolean): void => {
    queue = queue
      .then(() => applyLaunchAtLogin(on, {
        platform: deps.platform, app: deps.app, command, env: deps.env, homeDir: deps.homeDir,
        entry: { ...deps.entry, icon: DESKTOP_NAME, wmClass: DESKTOP_NAME },
      }))
      .then(() => undefined, (e: unknown) => log(`launch at login: ${e instanceof Error ? e.message : String(e)}`));
  };
  // Applied at every start too: an AppImage that moved, or an update that changed the install path,
  // would otherwise leave a login entry pointing at nothing.
  let enabled = deps.settings.get().settings.preferences.launchAtLogin;
  apply(enabled);
  const dispose = deps.settings.onChange((view) => {
    const next = view.settings.preferences.launchAtLogin;
    if (next === enabled) return;
    enabled = next;
    apply(next);
  });
  return { tray, startup, shellPath, dispose, launchAtLoginApplied: () => queue };
}
