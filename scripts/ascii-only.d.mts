// Types of ascii-only.mjs (a plain module, run by scripts/build.mjs without TypeScript).
import type ts from 'typescript';

export function asciiOnly(text: string, typescript: typeof ts): string | undefined;
