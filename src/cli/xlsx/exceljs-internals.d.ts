/*
 * The one exceljs internal the CLI touches (see keepNumberFormatEscapes in read-workbook.ts).
 * exceljs 4.4 ships no types for its xform classes.
 */
declare module "exceljs/lib/xlsx/xform/style/numfmt-xform" {
  interface NumFmtNode {
    readonly name: string;
    readonly attributes: Readonly<Record<string, string>>;
  }
  class NumFmtXform {
    model?: { id: number; formatCode: string };
    parseOpen(node: NumFmtNode): boolean;
  }
  export = NumFmtXform;
}
