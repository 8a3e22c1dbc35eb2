// Why a file could not be opened, in a user's words rather than Node's (`ENOENT: no such file or
// directory, open '/abs/path'`): the finding already names the file.

export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'nothing exists at its path (is it a symbolic link to a missing file?)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'its symbolic links loop';
  return error instanceof Error ? error.message : String(error);
}
