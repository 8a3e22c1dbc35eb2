// How many times a piece occurs in a string (or a piece of bytes in a Buffer), by indexOf: no
// array or match objects made.

interface Searchable<Piece> {
  indexOf(piece: Piece, from?: number): number;
}

export function countOf<Piece extends string | Uint8Array>(text: Searchable<Piece>, piece: Piece): number {
  let found = 0;
  for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + piece.length)) found++;
  return found;
}
