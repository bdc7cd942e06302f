// Renders the PNG icons every platform wants from the vector sources in build/icons/src:
//   build/icon.png (1024, macOS and Windows icon source), build/icons/<n>x<n>.png (Linux icon theme),
//   build/tray/<state>[Template][@2x].png (tray, 1x/2x; Template = black + alpha for macOS menu bars).
// Run after editing an SVG: `node scripts/render-icons.ts`; the PNGs are committed.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appIconSizes, trayIconFiles, trayIconStates } from '../electron/desktop/icon-paths.ts';

const root = join(import.meta.dirname, '..');
const src = join(root, 'build', 'icons', 'src');

/** Tray sources draw with currentColor from a root `color`; a Template is the same drawing in black. */
export function templateSvg(svg: string): string {
  const out = svg.replace(/(<svg\b[^>]*\bcolor=")[^"]*(")/, '$1#000000$2');
  if (out === svg) throw new Error('tray SVG must set color="..." on its root <svg> (shapes use currentColor)');
  return out;
}

export function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

export function renderAll(): string[] {
  const written: string[] = [];
  const put = (path: string, png: Buffer): void => {
    writeFileSync(path, png);
    written.push(path);
  };

  const app = readFileSync(join(src, 'app.svg'), 'utf8');
  mkdirSync(join(root, 'build', 'icons'), { recursive: true });
  for (const size of appIconSizes) put(join(root, 'build', 'icons', `${size}x${size}.png`), renderPng(app, size));
  put(join(root, 'build', 'icon.png'), renderPng(app, 1024));

  mkdirSync(join(root, 'build', 'tray'), { recursive: true });
  const sources = new Map(trayIconStates.map((s) => [s, readFileSync(join(src, `tray-${s}.svg`), 'utf8')]));
  for (const { file, size, template } of trayIconFiles()) {
    const state = trayIconStates.find((s) => file.startsWith(s));
    const svg = state && sources.get(state);
    if (!svg) throw new Error(`no source for ${file}`);
    put(join(root, 'build', 'tray', file), renderPng(template ? templateSvg(svg) : svg, size));
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const written = renderAll();
  console.log(`rendered ${written.length} icons into build/icon.png, build/icons/ and build/tray/`);
}
