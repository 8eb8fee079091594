/**
 * CSV for spreadsheets (RFC 4180). A cell a spreadsheet would run as a
 * formula (starting with = + - @, or a tab or carriage return) gets a leading
 * apostrophe; a cell with a quote, comma or line break is quoted, its quotes
 * doubled.
 */
export function csvCell(value: string | Date | null | undefined): string {
  let cell = value == null ? "" : value instanceof Date ? value.toISOString() : value;
  if (/^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsv(header: string[], rows: (string | Date | null | undefined)[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
