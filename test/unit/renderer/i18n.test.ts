// Every UI string exists in both languages, is not empty, and uses the same placeholders.
import { describe, expect, it } from 'vitest';
import en from '../../../renderer/src/i18n/en.json' with { type: 'json' };
import zhCN from '../../../renderer/src/i18n/zh-CN.json' with { type: 'json' };

function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    out.set(prefix, tree);
    return out;
  }
  for (const [key, value] of Object.entries(tree)) {
    for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

const languages = { en: flatten(en), 'zh-CN': flatten(zhCN) };

describe('renderer translations', () => {
  it('have exactly the same keys in English and Simplified Chinese', () => {
    const enKeys = [...languages.en.keys()].sort();
    const zhKeys = [...languages['zh-CN'].keys()].sort();
    expect(zhKeys.filter((k) => !languages.en.has(k))).toEqual([]);
    expect(enKeys.filter((k) => !languages['zh-CN'].has(k))).toEqual([]);
    expect(enKeys.length).toBeGreaterThan(50);
  });

  for (const [language, entries] of Object.entries(languages)) {
    it(`${language}: every value is a non-empty string`, () => {
      const bad = [...entries].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(bad).toEqual([]);
    });
  }

  it('use the same {{placeholders}} in both languages', () => {
    const mismatched = [...languages.en]
      .filter(([key, value]) => placeholders(String(value)).join() !== placeholders(String(languages['zh-CN'].get(key))).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('translate what is meant to differ: Chinese text for most entries', () => {
    // Names (English, Kubeconfig, Karpor Desktop) may stay; a file that is mostly English is a copy-paste slip.
    const chinese = [...languages['zh-CN'].values()].filter((v) => /[\u4e00-\u9fff]/.test(String(v)));
    expect(chinese.length / languages['zh-CN'].size).toBeGreaterThan(0.85);
  });
});
