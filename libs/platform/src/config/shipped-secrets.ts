/**
 * The secret values the repository ships: bonfire.env's development defaults and docker-compose.yml's
 * fallbacks (`${VAR:-value}`), passwords inside their URLs included. They are public, so production refuses
 * to boot with any of them. Committed here rather than read from those files at boot, because service
 * images do not contain them; shipped-secrets.spec.ts fails when this list and the files drift apart.
 */
export const SHIPPED_SECRETS: readonly string[] = [
  'bonfire',
  'bonfire-dev-secret',
  'dev-only-internal-identity-secret-change-me',
  'dev-only-key-encryption-secret-change-me-please',
  'dev-only-voice-token-secret-change-me-please',
];

/**
 * Values earlier versions shipped (docker-compose.yml's fallbacks, before it required every secret): still
 * refused, since deployments made from those files may carry them.
 */
export const FORMERLY_SHIPPED_SECRETS: readonly string[] = ['dev-only-auth-key-encryption-secret-change-me'];
