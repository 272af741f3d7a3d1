import { stat } from 'node:fs/promises';

/** Whether a file is there: false when nothing (or no folder on its path) is; any other failure is thrown. */
export async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (found) => found.isFile(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return false;
      throw error;
    },
  );
}
