import type { FormRule } from 'antd';

type Check = (input: string) => { ok: true } | { ok: false; reason: string };

/** An antd Form rule from one of main's pure checks, so the field shows the same reason main would give. */
export function checkRule(check: Check): FormRule {
  return {
    validator: async (_rule: unknown, value: string | undefined) => {
      const r = check(value ?? '');
      if (!r.ok) throw new Error(r.reason);
    },
  };
}
