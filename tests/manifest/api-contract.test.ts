import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import * as ts from "typescript";

/**
 * The API contract: every Excel member src/excel uses is looked up, with the type checker, in
 * @types/office-js's "[Api set: ExcelApi 1.x]" annotations. A member that needs more than the
 * manifest's <Requirements> fails the test unless it sits behind
 * Office.context.requirements.isSetSupported (our isSetSupported) for that set and version, and a
 * test runs the adapter on a host without that set (the fallback is exercised).
 */

const ROOT = path.resolve(__dirname, "..", "..");
const EXCEL_DIR = path.join(ROOT, "src", "excel");

interface Use {
  readonly member: string;
  readonly set: string;
  readonly version: string;
  readonly file: string;
  readonly line: number;
  /** The version of the isSetSupported guard around the use, if any. */
  readonly guard?: string;
}

function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The first "[Api set: Name 1.x" of a declaration's doc comment. */
function readApiSet(declaration: ts.Declaration): { set: string; version: string } | undefined {
  const source = declaration.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(source.text, declaration.getFullStart()) ?? [];
  for (const range of ranges) {
    const match = /\[Api set: (\w+) (\d+\.\d+)/.exec(source.text.slice(range.pos, range.end));
    if (match?.[1] !== undefined && match[2] !== undefined) return { set: match[1], version: match[2] };
  }
  return undefined;
}

/** The version of an enclosing `isSetSupported("<set>", "<version>")` guard (if, &&, ?:). */
function findGuard(node: ts.Node, set: string): string | undefined {
  const guardOf = (condition: ts.Node): string | undefined => {
    const match = new RegExp(`isSetSupported\\("${set}",\\s*"(\\d+\\.\\d+)"\\)`).exec(condition.getText());
    return match?.[1];
  };
  let child: ts.Node = node;
  for (let parent = node.parent; parent !== undefined; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child) {
      const version = guardOf(parent.expression);
      if (version !== undefined) return version;
    }
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child) {
      const version = guardOf(parent.condition);
      if (version !== undefined) return version;
    }
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child) {
      const version = guardOf(parent.left);
      if (version !== undefined) return version;
    }
  }
  return undefined;
}

function listExcelApiUses(): Use[] {
  const files = readdirSync(EXCEL_DIR)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(EXCEL_DIR, f));
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not in the program: ${file}`);
    const visit = (node: ts.Node): void => {
      const name = ts.isPropertyAccessExpression(node) ? node.name : ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) ? node.name : undefined;
      const symbol = name ? checker.getSymbolAtLocation(name) : undefined;
      const declaration = symbol?.declarations?.[0];
      if (name && declaration && declaration.getSourceFile().fileName.includes("@types/office-js")) {
        const api = readApiSet(declaration);
        if (api) {
          const parent = declaration.parent;
          const owner = parent && (ts.isInterfaceDeclaration(parent) || ts.isClassDeclaration(parent)) && parent.name ? parent.name.text : "?";
          const guard = findGuard(node, api.set);
          uses.push({
            member: `${owner}.${name.getText()}`,
            ...api,
            file: path.relative(ROOT, file),
            line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
            ...(guard !== undefined ? { guard } : {}),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

function readManifestRequirement(): string {
  const manifest = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const version = /<Set Name="ExcelApi" MinVersion="(\d+\.\d+)"\/>/.exec(manifest)?.[1];
  if (version === undefined) throw new Error("manifest.xml declares no ExcelApi requirement");
  return version;
}

/** ExcelApi versions the adapter tests run hosts at (apiSets: { ExcelApi: "1.x" }). */
function readTestedHostVersions(): string[] {
  const dir = path.join(ROOT, "tests", "excel");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/ExcelApi: "(\d+\.\d+)"/g)].map((m) => m[1] ?? ""));
}

describe("API contract: src/excel against the manifest's Requirements", () => {
  const uses = listExcelApiUses();
  const required = readManifestRequirement();

  it("finds the Excel members the adapter uses (the lookup works)", () => {
    const members = new Set(uses.map((u) => u.member));
    for (const expected of ["Range.values", "WorksheetCollection.onChanged", "Worksheet.getUsedRange", "RunOptions.mergeUndoGroup"]) {
      expect(members.has(expected)).toBe(true);
    }
  });

  it("uses nothing beyond the manifest's ExcelApi version unless guarded by isSetSupported", () => {
    const violations = uses
      .filter((u) => u.set !== "ExcelApi" || compareVersions(u.version, required) > 0)
      .filter((u) => u.guard === undefined || compareVersions(u.guard, u.version) < 0)
      .map((u) => `${u.member} needs ${u.set} ${u.version} (${u.file}:${u.line})`);
    expect(violations).toEqual([]);
  });

  it("every guarded member's fallback runs in a test (a host below the guard's version)", () => {
    const tested = readTestedHostVersions();
    const guards = [...new Set(uses.filter((u) => u.guard !== undefined && compareVersions(u.version, required) > 0).map((u) => u.guard ?? ""))];
    expect(guards.length).toBeGreaterThan(0);
    for (const guard of guards) {
      expect({ guard, fallbackTested: tested.some((version) => compareVersions(version, guard) < 0) }).toEqual({ guard, fallbackTested: true });
    }
  });
});
