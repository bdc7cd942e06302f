import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { APP_ID, DESKTOP_NAME } from '../../electron/desktop/app-identity.ts';
import { AUTOSTART_FILE } from '../../electron/desktop/login-item.ts';

const root = resolve(import.meta.dirname, '../..');

describe('app identity', () => {
  it('matches electron-builder.yml and package.json', () => {
    const builder = z.object({ appId: z.string(), linux: z.object({ executableName: z.string() }) }).parse(parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')));
    const pkg = z.object({ desktopName: z.string() }).parse(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')));
    expect(builder.appId).toBe(APP_ID);
    expect(pkg.desktopName).toBe(`${DESKTOP_NAME}.desktop`);
    expect(builder.linux.executableName).toBe(DESKTOP_NAME);
    expect(AUTOSTART_FILE).toBe(pkg.desktopName);
  });
});
