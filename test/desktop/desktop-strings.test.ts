// Every string key the desktop policies can emit exists, with the same placeholders, in both languages.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { forwardErrorCodes } from '../../electron/forward/forward-state.ts';
import { notificationKeys } from '../../electron/desktop/notification-policy.ts';
import { noTrayMessageKeys } from '../../electron/desktop/tray-support.ts';

const root = resolve(import.meta.dirname, '../..');
const load = (lang: string): unknown => JSON.parse(readFileSync(resolve(root, `renderer/src/i18n/${lang}.json`), 'utf8'));
const lookup = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), tree);
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const keys = [...notificationKeys(forwardErrorCodes), ...noTrayMessageKeys, 'desktop.noTray.title'];

describe('desktop strings', () => {
  const en = load('en');
  const zh = load('zh-CN');
  it.each(keys.map((k) => [k]))('%s is translated in en and zh-CN with the same placeholders', (key) => {
    const a = lookup(en, key);
    const b = lookup(zh, key);
    expect(typeof a, `en ${key}`).toBe('string');
    expect(typeof b, `zh-CN ${key}`).toBe('string');
    expect(placeholders(String(b))).toEqual(placeholders(String(a)));
    expect(b).not.toBe(a);
  });

  it('fills only placeholders the policy provides', () => {
    const provided = new Set(['profile', 'port', 'suggestedPort', 'account', 'minutes']);
    for (const key of keys) for (const p of placeholders(String(lookup(en, key)))) expect(provided, `${key}: {{${p}}}`).toContain(p);
  });
});
