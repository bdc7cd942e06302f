// Every icon file exists at the pixel size its platform wants, and matches its vector source.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { appIconSizes, trayIconFiles, trayIconStates } from '../../electron/desktop/icon-paths.ts';
import { renderPng, templateSvg } from '../../scripts/render-icons.ts';

const root = resolve(import.meta.dirname, '../..');

/** Width and height from a PNG's IHDR chunk (always the first chunk, right after the signature). */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(0, 8).toString('hex'), `${path} is not a PNG`).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const appSvg = readFileSync(join(root, 'build/icons/src/app.svg'), 'utf8');
const traySvg = (state: string): string => readFileSync(join(root, `build/icons/src/tray-${state}.svg`), 'utf8');

describe('app icon', () => {
  it.each(appIconSizes.map((s) => [s]))('build/icons/%ix%i.png has that size and matches app.svg', (size) => {
    const path = join(root, `build/icons/${size}x${size}.png`);
    expect(pngSize(path)).toEqual({ width: size, height: size });
    expect(readFileSync(path).equals(renderPng(appSvg, size)), 'stale: run node scripts/render-icons.ts').toBe(true);
  });

  it('build/icon.png is 1024 px (macOS needs >= 512, Windows >= 256)', () => {
    expect(pngSize(join(root, 'build/icon.png'))).toEqual({ width: 1024, height: 1024 });
  });
});

describe('tray icons', () => {
  it('has 1x, 2x and Template variants for every forward state', () => {
    expect(trayIconFiles()).toHaveLength(trayIconStates.length * 4);
  });

  it.each(trayIconFiles().map((f) => [f.file, f.size, f.template] as const))('%s is %i px and matches its source', (file, size, template) => {
    const path = join(root, 'build/tray', file);
    expect(pngSize(path)).toEqual({ width: size, height: size });
    const state = trayIconStates.find((s) => file.startsWith(s)) ?? '';
    const svg = template ? templateSvg(traySvg(state)) : traySvg(state);
    expect(readFileSync(path).equals(renderPng(svg, size)), 'stale: run node scripts/render-icons.ts').toBe(true);
  });

  it.each(trayIconStates.map((s) => [s]))('%s Template is pure black with alpha; the colour icon is not', (state) => {
    const rgbOfVisible = (svg: string): number[] => {
      const px = new Resvg(svg, { fitTo: { mode: 'width', value: 32 } }).render().pixels;
      const out: number[] = [];
      for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0) out.push(px[i], px[i + 1], px[i + 2]);
      return out;
    };
    const template = rgbOfVisible(templateSvg(traySvg(state)));
    expect(template.length).toBeGreaterThan(0);
    expect(Math.max(...template)).toBe(0);
    expect(Math.max(...rgbOfVisible(traySvg(state)))).toBeGreaterThan(64);
  });

  it('states differ in shape, not only colour (macOS Template icons carry no colour)', () => {
    const masks = trayIconStates.map((s) => readFileSync(join(root, `build/tray/${s}Template@2x.png`)).toString('base64'));
    expect(new Set(masks).size).toBe(trayIconStates.length);
  });
});
