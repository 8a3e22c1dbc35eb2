// Terminal colour, applied only when the terminal shows it; every coloured word also reads
// in plain text, so nothing depends on colour.
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function createPaint(color: boolean): Paint {
  if (!color) {
    const plain = (text: string) => text;
    return { red: plain, yellow: plain, green: plain, blue: plain, dim: plain, bold: plain };
  }
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/** Removes control characters so that file text cannot drive the terminal. */
export function stripControl(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
