import type { GazetteConfig } from '../config.js';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';

/**
 * Where unsubscribe links point: `unsubscribe.url`, or `unsubscribe` under `base_url`.
 * Null when the config gives neither.
 */
export function unsubscribeEndpoint(config: GazetteConfig): URL | null {
  if (config.unsubscribe.url) return new URL(config.unsubscribe.url);
  if (config.base_url) return new URL('unsubscribe', config.base_url.endsWith('/') ? config.base_url : `${config.base_url}/`);
  return null;
}

/** The endpoint URL with a recipient's token in its query string. */
export function unsubscribeLink(endpoint: URL, token: string): string {
  const link = new URL(endpoint);
  link.searchParams.set('token', token);
  return link.toString();
}

/** The HMAC secret: the environment variable named in config wins over a secret written in config. */
export function unsubscribeSecret(config: GazetteConfig, env: NodeJS.ProcessEnv): string {
  const fromEnv = env[config.unsubscribe.secret_env];
  const secret = fromEnv && fromEnv.length > 0 ? fromEnv : config.unsubscribe.secret;
  if (!secret) {
    throw new GazetteError([
      diagnostic('unsubscribe/no-secret', `unsubscribe links are signed with a secret: set ${config.unsubscribe.secret_env} (at least 16 characters) or unsubscribe.secret in the config`, {
        field: 'unsubscribe.secret',
      }),
    ]);
  }
  if (secret.length < 16) {
    throw new GazetteError([diagnostic('unsubscribe/weak-secret', `${config.unsubscribe.secret_env} must be at least 16 characters long`, { field: 'unsubscribe.secret' })]);
  }
  return secret;
}
