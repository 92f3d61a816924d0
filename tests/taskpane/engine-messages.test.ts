import { checkWorkbook, planFormats } from "../../src/domain";
import { createResultCollector, RESULT_SLICE, splitResult } from "../../src/taskpane/engine-messages";
import { gridFromRows } from "../helpers/grid-from-a1";

/** The engine's result crosses to the pane in slices and is the same result when gathered again. */

const HEADER = ["Onderwerp", "nr", "Actiepunt/prestatieafspraken", "Wie?", "Activiteitenoverzicht 2022", "Status 2022", "Toelichting 2022"];

describe("splitResult and createResultCollector", () => {
  it("slice a result with more agreements than one message holds, and gather it back unchanged", () => {
    const rows = Array.from({ length: RESULT_SLICE * 2 + 7 }, (_, i) => ["Duurzaamheid", "", `Afspraak ${i}`, i % 3 === 0 ? "Gemeent" : "Lefier", "", i % 2 === 0 ? "groen" : "", ""]);
    const result = checkWorkbook([gridFromRows([HEADER, ...rows])]);
    const parts = splitResult({ result });
    expect(parts.filter((p) => p.kind === "agreements")).toHaveLength(3);
    expect(parts.every((p) => p.kind === "done" || p.items.length <= RESULT_SLICE)).toBe(true);
    expect(parts[parts.length - 1]?.kind).toBe("done");
    const collector = createResultCollector();
    const gathered = parts.map((part) => collector.add(structuredClone(part)));
    expect(gathered.slice(0, -1).every((r) => r === undefined)).toBe(true);
    expect(gathered[gathered.length - 1]).toEqual({ result });
  });

  it("carry the format plan with the result when it was asked for", () => {
    const rows = Array.from({ length: 12 }, (_, i) => ["Duurzaamheid", "", `Afspraak ${i}`, "Gemeent", "", i % 2 === 0 ? "groen" : "paars", ""]);
    const result = checkWorkbook([gridFromRows([HEADER, ...rows])]);
    const formats = planFormats(result);
    expect(formats.highlights.length).toBeGreaterThan(0);
    const collector = createResultCollector();
    const gathered = splitResult({ result, formats }).map((part) => collector.add(structuredClone(part)));
    expect(gathered[gathered.length - 1]).toEqual({ result, formats });
  });
});
