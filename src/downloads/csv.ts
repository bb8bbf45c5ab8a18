// CSV (RFC 4180) cells and lines, shared by every download the project offers.

// A spreadsheet runs a cell that starts with one of these as a formula; a leading quote makes it text.
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r']

/** One CSV cell: guarded against formula injection, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | null): string {
  if (value === null || value === '') return ''
  const guarded = FORMULA_TRIGGERS.includes(value[0]!) ? `'${value}` : value
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded
}

export function csvRow(values: readonly (string | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}
