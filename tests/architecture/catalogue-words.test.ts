import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

/*
 * One catalogue holds every word a user reads (src/domain/findings/locales/nl.ts and en.ts). This
 * walks the string literals of src/ outside the catalogue and refuses prose: three or more words in
 * a row. Exempt are the messages of thrown errors (for the engineer; the adapters show the
 * catalogue's words for them) and the files below, whose texts are data the engine reads or
 * writes in a fixed format, not words it says to the user.
 */

const ROOT = resolve(__dirname, "../..");

/** Files whose prose literals are data, with the reason. */
const DATA_FILES: Readonly<Record<string, string>> = {
  "src/domain/model/default-model.ts": "the built-in model: Stadskanaal's themes, parties and status words, which the engine matches cells against",
  "src/domain/agreements/match-header.ts": "header names the engine recognises in a user's sheet",
  "src/domain/core/parse-number.ts": "the words of a range a user types (tot en met, t/m)",
  "src/cli/xlsx/read-xlsx.ts": "Excel's built-in number format codes",
  "src/excel/write-monitoring-sheet.ts": "the comment of the Monitoring sheet's marker name, a tag the add-in writes",
};

/** Three words in a row, with spaces between them ("items/name,items/formula" is a load list, not prose). */
const PROSE = /\p{L}{2,}[,;:]? +\p{L}{2,}[,;:]? +\p{L}{2,}/u;
/** Markup, style sheets and expressions: texts for a parser, not for a reader. */
const CODE_TEXT = /[<>{}=@]/;

function listTsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTsFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** True inside `new SomethingError(...)` or a `super(...)` call of an error class: a message for the engineer. */
function isErrorMessage(node: ts.Node): boolean {
  for (let parent = node.parent; parent !== undefined && !ts.isSourceFile(parent); parent = parent.parent) {
    if (ts.isNewExpression(parent) && /Error$/.test(parent.expression.getText())) return true;
    if (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.SuperKeyword) return true;
    if (ts.isFunctionLike(parent)) return false;
  }
  return false;
}

/** Prose literals of one file's source text, as "line: text". */
function findProse(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const literal = node.text;
      const inModuleSpecifier = ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent);
      if (PROSE.test(literal) && !CODE_TEXT.test(literal) && !inModuleSpecifier && !isErrorMessage(node)) {
        found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${literal}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("one catalogue holds every word a user reads", () => {
  it("finds prose in a literal, and not in an error message or markup (the check can fail)", () => {
    const sample = [
      'button.textContent = "Afdrukken of opslaan als pdf";',
      'throw new Error("the grids were taken already");',
      'const svg = "<svg width=\\"10\\">a b c</svg>";',
    ].join("\n");
    expect(findProse("sample.ts", sample)).toEqual(["1: Afdrukken of opslaan als pdf"]);
  });

  it("has no prose literal in src/ outside the nl/en catalogue and the data files", () => {
    const offenders: string[] = [];
    for (const path of listTsFiles(join(ROOT, "src"))) {
      const file = relative(ROOT, path).split("\\").join("/");
      if (file.startsWith("src/domain/findings/locales/") || file in DATA_FILES) continue;
      for (const hit of findProse(file, readFileSync(path, "utf8"))) offenders.push(`${file}:${hit}`);
    }
    // A hit is a text for the user: move it into locales/nl.ts and en.ts. A text that is data in a
    // fixed format belongs in DATA_FILES, with its reason.
    expect(offenders).toEqual([]);
  });

  it("lists only data files that exist", () => {
    for (const file of Object.keys(DATA_FILES)) expect(statSync(join(ROOT, file)).isFile()).toBe(true);
  });
});
