import { checkCrossChecks } from "../../../src/domain/tables/rules/check-cross-checks";
import { DEFAULT_MODEL } from "../../../src/domain/model/default-model";
import { toColumnLetters } from "../../../src/domain/core/grid";
import { formatMessage } from "../../../src/domain/findings/messages";
import type { CrossCheckDef, Model } from "../../../src/domain/model/model";
import { parseOperand } from "../../../src/domain/model/model-sheet-format";
import type { NumericTable, TableValue } from "../../../src/domain/tables/table";

type Cell = number | [number, number] | "unknown" | "invalid";

function value(cell: Cell, decimals = 0): TableValue {
  if (cell === "unknown") return { kind: "unknown" };
  if (cell === "invalid") return { kind: "invalid", text: "veel" };
  if (Array.isArray(cell)) return { kind: "interval", min: cell[0], max: cell[1], decimals, percent: false };
  return { kind: "number", value: cell, decimals, percent: false, fromText: false };
}

/** A table whose header is at `headerRow` (one-based) in column A, values from column B. */
function table(options: {
  id: string;
  number?: string;
  sheet?: string;
  headerRow: number;
  headers: string[];
  rows: [string, ...Cell[]][];
  decimals?: number;
}): NumericTable {
  const sheet = options.sheet ?? "Tabellen";
  return {
    id: options.id,
    ...(options.number !== undefined ? { number: options.number } : {}),
    sheet,
    range: `A${options.headerRow}:${toColumnLetters(options.headers.length)}${options.headerRow + options.rows.length}`,
    headerLabel: "Aantallen",
    headerRow: options.headerRow,
    columns: options.headers.map((header, i) => ({
      header,
      ...(/^\d{4}$/.test(header) ? { year: Number(header) } : {}),
      column: toColumnLetters(i + 1),
    })),
    rows: options.rows.map(([label, ...cells], r) => ({
      label,
      row: options.headerRow + 1 + r,
      values: cells.map((c) => value(c, options.decimals ?? 0)),
      cells: cells.map((_, i) => `${toColumnLetters(i + 1)}${options.headerRow + 1 + r}`),
    })),
  };
}

const TABEL_1 = table({
  id: "Tabel 1",
  number: "1",
  headerRow: 2,
  headers: ["2020", "2021", "2022"],
  rows: [
    ["Stand per 1 januari", 3885, 3796, 3810],
    ["Nieuwbouw", 0, 22, 16],
    ["Verkoop", 0, [-25, -20], [-25, -20]],
    ["Sloop", "unknown", "invalid", 0],
  ],
});
const TABEL_5 = table({
  id: "Tabel 5",
  number: "5",
  sheet: "Duurzaamheid",
  headerRow: 10,
  headers: ["2020", "2021", "2022"],
  rows: [
    ["Aantal NOM nieuwbouw", 0, 22, 18],
    ["Investering", 0, 4324, 2768],
    ["Investering", 1, 1, 1],
  ],
});
const TABEL_8 = table({ id: "Tabel 8", number: "8", headerRow: 20, headers: ["2020"], rows: [["Vrije sector woningen totaal", 140], ["- Standaard vrije sector", 64]] });
const TABEL_8_2 = table({
  id: "Tabel 8 (2)",
  number: "8",
  headerRow: 30,
  headers: ["Derden", "Eigen personeel", "Saldo"],
  rows: [["Aanleg/onderhoud kleinschalige infrastructuur", 43, 22, 65]],
});
const TABEL_9 = table({ id: "Tabel 9", number: "9", headerRow: 40, headers: ["2021"], rows: [["Aandeel", 29.2]], decimals: 1 });
const TABLES = [TABEL_1, TABEL_5, TABEL_8, TABEL_8_2, TABEL_9];

function check(left: string | number, operator: CrossCheckDef["operator"], right: string | number, tolerance = 0): CrossCheckDef {
  const l = parseOperand(left);
  const r = parseOperand(right);
  if (!l || !r) throw new Error(`bad operand in test: ${left} / ${right}`);
  return { label: `${left} ${operator} ${right}`, left: l, operator, right: r, tolerance, source: { sheet: "Model", cell: "A40" } };
}

function run(...checks: CrossCheckDef[]) {
  const model: Model = { ...DEFAULT_MODEL, crossChecks: checks };
  return checkCrossChecks(TABLES, model);
}

describe("checkCrossChecks", () => {
  it("passes when both sides agree (seed: Tabel 1 Nieuwbouw 2021 = Tabel 5 Aantal NOM nieuwbouw 2021)", () => {
    expect(run(check("Tabel 1 / Nieuwbouw / 2021", "=", "Tabel 5 / Aantal NOM nieuwbouw / 2021"))).toEqual([]);
  });

  it("a failing check is a cross-check error at the left side's table cell, naming the Controle", () => {
    const c = check("Tabel 1 / nieuwbouw / 2022", "=", "Tabel 5 / aantal  NOM nieuwbouw / 2022");
    const findings = run(c);
    expect(findings).toEqual([
      {
        code: "cross-check",
        severity: "error",
        sheet: "Tabellen",
        cell: "D4",
        row: 4,
        table: "Tabel 1",
        params: { check: c.label, left: 16, operator: "=", right: 18 },
        actual: 16,
        expected: 18,
      },
    ]);
    expect(formatMessage(findings[0]!, "nl")).toBe(`Controle '${c.label}' klopt niet: 16 = 18 geldt niet. Verschil: 2 te weinig.`);
  });

  it("with a number on the left, the finding sits at the right side's cell", () => {
    const [finding] = run(check(17, "=", "Tabel 5 / Aantal NOM nieuwbouw / 2022"));
    expect(finding).toMatchObject({ sheet: "Duurzaamheid", cell: "D11", table: "Tabel 5" });
  });

  it("applies the tolerance", () => {
    expect(run(check("Tabel 1 / Nieuwbouw / 2022", "=", "Tabel 5 / Aantal NOM nieuwbouw / 2022", 2))).toEqual([]);
    expect(run(check("Tabel 1 / Nieuwbouw / 2022", "=", "Tabel 5 / Aantal NOM nieuwbouw / 2022", 1.5))).toHaveLength(1);
  });

  it("evaluates <= and >=", () => {
    expect(run(check("Tabel 1 / Nieuwbouw / 2022", "<=", "Tabel 5 / Aantal NOM nieuwbouw / 2022"))).toEqual([]);
    expect(run(check("Tabel 1 / Nieuwbouw / 2022", ">=", "Tabel 5 / Aantal NOM nieuwbouw / 2022"))).toHaveLength(1);
    expect(run(check("Tabel 5 / Investering / 2021", ">=", "4.324"))).toEqual([]);
    expect(run(check("Tabel 5 / Investering / 2021", "<=", "4.323"))).toHaveLength(1);
  });

  it("intervals: = holds when they overlap, <= and >= when some value satisfies them", () => {
    expect(run(check("Tabel 1 / Verkoop / 2021", "=", -22))).toEqual([]);
    expect(run(check("Tabel 1 / Verkoop / 2021", "=", -20))).toEqual([]);
    expect(run(check("Tabel 1 / Verkoop / 2021", "=", "Tabel 1 / Verkoop / 2022"))).toEqual([]);
    const [miss] = run(check("Tabel 1 / Verkoop / 2021", "=", -19));
    expect(miss?.params).toMatchObject({ left: "-25…-20", right: -19 });
    expect(run(check("Tabel 1 / Verkoop / 2021", "=", -19, 1))).toEqual([]);
    expect(run(check("Tabel 1 / Verkoop / 2021", "<=", -25))).toEqual([]);
    expect(run(check("Tabel 1 / Verkoop / 2021", "<=", -26))).toHaveLength(1);
    expect(run(check("Tabel 1 / Verkoop / 2021", ">=", -20))).toEqual([]);
    expect(run(check("Tabel 1 / Verkoop / 2021", ">=", -19))).toHaveLength(1);
  });

  it("allows the rounding of shown decimals, never float noise", () => {
    // 29.2 shown with one decimal may be 29.15 … 29.25.
    expect(run(check("Tabel 9 / Aandeel / 2021", "=", 29.25))).toEqual([]);
    expect(run(check("Tabel 9 / Aandeel / 2021", "=", 29.26))).toHaveLength(1);
    expect(run(check(0.1 + 0.2, "=", 0.3))).toEqual([]);
  });

  it("integer cells compare exactly", () => {
    expect(run(check("Tabel 5 / Aantal NOM nieuwbouw / 2021", "=", 22.4))).toHaveLength(1);
  });

  it("a duplicated table number resolves to the first table whose row and column match", () => {
    expect(run(check("Tabel 8 / Vrije sector woningen totaal / 2020", "=", 140))).toEqual([]);
    const [finding] = run(check("Tabel 8 / Aanleg/onderhoud kleinschalige infrastructuur / Derden", "=", 44));
    expect(finding).toMatchObject({ cell: "B31", table: "Tabel 8 (2)" });
    expect(run(check("Tabel 8 (2) / Aanleg/onderhoud kleinschalige infrastructuur / saldo", "=", 65))).toEqual([]);
  });

  it("matches labels without their HTML, and sub-rows without their dash", () => {
    expect(run(check("Tabel 5 / <i>Aantal NOM nieuwbouw</i> / 2021", "=", 22))).toEqual([]);
    expect(run(check("Tabel 8 / Standaard vrije sector / 2020", "=", 64))).toEqual([]);
  });

  it("a repeated row label resolves to its first row", () => {
    expect(run(check("Tabel 5 / Investering / 2022", "=", 2768))).toEqual([]);
  });

  it("a reference that points at nothing is invalid-model at the Controle's cell", () => {
    const findings = run(
      check("Tabel 7 / Nieuwbouw / 2021", "=", 3),
      check("Tabel 1 / Nieuwbouw / 2030", "=", "Tabel 1 / Bestaat niet / 2021"),
    );
    expect(findings.map((f) => [f.code, f.sheet, f.cell, f.params?.["problem"], f.params?.["value"]])).toEqual([
      ["invalid-model", "Model", "A40", "unresolved-reference", "Tabel 7 / Nieuwbouw / 2021"],
      ["invalid-model", "Model", "A40", "unresolved-reference", "Tabel 1 / Nieuwbouw / 2030"],
      ["invalid-model", "Model", "A40", "unresolved-reference", "Tabel 1 / Bestaat niet / 2021"],
    ]);
    expect(formatMessage(findings[0]!, "en")).toBe("Model (Controles): reference 'Tabel 7 / Nieuwbouw / 2021' points at nothing.");
  });

  it("built-in checks (no source) are skipped where the workbook lacks their tables", () => {
    const { source: _source, ...builtIn } = check("Tabel 7 / Nieuwbouw / 2021", "=", 3);
    expect(run(builtIn)).toEqual([]);
  });

  it("does not evaluate unknown or invalid cells (the table rules report those)", () => {
    expect(run(check("Tabel 1 / Sloop / 2020", "=", 5), check("Tabel 1 / Sloop / 2021", "=", 5))).toEqual([]);
  });

  it("two numbers that disagree are reported at the Controle", () => {
    expect(run(check(1, "=", 2))).toMatchObject([{ code: "cross-check", sheet: "Model", cell: "A40", row: 40 }]);
  });

  it("does nothing without declared checks", () => {
    expect(checkCrossChecks(TABLES, { ...DEFAULT_MODEL, crossChecks: [] })).toEqual([]);
  });
});
