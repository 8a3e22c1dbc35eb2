// Why a file could not be opened, in a user's words rather than Node's (`ENOENT: no such file or
// directory, open '/abs/path'`): the finding already names the file.

/** A file-system error from Node (or shaped like one): a code such as ENOENT and the path it was about. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string; path: string } {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  return error instanceof Error && typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && typeof path === 'string';
}

/** Why, in words; an error Goalpost raised itself (a link out of the workspace, a named pipe) carries its own. */
export function describeReadError(error: unknown): string {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  // A name that is not UTF-8 reaches JavaScript with U+FFFD in place of its bytes, and nothing
  // exists under that changed name.
  if (code === 'ENOENT' && typeof path === 'string' && path.includes('\uFFFD')) return 'its name (or a folder\u2019s name on its path) is not valid UTF-8, so it cannot be opened by it';
  if (code === 'ENOENT') return 'nothing exists at its path (is it a symbolic link to a missing file?)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'its symbolic links loop';
  if (code === 'ENAMETOOLONG') return 'its path is longer than the system allows';
  if (code === 'ENOTDIR') return 'a part of its path is a file, not a folder';
  return error instanceof Error ? error.message : String(error);
}
