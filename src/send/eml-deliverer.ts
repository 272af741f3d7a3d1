import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic.js';
import type { Deliverer } from './deliverer.js';

/** `--dry-run DIR`: every message written as `DIR/<address>.eml`, exactly as it would be sent. */
export function emlDeliverer(dir: string): Deliverer {
  return {
    async deliver(prepared, onTransmit) {
      onTransmit();
      const file = path.join(dir, `${prepared.envelope.to.replace(/[^A-Za-z0-9@._+-]/g, '_')}.eml`);
      await writeFileAtomic(file, prepared.raw);
      return `written to ${path.basename(file)}`;
    },
    async verify() {
      await mkdir(dir, { recursive: true });
    },
    close() {},
  };
}
