import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { withReturnPath } from '../message/return-path.js';
import { writeFileAtomic } from '../output/atomic.js';
import type { Deliverer } from './deliverer.js';
import { wholeMessage } from './prepared-message.js';

/**
 * A dry run: every message written as `DIR/<address>.eml`, exactly as it would be sent, with
 * the `Return-Path` its recipient's server would add, so the envelope sender can be seen.
 */
export function emlDeliverer(dir: string): Deliverer {
  return {
    async deliver(prepared, onTransmit) {
      await onTransmit();
      const file = path.join(dir, `${prepared.envelope.to.replace(/[^A-Za-z0-9@._+-]/g, '_')}.eml`);
      await writeFileAtomic(file, withReturnPath(wholeMessage(prepared), prepared.envelope.from));
      return `written to ${path.basename(file)}`;
    },
    async verify() {
      await mkdir(dir, { recursive: true });
    },
    close() {},
  };
}
