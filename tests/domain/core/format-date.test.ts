import { formatDateSerial, isDateFormat } from "../../../src/domain/core/format-date";
import { checkWorkbook } from "../../../src/domain/check-workbook";
import { gridFromA1 } from "../../helpers/grid-from-a1";

/** 1 February 2026, as Excel stores the date a Dutch user gets for typing "1-2". */
const FEB_1_2026 = 46054;

describe("formatDateSerial", () => {
  it("shows a serial in the date formats Excel gives typed dates", () => {
    expect(formatDateSerial(FEB_1_2026, "d-mmm")).toBe("1-feb");
    expect(formatDateSerial(FEB_1_2026, "dd/mm/yyyy")).toBe("01/02/2026");
    expect(formatDateSerial(FEB_1_2026, "d mmmm yyyy")).toBe("1 februari 2026");
    expect(formatDateSerial(FEB_1_2026, "[$-409]d-mmm-yy")).toBe("1-Feb-26");
    expect(formatDateSerial(FEB_1_2026, "dddd d mmm")).toBe("zondag 1 feb");
    // Built-in 14 (the system's short date) as a Dutch Excel shows it.
    expect(formatDateSerial(FEB_1_2026, "mm-dd-yy")).toBe("1-2-2026");
    expect(formatDateSerial(FEB_1_2026 + 0.5, "d-m-yyyy h:mm")).toBe("1-2-2026 12:00");
    expect(formatDateSerial(0.75, "h:mm AM/PM")).toBe("6:00 PM");
    expect(formatDateSerial(FEB_1_2026, '"week van" d-m')).toBe("week van 1-2");
  });

  it("leaves numbers in number formats alone", () => {
    for (const format of ["General", "0", "0.0%", "#,##0.00", "@", "[Red]0;[Blue]-0", '"mm" 0']) {
      expect(isDateFormat(format)).toBe(false);
      expect(formatDateSerial(3, format)).toBeUndefined();
    }
    expect(formatDateSerial(-1, "d-mmm")).toBeUndefined();
  });
});

describe("a date-formatted status cell", () => {
  const grid = gridFromA1(
    {
      A1: "Onderwerp",
      B1: "Actiepunt/prestatieafspraken",
      C1: "Wie?",
      D1: "Status 2026",
      E1: "Toelichting 2026",
      A2: "Duurzaamheid",
      B2: "Woningen verduurzamen",
      C2: "Gemeente",
      D2: FEB_1_2026,
      E2: "uitleg",
      A3: "Duurzaamheid",
      B3: "Isoleren",
      C3: "Gemeente",
      D3: 12,
      E3: "uitleg",
    },
    { formats: { D2: "d-mmm" } },
  );

  it("reads as the text the user sees, not as the serial number", () => {
    const result = checkWorkbook([grid], { lang: "nl" });
    const statuses = result.agreements.map((a) => a.statuses[0]?.raw);
    expect(statuses).toEqual(["1-feb", "12"]);
    const finding = result.findings.find((f) => f.cell === "D2");
    expect(finding?.message).toContain("1-feb");
    expect(finding?.message).not.toContain(String(FEB_1_2026));
  });
});
