import { CATALOGUES, translate, type Catalogue } from "../../../src/domain/findings/catalogue";
import {
  FINDING_CODES,
  FINDING_PARAMS,
  MODEL_PROBLEMS,
  SEVERITIES,
  type FindingCode,
  type FindingData,
  type FindingParamsByCode,
} from "../../../src/domain/findings/finding";
import { formatMessage } from "../../../src/domain/findings/messages";

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

/** Every section and key of a catalogue, as [section, key, text]. */
function entries(catalogue: Catalogue): [string, string, string][] {
  return Object.entries(catalogue).flatMap(([section, texts]) =>
    Object.entries(texts as Readonly<Record<string, string>>).map(([key, text]): [string, string, string] => [section, key, text]),
  );
}

describe("the catalogue (locales/nl.ts, locales/en.ts)", () => {
  const nl = entries(CATALOGUES.nl);
  const en = entries(CATALOGUES.en);

  it("has the same sections and keys in nl and en", () => {
    expect(en.map(([section, key]) => `${section}.${key}`)).toEqual(nl.map(([section, key]) => `${section}.${key}`));
    expect(nl.length).toBeGreaterThan(200);
  });

  it("has a non-empty text for every key in both languages", () => {
    const empty = [...nl.map((e) => ["nl", ...e]), ...en.map((e) => ["en", ...e])].filter(([, , , text]) => (text ?? "").trim() === "");
    expect(empty).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const differ = nl
      .map(([section, key, text], i) => [`${section}.${key}`, placeholders(text), placeholders(en[i]?.[2] ?? "")] as const)
      .filter(([, a, b]) => a.join() !== b.join());
    expect(differ).toEqual([]);
  });

  it("has a message, a rule title and a params entry for every finding code, and nothing for unknown codes", () => {
    for (const lang of ["nl", "en"] as const) {
      expect(Object.keys(CATALOGUES[lang].messages).sort()).toEqual([...FINDING_CODES].sort());
      expect(Object.keys(CATALOGUES[lang].ruleTitles).sort()).toEqual([...FINDING_CODES].sort());
      expect(Object.keys(CATALOGUES[lang].nextSteps).sort()).toEqual([...FINDING_CODES].sort());
      expect(Object.keys(CATALOGUES[lang].modelProblems).sort()).toEqual([...MODEL_PROBLEMS].sort());
      expect(Object.keys(CATALOGUES[lang].severity).sort()).toEqual([...SEVERITIES].sort());
      expect(Object.keys(CATALOGUES[lang].severityPlural).sort()).toEqual([...SEVERITIES].sort());
    }
    expect(Object.keys(FINDING_PARAMS).sort()).toEqual([...FINDING_CODES].sort());
  });

  it("fills every placeholder of a message from the code's params or the finding's own fields", () => {
    const ownFields = ["{actual}", "{expected}", "{suggestion}"];
    const unfilled = FINDING_CODES.flatMap((code) => {
      const known = [...Object.keys(FINDING_PARAMS[code]).map((k) => `{${k}}`), ...ownFields];
      return placeholders(CATALOGUES.nl.messages[code])
        .filter((p) => !known.includes(p))
        .map((p) => `${code}: ${p}`);
    });
    expect(unfilled).toEqual([]);
    // Model problem phrases read the invalid-model finding's `value`.
    for (const problem of MODEL_PROBLEMS) {
      for (const p of placeholders(CATALOGUES.nl.modelProblems[problem])) expect(["{value}"]).toContain(p);
    }
  });

  it("formats a finding of every code with every param filled in", () => {
    const sample = { text: "x", number: 7, amount: 1250, "text-or-number": "2022", "model-problem": "missing-column" } as const;
    for (const code of FINDING_CODES) {
      const params = Object.fromEntries(Object.entries(FINDING_PARAMS[code]).map(([key, kind]) => [key, sample[kind as keyof typeof sample]]));
      // Built from the runtime list: the compiler cannot pair these params with the code.
      const finding = { code, severity: "error", sheet: "A", expected: 1, actual: 2, params } as unknown as FindingData;
      for (const lang of ["nl", "en"] as const) expect(formatMessage(finding, lang)).not.toMatch(/\{\w+\}/);
    }
  });

  it("translates with placeholders filled and unknown ones left visible", () => {
    expect(translate("cli", "moreInGroup", "en", { count: 3 })).toBe("… and 3 more (show all: --all)");
    expect(translate("labels", "trendChangedOnly", "nl", { changed: 2 })).toBe("Afspraken waarvan de status veranderde: 2 van {total}.");
    expect(translate("cli", "help", "nl", { limit: 8 })).toContain("de eerste 8 per regel");
  });
});

describe("typed finding params", () => {
  it("rejects a rule giving the wrong params for its code (compile time)", () => {
    const ok: FindingData[] = [
      { code: "missing-status", severity: "warning", sheet: "A", params: { year: 2022 } },
      { code: "missing-theme", severity: "error", sheet: "A" },
      { code: "invalid-model", severity: "error", sheet: "Model", params: { block: "Partijen", problem: "missing-name", value: "" } },
    ];
    const wrong: FindingData[] = [
      // @ts-expect-error -- missing-status's year is a number
      { code: "missing-status", severity: "warning", sheet: "A", params: { year: "2022" } },
      // @ts-expect-error -- unknown-theme needs its value
      { code: "unknown-theme", severity: "error", sheet: "A", params: { theme: "Wonen" } },
      // @ts-expect-error -- stock-continuity needs params
      { code: "stock-continuity", severity: "error", sheet: "T" },
      // @ts-expect-error -- not a model problem
      { code: "invalid-model", severity: "error", sheet: "Model", params: { block: "Partijen", problem: "typo", value: "" } },
    ];
    expect(ok.length + wrong.length).toBe(7);
  });

  it("has a params type for every code (compile time)", () => {
    // Fails to compile when FindingParamsByCode misses a code or names one that is not a FindingCode.
    const exact: [Exclude<FindingCode, keyof FindingParamsByCode>, Exclude<keyof FindingParamsByCode, FindingCode>] extends [never, never] ? true : false = true;
    expect(exact).toBe(true);
  });
});
