// The two private channels between a dashboard window and its preload. They are registered on that
// window's own `webContents.ipc`, never on `ipcMain`, so no other page can reach them, and the
// dashboard page itself cannot either (context isolation keeps ipcRenderer in the preload's world).
export const AUTOLOGIN_CONFIG_CHANNEL = 'karpor-dashboard:autologin-config';
export const AUTOLOGIN_REPORT_CHANNEL = 'karpor-dashboard:autologin-report';
