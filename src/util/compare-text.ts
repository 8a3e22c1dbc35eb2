// The one order for text in Goalpost's output: by UTF-16 code unit, the same on every machine.
// Not localeCompare, whose order follows the machine's locale and ICU data, which would make the
// same inputs give different bytes.

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
