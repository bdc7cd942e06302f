// Every "e.g." the name checker offers must itself be a name the checker accepts.
import { describe, expect, it } from 'vitest';
import { checkAccountName, checkNamespaceName, type NameCheck } from '../../electron/accounts/account-name.ts';

const suggestionOf = (r: NameCheck): string | null => (r.ok ? null : (/\(e\.g\. "([^"]*)"\)/.exec(r.reason)?.[1] ?? /e\.g\. "([^"]*)"/.exec(r.reason)?.[1] ?? null));

const fixed = [
  'Bad_Name', 'Admin', 'my_account', '-lead', 'trail-', 'a..b', 'a.-b', 'A.B', 'x_.y', '__a__', 'Ü-ber', 'a b c',
  'CI.Bot-1', '--', '...', '_', 'a-.b-.c', 'kube_System', `${'A'.repeat(70)}.b`, 'my.name', 'ns.with.dots', '',
];

// A fixed seed keeps the run reproducible while covering far more shapes than the list above.
function* randomNames(count: number): Generator<string> {
  const alphabet = 'aZ9-._ B~é';
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < count; i++) {
    const len = 1 + (next() % 12);
    let s = '';
    for (let j = 0; j < len; j++) s += alphabet[next() % alphabet.length];
    yield s;
  }
}

describe('name suggestions', () => {
  it('suggests "bad-name" for "Bad_Name"', () => {
    expect(suggestionOf(checkAccountName('Bad_Name'))).toBe('bad-name');
    expect(suggestionOf(checkNamespaceName('Bad_NS'))).toBe('bad-ns');
    expect(suggestionOf(checkNamespaceName('team.a'))).toBe('team-a');
  });

  it('every suggestion the checkers make passes the same checker', () => {
    let suggested = 0;
    for (const name of [...fixed, ...randomNames(2000)]) {
      for (const check of [checkAccountName, checkNamespaceName]) {
        const r = check(name);
        const s = suggestionOf(r);
        if (s === null) continue;
        suggested++;
        expect({ name, check: check.name, suggestion: s, result: check(s) }).toMatchObject({ result: { ok: true } });
      }
    }
    expect(suggested).toBeGreaterThan(1000);
  });
});
