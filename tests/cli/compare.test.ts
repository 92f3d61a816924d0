import { join } from "path";
import { parseArguments } from "../../src/cli/parse-arguments";
import type { CheckComparison } from "../../src/domain";
import { runCliCaptured } from "./run-cli";

const FIXTURES = join(__dirname, "..", "fixtures");
const V2022 = join(FIXTURES, "monitor-2022.xlsx");
const V2023 = join(FIXTURES, "monitor-2023.xlsx");

describe("prestatiemonitor compare", () => {
  it("parses compare with its two workbooks and refuses other counts", () => {
    expect(parseArguments(["compare", "a.xlsx", "b.xlsx", "--json"])).toEqual({ kind: "compare", previous: "a.xlsx", current: "b.xlsx", json: true, lang: "nl" });
    expect(() => parseArguments(["compare", "a.xlsx"])).toThrow("precies twee werkmappen");
    expect(() => parseArguments(["compare", "a.xlsx", "b.xlsx", "c.xlsx"])).toThrow("precies twee werkmappen");
    expect(() => parseArguments(["compare", "a.xlsx", "b.xlsx", "--party", "Lefier"])).toThrow("--party hoort bij check");
  });

  it("prints status changes (worse first), added and removed agreements, new and solved findings in Dutch", async () => {
    const run = await runCliCaptured(["compare", V2022, V2023]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual([
      "Vergelijking: monitor-2022.xlsx (2022) -> monitor-2023.xlsx (2023)",
      "Afspraken: 9 in beide, 1 nieuw, 1 vervallen",
    ]);
    const sections = lines.filter((l) => /^[A-Z]/.test(l) && l === l.toUpperCase());
    expect(sections).toEqual([
      "STATUS VERSLECHTERD (1)",
      "STATUS VERBETERD (2)",
      "NIEUWE AFSPRAKEN (1)",
      "VERVALLEN AFSPRAKEN (1)",
      "NIEUWE BEVINDINGEN (3)",
      "OPGELOSTE BEVINDINGEN (1)",
    ]);
    expect(run.stdout).toContain("  Afspraken!K6  groen -> rood  Duurzaamheid: Nieuwbouwwoningen worden nul-op-de-meter gebouwd (Lefier en Woonservice)");
    expect(run.stdout).toContain("  Afspraken!L9  stale-explanation  De toelichting bij status oranje in 2023 is dezelfde als die van 2022; werk haar bij.");
    expect(run.stdout).not.toContain("1.250 beoogd"); // not among the changes: that finding is in both versions
  });

  it("gives the comparison as JSON, version 1", async () => {
    const run = await runCliCaptured(["compare", V2022, V2023, "--json", "--lang", "en"]);
    expect(run.code).toBe(0);
    const comparison = JSON.parse(run.stdout) as CheckComparison;
    expect(Object.keys(comparison)).toEqual(["version", "previous", "current", "agreements", "statusChanges", "findings", "summary"]);
    expect(comparison.summary).toEqual({ added: 1, removed: 1, worse: 1, better: 2, other: 0, newFindings: 3, solvedFindings: 1, newErrors: 0 });
    expect(comparison.statusChanges.map((c) => [c.change, c.from, c.to, c.previous.cell, c.current.cell])).toEqual([
      ["worse", "groen", "rood", "G5", "K6"],
      ["better", "rood", "groen", "G7", "K8"],
      ["better", "rood", "oranje", "G11", "K12"],
    ]);
    expect(comparison.findings.new.map((f) => [f.code, f.cell])).toEqual([
      ["status-vs-realisation", "K7"],
      ["status-vs-realisation", "K8"],
      ["stale-explanation", "L9"],
    ]);
    expect(comparison.findings.solved.map((f) => [f.code, f.cell, f.message])).toEqual([
      ["status-vs-realisation", "G4", "The status does not match the figures for 2022: 225 targeted, 120 realised (53%), status groen; the figures point to oranje."],
    ]);
  });

  it("reports nothing between a workbook and itself", async () => {
    const run = await runCliCaptured(["compare", V2023, V2023, "--lang", "en"]);
    expect(run.stdout).toBe(
      "Comparison: monitor-2023.xlsx (2023) -> monitor-2023.xlsx (2023)\nAgreements: 10 in both, 0 added, 0 removed\n\nNo differences in agreements, statuses or findings.\n",
    );
  });

  it("exits 2 with one line on stderr when a workbook is unusable", async () => {
    const run = await runCliCaptured(["compare", V2022, join(FIXTURES, "not-a-workbook.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^prestatiemonitor: .*not an \.xlsx workbook.*\n$/);
  });
});
