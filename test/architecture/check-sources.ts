// The checker behind test/architecture.test.ts: which layer imports which, what the pure layers
// touch, and import cycles, read from a syntax tree made by TypeScript's own parser.
//
// Why this parser: TypeScript 7 is the native (Go) compiler. Its JavaScript package has the
// syntax tree types, a scanner, a factory and visitors in-process (`typescript/unstable/ast`),
// but no parser: source text becomes a tree only in the Go process. The supported way to get
// that tree is `typescript/unstable/sync`, which starts the bundled tsgo binary once and
// answers synchronously over a pipe; a `FileSystem` of callbacks (`typescript/unstable/fs`)
// lets it read sources from memory. So every source, read from disk or written in a test, is
// handed over as an in-memory file and parsed by the same parser that typechecks the project
// (about 0.1 s to start, a few hundred ms for all of src/). Another parser (babel, oxc, the
// TypeScript 5 compiler) would be one more dependency that can disagree with the compiler on
// new syntax; regular expressions were fooled by `from 'fs'` (no `node:`), `process.cwd()` and
// anything split over lines.
//
// An .astro file is parsed as TypeScript after every character outside its frontmatter and its
// <script> blocks is blanked (newlines kept), so positions stay those of the .astro file. The
// template's `{expressions}` are not read: they can only use what the frontmatter imports.
import path from 'node:path/posix';
import { API } from 'typescript/unstable/sync';
import { createVirtualFileSystem } from 'typescript/unstable/fs';
import {
  SyntaxKind,
  type CallExpression,
  type ExportDeclaration,
  type Identifier,
  type ImportDeclaration,
  type ImportEqualsDeclaration,
  type ImportTypeNode,
  type LiteralTypeNode,
  type NewExpression,
  type Node,
  type PropertyAccessExpression,
  type SourceFile,
} from 'typescript/unstable/ast';
import { isTypeNode } from 'typescript/unstable/ast/is';

/** A source file by its path under src/ (posix separators), e.g. `compute/meets-target.ts`. */
export interface Source {
  path: string;
  text: string;
}

export type ViolationKind = 'unknown-layer' | 'layer' | 'io-module' | 'process' | 'clock' | 'cycle' | 'syntax';

export interface Violation {
  kind: ViolationKind;
  /** Path under src/ and 1-based line. */
  file: string;
  line: number;
  message: string;
}

/** Which layers each layer may import besides itself (ARCHITECTURE.md, "Who may import whom"). */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  spec: [],
  util: [],
  effects: [],
  diagnostics: ['spec', 'util'],
  parse: ['spec', 'diagnostics', 'util', 'effects'],
  validate: ['spec', 'parse', 'diagnostics', 'util'],
  model: ['spec', 'parse', 'diagnostics', 'util'],
  metrics: ['spec', 'model', 'diagnostics', 'util', 'effects'],
  tickets: ['spec', 'model', 'metrics', 'diagnostics', 'util', 'effects'],
  compute: ['spec', 'metrics', 'model', 'diagnostics', 'util'],
  pipeline: ['spec', 'parse', 'validate', 'model', 'metrics', 'tickets', 'compute', 'diagnostics', 'util', 'effects'],
  render: ['spec', 'compute', 'metrics', 'tickets', 'model', 'diagnostics', 'util'],
  site: ['spec', 'parse', 'validate', 'model', 'metrics', 'tickets', 'compute', 'render', 'diagnostics', 'util', 'effects', 'pipeline'],
  diff: ['spec', 'parse', 'validate', 'model', 'metrics', 'tickets', 'compute', 'render', 'diagnostics', 'util', 'effects', 'pipeline'],
  cli: ['spec', 'parse', 'validate', 'model', 'metrics', 'tickets', 'compute', 'render', 'diagnostics', 'util', 'effects', 'pipeline', 'site', 'diff'],
};

/** Layers that are pure functions of their input: no I/O, no process, no clock. */
export const PURE_LAYERS: readonly string[] = ['util', 'spec', 'diagnostics', 'parse', 'validate', 'model', 'compute', 'render'];

/** Node modules that reach the file system, other processes, the network or other threads. */
const IO_MODULES = new Set(['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'http2', 'dgram', 'worker_threads', 'cluster', 'process']);

const ioModule = (specifier: string) => IO_MODULES.has(specifier.replace(/^node:/, ''));

/** `compute/meets-target.ts` -> `compute`; `effects.ts` -> `effects`. */
export const layerOf = (file: string) => file.split('/')[0]!.replace(/\.(d\.)?tsx?$/, '');

/** Where the sources sit in the parser's in-memory file system. */
const VIRTUAL_SRC = '/goalpost/src/';

/** The code of an .astro file (frontmatter and <script> blocks) at its own positions; other text blanked. */
export function astroCode(text: string): string {
  const keep: [number, number][] = [];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter) keep.push([frontmatter.index + frontmatter[0].indexOf('\n') + 1, frontmatter.index + frontmatter[0].lastIndexOf('\n')]);
  for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = script.index + script[0].indexOf('>') + 1;
    keep.push([start, start + script[1]!.length]);
  }
  let code = '';
  let at = 0;
  for (const [start, end] of keep) {
    code += text.slice(at, start).replace(/[^\n]/g, ' ') + text.slice(start, end);
    at = end;
  }
  return code + text.slice(at).replace(/[^\n]/g, ' ');
}

interface ImportEdge {
  specifier: string;
  line: number;
}

interface FileFacts {
  imports: ImportEdge[];
  /** Uses of the global process, and reads of the clock. */
  findings: Violation[];
}

const stringValue = (node: Node | undefined): string | undefined =>
  node && (node.kind === SyntaxKind.StringLiteral || node.kind === SyntaxKind.NoSubstitutionTemplateLiteral) ? (node as unknown as { text: string }).text : undefined;

const isNamed = (node: Node, name: string) => node.kind === SyntaxKind.Identifier && (node as Identifier).text === name;

/** `name.member`, also when written `globalThis.name.member`. */
function isMemberOf(node: Node, name: string, member: string): boolean {
  if (node.kind !== SyntaxKind.PropertyAccessExpression) return false;
  const access = node as PropertyAccessExpression;
  return isNamed(access.name, member) && (isNamed(access.expression, name) || isGlobalMember(access.expression, name));
}

const isGlobalMember = (node: Node, name: string) =>
  node.kind === SyntaxKind.PropertyAccessExpression &&
  isNamed((node as PropertyAccessExpression).name, name) &&
  ['globalThis', 'global', 'window'].some((global) => isNamed((node as PropertyAccessExpression).expression, global));

/** `Date` or `globalThis.Date`. */
const isGlobal = (node: Node, name: string) => isNamed(node, name) || isGlobalMember(node, name);

/**
 * True when an identifier reads a variable: not a declaration's name, not a member or property
 * name, not in a type. (A local variable called `process` counts as the global: the checker
 * works from syntax, and such a name would mislead a reader anyway.)
 */
function readsVariable(id: Identifier): boolean {
  const parent = id.parent as Node & { name?: Node; propertyName?: Node; right?: Node; label?: Node };
  if (parent.kind === SyntaxKind.ShorthandPropertyAssignment) return true;
  if (parent.name === id || parent.propertyName === id || parent.label === id) return false;
  if (parent.kind === SyntaxKind.QualifiedName && parent.right === id) return false;
  for (let node: Node | undefined = parent; node && node.kind !== SyntaxKind.SourceFile; node = node.parent) {
    if (isTypeNode(node) && node.kind !== SyntaxKind.ExpressionWithTypeArguments) return false;
  }
  return true;
}

function factsOf(file: string, tree: SourceFile): FileFacts {
  const imports: ImportEdge[] = [];
  const findings: Violation[] = [];
  const lineOf = (node: Node) => tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
  const addImport = (specifierNode: Node | undefined, at: Node) => {
    const specifier = stringValue(specifierNode);
    if (specifier !== undefined) imports.push({ specifier, line: lineOf(at) });
    else if (specifierNode) findings.push({ kind: 'syntax', file, line: lineOf(at), message: `${file}:${lineOf(at)} imports a computed path, which no checker can follow` });
  };
  const find = (kind: 'process' | 'clock', node: Node, what: string) => findings.push({ kind, file, line: lineOf(node), message: `${file}:${lineOf(node)} ${what}` });

  const visit = (node: Node): void => {
    switch (node.kind) {
      case SyntaxKind.ImportDeclaration:
        addImport((node as ImportDeclaration).moduleSpecifier, node);
        break;
      case SyntaxKind.ExportDeclaration:
        addImport((node as ExportDeclaration).moduleSpecifier, node);
        break;
      case SyntaxKind.ImportEqualsDeclaration: {
        const reference = (node as ImportEqualsDeclaration).moduleReference;
        if (reference.kind === SyntaxKind.ExternalModuleReference) addImport((reference as unknown as { expression: Node }).expression, node);
        break;
      }
      case SyntaxKind.ImportType: {
        const argument = (node as ImportTypeNode).argument;
        if (argument.kind === SyntaxKind.LiteralType) addImport((argument as LiteralTypeNode).literal, node);
        break;
      }
      case SyntaxKind.CallExpression: {
        const call = node as CallExpression;
        if (call.expression.kind === SyntaxKind.ImportKeyword || isNamed(call.expression, 'require')) addImport(call.arguments[0], node);
        else if (isGlobal(call.expression, 'Date')) find('clock', node, 'reads the clock: Date()');
        break;
      }
      case SyntaxKind.NewExpression: {
        const created = node as NewExpression;
        if (isGlobal(created.expression, 'Date') && !created.arguments?.length) find('clock', node, 'reads the clock: new Date()');
        break;
      }
      case SyntaxKind.PropertyAccessExpression:
        if (isMemberOf(node, 'Date', 'now')) find('clock', node, 'reads the clock: Date.now');
        else if (isMemberOf(node, 'performance', 'now')) find('clock', node, 'reads the clock: performance.now');
        else if (isGlobalMember(node, 'process')) find('process', node, 'uses the global process');
        break;
      case SyntaxKind.Identifier:
        if (isNamed(node, 'process') && readsVariable(node as Identifier)) find('process', node, 'uses the global process');
        break;
    }
    node.forEachChild(visit);
  };
  visit(tree);
  return { imports, findings };
}

/** Parses every source with TypeScript's parser (see the header) and returns the facts of each. */
function parseAll(sources: readonly Source[]): { facts: Map<string, FileFacts>; syntax: Violation[] } {
  const virtualPath = (file: string) => VIRTUAL_SRC + file + (file.endsWith('.astro') ? '.ts' : '');
  const files = Object.fromEntries(sources.map((source) => [virtualPath(source.path), source.path.endsWith('.astro') ? astroCode(source.text) : source.text]));
  const api = new API({ cwd: '/goalpost', fs: createVirtualFileSystem(files) });
  try {
    const opened = sources.map((source) => virtualPath(source.path));
    const snapshot = api.updateSnapshot({ openFiles: opened });
    const facts = new Map<string, FileFacts>();
    const syntax: Violation[] = [];
    for (const source of sources) {
      const program = snapshot.getDefaultProjectForFile(virtualPath(source.path))?.program;
      const tree = program?.getSourceFile(virtualPath(source.path));
      if (!program || !tree) throw new Error(`TypeScript did not parse ${source.path}`);
      for (const diagnostic of program.getSyntacticDiagnostics(virtualPath(source.path))) {
        const line = tree.getLineAndCharacterOfPosition(diagnostic.pos).line + 1;
        syntax.push({ kind: 'syntax', file: source.path, line, message: `${source.path}:${line} does not parse: ${diagnostic.text}` });
      }
      facts.set(source.path, factsOf(source.path, tree));
    }
    return { facts, syntax };
  } finally {
    api.close();
  }
}

/** The src/ file a relative specifier names, or null when it leaves src/. */
function resolveRelative(from: string, specifier: string): string | null {
  const target = path.normalize(path.join(path.dirname(from), specifier));
  return target.startsWith('../') ? null : target;
}

/** Every import cycle among the sources, each as one path that returns to its start. */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components; a component of two or more files, or a file that
  // imports itself, holds a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      components.push(component);
    }
  };
  for (const file of [...edges.keys()].sort()) if (!index.has(file)) connect(file);

  return components
    .filter((component) => component.length > 1 || (edges.get(component[0]!) ?? []).includes(component[0]!))
    .map((component) => cycleThrough(component.sort()[0]!, new Set(component), edges))
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The shortest path from `start` back to itself inside one component (breadth first). */
function cycleThrough(start: string, component: ReadonlySet<string>, edges: ReadonlyMap<string, readonly string[]>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    const file = queue[at]!;
    for (const next of edges.get(file) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const cycle = [start];
        for (let step: string | undefined = file; step !== start && step !== undefined; step = cameFrom.get(step)) cycle.splice(1, 0, step);
        return [...cycle, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** Every way the sources break the layering, do I/O in a pure layer, or import in a circle. */
export function checkSources(sources: readonly Source[]): Violation[] {
  const { facts, syntax } = parseAll(sources);
  const known = new Set(sources.map((source) => source.path));
  const violations: Violation[] = [...syntax];
  const edges = new Map<string, string[]>();

  for (const source of sources) {
    const layer = layerOf(source.path);
    const allowed = LAYERS[layer];
    const pure = PURE_LAYERS.includes(layer);
    const { imports, findings } = facts.get(source.path)!;
    if (!allowed) violations.push({ kind: 'unknown-layer', file: source.path, line: 1, message: `${source.path} is in no layer of ARCHITECTURE.md (${layer})` });
    if (pure) violations.push(...findings);
    const targets: string[] = [];
    for (const { specifier, line } of imports) {
      const where = `${source.path}:${line}`;
      if (!specifier.startsWith('.')) {
        if (pure && ioModule(specifier)) violations.push({ kind: 'io-module', file: source.path, line, message: `${where} imports ${specifier} in the pure layer ${layer}` });
        continue;
      }
      const target = resolveRelative(source.path, specifier);
      if (target === null) {
        violations.push({ kind: 'layer', file: source.path, line, message: `${where} imports ${specifier}, outside src/` });
        continue;
      }
      const targetLayer = layerOf(target);
      if (allowed && targetLayer !== layer && !allowed.includes(targetLayer)) {
        violations.push({ kind: 'layer', file: source.path, line, message: `${where} imports ${specifier}: ${layer} may not import ${targetLayer}` });
      }
      if (known.has(target)) targets.push(target);
    }
    edges.set(source.path, targets);
  }

  for (const cycle of findCycles(edges)) {
    violations.push({ kind: 'cycle', file: cycle[0]!, line: 1, message: `import cycle: ${cycle.join(' -> ')}` });
  }
  return violations;
}
