import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layering of DESIGN.md section 3, checked on the source text: every module that a
 * file under src/ or worklets/ names (import and export ... from, side-effect imports,
 * import('...') in code and in types, new URL('...', import.meta.url)) is resolved to a
 * repository path, and the folder it lands in is checked against the folders the file's
 * layer may import (RULES: the table as written). Type-only imports count: they are
 * imports of the layer too; where the table allows types only (the engine, for the store
 * and the UI), a value import is reported.
 *
 * How we know it can fail: a scratch file src/dsp/layeringScratch.ts holding
 * `import { createPrng } from '../support/prng';` and
 * `export const scratchUrl = new URL('../render/sceneRenderer.ts', import.meta.url);` made
 * the tests/ check and the src/dsp rule fail, each naming the file and the specifier; so
 * did `import { loadStems } from '../engine/stemLoader';` planted in src/ui/App.tsx (the
 * src/ui rule, "(a value)"); the files were then restored. The first two tests below keep
 * small versions of those checks.
 */

/** The repository root, from this file's place in it (tests/unit/). */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCANNED_FOLDERS = ['src', 'worklets'];

/** Folders of ours that a layer may be forbidden to import. */
const OUR_FOLDERS = ['src/core', 'src/dsp', 'src/render', 'src/io', 'src/adm', 'src/engine', 'src/state', 'src/ui', 'src/cli', 'src/main.tsx', 'src/benchPage', 'worklets', 'scenes', 'hrtf'];

/**
 * DESIGN.md section 3's table, row by row: what each layer may import besides itself.
 * `typesOnlyFrom`: layers it may import only types from (import type / export type).
 */
interface LayerRule {
  /** The files the rule is about: those under this folder (or this file)... */
  readonly layer: string;
  /** ...but not under this one. */
  readonly exceptUnder?: string;
  readonly mayImport: readonly string[];
  readonly typesOnlyFrom?: readonly string[];
}

const RULES: readonly LayerRule[] = [
  { layer: 'src/core', mayImport: [] },
  { layer: 'src/dsp', mayImport: ['src/core'] },
  { layer: 'src/render', mayImport: ['src/core', 'src/dsp'] },
  { layer: 'src/io', mayImport: ['src/core'] },
  { layer: 'src/adm', mayImport: ['src/core', 'src/dsp', 'src/render', 'src/io'] },
  { layer: 'src/engine', mayImport: ['src/core', 'src/dsp', 'src/render', 'src/io', 'src/adm', 'worklets', 'hrtf', 'scenes'] },
  { layer: 'src/state', mayImport: ['src/core', 'src/engine'], typesOnlyFrom: ['src/engine'] },
  { layer: 'src/ui', mayImport: ['src/core', 'src/state', 'src/engine'], typesOnlyFrom: ['src/engine'] },
  { layer: 'src/cli', mayImport: ['src/core', 'src/dsp', 'src/render', 'src/io', 'src/adm', 'src/benchPage', 'scenes', 'hrtf'], typesOnlyFrom: ['src/benchPage'] },
  { layer: 'src/benchPage', mayImport: ['src/core', 'src/dsp', 'src/render', 'src/engine', 'hrtf'] },
  { layer: 'src/main.tsx', mayImport: ['src/core', 'src/engine', 'src/state', 'src/ui', 'scenes'] },
  { layer: 'worklets', mayImport: ['src/core', 'src/dsp', 'src/render'] },
];

/** One module named by a file; paths are repository-relative with '/' separators. */
interface ModuleImport {
  readonly file: string;
  readonly specifier: string;
  readonly target: string;
  /** Only types are imported (import type, export type, every named import a type, import('...') in a type). */
  readonly typeOnly: boolean;
}

function isUnder(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

function literalText(node: ts.Node | undefined): string | undefined {
  return node !== undefined && ts.isStringLiteralLike(node) ? node.text : undefined;
}

function isImportMetaUrl(node: ts.Node | undefined): boolean {
  return (
    node !== undefined &&
    ts.isPropertyAccessExpression(node) &&
    ts.isMetaProperty(node.expression) &&
    node.expression.keywordToken === ts.SyntaxKind.ImportKeyword &&
    node.name.text === 'url'
  );
}

/** The module a syntax node names, if it is one of the import forms. */
function specifierOf(node: ts.Node): string | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return literalText(node.moduleSpecifier);
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) return literalText(node.arguments[0]);
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) return literalText(node.argument.literal);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && isImportMetaUrl(node.arguments?.[1])) {
    return literalText(node.arguments?.[0]);
  }
  return undefined;
}

/** Whether an import form brings in types only. */
function isTypeOnly(node: ts.Node): boolean {
  if (ts.isImportTypeNode(node)) return true;
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  if (!ts.isImportDeclaration(node)) return false;
  const clause = node.importClause;
  if (clause === undefined) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.every((element) => element.isTypeOnly);
}

/** The relative module specifiers in one file's text, parsed (so comments and strings are not read as imports). */
function importsOf(file: string, text: string): ModuleImport[] {
  const imports: ModuleImport[] = [];
  const visit = (node: ts.Node): void => {
    const specifier = specifierOf(node);
    if (specifier?.startsWith('.')) {
      // Vite's suffixes (?url, ?worker&url) name the same file.
      imports.push({ file, specifier, target: posix.join(posix.dirname(file), specifier.replace(/[?#].*$/, '')), typeOnly: isTypeOnly(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest));
  return imports;
}

function scannedFiles(): string[] {
  return SCANNED_FOLDERS.flatMap((folder) =>
    readdirSync(join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
      .map((path) => `${folder}/${path.split('\\').join('/')}`)
      .filter((path) => /\.tsx?$/.test(path)),
  );
}

function describeImport(entry: ModuleImport): string {
  return `${entry.file} imports '${entry.specifier}'`;
}

function importsIntoTests(imports: readonly ModuleImport[]): string[] {
  return imports.filter((entry) => isUnder(entry.target, 'tests')).map(describeImport);
}

function inRule(rule: LayerRule, file: string): boolean {
  return isUnder(file, rule.layer) && (rule.exceptUnder === undefined || !isUnder(file, rule.exceptUnder));
}

/** Imports of the rule's files into folders of ours it may not import, or of values where it may take types only. */
function ruleViolations(rule: LayerRule, imports: readonly ModuleImport[]): string[] {
  return imports
    .filter((entry) => inRule(rule, entry.file))
    .filter((entry) => {
      const folder = OUR_FOLDERS.find((f) => isUnder(entry.target, f));
      if (folder === undefined || isUnder(entry.target, rule.layer)) return false;
      if (!rule.mayImport.includes(folder)) return true;
      return rule.typesOnlyFrom?.includes(folder) === true && !entry.typeOnly;
    })
    .map((entry) => `${describeImport(entry)}${entry.typeOnly ? '' : ' (a value)'}`);
}

describe('layering (DESIGN.md section 3)', () => {
  const imports = scannedFiles().flatMap((file) => importsOf(file, readFileSync(join(REPO_ROOT, file), 'utf8')));

  it('reads every import form, and a bad one in a sample file is reported with its file and specifier', () => {
    const sample = [
      "import { a } from './a';",
      "import type { B } from '../../tests/support/b';",
      "import './side.css';",
      "export { c } from '../render/c';",
      "const d = await import('../engine/d');",
      "type E = import('./e').E;",
      "const f = new URL('../ui/f.ts?url', import.meta.url);",
      "const g = new URL('../cli/g.ts', base);",
      "// import { h } from '../../tests/h';",
      "import { react } from 'react';",
    ].join('\n');
    const found = importsOf('src/dsp/sample.ts', sample);
    expect(found.map((entry) => entry.target)).toEqual(['src/dsp/a', 'tests/support/b', 'src/dsp/side.css', 'src/render/c', 'src/engine/d', 'src/dsp/e', 'src/ui/f.ts']);
    expect(importsIntoTests(found)).toEqual(["src/dsp/sample.ts imports '../../tests/support/b'"]);
    expect(ruleViolations(RULES.find((rule) => rule.layer === 'src/dsp')!, found)).toEqual([
      "src/dsp/sample.ts imports '../render/c' (a value)",
      "src/dsp/sample.ts imports '../engine/d' (a value)",
      "src/dsp/sample.ts imports '../ui/f.ts?url' (a value)",
    ]);
  });

  it('lets the store and the UI take only types from the engine: a value import is reported, a type import is not', () => {
    const sample = [
      "import type { AudioEngine } from '../engine/audioEngine';",
      "import { type MonitorSettings, type ExportRequest } from '../engine/audioEngine';",
      "export type { MeterFrame } from '../engine/audioEngine';",
      "import { createWebAudioEngine } from '../engine/webAudioEngine';",
      "import { type AudioEngine, stemFileName } from '../engine/audioEngine';",
      "import { readFile } from '../io/wav';",
    ].join('\n');
    const found = importsOf('src/state/sample.ts', sample);
    expect(found.map((entry) => entry.typeOnly)).toEqual([true, true, true, false, false, false]);
    expect(ruleViolations(RULES.find((rule) => rule.layer === 'src/state')!, found)).toEqual([
      "src/state/sample.ts imports '../engine/webAudioEngine' (a value)",
      "src/state/sample.ts imports '../engine/audioEngine' (a value)",
      "src/state/sample.ts imports '../io/wav' (a value)",
    ]);
  });

  it('finds files and their imports in every layer it checks', () => {
    for (const rule of RULES) expect(imports.some((entry) => isUnder(entry.file, rule.layer)), rule.layer).toBe(true);
  });

  it('src/ and worklets/ import nothing from tests/', () => {
    expect(importsIntoTests(imports)).toEqual([]);
  });

  for (const rule of RULES) {
    const scope = rule.exceptUnder === undefined ? rule.layer : `${rule.layer} (outside ${rule.exceptUnder})`;
    const allowed = rule.mayImport.map((folder) => (rule.typesOnlyFrom?.includes(folder) ? `${folder} (types only)` : folder));
    it(`${scope} imports only ${allowed.length === 0 ? 'nothing of ours' : allowed.join(', ')}`, () => {
      expect(ruleViolations(rule, imports)).toEqual([]);
    });
  }
});
