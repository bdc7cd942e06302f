// Preload of the dashboard window: runs the auto-login at document-start, in the preload's isolated
// world. A preload is the one injection point Electron guarantees to run before any page script on
// every load (executeJavaScriptInIsolatedWorld from main races the page's own scripts, and the
// Karpor UI reads localStorage["token"] as soon as it starts). It asks its window for the config
// synchronously (the token never travels in the URL, a command line or the page's world), and
// exposes nothing to the page: no contextBridge, no app IPC.
import { ipcRenderer } from 'electron';
import { startAutologin } from './autologin/autologin.ts';
import { autologinConfigSchema } from './autologin/protocol.ts';
import { AUTOLOGIN_CONFIG_CHANNEL, AUTOLOGIN_REPORT_CHANNEL } from './dashboard-channels.ts';

const parsed = autologinConfigSchema.safeParse(ipcRenderer.sendSync(AUTOLOGIN_CONFIG_CHANNEL));
if (parsed.success) {
  startAutologin(parsed.data, { win: window, report: (report) => ipcRenderer.send(AUTOLOGIN_REPORT_CHANNEL, report) });
}
