/** @module PasswordHasher with argon2id (@node-rs/argon2), OWASP's recommended parameters. */
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../core/staff/staff-stores.js';

/** argon2id, 19 MiB, 2 passes, 1 lane (OWASP Password Storage Cheat Sheet, 2024). Tests may pass cheaper settings. */
export function createArgon2PasswordHasher(options: { memoryCost?: number; timeCost?: number } = {}): PasswordHasher {
  const params = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: options.memoryCost ?? 19_456, timeCost: options.timeCost ?? 2, parallelism: 1 };
  return {
    hash: (password) => hash(password, params),
    async verify(stored, password) {
      try {
        return await verify(stored, password);
      } catch {
        return false; // a malformed stored hash never signs anyone in
      }
    },
  };
}
