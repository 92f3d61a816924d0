import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/*
 * The lint rule import-x/no-cycle sees only imports that stay at run time. A cycle of type
 * imports is still a cycle for a reader (neither module is the lower layer), so this walks every
 * relative import and export of src/ and bench/, type-only ones included.
 */

const ROOT = resolve(__dirname, "../..");

function listTsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTsFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, "index.ts"), base, base.replace(/\.js$/, ".ts")].find((path) => files.has(path));
}

/** One-based lines of a module's top-level statements that do something when it is imported. */
function listStatementsRunOnImport(source: ts.SourceFile): number[] {
  const declarations = new Set([
    ts.SyntaxKind.ImportDeclaration,
    ts.SyntaxKind.ExportDeclaration,
    ts.SyntaxKind.VariableStatement,
    ts.SyntaxKind.FunctionDeclaration,
    ts.SyntaxKind.InterfaceDeclaration,
    ts.SyntaxKind.TypeAliasDeclaration,
    ts.SyntaxKind.ClassDeclaration,
    ts.SyntaxKind.EnumDeclaration,
  ]);
  return source.statements.filter((statement) => !declarations.has(statement.kind)).map((statement) => source.getLineAndCharacterOfPosition(statement.getStart()).line + 1);
}

function findStatementsRunOnImport(file: string): number[] {
  return listStatementsRunOnImport(ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true));
}

/** Groups of modules that import each other, directly or around a ring (Tarjan's strongly connected components). */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    order.set(node, order.size);
    low.set(node, order.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, order.get(next) as number));
      }
    }
    if (low.get(node) !== order.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(group);
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return cycles;
}

function buildImportGraph(dirs: readonly string[]): Map<string, string[]> {
  const files = new Set(dirs.flatMap((dir) => listTsFiles(join(ROOT, dir))));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .filter((ref) => ref.fileName.startsWith("."))
      .map((ref) => resolveImport(file, ref.fileName, files))
      .filter((path): path is string => path !== undefined);
    graph.set(file, targets);
  }
  return graph;
}

describe("module boundaries", () => {
  it("finds a cycle in a deliberately cyclic graph (the check can fail)", () => {
    const graph = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
    expect(findCycles(graph).map((group) => group.sort())).toEqual([["a", "b", "c"]]);
  });

  it("has no import cycle in src/ or bench/, type-only imports included", () => {
    const graph = buildImportGraph(["src", "bench"]);
    expect(graph.size).toBeGreaterThan(50);
    expect(findCycles(graph).map((group) => group.map((path) => relative(ROOT, path)))).toEqual([]);
  });

  it("keeps every module of src/domain free of statements run on import (the pane's bundle relies on it)", () => {
    // webpack.config.js declares src/domain free of side effects, so the pane's bundle keeps only
    // the domain modules it uses: a module that registers or changes something when imported would
    // be dropped from it silently. Declarations only, then, at a module's top level.
    const offenders = listTsFiles(join(ROOT, "src/domain")).flatMap((file) => findStatementsRunOnImport(file).map((line) => `${relative(ROOT, file)}:${line}`));
    expect(offenders).toEqual([]);
  });

  it("finds a statement run on import in a module that has one (the check can fail)", () => {
    const sample = ts.createSourceFile("sample.ts", 'import { a } from "./a";\nexport const b = 1;\nregister(b);\n', ts.ScriptTarget.ES2022, true);
    expect(listStatementsRunOnImport(sample)).toEqual([3]);
  });

  it("keeps at most 6 files at the root of src/domain: the rest live in concept folders", () => {
    const rootFiles = readdirSync(join(ROOT, "src/domain")).filter((name) => name.endsWith(".ts"));
    expect(rootFiles.length).toBeLessThanOrEqual(6);
  });
});
