/** YAML files staff edit (registries, archive.yaml): every problem names the file and line. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/lib/record/config.ts';
import { loadArchiveConfig } from '../../src/lib/record/config-fs.ts';
import { loadRegistries } from '../../src/lib/record/registry-fs.ts';
describe('registry and configuration files', () => {
  it('a YAML error, a schema error and an alias bomb each name the file and line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-registry-'));
    mkdirSync(path.join(dir, 'registry'));
    const file = path.join(dir, 'registry', 'contractors.yaml');
    const cases: Array<[string, RegExp]> = [
      ['contractors:\n  - name: [unclosed\n', /contractors\.yaml:2: YAML: .*; fix the file/u],
      ['contractors:\n  - aliases: [x]\n', /contractors\.yaml:2: contractors\.0\.name: /u],
      [
        'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
        /contractors\.yaml: YAML: .*aliases/u,
      ],
    ];
    for (const [text, message] of cases) {
      writeFileSync(file, text);
      expect(() => loadRegistries(dir)).toThrow(message);
    }
  });

  it('archive.yaml: an unknown key and a wrong type name the line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-config-'));
    writeFileSync(
      path.join(dir, 'archive.yaml'),
      'municipality: 青葉市\ncouncil: 青葉市審議会\nordinance: 条例\nkinds: 諮問\ncolour: red\n',
    );
    expect(() => loadArchiveConfig(dir)).toThrow(ConfigError);
    expect(() => loadArchiveConfig(dir)).toThrow(/archive\.yaml:4: kinds: /u);
    expect(() => loadArchiveConfig(dir)).toThrow(/archive\.yaml:5: unknown key 「colour」; rename or remove it/u);
  });
});
