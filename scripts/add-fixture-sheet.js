"use strict";
// The fixture scripts' one way to lay rows out on a new sheet: values from row 1, column A
// (null and undefined stay blank), then the column widths.

function addSheet(workbook, name, rows, widths) {
  const sheet = workbook.addWorksheet(name);
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
    });
  });
  widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  return sheet;
}

module.exports = { addSheet };
