// How a cell's text appears inside a message: JSON-quoted (control characters and quotes
// escaped) and cut when long, so a hostile or broken cell cannot flood or reshape the report.
const MAX_SHOWN = 40;

export function showCell(text: string): string {
  const characters = [...text];
  return JSON.stringify(characters.length > MAX_SHOWN ? `${characters.slice(0, MAX_SHOWN - 1).join('')}…` : text);
}
