// The in-app dashboard window (thin Electron adapter; the decisions live in the pure rules).
// One window and one storage partition per account; sandboxed, no Node, no app IPC. The preload
// runs the auto-login at document-start and gets its token over a private per-window channel.
import { BrowserWindow, dialog, session, shell, type Session } from 'electron';
import { autologinReportSchema, type AutologinReport } from './autologin/protocol.ts';
import { decideCertificate, fingerprintOfPem, isDashboardOrigin } from './certificate-rule.ts';
import { toIpcError } from '../ipc/app-error.ts';
import { decideNavigation } from './navigation-rule.ts';
import { setWindowNavigationRule } from '../shell/security-policy.ts';
import { dashboardPartition, formatAccountRef, type AccountRef } from './account-ref.ts';
import { AUTOLOGIN_CONFIG_CHANNEL, AUTOLOGIN_REPORT_CHANNEL } from './dashboard-channels.ts';
import { dashboardText, type DashboardText } from './dashboard-text.ts';
import type { DashboardWindowRequest } from './dashboard-service.ts';

export interface DashboardWindowsDeps {
  /** dist/dashboard/preload.cjs */
  preloadPath: string;
  /** The certificate the forward's probe saw right now (null when it is not ready). */
  trustedFingerprint(): string | null;
  /** "Mint a new token" in the failure dialog: open again for this account with a fresh token. */
  remint(account: AccountRef): Promise<void>;
  /** The words to show, in the user's current language (default English). */
  text?: () => DashboardText;
  log?: (line: string) => void;
}

export interface DashboardWindows {
  show(request: DashboardWindowRequest): void;
  closeAll(): void;
}

const preparedSessions = new WeakSet<Session>();

/** Session-wide refusals: nothing downloads, no permission prompt (camera, notifications, ...) is granted. */
function prepareSession(ses: Session): void {
  if (preparedSessions.has(ses)) return;
  preparedSessions.add(ses);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

export function createDashboardWindows(deps: DashboardWindowsDeps): DashboardWindows {
  const log = deps.log ?? console.error;
  const text = deps.text ?? (() => dashboardText());
  const windows = new Map<string, { win: BrowserWindow; request: DashboardWindowRequest }>();

  function create(key: string, request: DashboardWindowRequest): BrowserWindow {
    const partition = dashboardPartition(request.account);
    prepareSession(session.fromPartition(partition));
    const win = new BrowserWindow({
      width: 1280,
      height: 860,
      show: false,
      autoHideMenuBar: true,
      title: request.account ? `Karpor — ${formatAccountRef(request.account)}` : 'Karpor',
      webPreferences: {
        partition,
        preload: deps.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        safeDialogs: true,
      },
    });
    const entry = { win, request };
    windows.set(key, entry);
    const contents = win.webContents;
    const port = (): number => entry.request.localPort;

    // Only this window's preload, on the dashboard origin, in the top frame, gets the token.
    contents.ipc.on(AUTOLOGIN_CONFIG_CHANNEL, (event) => {
      const frame = event.senderFrame;
      const trusted = frame !== null && frame.parent === null && isDashboardOrigin(frame.url, port());
      event.returnValue = trusted && entry.request.token ? { token: entry.request.token, signingInLabel: text().signingIn } : {};
    });
    contents.ipc.on(AUTOLOGIN_REPORT_CHANNEL, (event, raw: unknown) => {
      const parsed = autologinReportSchema.safeParse(raw);
      if (!parsed.success || !isDashboardOrigin(event.senderFrame?.url ?? '', port())) return;
      void onReport(entry.request.account, win, parsed.data);
    });

    contents.on('certificate-error', (event, url, _error, certificate, callback) => {
      const decision = decideCertificate(url, fingerprintOfPem(certificate.data), { localPort: port(), fingerprint256: deps.trustedFingerprint() });
      if (decision.trust) {
        event.preventDefault();
        callback(true);
      } else {
        log(`[dashboard] certificate error left to Chromium (${decision.reason})`);
        callback(false);
      }
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideNavigation(url, port());
      if (decision === 'stay') void win.loadURL(url);
      else if (decision === 'external') void shell.openExternal(url);
      return { action: 'deny' };
    });
    const guard = (event: { url: string; preventDefault(): void }, external: boolean): void => {
      const decision = decideNavigation(event.url, port());
      if (decision === 'stay') return;
      event.preventDefault();
      if (decision === 'external' && external) void shell.openExternal(event.url);
    };
    // The app-wide guard lets this window move within the dashboard (it refuses everything else there).
    setWindowNavigationRule(contents, (url) => decideNavigation(url, port()) === 'stay');
    contents.on('will-navigate', (event) => guard(event, true));
    contents.on('will-frame-navigate', (event) => guard(event, false));
    contents.on('will-redirect', (event) => guard(event, false));
    contents.on('will-attach-webview', (event) => event.preventDefault());

    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (windows.get(key)?.win === win) windows.delete(key);
    });
    return win;
  }

  async function onReport(account: AccountRef | null, win: BrowserWindow, report: AutologinReport): Promise<void> {
    if (report.type !== 'failed' || win.isDestroyed()) return;
    const words = text();
    const failure = words.failure(report.reason, account ? formatAccountRef(account) : null);
    const offerMint = failure.canMint && account !== null;
    const buttons = offerMint ? [words.mintNew, words.close] : [words.close];
    const { response } = await dialog.showMessageBox(win, { type: 'warning', title: words.title, message: failure.message, detail: failure.detail, buttons, defaultId: 0, cancelId: buttons.length - 1, noLink: true });
    if (offerMint && response === 0 && account) {
      await deps.remint(account).catch((err: unknown) => {
        void dialog.showMessageBox(win, { type: 'error', title: words.title, message: words.mintFailed, detail: toIpcError(err).message });
      });
    }
  }

  return {
    show(request) {
      const key = dashboardPartition(request.account);
      const existing = windows.get(key);
      if (existing && !existing.win.isDestroyed()) {
        const changed = existing.request.token !== request.token || existing.request.localPort !== request.localPort;
        existing.request = request;
        // A new token (or port) only reaches the page through a fresh load of the preload.
        if (changed) void existing.win.loadURL(request.url);
        if (existing.win.isMinimized()) existing.win.restore();
        existing.win.focus();
        return;
      }
      void create(key, request).loadURL(request.url);
    },
    closeAll() {
      for (const { win } of windows.values()) if (!win.isDestroyed()) win.close();
      windows.clear();
    },
  };
}
