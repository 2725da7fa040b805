// The house rules of issue 10, measured: element files stay small, render methods short, and
// nothing below the elements imports from them.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileLengths, renderLengths, tsFiles } from '../../scripts/lib/house.mjs';

describe('the house', () => {
  it('keeps every file under src/elements/ at 450 lines or fewer', () => {
    const over = fileLengths('src/elements').filter((f) => f.lines > 450);
    assert.deepEqual(over, []);
  });

  it('keeps every render* method at 80 lines or fewer', () => {
    const all = renderLengths('src/elements');
    assert.ok(all.length > 10, `found only ${all.length} render methods: the measure is broken`);
    assert.deepEqual(all.filter((r) => r.lines > 80), []);
  });

  it('catches a render method that is too long (self-test of the measure)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'house-'));
    try {
      const body = Array.from({ length: 90 }, (_, i) => `    const line${i} = ${i};`).join('\n');
      writeFileSync(join(dir, 'long.ts'), `export class X {\n  protected renderLong(): string {\n${body}\n    return '';\n  }\n}\n`);
      const [found] = renderLengths(dir);
      assert.equal(found?.name, 'renderLong');
      assert.equal(found?.lines, 93);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no controller importing from src/elements/', () => {
    const offenders = tsFiles('src/controllers').filter((file) => /from '\.\.\/elements\//.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('has no core module importing from outside src/core/', () => {
    const offenders = tsFiles('src/core').filter((file) => /from '\.\.\//.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
