import { checkRow, withCode } from "../helpers";

describe("checkAgreementText", () => {
  it("warns about an empty agreement at the agreement cell", () => {
    expect(withCode(checkRow("Duurzaamheid", "RES", null, "Gemeente"), "missing-agreement")).toEqual([
      { code: "missing-agreement", severity: "warning", sheet: "Afspraken", cell: "C2", row: 2 },
    ]);
  });
});
