// Owns the one Tray and renders buildTrayMenu() into it on every state change.
import { Menu, Tray } from 'electron';
import { buildTrayMenu, englishTrayLabels, type TrayActions, type TrayLabels, type TrayState } from './tray-menu.ts';

export interface TrayController {
  /** Renders the menu for `state`, in `labels` when given (a language change), else the last ones. */
  update(state: TrayState, labels?: TrayLabels): void;
  /** Icon and tooltip, e.g. per forward state. */
  setStatus(iconPath: string, tooltip: string): void;
  destroy(): void;
}

export function createTrayController(options: { iconPath: string; actions: TrayActions; labels?: TrayLabels; initial: TrayState }): TrayController {
  let labels = options.labels ?? englishTrayLabels;
  // The caller keeps the controller, and the controller keeps the Tray: a Tray that is garbage collected vanishes.
  const tray = new Tray(options.iconPath);
  tray.setToolTip(labels.title);
  tray.on('click', () => options.actions.openWindow());
  const render = (state: TrayState): void => tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(state, options.actions, labels)));
  render(options.initial);
  return {
    update(state, nextLabels) {
      if (nextLabels) {
        labels = nextLabels;
        tray.setToolTip(labels.title);
      }
      render(state);
    },
    setStatus(iconPath, tooltip) {
      tray.setImage(iconPath);
      tray.setToolTip(tooltip);
    },
    destroy: () => tray.destroy(),
  };
}
