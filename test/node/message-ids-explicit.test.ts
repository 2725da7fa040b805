// The single-file bundle looks messages up by their explicit ids only (vite.config.ts
// `noMessageHashes`): a msg() call without one would show English in every language there.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The msg() calls of a file, and those whose options lack a literal `id`, as `file:line`. */
function msgCalls(file: string): { calls: number; missing: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  let calls = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg') {
      calls += 1;
      const options = node.arguments[1];
      const hasId =
        options !== undefined &&
        ts.isObjectLiteralExpression(options) &&
        options.properties.some(
          (p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'id' && ts.isStringLiteral(p.initializer),
        );
      if (!hasId) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { calls, missing: found };
}

describe('message ids', () => {
  it('gives every msg() call in src/ a literal id', () => {
    const results = tsFiles('src').map(msgCalls);
    const calls = results.reduce((sum, r) => sum + r.calls, 0);
    assert.ok(calls > 300, `only ${calls} msg() calls found`);
    assert.deepEqual(results.flatMap((r) => r.missing), []);
  });
});
