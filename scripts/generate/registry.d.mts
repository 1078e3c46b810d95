// Types of registry.mjs (plain JavaScript, run by scripts/build.mjs before anything is bundled).
export const REGISTRY: string;
export function catalogueOrder(contract: string): string[];
export function registrySource(moduleIds: readonly string[], catalogue: readonly string[]): string;
export function expectedRegistry(root: string): string;
