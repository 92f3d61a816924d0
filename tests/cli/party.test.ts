import { join } from "path";
import { parseArguments } from "../../src/cli/parse-arguments";
import type { PartyView, Report } from "../../src/domain";
import { runCliCaptured } from "./run-cli";

const V2023 = join(__dirname, "..", "fixtures", "monitor-2023.xlsx");

describe("prestatiemonitor check --party", () => {
  it("parses --party", () => {
    expect(parseArguments(["check", "a.xlsx", "--party", "Lefier"])).toMatchObject({ kind: "check", party: "Lefier" });
  });

  it("prints the workbook's verdict line, then the party's own list with status, Toelichting and findings", async () => {
    const run = await runCliCaptured(["check", V2023, "--party", "woonservice"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^In orde: monitor-2023\.xlsx: 0 fouten, 5 waarschuwingen/);
    expect(lines[2]).toBe("Afspraken van Woonservice in 2023: 7");
    // Shared with Lefier, and through the group word "corporaties".
    expect(run.stdout).toContain("  Afspraken!K6  rood  Duurzaamheid: Nieuwbouwwoningen worden nul-op-de-meter gebouwd (Lefier en Woonservice)\n      Toelichting: Stikstofuitspraak vertraagt de bouw\n");
    expect(run.stdout).toContain("(corporaties)\n      Toelichting: Minder vrijkomende  woningen.\n      stale-explanation: De toelichting bij status oranje in 2023");
    // Lefier's own agreement is not in Woonservice's list.
    expect(run.stdout).not.toContain("Lefier sloopt");
  });

  it("adds a party field to the JSON report and leaves the rest as it was", async () => {
    const plain = JSON.parse((await runCliCaptured(["check", V2023, "--json"])).stdout) as Report;
    const run = await runCliCaptured(["check", V2023, "--json", "--party", "Lefier"]);
    const report = JSON.parse(run.stdout) as Report & { party: PartyView };
    const { party, ...rest } = report;
    expect(rest).toEqual(plain);
    expect(party.party).toBe("Lefier");
    expect(party.agreements.map((a) => [a.statusCell, a.status, a.via])).toEqual([
      ["K4", "oranje", "name"],
      ["K5", "groen", "name"],
      ["K6", "rood", "name"],
      ["K8", "groen", "name"],
      ["K9", "oranje", "group"],
      ["K10", "groen", "name"],
      ["K11", "groen", "name"],
      ["K13", "groen", "name"],
    ]);
  });

  it("refuses an unknown party with exit 2, naming the known ones", async () => {
    const run = await runCliCaptured(["check", V2023, "--party", "Woonbedrijf"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown party 'Woonbedrijf'; known parties: Gemeente Stadskanaal, Lefier, Woonservice");
  });
});
