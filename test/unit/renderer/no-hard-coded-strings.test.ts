// "No string is hard-coded in components": JSX text and user-facing attributes in renderer
// components must come from the translation files, so both languages stay complete.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../renderer/src');
const userFacing = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label', 'okText', 'cancelText', 'description', 'tooltip', 'subTitle', 'extra', 'help']);
/** Letters in any script; punctuation, numbers and symbols alone are not text to translate. */
const hasWords = /\p{L}{2,}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

function hardCodedStrings(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && hasWords.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && userFacing.has(node.name.getText(sf))) {
      const init = node.initializer;
      const literal = init && ts.isStringLiteral(init) ? init : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression) ? init.expression : undefined;
      if (literal && hasWords.test(literal.text)) found.push(`${where(node)} ${node.name.getText(sf)}="${literal.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('renderer components', () => {
  const files = tsxFiles(root);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('contain no hard-coded user-facing text', () => {
    expect(files.flatMap((file) => hardCodedStrings(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('the check itself catches JSX text and labelled attributes', () => {
    const sample = `export const A = () => <div title="Delete it"><Button aria-label={'Close now'}>Save profile</Button>{t('x')} · 7443</div>;`;
    expect(hardCodedStrings(path.join(root, 'sample.tsx'), sample)).toEqual([
      'sample.tsx:1 title="Delete it"',
      "sample.tsx:1 aria-label=\"Close now\"",
      'sample.tsx:1 text "Save profile"',
    ]);
  });
});
