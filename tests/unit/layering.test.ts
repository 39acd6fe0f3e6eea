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
 * layer may not import. Type-only imports count: they are imports of the layer too.
 *
 * How we know it can fail: a scratch file src/dsp/layeringScratch.ts holding
 * `import { createPrng } from '../../tests/support/prng';` and
 * `export const scratchUrl = new URL('../render/sceneRenderer.ts', import.meta.url);` made
 * the tests/ check and the src/dsp rule fail, each naming the file and the specifier; the
 * file was then deleted. The first test below keeps a small version of that check.
 */

/** The repository root, from this file's place in it (tests/unit/). */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCANNED_FOLDERS = ['src', 'worklets'];

/** Folders of ours that a layer may be forbidden to import. */
const OUR_FOLDERS = ['src/core', 'src/dsp', 'src/render', 'src/io', 'src/engine', 'src/state', 'src/ui', 'src/cli', 'worklets', 'scenes', 'hrtf'];

interface LayerRule {
  /** The files the rule is about: those under this folder... */
  readonly layer: string;
  /** ...but not under this one. */
  readonly exceptUnder?: string;
  readonly mustNotImport: readonly string[];
}

/** Every folder of ours except the given ones. */
function allBut(...allowed: string[]): string[] {
  return OUR_FOLDERS.filter((folder) => !allowed.includes(folder));
}

const RULES: readonly LayerRule[] = [
  { layer: 'src/core', mustNotImport: allBut('src/core') },
  { layer: 'src/dsp', mustNotImport: allBut('src/dsp', 'src/core') },
  { layer: 'src/render', mustNotImport: allBut('src/render', 'src/core', 'src/dsp') },
  { layer: 'src/io', mustNotImport: allBut('src/io', 'src/core') },
  { layer: 'worklets', mustNotImport: allBut('worklets', 'src/core', 'src/dsp', 'src/render') },
  { layer: 'src/engine', mustNotImport: ['src/state', 'src/ui', 'src/cli'] },
  { layer: 'src/state', mustNotImport: ['src/dsp', 'src/render', 'src/io', 'src/ui', 'src/cli', 'worklets', 'scenes', 'hrtf'] },
  { layer: 'src/ui', mustNotImport: ['src/dsp', 'src/render', 'src/cli', 'worklets', 'scenes', 'hrtf'] },
  { layer: 'src/cli', mustNotImport: ['src/state', 'src/ui'] },
  { layer: 'src/cli', exceptUnder: 'src/cli/browser', mustNotImport: ['src/engine', 'worklets'] },
];

/** One module named by a file; paths are repository-relative with '/' separators. */
interface ModuleImport {
  readonly file: string;
  readonly specifier: string;
  readonly target: string;
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

/** The relative module specifiers in one file's text, parsed (so comments and strings are not read as imports). */
function importsOf(file: string, text: string): ModuleImport[] {
  const imports: ModuleImport[] = [];
  const visit = (node: ts.Node): void => {
    const specifier = specifierOf(node);
    if (specifier?.startsWith('.')) {
      // Vite's suffixes (?url, ?worker&url) name the same file.
      imports.push({ file, specifier, target: posix.join(posix.dirname(file), specifier.replace(/[?#].*$/, '')) });
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

function ruleViolations(rule: LayerRule, imports: readonly ModuleImport[]): string[] {
  return imports
    .filter((entry) => isUnder(entry.file, rule.layer) && (rule.exceptUnder === undefined || !isUnder(entry.file, rule.exceptUnder)))
    .filter((entry) => rule.mustNotImport.some((folder) => isUnder(entry.target, folder)))
    .map(describeImport);
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
      "src/dsp/sample.ts imports '../render/c'",
      "src/dsp/sample.ts imports '../engine/d'",
      "src/dsp/sample.ts imports '../ui/f.ts?url'",
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
    it(`${scope} imports nothing from ${rule.mustNotImport.join(', ')}`, () => {
      expect(ruleViolations(rule, imports)).toEqual([]);
    });
  }
});
