/** @module Identity ports: random ids and random bytes come from outside the core. */
export interface IdGenerator {
  /** A new unique, URL-safe id. */
  newId(): string;
}

/** Returns `size` cryptographically random bytes. */
export type RandomBytes = (size: number) => Uint8Array;
