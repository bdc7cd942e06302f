// Turns zod issues into one readable clause for an error message.
import type { z } from 'zod';

/** "`name`: Too small..." for the first few issues: names the field, never echoes the value. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ');
      return `${issue.path.length > 0 ? `${fieldName(issue.path)}: ` : ''}unexpected field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
    }
    const where = issue.path.length > 0 ? `${fieldName(issue.path)}: ` : '';
    return `${where}${issue.message}`;
  });
  if (issues.length > 3) parts.push(`and ${issues.length - 3} more`);
  return parts.join('; ');
}

function fieldName(path: readonly PropertyKey[]): string {
  return `"${path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[')}"`;
}
