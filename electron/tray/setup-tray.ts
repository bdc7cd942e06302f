// The tray wired to the services: its menu follows the settings (active profile, language).
import type { Services } from '../services.ts';
import { createTrayController, type TrayController } from './tray-controller.ts';
import { trayLabelsFor } from './tray-labels.ts';
import { trayStateFromSettings, type TrayActions } from './tray-menu.ts';

export function setupTray(options: { services: Services; iconPath: string; actions: TrayActions; systemLocale: string }): TrayController {
  const { services, systemLocale } = options;
  const view = services.settings.get();
  const tray = createTrayController({
    iconPath: options.iconPath,
    actions: options.actions,
    labels: trayLabelsFor(view.settings.preferences.language, systemLocale),
    initial: trayStateFromSettings(view),
  });
  services.settings.onChange((next) => tray.update(trayStateFromSettings(next), trayLabelsFor(next.settings.preferences.language, systemLocale)));
  return tray;
}
