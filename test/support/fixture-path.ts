/** @module Paths of test material, resolved from this file's place in the repository: never absolute, never from the working directory. */
import { fileURLToPath } from 'node:url';

const REPOSITORY = new URL('../../', import.meta.url);

/** `repositoryPath('demo/news-stream-2025-01-17.txt')`: a file of the checkout, wherever it was cloned. */
export function repositoryPath(relative = ''): string {
  return fileURLToPath(new URL(relative, REPOSITORY));
}

/** `fixturePath('wire/ninjs/2.1/ntb_text.json')`: a file under test/fixtures/ (see test/fixtures/README.md). */
export function fixturePath(relative = ''): string {
  return repositoryPath(`test/fixtures/${relative}`);
}
